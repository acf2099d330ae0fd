package audioloop.pipeline;

import audioloop.dsp.Percentile;

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
        return Percentile.linear(x, q);
    }
}
