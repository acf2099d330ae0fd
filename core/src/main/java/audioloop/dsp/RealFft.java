package audioloop.dsp;

import java.util.Arrays;

/**
 * Unnormalised real DFTs in both directions for even n whose half n/2 has no prime factor above 7 (the 0.2-s
 * roughness frames 9600 = 2·2⁶·3·5² at 48 kHz, 8820 = 2·2·3²·5·7² at 44.1 kHz): the inverse of a Hermitian
 * spectrum, x_t = Σ_{k=0}^{n−1} X_k·e^{+2πi·kt/n}, and the forward transform of a real signal,
 * X_k = Σ_t x_t·e^{−2πi·kt/n}. Same packed layout and results as JTransforms {@code DoubleFFT_1D.realInverse(a,
 * false)} and {@code realForward(a)}, but it allocates nothing per call: JTransforms' mixed-radix path allocates an
 * n-double scratch array inside every call (2 GB per minute of audio in roughness), and this plan keeps its work
 * arrays and twiddles.
 *
 * <p>Method: the n-point real inverse is one n/2-point complex inverse of z_s = x_{2s} + i·x_{2s+1}, whose
 * spectrum is Z_k = (X_k + X_{k+n/2}) + i·e^{2πik/n}·(X_k − X_{k+n/2}) with X_{k+n/2} = conj(X_{n/2−k}); the
 * forward transform runs the same steps backwards, its complex forward FFT being the conjugated inverse. The
 * complex transform is an iterative Stockham autosort FFT (no bit reversal) with radix-4, 2, 3, 5 and 7
 * butterflies and per-stage twiddle tables. Measured (thread CPU, one thread, after warm-up, with a radix-8 pass
 * then): 9600 points 55–59 µs against JTransforms' 62–65 µs, 8820 points 58 µs against 101 µs, before counting
 * JTransforms' allocation.
 *
 * <p>Not thread-safe: one plan per fork-join task, reused for all its frames.
 */
public final class RealFft {
    private static final double SIN_60 = Math.sqrt(3.0) / 2.0;
    private static final double COS_72 = Math.cos(2 * Math.PI / 5);
    private static final double COS_144 = Math.cos(4 * Math.PI / 5);
    private static final double SIN_72 = Math.sin(2 * Math.PI / 5);
    private static final double SIN_144 = Math.sin(4 * Math.PI / 5);
    private static final double COS_1_7 = Math.cos(2 * Math.PI / 7);
    private static final double COS_2_7 = Math.cos(4 * Math.PI / 7);
    private static final double COS_3_7 = Math.cos(6 * Math.PI / 7);
    private static final double SIN_1_7 = Math.sin(2 * Math.PI / 7);
    private static final double SIN_2_7 = Math.sin(4 * Math.PI / 7);
    private static final double SIN_3_7 = Math.sin(6 * Math.PI / 7);

    private final int half;
    /** Radix of each Stockham stage, in order. */
    private final int[] radices;
    /** e^{+2πi·j·q/L} for stage s (L its sub-transform length), at [q·(p−1) + j − 1], j = 1 … p−1. */
    private final double[][] stageTwiddleRe;
    private final double[][] stageTwiddleIm;
    /** e^{+2πik/n}, k = 0 … n/2 − 1: the odd-sample shift of the real/complex split. */
    private final double[] splitRe;
    private final double[] splitIm;
    private final double[] re0;
    private final double[] im0;
    private final double[] re1;
    private final double[] im1;

    /** Whether this class transforms length n: n ≥ 2 even, n/2 = 2^a·3^b·5^c·7^d. */
    public static boolean supports(int n) {
        if (n < 2 || n % 2 != 0) {
            return false;
        }
        int m = n / 2;
        for (int p : new int[] {2, 3, 5, 7}) {
            while (m % p == 0) {
                m /= p;
            }
        }
        return m == 1;
    }

    /** @throws IllegalArgumentException if {@link #supports}(n) is false */
    public RealFft(int n) {
        if (!supports(n)) {
            throw new IllegalArgumentException("real inverse FFT needs n even with n/2 = 2^a·3^b·5^c·7^d, got " + n);
        }
        this.half = n / 2;
        radices = factor(half);
        StockhamTwiddles twiddles = new StockhamTwiddles(radices, half, +1);
        stageTwiddleRe = twiddles.re;
        stageTwiddleIm = twiddles.im;
        splitRe = new double[half];
        splitIm = new double[half];
        for (int k = 0; k < half; k++) {
            splitRe[k] = Math.cos(2 * Math.PI * k / n);
            splitIm[k] = Math.sin(2 * Math.PI * k / n);
        }
        re0 = new double[half];
        im0 = new double[half];
        re1 = new double[half];
        im1 = new double[half];
    }

    /**
     * Radix-4 stages first, then 2, 3, 5, 7: the order {@link LaneFft} uses, so that a lane of it and this transform
     * give the same bits (the roughness frame analyser relies on that). A radix-8 pass was 5 % faster here with C1 only
     * (9600 points: 79–86 against 85–88 µs) and no faster with C2.
     */
    private static int[] factor(int m) {
        int[] out = new int[32];
        int count = 0;
        while (m % 4 == 0) {
            out[count++] = 4;
            m /= 4;
        }
        for (int p : new int[] {2, 3, 5, 7}) {
            while (m % p == 0) {
                out[count++] = p;
                m /= p;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * In place: a holds X packed as JTransforms does for even n (a[0] = Re X_0, a[1] = Re X_{n/2},
     * a[2k], a[2k+1] = Re, Im X_k for 0 &lt; k &lt; n/2); on return a[t] = x_t, unscaled.
     */
    public void inverse(double[] a) {
        splitForInverse(a);
        boolean inFirst = complexInverse();
        double[] zRe = inFirst ? re0 : re1;
        double[] zIm = inFirst ? im0 : im1;
        for (int s = 0; s < half; s++) {
            a[2 * s] = zRe[s];
            a[2 * s + 1] = zIm[s];
        }
    }

    /** Z (the spectrum of z_s = x_{2s} + i·x_{2s+1}) from the packed X in a, into re0/im0. */
    private void splitForInverse(double[] a) {
        // Z_k and Z_{n/2−k} from the same pair X_k, X_{n/2−k}; k = 0 pairs X_0 with X_{n/2} (both real).
        double x0 = a[0];
        double xHalf = a[1];
        re0[0] = x0 + xHalf;
        im0[0] = x0 - xHalf;
        for (int k = 1; k <= half / 2; k++) {
            int j = half - k;
            double aRe = a[2 * k];
            double aIm = a[2 * k + 1];
            double bRe = a[2 * j];
            double bIm = a[2 * j + 1];
            // X_{k+n/2} = conj(X_j): sum S = X_k + conj(X_j), difference D = X_k − conj(X_j).
            double sRe = aRe + bRe;
            double sIm = aIm - bIm;
            double dRe = aRe - bRe;
            double dIm = aIm + bIm;
            // Z_k = S + i·w_k·D, w_k = e^{2πik/n}.
            double wdRe = splitRe[k] * dRe - splitIm[k] * dIm;
            double wdIm = splitRe[k] * dIm + splitIm[k] * dRe;
            re0[k] = sRe - wdIm;
            im0[k] = sIm + wdRe;
            if (j != k) {
                // Z_j: S_j = conj(S), D_j = −conj(D), w_j = −conj(w_k) (e^{2πi(n/2−k)/n} = −e^{−2πik/n}),
                // so w_j·D_j = conj(w_k·D) and Z_j = conj(S) + i·conj(w_k·D).
                re0[j] = sRe + wdIm;
                im0[j] = wdRe - sIm;
            }
        }
    }

    /**
     * {@link #inverse} followed by a[t] = |x_t|, returning Σ_t |x_t| summed in order t = 0, 1, …: the
     * interleaving pass of the inverse also takes the magnitudes and their sum, saving a pass over the n values
     * (the roughness excitation |e_c(t)| and its mean h0).
     */
    public double inverseMagnitudes(double[] a) {
        splitForInverse(a);
        boolean inFirst = complexInverse();
        double[] zRe = inFirst ? re0 : re1;
        double[] zIm = inFirst ? im0 : im1;
        double sum = 0.0;
        for (int s = 0; s < half; s++) {
            double even = Math.abs(zRe[s]);
            double odd = Math.abs(zIm[s]);
            a[2 * s] = even;
            a[2 * s + 1] = odd;
            sum += even;
            sum += odd;
        }
        return sum;
    }

    /**
     * In place: a holds x_0 … x_{n−1}; on return X packed as JTransforms' {@code realForward} (a[0] = X_0,
     * a[1] = Re X_{n/2}, a[2k], a[2k+1] = Re, Im X_k), unscaled.
     */
    public void forward(double[] a) {
        // Forward FFT of z_s = x_{2s} + i·x_{2s+1} as conj(inverse FFT of conj z).
        for (int s = 0; s < half; s++) {
            re0[s] = a[2 * s];
            im0[s] = -a[2 * s + 1];
        }
        boolean inFirst = complexInverse();
        double[] zRe = inFirst ? re0 : re1;
        double[] zIm = inFirst ? im0 : im1;
        // Z_k = (zRe[k], −zIm[k]). X_0 and X_{n/2} from Z_0 (real and imaginary parts are the even and odd sums).
        a[0] = zRe[0] - zIm[0];
        a[1] = zRe[0] + zIm[0];
        for (int k = 1; k <= half / 2; k++) {
            int j = half - k;
            // A = Z_k, B = Z_j: S = A + conj B, D = A − conj B; X_k = (S − i·w·D)/2 with w = e^{−2πik/n}.
            double sRe = zRe[k] + zRe[j];
            double sIm = zIm[j] - zIm[k];
            double dRe = zRe[k] - zRe[j];
            double dIm = -zIm[k] - zIm[j];
            // w·D = p + i·q; −i·w·D = q − i·p.
            double p = splitRe[k] * dRe + splitIm[k] * dIm;
            double q = splitRe[k] * dIm - splitIm[k] * dRe;
            a[2 * k] = 0.5 * (sRe + q);
            a[2 * k + 1] = 0.5 * (sIm - p);
            if (j != k) {
                // S_j = conj S, D_j = −conj D, w_j = −conj w, so −i·w_j·D_j = −i·conj(w·D) = −q − i·p.
                a[2 * j] = 0.5 * (sRe - q);
                a[2 * j + 1] = 0.5 * (-sIm - p);
            }
        }
    }

    /**
     * Stockham autosort inverse FFT of (re0, im0), ping-ponging with (re1, im1); returns whether the result
     * ended in re0/im0. Stage with radix p on sub-transforms of length L = p·m, stride s (product of the earlier
     * radices): y[i + s·(p·q + j)] = w_L^{jq}·Σ_r x[i + s·(q + m·r)]·ω_p^{jr}, ω and w with the + sign.
     */
    private boolean complexInverse() {
        double[] xRe = re0;
        double[] xIm = im0;
        double[] yRe = re1;
        double[] yIm = im1;
        int stride = 1;
        int length = half;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st];
            int m = length / p;
            switch (p) {
                case 4 -> radix4(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                case 2 -> radix2(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                case 3 -> radix3(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                case 5 -> radix5(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
                default -> radix7(xRe, xIm, yRe, yIm, stride, m, stageTwiddleRe[st], stageTwiddleIm[st]);
            }
            double[] t = xRe;
            xRe = yRe;
            yRe = t;
            t = xIm;
            xIm = yIm;
            yIm = t;
            stride *= p;
            length = m;
        }
        return xRe == re0;
    }

    private static void radix2(double[] xRe, double[] xIm, double[] yRe, double[] yIm, int s, int m,
                               double[] wRe, double[] wIm) {
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[q];
            double w1Im = wIm[q];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 2 * q;
                double a0Re = xRe[in];
                double a0Im = xIm[in];
                double a1Re = xRe[in + s * m];
                double a1Im = xIm[in + s * m];
                yRe[out] = a0Re + a1Re;
                yIm[out] = a0Im + a1Im;
                double dRe = a0Re - a1Re;
                double dIm = a0Im - a1Im;
                yRe[out + s] = w1Re * dRe - w1Im * dIm;
                yIm[out + s] = w1Re * dIm + w1Im * dRe;
            }
        }
    }

    private static void radix3(double[] xRe, double[] xIm, double[] yRe, double[] yIm, int s, int m,
                               double[] wRe, double[] wIm) {
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[2 * q];
            double w1Im = wIm[2 * q];
            double w2Re = wRe[2 * q + 1];
            double w2Im = wIm[2 * q + 1];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 3 * q;
                double a0Re = xRe[in];
                double a0Im = xIm[in];
                double a1Re = xRe[in + s * m];
                double a1Im = xIm[in + s * m];
                double a2Re = xRe[in + 2 * s * m];
                double a2Im = xIm[in + 2 * s * m];
                // ω = e^{+2πi/3} = −1/2 + i·√3/2: y1,2 = a0 − (a1 + a2)/2 ± i·(√3/2)·(a1 − a2).
                double tRe = a1Re + a2Re;
                double tIm = a1Im + a2Im;
                double uRe = a0Re - 0.5 * tRe;
                double uIm = a0Im - 0.5 * tIm;
                double vRe = -SIN_60 * (a1Im - a2Im);
                double vIm = SIN_60 * (a1Re - a2Re);
                yRe[out] = a0Re + tRe;
                yIm[out] = a0Im + tIm;
                double y1Re = uRe + vRe;
                double y1Im = uIm + vIm;
                double y2Re = uRe - vRe;
                double y2Im = uIm - vIm;
                yRe[out + s] = w1Re * y1Re - w1Im * y1Im;
                yIm[out + s] = w1Re * y1Im + w1Im * y1Re;
                yRe[out + 2 * s] = w2Re * y2Re - w2Im * y2Im;
                yIm[out + 2 * s] = w2Re * y2Im + w2Im * y2Re;
            }
        }
    }

    private static void radix4(double[] xRe, double[] xIm, double[] yRe, double[] yIm, int s, int m,
                               double[] wRe, double[] wIm) {
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[3 * q];
            double w1Im = wIm[3 * q];
            double w2Re = wRe[3 * q + 1];
            double w2Im = wIm[3 * q + 1];
            double w3Re = wRe[3 * q + 2];
            double w3Im = wIm[3 * q + 2];
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 4 * q;
                double a0Re = xRe[in];
                double a0Im = xIm[in];
                double a1Re = xRe[in + s * m];
                double a1Im = xIm[in + s * m];
                double a2Re = xRe[in + 2 * s * m];
                double a2Im = xIm[in + 2 * s * m];
                double a3Re = xRe[in + 3 * s * m];
                double a3Im = xIm[in + 3 * s * m];
                // ω = i: y0 = (a0+a2) + (a1+a3), y2 = (a0+a2) − (a1+a3), y1,3 = (a0−a2) ± i·(a1−a3).
                double sRe = a0Re + a2Re;
                double sIm = a0Im + a2Im;
                double dRe = a0Re - a2Re;
                double dIm = a0Im - a2Im;
                double tRe = a1Re + a3Re;
                double tIm = a1Im + a3Im;
                double eRe = a1Re - a3Re;
                double eIm = a1Im - a3Im;
                yRe[out] = sRe + tRe;
                yIm[out] = sIm + tIm;
                double y1Re = dRe - eIm;
                double y1Im = dIm + eRe;
                double y2Re = sRe - tRe;
                double y2Im = sIm - tIm;
                double y3Re = dRe + eIm;
                double y3Im = dIm - eRe;
                yRe[out + s] = w1Re * y1Re - w1Im * y1Im;
                yIm[out + s] = w1Re * y1Im + w1Im * y1Re;
                yRe[out + 2 * s] = w2Re * y2Re - w2Im * y2Im;
                yIm[out + 2 * s] = w2Re * y2Im + w2Im * y2Re;
                yRe[out + 3 * s] = w3Re * y3Re - w3Im * y3Im;
                yIm[out + 3 * s] = w3Re * y3Im + w3Im * y3Re;
            }
        }
    }

    private static void radix5(double[] xRe, double[] xIm, double[] yRe, double[] yIm, int s, int m,
                               double[] wRe, double[] wIm) {
        for (int q = 0; q < m; q++) {
            int w = 4 * q;
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 5 * q;
                int sm = s * m;
                double a0Re = xRe[in];
                double a0Im = xIm[in];
                double a1Re = xRe[in + sm];
                double a1Im = xIm[in + sm];
                double a2Re = xRe[in + 2 * sm];
                double a2Im = xIm[in + 2 * sm];
                double a3Re = xRe[in + 3 * sm];
                double a3Im = xIm[in + 3 * sm];
                double a4Re = xRe[in + 4 * sm];
                double a4Im = xIm[in + 4 * sm];
                // ω = e^{+2πi/5}: with t1 = a1+a4, t2 = a2+a3, d1 = a1−a4, d2 = a2−a3,
                // y1,4 = a0 + c72·t1 + c144·t2 ± i·(s72·d1 + s144·d2), y2,3 = a0 + c144·t1 + c72·t2 ± i·(s144·d1 − s72·d2).
                double t1Re = a1Re + a4Re;
                double t1Im = a1Im + a4Im;
                double t2Re = a2Re + a3Re;
                double t2Im = a2Im + a3Im;
                double d1Re = a1Re - a4Re;
                double d1Im = a1Im - a4Im;
                double d2Re = a2Re - a3Re;
                double d2Im = a2Im - a3Im;
                double b1Re = a0Re + COS_72 * t1Re + COS_144 * t2Re;
                double b1Im = a0Im + COS_72 * t1Im + COS_144 * t2Im;
                double b2Re = a0Re + COS_144 * t1Re + COS_72 * t2Re;
                double b2Im = a0Im + COS_144 * t1Im + COS_72 * t2Im;
                // i·(u): Re = −Im u, Im = Re u.
                double e1Re = -(SIN_72 * d1Im + SIN_144 * d2Im);
                double e1Im = SIN_72 * d1Re + SIN_144 * d2Re;
                double e2Re = -(SIN_144 * d1Im - SIN_72 * d2Im);
                double e2Im = SIN_144 * d1Re - SIN_72 * d2Re;
                yRe[out] = a0Re + t1Re + t2Re;
                yIm[out] = a0Im + t1Im + t2Im;
                twiddle(yRe, yIm, out + s, b1Re + e1Re, b1Im + e1Im, wRe[w], wIm[w]);
                twiddle(yRe, yIm, out + 2 * s, b2Re + e2Re, b2Im + e2Im, wRe[w + 1], wIm[w + 1]);
                twiddle(yRe, yIm, out + 3 * s, b2Re - e2Re, b2Im - e2Im, wRe[w + 2], wIm[w + 2]);
                twiddle(yRe, yIm, out + 4 * s, b1Re - e1Re, b1Im - e1Im, wRe[w + 3], wIm[w + 3]);
            }
        }
    }

    /** Radix 7: 4410 = 8820/2 (0.2 s at 44.1 kHz) has the factor 7². */
    private static void radix7(double[] xRe, double[] xIm, double[] yRe, double[] yIm, int s, int m,
                               double[] wRe, double[] wIm) {
        int sm = s * m;
        for (int q = 0; q < m; q++) {
            int w = 6 * q;
            for (int i = 0; i < s; i++) {
                int in = i + s * q;
                int out = i + s * 7 * q;
                double a0Re = xRe[in];
                double a0Im = xIm[in];
                // ω = e^{+2πi/7}: with t_k = a_k + a_{7−k}, d_k = a_k − a_{7−k} (k = 1, 2, 3),
                // y_j, y_{7−j} = a0 + Σ_k cos(2πjk/7)·t_k ± i·Σ_k sin(2πjk/7)·d_k, j = 1, 2, 3.
                double t1Re = xRe[in + sm] + xRe[in + 6 * sm];
                double t1Im = xIm[in + sm] + xIm[in + 6 * sm];
                double d1Re = xRe[in + sm] - xRe[in + 6 * sm];
                double d1Im = xIm[in + sm] - xIm[in + 6 * sm];
                double t2Re = xRe[in + 2 * sm] + xRe[in + 5 * sm];
                double t2Im = xIm[in + 2 * sm] + xIm[in + 5 * sm];
                double d2Re = xRe[in + 2 * sm] - xRe[in + 5 * sm];
                double d2Im = xIm[in + 2 * sm] - xIm[in + 5 * sm];
                double t3Re = xRe[in + 3 * sm] + xRe[in + 4 * sm];
                double t3Im = xIm[in + 3 * sm] + xIm[in + 4 * sm];
                double d3Re = xRe[in + 3 * sm] - xRe[in + 4 * sm];
                double d3Im = xIm[in + 3 * sm] - xIm[in + 4 * sm];
                double b1Re = a0Re + COS_1_7 * t1Re + COS_2_7 * t2Re + COS_3_7 * t3Re;
                double b1Im = a0Im + COS_1_7 * t1Im + COS_2_7 * t2Im + COS_3_7 * t3Im;
                double b2Re = a0Re + COS_2_7 * t1Re + COS_3_7 * t2Re + COS_1_7 * t3Re;
                double b2Im = a0Im + COS_2_7 * t1Im + COS_3_7 * t2Im + COS_1_7 * t3Im;
                double b3Re = a0Re + COS_3_7 * t1Re + COS_1_7 * t2Re + COS_2_7 * t3Re;
                double b3Im = a0Im + COS_3_7 * t1Im + COS_1_7 * t2Im + COS_2_7 * t3Im;
                // u_j = Σ_k sin(2πjk/7)·d_k; e_j = i·u_j: Re = −Im u_j, Im = Re u_j.
                double u1Re = SIN_1_7 * d1Re + SIN_2_7 * d2Re + SIN_3_7 * d3Re;
                double u1Im = SIN_1_7 * d1Im + SIN_2_7 * d2Im + SIN_3_7 * d3Im;
                double u2Re = SIN_2_7 * d1Re - SIN_3_7 * d2Re - SIN_1_7 * d3Re;
                double u2Im = SIN_2_7 * d1Im - SIN_3_7 * d2Im - SIN_1_7 * d3Im;
                double u3Re = SIN_3_7 * d1Re - SIN_1_7 * d2Re + SIN_2_7 * d3Re;
                double u3Im = SIN_3_7 * d1Im - SIN_1_7 * d2Im + SIN_2_7 * d3Im;
                yRe[out] = a0Re + t1Re + t2Re + t3Re;
                yIm[out] = a0Im + t1Im + t2Im + t3Im;
                twiddle(yRe, yIm, out + s, b1Re - u1Im, b1Im + u1Re, wRe[w], wIm[w]);
                twiddle(yRe, yIm, out + 2 * s, b2Re - u2Im, b2Im + u2Re, wRe[w + 1], wIm[w + 1]);
                twiddle(yRe, yIm, out + 3 * s, b3Re - u3Im, b3Im + u3Re, wRe[w + 2], wIm[w + 2]);
                twiddle(yRe, yIm, out + 4 * s, b3Re + u3Im, b3Im - u3Re, wRe[w + 3], wIm[w + 3]);
                twiddle(yRe, yIm, out + 5 * s, b2Re + u2Im, b2Im - u2Re, wRe[w + 4], wIm[w + 4]);
                twiddle(yRe, yIm, out + 6 * s, b1Re + u1Im, b1Im - u1Re, wRe[w + 5], wIm[w + 5]);
            }
        }
    }

    private static void twiddle(double[] yRe, double[] yIm, int index, double re, double im, double wRe,
                                double wIm) {
        yRe[index] = wRe * re - wIm * im;
        yIm[index] = wRe * im + wIm * re;
    }
}
