package audioloop.hearingmodel;

/**
 * Transformation of a band's block into basis loudness, ECMA-418-2:2025 Sections 5.1.6 to 5.1.9: the half-wave
 * rectified band signal's block RMS p̃ (Equation 21, with the factor 2 of the rectification), the non-linearity
 * N′ = c_N·(p̃/p₀)·Π_i (1 + (p̃/p_t,i)^α)^((v_i − v_{i−1})/α) (Equations 22, 23, Table 2) and the subtraction of the
 * band's threshold in quiet (Equation 24, Table 3), clipped at zero.
 */
public final class BasisLoudness {
    /** c_N of Equation 22 times the adjustment of footnote 8. */
    private static final double CAL_N = 0.0211668;
    private static final double CAL_NX = 1.00132;
    private static final double ALPHA = 1.5;
    private static final double P_REF_PA = 2e-5;
    /** v_i of Table 2, i = 0 … 8. */
    private static final double[] V = {1, 0.6602, 0.0864, 0.6384, 0.0328, 0.4068, 0.2082, 0.3994, 0.6434};
    /** Threshold in quiet N′_thresh(z) of Table 3, sone_HMS/Bark_HMS. */
    private static final double[] THRESHOLD = {
        0.3310, 0.1625, 0.1051, 0.0757, 0.0576, 0.0453, 0.0365, 0.0298, 0.0247, 0.0207, 0.0176, 0.0151, 0.0131,
        0.0115, 0.0103, 0.0093, 0.0086, 0.0081, 0.0077, 0.0074, 0.0073, 0.0072, 0.0071, 0.0072, 0.0073, 0.0074,
        0.0076, 0.0079, 0.0082, 0.0086, 0.0092, 0.0100, 0.0109, 0.0122, 0.0138, 0.0157, 0.0172, 0.0180, 0.0180,
        0.0177, 0.0176, 0.0177, 0.0182, 0.0190, 0.0202, 0.0217, 0.0237, 0.0263, 0.0296, 0.0339, 0.0398, 0.0485,
        0.0622,
    };
    /** p_t,i = p₀·10^{L_t,i/20} with L_t,i = 15, 25 … 85 dB (Table 2). */
    private static final double[] P_THRESHOLD = new double[V.length - 1];
    private static final double[] EXPONENT = new double[V.length - 1];

    static {
        for (int i = 0; i < P_THRESHOLD.length; i++) {
            P_THRESHOLD[i] = P_REF_PA * Math.pow(10, (15 + 10 * i) / 20.0);
            EXPONENT[i] = (V[i + 1] - V[i]) / ALPHA;
        }
    }

    private BasisLoudness() {
    }

    /**
     * Basis loudness of one block of a rectified band signal.
     *
     * @param sumOfSquares Σ of the squared rectified samples of the block
     * @param blockSize    the block's length s_b
     */
    public static double of(int band, double sumOfSquares, int blockSize) {
        double rms = Math.sqrt((2.0 / blockSize) * sumOfSquares);
        double product = 1;
        for (int i = 0; i < P_THRESHOLD.length; i++) {
            product *= Math.pow(1 + Math.pow(rms / P_THRESHOLD[i], ALPHA), EXPONENT[i]);
        }
        double loudness = CAL_N * CAL_NX * (rms / P_REF_PA) * product - THRESHOLD[band];
        return loudness < 0 ? 0 : loudness;
    }
}
