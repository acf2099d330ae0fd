package audioloop.dsp;

import java.util.Arrays;

/** {@code numpy.percentile} with its default 'linear' method, in numpy's order of operations. */
public final class Percentile {
    private Percentile() {
    }

    /** {@code numpy.percentile(x, q)}: interpolation between order statistics; x must not be empty. */
    public static double linear(double[] x, double q) {
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
