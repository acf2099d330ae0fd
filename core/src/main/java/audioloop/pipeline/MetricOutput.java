package audioloop.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link BlockMetric} writes its result, in the JSON contract's shape: ordered maps whose keys are the
 * contract's keys.
 *
 * @param summary  the {@code summary} object (flat keys with units in their names)
 * @param series   the {@code series} object, or {@code null} when the user did not ask for series
 * @param sections top-level objects of their own after {@code spectral} (e.g. {@code "levels"}), by key
 * @param warnings the file's warnings, each starting with the metric's name and a colon
 * @param results  the time series computed so far, by their {@code series} key (e.g. {@code "sharpness_acum"}),
 *                 whether or not the user asked for series: what a derived metric (annoyance) aggregates. A block
 *                 metric may add its own for the metrics after it.
 */
public record MetricOutput(Map<String, Object> summary, Map<String, Object> series, Map<String, Object> sections,
                           List<String> warnings, Map<String, double[]> results) {
    /** Without time series for derived metrics. */
    public MetricOutput(Map<String, Object> summary, Map<String, Object> series, Map<String, Object> sections,
                        List<String> warnings) {
        this(summary, series, sections, warnings, new LinkedHashMap<>());
    }
}
