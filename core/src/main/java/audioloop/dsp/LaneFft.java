package audioloop.dsp;

import java.util.Arrays;

/**
 * Unnormalised complex DFTs of many signals at once, x_t = Σ_k X_k·e^{sign·2πi·kt/n}, for n = 2^a·3^b·5^c. The
 * signals are the lanes of each element: element e of all of them is the lane vector {@code re[e][0 … lanes)},
 * {@code im[e][…]}, so every butterfly is a loop over the lanes with the same twiddle.
 *
 * <p>Why this layout: it is the one JDK 17's C2 turns into SIMD code. Its SuperWord pass packs a loop's iterations
 * only when every stream is a different array (streams at different offsets of one array may alias, and then it
 * gives up: a one-signal Stockham FFT never vectorises), and only when the loop is unrolled, which for a radix-4
 * butterfly needs {@code -XX:LoopUnrollLimit} above its default of 60 (the launcher sets 150). Constants are read
 * from instance fields into locals, because a {@code static final double} operand also stops the packing. The
 * radix-5 butterfly is four lane loops through small scratch vectors: as one loop it never vectorises. Measured (one
 * thread, 4800 points, 48 lanes, per lane, unroll limit 250): 24 µs, against 52 µs for {@link RealFft}'s one-signal
 * transform; with C1 only, or without the unroll limit, the two are about even.
 *
 * <p>Method: iterative Stockham autosort (no bit reversal), radix-4 stages first, then 2, 3, 5. Not thread-safe.
 */
public final class LaneFft {
    private final int length;
    private final int lanes;
    private final int[] radices;
    private final boolean inverse;
    private final double[][] stageTwiddleRe;
    private final double[][] stageTwiddleIm;
    // Butterfly constants with the transform's sign (fields, not static finals: see the class comment).
    private final double half;
    private final double sin60;
    private final double cos72;
    private final double cos144;
    private final double sin72;
    private final double sin144;
    private final double[][] re0;
    private final double[][] im0;
    private final double[][] re1;
    private final double[][] im1;
    private double[][] resultRe;
    private double[][] resultIm;
    /** Radix-5 scratch lane vectors: sums and differences of inputs 1, 4 and 2, 3; the two cosine combinations. */
    private final double[][] scratch;

    /** Whether this class transforms length n: n ≥ 1 with no prime factor above 5. */
    public static boolean supports(int n) {
        if (n < 1) {
            return false;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (n % p == 0) {
                n /= p;
            }
        }
        return n == 1;
    }

    /**
     * @param sign +1 (inverse direction) or −1 (forward)
     * @throws IllegalArgumentException if {@link #supports}(length) is false, lanes &lt; 1 or sign is not ±1
     */
    public LaneFft(int length, int lanes, int sign) {
        if (!supports(length) || lanes < 1 || Math.abs(sign) != 1) {
            throw new IllegalArgumentException("lane FFT needs n = 2^a·3^b·5^c, lanes ≥ 1, sign ±1: got n = " + length
                    + ", " + lanes + " lanes, sign " + sign);
        }
        this.length = length;
        this.lanes = lanes;
        radices = factor(length);
        inverse = sign > 0;
        StockhamTwiddles twiddles = new StockhamTwiddles(radices, length, sign);
        stageTwiddleRe = twiddles.re;
        stageTwiddleIm = twiddles.im;
        half = 0.5;
        sin60 = sign * Math.sqrt(3.0) / 2.0;
        cos72 = Math.cos(2 * Math.PI / 5);
        cos144 = Math.cos(4 * Math.PI / 5);
        sin72 = sign * Math.sin(2 * Math.PI / 5);
        sin144 = sign * Math.sin(4 * Math.PI / 5);
        re0 = new double[length][lanes];
        im0 = new double[length][lanes];
        re1 = new double[length][lanes];
        im1 = new double[length][lanes];
        scratch = new double[12][lanes];
    }

    private static int[] factor(int m) {
        int[] out = new int[32];
        int count = 0;
        while (m % 4 == 0) {
            out[count++] = 4;
            m /= 4;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (m % p == 0) {
                out[count++] = p;
                m /= p;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Lane vectors the caller may fill and pass to {@link #transform}: element e at [e][lane]. */
    public double[][] inputRe() {
        return re1;
    }

    /** See {@link #inputRe}. */
    public double[][] inputIm() {
        return im1;
    }

    /**
     * Transforms the n elements inRe[e], inIm[e] (any arrays of at least lanes values; left unchanged unless they
     * are {@link #inputRe}/{@link #inputIm}, which are overwritten). The result is in {@link #resultRe} and
     * {@link #resultIm} until the next call.
     */
    public void transform(double[][] inRe, double[][] inIm) {
        double[][] xRe = inRe;
        double[][] xIm = inIm;
        double[][] yRe = re0;
        double[][] yIm = im0;
        int stride = 1;
        int remaining = length;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st];
            int m = remaining / p;
            switch (p) {
                case 4 -> radix4(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                case 2 -> radix2(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                case 3 -> radix3(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                default -> radix5(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
            }
            xRe = yRe;
            xIm = yIm;
            yRe = yRe == re0 ? re1 : re0;
            yIm = yIm == im0 ? im1 : im0;
            stride *= p;
            remaining = m;
        }
        if (radices.length == 0) { // n = 1: the transform is the identity
            System.arraycopy(inRe[0], 0, re0[0], 0, lanes);
            System.arraycopy(inIm[0], 0, im0[0], 0, lanes);
            xRe = re0;
            xIm = im0;
        }
        resultRe = xRe;
        resultIm = xIm;
    }

    /** The last {@link #transform}'s output: element e at [e][lane]. */
    public double[][] resultRe() {
        return resultRe;
    }

    /** See {@link #resultRe}. */
    public double[][] resultIm() {
        return resultIm;
    }

    // Stage with radix p on sub-transforms of length p·m, stride s: y[i + s·(p·q + j)] = w^{jq}·Σ_r x[i + s·(q + m·r)]·ω_p^{jr}.

    private void radix2(double[][] xRe, double[][] xIm, double[][] yRe, double[][] yIm, int s, int m,
                        double[] wRe, double[] wIm) {
        int n = lanes;
        int sm = s * m;
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[q];
            double w1Im = wIm[q];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 2 * q;
                double[] a0Re = xRe[in];
                double[] a0Im = xIm[in];
                double[] a1Re = xRe[in + sm];
                double[] a1Im = xIm[in + sm];
                double[] b0Re = yRe[out];
                double[] b0Im = yIm[out];
                double[] b1Re = yRe[out + s];
                double[] b1Im = yIm[out + s];
                for (int l = 0; l < n; l++) {
                    b0Re[l] = a0Re[l] + a1Re[l];
                    b0Im[l] = a0Im[l] + a1Im[l];
                    double dRe = a0Re[l] - a1Re[l];
                    double dIm = a0Im[l] - a1Im[l];
                    b1Re[l] = w1Re * dRe - w1Im * dIm;
                    b1Im[l] = w1Re * dIm + w1Im * dRe;
                }
            }
        }
    }

    private void radix3(double[][] xRe, double[][] xIm, double[][] yRe, double[][] yIm, int s, int m,
                        double[] wRe, double[] wIm) {
        int n = lanes;
        int sm = s * m;
        double half = this.half;
        double sin = sin60;
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[2 * q];
            double w1Im = wIm[2 * q];
            double w2Re = wRe[2 * q + 1];
            double w2Im = wIm[2 * q + 1];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 3 * q;
                double[] a0Re = xRe[in];
                double[] a0Im = xIm[in];
                double[] a1Re = xRe[in + sm];
                double[] a1Im = xIm[in + sm];
                double[] a2Re = xRe[in + 2 * sm];
                double[] a2Im = xIm[in + 2 * sm];
                double[] b0Re = yRe[out];
                double[] b0Im = yIm[out];
                double[] b1Re = yRe[out + s];
                double[] b1Im = yIm[out + s];
                double[] b2Re = yRe[out + 2 * s];
                double[] b2Im = yIm[out + 2 * s];
                for (int l = 0; l < n; l++) {
                    // ω = −1/2 + i·sin60: y1,2 = a0 − (a1 + a2)/2 ± i·sin60·(a1 − a2).
                    double tRe = a1Re[l] + a2Re[l];
                    double tIm = a1Im[l] + a2Im[l];
                    double uRe = a0Re[l] - half * tRe;
                    double uIm = a0Im[l] - half * tIm;
                    double vRe = sin * (a2Im[l] - a1Im[l]);
                    double vIm = sin * (a1Re[l] - a2Re[l]);
                    b0Re[l] = a0Re[l] + tRe;
                    b0Im[l] = a0Im[l] + tIm;
                    double y1Re = uRe + vRe;
                    double y1Im = uIm + vIm;
                    double y2Re = uRe - vRe;
                    double y2Im = uIm - vIm;
                    b1Re[l] = w1Re * y1Re - w1Im * y1Im;
                    b1Im[l] = w1Re * y1Im + w1Im * y1Re;
                    b2Re[l] = w2Re * y2Re - w2Im * y2Im;
                    b2Im[l] = w2Re * y2Im + w2Im * y2Re;
                }
            }
        }
    }

    private void radix4(double[][] xRe, double[][] xIm, double[][] yRe, double[][] yIm, int s, int m,
                        double[] wRe, double[] wIm) {
        int n = lanes;
        int sm = s * m;
        boolean inverse = this.inverse;
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[3 * q];
            double w1Im = wIm[3 * q];
            double w2Re = wRe[3 * q + 1];
            double w2Im = wIm[3 * q + 1];
            double w3Re = wRe[3 * q + 2];
            double w3Im = wIm[3 * q + 2];
            // ω = ±i: outputs 1 and 3 are (a0 − a2) ± i·(a1 − a3); which one gets "+" depends on the sign. Swapping
            // the output vectors (with their twiddles) keeps the lane loop free of a sign multiplication.
            double plusWRe = inverse ? w1Re : w3Re;
            double plusWIm = inverse ? w1Im : w3Im;
            double minusWRe = inverse ? w3Re : w1Re;
            double minusWIm = inverse ? w3Im : w1Im;
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 4 * q;
                double[] a0Re = xRe[in];
                double[] a0Im = xIm[in];
                double[] a1Re = xRe[in + sm];
                double[] a1Im = xIm[in + sm];
                double[] a2Re = xRe[in + 2 * sm];
                double[] a2Im = xIm[in + 2 * sm];
                double[] a3Re = xRe[in + 3 * sm];
                double[] a3Im = xIm[in + 3 * sm];
                double[] b0Re = yRe[out];
                double[] b0Im = yIm[out];
                double[] b2Re = yRe[out + 2 * s];
                double[] b2Im = yIm[out + 2 * s];
                double[] plusRe = yRe[out + (inverse ? s : 3 * s)];
                double[] plusIm = yIm[out + (inverse ? s : 3 * s)];
                double[] minusRe = yRe[out + (inverse ? 3 * s : s)];
                double[] minusIm = yIm[out + (inverse ? 3 * s : s)];
                for (int l = 0; l < n; l++) {
                    double sRe = a0Re[l] + a2Re[l];
                    double sIm = a0Im[l] + a2Im[l];
                    double dRe = a0Re[l] - a2Re[l];
                    double dIm = a0Im[l] - a2Im[l];
                    double tRe = a1Re[l] + a3Re[l];
                    double tIm = a1Im[l] + a3Im[l];
                    double eRe = a1Re[l] - a3Re[l];
                    double eIm = a1Im[l] - a3Im[l];
                    b0Re[l] = sRe + tRe;
                    b0Im[l] = sIm + tIm;
                    double y2Re = sRe - tRe;
                    double y2Im = sIm - tIm;
                    b2Re[l] = w2Re * y2Re - w2Im * y2Im;
                    b2Im[l] = w2Re * y2Im + w2Im * y2Re;
                    double pRe = dRe - eIm; // d + i·e
                    double pIm = dIm + eRe;
                    double mRe = dRe + eIm; // d − i·e
                    double mIm = dIm - eRe;
                    plusRe[l] = plusWRe * pRe - plusWIm * pIm;
                    plusIm[l] = plusWRe * pIm + plusWIm * pRe;
                    minusRe[l] = minusWRe * mRe - minusWIm * mIm;
                    minusIm[l] = minusWRe * mIm + minusWIm * mRe;
                }
            }
        }
    }

    private void radix5(double[][] xRe, double[][] xIm, double[][] yRe, double[][] yIm, int s, int m,
                        double[] wRe, double[] wIm) {
        int n = lanes;
        int sm = s * m;
        double c1 = cos72;
        double c2 = cos144;
        double s1 = sin72;
        double s2 = sin144;
        double[] s14Re = scratch[0];
        double[] s14Im = scratch[1];
        double[] d14Re = scratch[2];
        double[] d14Im = scratch[3];
        double[] s23Re = scratch[4];
        double[] s23Im = scratch[5];
        double[] d23Re = scratch[6];
        double[] d23Im = scratch[7];
        double[] c1Re = scratch[8];
        double[] c1Im = scratch[9];
        double[] c2Re = scratch[10];
        double[] c2Im = scratch[11];
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[4 * q];
            double w1Im = wIm[4 * q];
            double w2Re = wRe[4 * q + 1];
            double w2Im = wIm[4 * q + 1];
            double w3Re = wRe[4 * q + 2];
            double w3Im = wIm[4 * q + 2];
            double w4Re = wRe[4 * q + 3];
            double w4Im = wIm[4 * q + 3];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 5 * q;
                double[] a0Re = xRe[in];
                double[] a0Im = xIm[in];
                double[] a1Re = xRe[in + sm];
                double[] a1Im = xIm[in + sm];
                double[] a2Re = xRe[in + 2 * sm];
                double[] a2Im = xIm[in + 2 * sm];
                double[] a3Re = xRe[in + 3 * sm];
                double[] a3Im = xIm[in + 3 * sm];
                double[] a4Re = xRe[in + 4 * sm];
                double[] a4Im = xIm[in + 4 * sm];
                for (int l = 0; l < n; l++) {
                    s14Re[l] = a1Re[l] + a4Re[l];
                    s14Im[l] = a1Im[l] + a4Im[l];
                    d14Re[l] = a1Re[l] - a4Re[l];
                    d14Im[l] = a1Im[l] - a4Im[l];
                    s23Re[l] = a2Re[l] + a3Re[l];
                    s23Im[l] = a2Im[l] + a3Im[l];
                    d23Re[l] = a2Re[l] - a3Re[l];
                    d23Im[l] = a2Im[l] - a3Im[l];
                }
                double[] b0Re = yRe[out];
                double[] b0Im = yIm[out];
                for (int l = 0; l < n; l++) {
                    b0Re[l] = a0Re[l] + s14Re[l] + s23Re[l];
                    b0Im[l] = a0Im[l] + s14Im[l] + s23Im[l];
                    c1Re[l] = a0Re[l] + c1 * s14Re[l] + c2 * s23Re[l];
                    c1Im[l] = a0Im[l] + c1 * s14Im[l] + c2 * s23Im[l];
                    c2Re[l] = a0Re[l] + c2 * s14Re[l] + c1 * s23Re[l];
                    c2Im[l] = a0Im[l] + c2 * s14Im[l] + c1 * s23Im[l];
                }
                // y1,4 = c1 ± i·(s1·d14 + s2·d23), y2,3 = c2 ± i·(s2·d14 − s1·d23), the sines carrying the sign.
                outputPair(c1Re, c1Im, d14Re, d14Im, d23Re, d23Im, s1, s2, yRe[out + s], yIm[out + s], w1Re, w1Im,
                        yRe[out + 4 * s], yIm[out + 4 * s], w4Re, w4Im);
                outputPair(c2Re, c2Im, d14Re, d14Im, d23Re, d23Im, s2, -s1, yRe[out + 2 * s], yIm[out + 2 * s], w2Re,
                        w2Im, yRe[out + 3 * s], yIm[out + 3 * s], w3Re, w3Im);
            }
        }
    }

    /** y_plus = w_plus·(c + i·e), y_minus = w_minus·(c − i·e), e = f·d14 + g·d23, over the lanes. */
    private void outputPair(double[] cRe, double[] cIm, double[] d14Re, double[] d14Im, double[] d23Re,
                            double[] d23Im, double f, double g, double[] plusRe, double[] plusIm, double wpRe,
                            double wpIm, double[] minusRe, double[] minusIm, double wmRe, double wmIm) {
        int n = lanes;
        for (int l = 0; l < n; l++) {
            double eRe = f * d14Re[l] + g * d23Re[l];
            double eIm = f * d14Im[l] + g * d23Im[l];
            double pRe = cRe[l] - eIm;
            double pIm = cIm[l] + eRe;
            double mRe = cRe[l] + eIm;
            double mIm = cIm[l] - eRe;
            plusRe[l] = wpRe * pRe - wpIm * pIm;
            plusIm[l] = wpRe * pIm + wpIm * pRe;
            minusRe[l] = wmRe * mRe - wmIm * mIm;
            minusIm[l] = wmRe * mIm + wmIm * mRe;
        }
    }
}
