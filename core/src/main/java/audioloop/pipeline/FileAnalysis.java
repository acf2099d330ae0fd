package audioloop.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Everything the analysis of one file produced, in the shape of the JSON contract (spec/cli.md): ordered maps whose
 * keys are the contract's keys. A {@code null} value is a metric that was asked for but cannot be computed for this
 * input; the reason is in {@code warnings}. {@code sections} are the top-level objects of the {@link BlockMetric}s
 * (e.g. {@code levels}), written after {@code spectral}.
 */
public record FileAnalysis(String file,
                           Map<String, Object> input,
                           Map<String, Object> analysis,
                           Map<String, Object> summary,
                           Map<String, Object> spectral,
                           Map<String, Object> sections,
                           Map<String, Object> series,
                           List<String> warnings,
                           Map<String, Object> timingMs) {
}
