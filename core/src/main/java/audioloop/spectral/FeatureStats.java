package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * Statistics of a feature over its frames, computed the numpy way (the references' {@code np.mean},
 * {@code np.std} with ddof 0, {@code np.min}, {@code np.max}): mean = pairwise sum / n,
 * std = sqrt(pairwise sum of (x − mean)² / n).
 */
public record FeatureStats(double mean, double std, double min, double max) {

    /** Per-row statistics of a multi-row feature: {@code mean[row]} etc. */
    public record PerRow(double[] mean, double[] std, double[] min, double[] max) {
    }

    /** Statistics of a one-row feature. */
    public static FeatureStats of(double[] series) {
        int n = series.length;
        if (n == 0) {
            throw new IllegalArgumentException("no frames");
        }
        double mean = PairwiseSum.sum(series) / n;
        double[] squaredDeviation = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = series[i] - mean;
            squaredDeviation[i] = d * d;
            min = Math.min(min, series[i]);
            max = Math.max(max, series[i]);
        }
        return new FeatureStats(mean, Math.sqrt(PairwiseSum.sum(squaredDeviation) / n), min, max);
    }

    /** Statistics of each row of {@code rows[row][frame]} over the frames: the same values as {@link #perRow}. */
    public static PerRow ofRows(double[][] rows) {
        double[] mean = new double[rows.length];
        double[] std = new double[rows.length];
        double[] min = new double[rows.length];
        double[] max = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            FeatureStats stats = of(rows[r]);
            mean[r] = stats.mean();
            std[r] = stats.std();
            min[r] = stats.min();
            max[r] = stats.max();
        }
        return new PerRow(mean, std, min, max);
    }

    /** {@code [frame][row]} from {@code [row][frame]} or the other way round. */
    static double[][] transpose(double[][] rows) {
        double[][] out = new double[rows[0].length][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int t = 0; t < rows[r].length; t++) {
                out[t][r] = rows[r][t];
            }
        }
        return out;
    }

    /** Statistics of each row of {@code series[frame][row]} over the frames. */
    public static PerRow perRow(double[][] series) {
        if (series.length == 0) {
            throw new IllegalArgumentException("no frames");
        }
        return ofRows(transpose(series));
    }
}
