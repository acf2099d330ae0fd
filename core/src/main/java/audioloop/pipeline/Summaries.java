package audioloop.pipeline;

import java.util.Arrays;

/**
 * Summary statistics of a time series, computed as numpy does. Public so that the MoSQITo parity tests check the
 * summaries the JSON reports, not a copy of them.
 */
public final class Summaries {
    private Summaries() {
    }

    /** Arithmetic mean, sum / n (numpy's pairwise sum differs in the last bits only). */
    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    public static double max(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** {@code numpy.percentile(x, q)} with the default 'linear' method: interpolation between order statistics. */
    public static double percentile(double[] x, double q) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // numpy's virtual index for method 'linear' (alpha = beta = 1), evaluated in numpy's order of operations.
        double quantile = q / 100.0;
        double rank = sorted.length * quantile + (1.0 - quantile) - 1.0;
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double fraction = rank - lo;
        // numpy's _lerp: a + (b − a)·t, switched to b − (b − a)·(1 − t) for t ≥ 0.5 (exact at both ends).
        double diff = sorted[hi] - sorted[lo];
        return fraction >= 0.5 ? sorted[hi] - diff * (1 - fraction) : sorted[lo] + diff * fraction;
    }
}
