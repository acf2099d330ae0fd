package audioloop.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The {@link BlockMetric}s a run asks for, in the order they report (derived metrics after their inputs). */
final class BlockMetrics {
    private BlockMetrics() {
    }

    /** Heap each whole-signal metric (tonality, SII, the third-octave levels) may take: an eighth of the maximum heap. */
    static long wholeSignalBudgetBytes() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /**
     * @param options    what the user asked for
     * @param samples48k the signal's length at 48 kHz, known from the header before the first block
     */
    static List<BlockMetric> make(AnalysisOptions options, int samples48k) {
        List<BlockMetric> metrics = new ArrayList<>();
        if (options.wants(Metric.LEVELS)) metrics.add(new LevelsMetric(samples48k, wholeSignalBudgetBytes()));
        if (options.wants(Metric.TONALITY)) metrics.add(new TonalityMetric(samples48k, wholeSignalBudgetBytes()));
        if (options.wants(Metric.SII)) metrics.add(new SiiMetric(samples48k, wholeSignalBudgetBytes(), options.siiSpeechLevel()));
        if (options.wants(Metric.ECMA_LOUDNESS) || options.wants(Metric.ECMA_TONALITY) || options.wants(Metric.ECMA_ROUGHNESS)) metrics.add(new EcmaMetric(options));
        if (options.wants(Metric.FLUCTUATION)) metrics.add(new FluctuationMetric());
        if (options.wants(Metric.AURES_TONALITY)) metrics.add(new AuresTonalityMetric(options.field()));
        if (options.wants(Metric.ANNOYANCE)) metrics.add(new AnnoyanceMetric());
        return metrics;
    }
}
