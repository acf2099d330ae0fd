package audioloop.pipeline;

/**
 * A metric family fed the calibrated 48 kHz signal block by block, run by {@link Analyzer} as a chain of pool tasks
 * of its own beside the built-in metrics. Implementations live in {@code pipeline} and adapt a pure metric (arrays
 * in, result records out) of their own package; {@link BlockMetrics} makes the ones a run asks for.
 *
 * <p>The calls come in order, one at a time (each after the previous has returned), each on a pool thread:
 * {@link #accept} for every block, then {@link #finish} once, then {@link #report} once on the collecting thread.
 * The metric may split its own work with {@code ForkJoinTask}s, which then run on the same pool; it must not keep the
 * arrays it is handed (they are reused), and must produce the same numbers for any pool size and any block sizes.
 * Its constructor runs on the reading thread before the first block: heavy set-up (filter designs, tables) belongs
 * in the first {@link #accept}, which runs on the pool beside the other metrics' work.
 */
public interface BlockMetric {
    /** Name of this metric's stage in {@code timing_ms} and in the JFR {@code audioloop.Stage} events. */
    String stage();

    /** Consumes {@code length} samples of sound pressure in pascals at 48 kHz from {@code pressurePa[from]}. */
    void accept(double[] pressurePa, int from, int length);

    /**
     * Whether this metric takes the two ears of a two-channel file ({@link #acceptEars}) instead of the mono mix. For
     * files of other channel counts it is fed the mono mix whatever this says.
     */
    default boolean wantsEars() {
        return false;
    }

    /**
     * Consumes {@code length} samples of each ear (channel 1 = left, channel 2 = right, calibrated like the mono
     * mix); called instead of {@link #accept} for every block of a two-channel file when {@link #wantsEars} holds.
     */
    default void acceptEars(double[] leftPa, double[] rightPa, int from, int length) {
        throw new UnsupportedOperationException(stage() + " takes the mono mix only");
    }

    /** Called after the last block: computes the result (the expensive final step belongs here). */
    void finish();

    /**
     * Writes the result: summary keys, series (only if {@link MetricOutput#series()} is non-null), sections and
     * warnings. A value that cannot be computed for this input is {@code null} with a warning naming the metric.
     * Metrics report in {@link BlockMetrics}'s order, after the built-in ones: a metric derived from others (e.g.
     * annoyance) reads their summary keys from {@link MetricOutput#summary()}.
     */
    void report(MetricOutput out);
}
