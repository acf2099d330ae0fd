package audioloop.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The {@link BlockMetric}s a run asks for, in the order they report (derived metrics after their inputs). */
final class BlockMetrics {
    private BlockMetrics() {
    }

    /**
     * @param options    what the user asked for
     * @param samples48k the signal's length at 48 kHz, known from the header before the first block
     */
    static List<BlockMetric> make(AnalysisOptions options, int samples48k) {
        List<BlockMetric> metrics = new ArrayList<>();
        if (options.wants(Metric.ECMA_LOUDNESS) || options.wants(Metric.ECMA_TONALITY)) metrics.add(new EcmaMetric(options));
        return metrics;
    }
}
