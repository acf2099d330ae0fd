package audioloop.hearingmodel;

/**
 * One band-pass of the auditory filter bank, ECMA-418-2:2025 Section 5.1.4.2: a complex recursive filter of order
 * k = 5 (Equations 13 to 15) whose poles sit at d·e^{i2πF(z)/r_s}, with time constant
 * τ = 2^{−(2k−1)}·C(2k−2, k−1)/Δf(z) and d = e^{−1/(r_s·τ)}; the band signal is twice the real part of its output.
 * The coefficients and the recursion follow refmap-psychoacoustics' {@code shm_auditory_filtbank} (scipy
 * {@code lfilter}, transposed direct form II), so the rounding is the reference's. Streaming: state kept between calls.
 */
public final class AuditoryFilter {
    private static final int ORDER = 5;
    /** e_i of Equation 15 for k = 5 (footnote 5). */
    private static final double[] E = {0, 1, 11, 11, 1};

    private final double[] bRe = new double[ORDER + 1];
    private final double[] bIm = new double[ORDER + 1];
    private final double[] aRe = new double[ORDER + 1];
    private final double[] aIm = new double[ORDER + 1];
    private final double[] zRe = new double[ORDER];
    private final double[] zIm = new double[ORDER];

    public AuditoryFilter(int band) {
        double tau = (1.0 / (1 << (2 * ORDER - 1))) * binomial(2 * ORDER - 2, ORDER - 1)
                * (1 / CriticalBands.bandwidthHz(band));
        double d = Math.exp(-1. / (CriticalBands.SAMPLE_RATE_HZ * tau));
        double omega = 2 * Math.PI * CriticalBands.centreHz(band);
        double eSum = 0;
        for (int i = 1; i < ORDER; i++) {
            eSum += E[i] * Math.pow(d, i);
        }
        double gain = Math.pow(1 - d, ORDER) / eSum;
        for (int m = 0; m <= ORDER; m++) {
            double phase = omega * m / CriticalBands.SAMPLE_RATE_HZ;
            double cos = Math.cos(phase);
            double sin = Math.sin(phase);
            // Equation 14: a_m = (−d)^m·C(k, m)·e^{i·m·ω/r_s}
            double am = m == 0 ? 1 : Math.pow(-d, m) * binomial(ORDER, m);
            aRe[m] = am * cos;
            aIm[m] = am * sin;
            // Equation 15: b_m = (1 − d)^k / Σ e_i·d^i · d^m·e_m·e^{i·m·ω/r_s}, m < k (b_k = 0)
            if (m < ORDER) {
                double bm = gain * Math.pow(d, m) * E[m];
                bRe[m] = bm * cos;
                bIm[m] = bm * sin;
            }
        }
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Filters {@code length} real samples of {@code in} into {@code out[outFrom …]}: 2·Re of the complex output. */
    public void filter(double[] in, int length, double[] out, int outFrom) {
        double[] zr = zRe;
        double[] zi = zIm;
        for (int n = 0; n < length; n++) {
            double x = in[n];
            double yr = zr[0] + bRe[0] * x;
            double yi = zi[0] + bIm[0] * x;
            for (int k = 0; k < ORDER - 1; k++) {
                zr[k] = (zr[k + 1] + bRe[k + 1] * x) - (aRe[k + 1] * yr - aIm[k + 1] * yi);
                zi[k] = (zi[k + 1] + bIm[k + 1] * x) - (aIm[k + 1] * yr + aRe[k + 1] * yi);
            }
            zr[ORDER - 1] = bRe[ORDER] * x - (aRe[ORDER] * yr - aIm[ORDER] * yi);
            zi[ORDER - 1] = bIm[ORDER] * x - (aIm[ORDER] * yr + aRe[ORDER] * yi);
            out[outFrom + n] = 2 * yr;
        }
    }
}
