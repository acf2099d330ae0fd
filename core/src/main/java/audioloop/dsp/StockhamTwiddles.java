package audioloop.dsp;

/**
 * The per-stage twiddle tables of a mixed-radix Stockham FFT: for the stages of radix p_s in order, each
 * splitting a sub-transform of length L_s into p_s of length m_s = L_s / p_s, the factors
 * e^{sign·2πi·j·q/L_s} at [s][q·(p_s − 1) + j − 1], q = 0 … m_s − 1, j = 1 … p_s − 1. Shared by {@link RealFft}
 * (sign +1, inverse) and the roughness model's batched envelope transform (sign −1, forward).
 */
public final class StockhamTwiddles {
    public final double[][] re;
    public final double[][] im;

    /**
     * @param radices the stages' radices in order; their product is {@code length}
     * @param sign    +1 or −1, the sign of the exponent
     */
    public StockhamTwiddles(int[] radices, int length, int sign) {
        re = new double[radices.length][];
        im = new double[radices.length][];
        for (int s = 0; s < radices.length; s++) {
            int p = radices[s];
            int m = length / p;
            re[s] = new double[m * (p - 1)];
            im[s] = new double[m * (p - 1)];
            for (int q = 0; q < m; q++) {
                for (int j = 1; j < p; j++) {
                    double angle = 2 * Math.PI * (j * q) / length; // j·q < p·m = length: no reduction needed
                    re[s][q * (p - 1) + j - 1] = Math.cos(angle);
                    im[s][q * (p - 1) + j - 1] = sign * Math.sin(angle);
                }
            }
            length = m;
        }
    }
}
