package audioloop.ecmatonality;

import audioloop.dsp.RealFft;

/**
 * The largest magnitude of the N-point DFT (N = 16384, Section 6.2.5 Equation 36) of a short real sequence w of
 * M ≪ N samples, max_k |W(2πk/N)|, without the N-point transform.
 *
 * <p>The standard (and refmap) take the maximum over the N bins of the zero-padded lag window, a sequence of 48 to
 * 2 400 samples; the full transform was 90 % of the tonality's cost (measured). The same maximum is found exactly
 * by branch and bound: W and its derivative V(ω) = Σ (n − c)·w_n·e^{−iωn} are evaluated on a coarse grid of L ≥ 8M
 * points (two L-point FFTs); with D₂ = Σ (n − c)²·|w_n| bounding the second derivative of the centred
 * W_c(ω) = e^{iωc}·W(ω), Taylor's theorem bounds |W| between two coarse points a, b = a + Δ by
 * max(|W(a)| + |V(a)|·Δ/2, |W(b)| + |V(b)|·Δ/2) + D₂·Δ²/8. Only the intervals whose bound exceeds the largest
 * value found so far have their N/L − 1 fine bins evaluated (directly, as sums over w). The coarse bins are fine
 * bins too (L divides N), so the result is a maximum over exactly the N bins; it differs from the full transform's
 * only by rounding (checked against it in LagSpectrumPeakTest).
 */
final class LagSpectrumPeak {
    static final int POINTS = 16_384;
    /** Coarse grid: at least this many points per sample of w (a smaller L leaves more intervals to refine). */
    private static final int OVERSAMPLING = 8;
    private static final double[] COS = new double[POINTS];
    private static final double[] SIN = new double[POINTS];

    static {
        for (int k = 0; k < POINTS; k++) {
            COS[k] = Math.cos(2 * Math.PI * k / POINTS);
            SIN[k] = Math.sin(2 * Math.PI * k / POINTS);
        }
    }

    private LagSpectrumPeak() {
    }

    /** The coarse grid for windows of m samples: a power of two ≥ 8m, or N when that reaches N. */
    static int coarsePoints(int m) {
        return Math.min(POINTS, Integer.highestOneBit(Math.max(1, OVERSAMPLING * m - 1)) << 1);
    }

    /**
     * max over k = 0 … N − 1 of |Σ_n w[n]·e^{−2πikn/N}|, n = 0 … m − 1.
     *
     * @param fft a plan of {@link #coarsePoints}(m) points (not thread-safe: one per caller)
     */
    static double maxMagnitude(double[] w, int m, RealFft fft) {
        int coarse = coarsePoints(m);
        if (coarse == POINTS) {
            return fullTransformMax(w, m, fft);
        }
        double[] spectrum = new double[coarse];
        double[] derivative = new double[coarse];
        double centre = (m - 1) / 2.0;
        double secondDerivativeBound = 0;
        double absoluteSum = 0;
        for (int n = 0; n < m; n++) {
            double x = w[n];
            spectrum[n] = x;
            derivative[n] = (n - centre) * x;
            secondDerivativeBound += (n - centre) * (n - centre) * Math.abs(x);
            absoluteSum += Math.abs(x);
        }
        fft.forward(spectrum);
        fft.forward(derivative);
        int half = coarse / 2;
        double[] magnitude = new double[half + 1];
        double[] slope = new double[half + 1];
        for (int j = 0; j <= half; j++) {
            magnitude[j] = binMagnitude(spectrum, j, half);
            slope[j] = binMagnitude(derivative, j, half);
        }
        double best = 0;
        int bestBin = 0;
        for (int j = 0; j <= half; j++) {
            if (magnitude[j] > best) {
                best = magnitude[j];
                bestBin = j;
            }
        }
        double step = 2 * Math.PI / coarse;
        // rounding of the coarse transforms: a margin far above it, far below any difference that matters
        double slack = secondDerivativeBound * step * step / 8 + 1e-9 * absoluteSum;
        int ratio = POINTS / coarse;
        // the intervals beside the coarse maximum first: they raise the bar for all others
        int left = Math.max(0, bestBin - 1);
        int right = Math.min(half - 1, bestBin);
        for (int j : new int[] {left, right}) {
            best = Math.max(best, refine(w, m, j, ratio, magnitude, slope, step, slack, best, true));
        }
        for (int j = 0; j < half; j++) {
            if (j == left || j == right) {
                continue;
            }
            best = Math.max(best, refine(w, m, j, ratio, magnitude, slope, step, slack, best, false));
        }
        return best;
    }

    /** The largest fine-bin magnitude strictly inside interval j if its bound exceeds {@code best}, else 0. */
    private static double refine(double[] w, int m, int j, int ratio, double[] magnitude, double[] slope,
                                 double step, double slack, double best, boolean always) {
        double bound = Math.max(magnitude[j] + slope[j] * step / 2, magnitude[j + 1] + slope[j + 1] * step / 2)
                + slack;
        if (!always && bound <= best) {
            return 0;
        }
        double max = 0;
        for (int k = j * ratio + 1; k < (j + 1) * ratio; k++) {
            double re = 0;
            double im = 0;
            int index = 0;
            for (int n = 0; n < m; n++) {
                re += w[n] * COS[index];
                im -= w[n] * SIN[index];
                index = (index + k) & (POINTS - 1);
            }
            max = Math.max(max, Math.sqrt(re * re + im * im));
        }
        return max;
    }

    private static double binMagnitude(double[] packed, int j, int half) {
        if (j == 0) {
            return Math.abs(packed[0]);
        }
        if (j == half) {
            return Math.abs(packed[1]);
        }
        return Math.sqrt(packed[2 * j] * packed[2 * j] + packed[2 * j + 1] * packed[2 * j + 1]);
    }

    /** The plain way: the N-point transform of the zero-padded sequence. */
    static double fullTransformMax(double[] w, int m, RealFft fft) {
        double[] a = new double[POINTS];
        System.arraycopy(w, 0, a, 0, m);
        fft.forward(a);
        double max = Math.max(Math.abs(a[0]), Math.abs(a[1]));
        for (int k = 2; k < POINTS; k += 2) {
            max = Math.max(max, Math.sqrt(a[k] * a[k] + a[k + 1] * a[k + 1]));
        }
        return max;
    }
}
