package audioloop.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Everything the analysis of one file produced, in the shape of the JSON contract (spec/cli.md): ordered maps whose
 * keys are the contract's keys. A {@code null} value is a metric that was asked for but cannot be computed for this
 * input; the reason is in {@code warnings}. {@code sections} are the top-level objects of the {@link BlockMetric}s
 * (e.g. {@code levels}), written after {@code spectral}. {@code series} is there with {@link AnalysisOptions#series()}
 * or {@link AnalysisOptions#figures()} (the JSON prints it only for the former). {@code figureData} (only with
 * figures, else {@code null}) holds what only the figures need, reduced for drawing: {@code specific_loudness} and
 * {@code melspectrogram_db}, each {@code {"values": double[column][row], "duration_s": …, "rows": double[]}} (rows:
 * Bark of the 240 N′ rows, Hz of the 128 mel band centres; columns: consecutive equal runs of frames, see
 * {@link ColumnMaxPool}).
 */
public record FileAnalysis(String file,
                           Map<String, Object> input,
                           Map<String, Object> analysis,
                           Map<String, Object> summary,
                           Map<String, Object> spectral,
                           Map<String, Object> sections,
                           Map<String, Object> series,
                           List<String> warnings,
                           Map<String, Object> timingMs,
                           Map<String, Object> figureData) {
    /** An analysis without figure data. */
    public FileAnalysis(String file, Map<String, Object> input, Map<String, Object> analysis,
                        Map<String, Object> summary, Map<String, Object> spectral, Map<String, Object> sections,
                        Map<String, Object> series, List<String> warnings, Map<String, Object> timingMs) {
        this(file, input, analysis, summary, spectral, sections, series, warnings, timingMs, null);
    }

    /** The same analysis without what only figures need (series the user did not ask for, figure data). */
    public FileAnalysis withoutFigureData(boolean keepSeries) {
        return new FileAnalysis(file, input, analysis, summary, spectral, sections, keepSeries ? series : null,
                warnings, timingMs, null);
    }
}
