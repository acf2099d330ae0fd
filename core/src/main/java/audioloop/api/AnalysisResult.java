package audioloop.api;

import audioloop.pipeline.FileAnalysis;
import audioloop.pipeline.JsonReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis of one input, immutable, mirroring the command line's JSON object key for key (README, "Output").
 * Nested objects are unmodifiable maps in the JSON's key order whose values are {@code Double}, {@code Integer},
 * {@code Long}, {@code String}, {@code Boolean}, {@code double[]} (a number array: treat as read-only), lists and
 * maps; a {@code null} value is a metric that was asked for but cannot be computed for this input, the reason being
 * in {@link #warnings()}.
 *
 * @param file     the name given for the input (the path as given, for files)
 * @param input    the input's format: {@code input} in the JSON
 * @param analysis the settings the analysis ran with: {@code analysis}
 * @param summary  {@code summary}: every value a number of the unit its key names, or null
 * @param spectral {@code spectral} (librosa-style features), or null when not asked for
 * @param sections the metrics' own top-level objects after {@code spectral} (e.g. {@code levels}), by key
 * @param series   {@code series}, or null unless the options asked for series
 * @param warnings {@code warnings}
 * @param timingMs {@code timing_ms}: wall milliseconds per stage and in total
 */
public record AnalysisResult(String file, InputInfo input, AnalysisInfo analysis, Map<String, Double> summary,
                             Map<String, Object> spectral, Map<String, Object> sections, Map<String, Object> series,
                             List<String> warnings, Map<String, Double> timingMs) {

    /** {@code input}: the file's own format, before resampling. */
    public record InputInfo(int sampleRateHz, int channels, int bitsPerSample, String encoding, long frames,
                            double durationS) {
    }

    /** {@code analysis}: the rate the metrics ran at and the options that shape their values. */
    public record AnalysisInfo(int sampleRateHz, double calibrationPaPerFs, String field) {
    }

    public AnalysisResult {
        summary = summary == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        spectral = frozen(spectral);
        sections = frozen(sections);
        series = frozen(series);
        warnings = List.copyOf(warnings);
        timingMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingMs));
    }

    static AnalysisResult of(FileAnalysis a) {
        Map<String, Object> in = a.input();
        Map<String, Object> an = a.analysis();
        Map<String, Double> summary = null;
        if (a.summary() != null) {
            summary = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : a.summary().entrySet()) {
                summary.put(e.getKey(), (Double) e.getValue());
            }
        }
        Map<String, Double> timing = new LinkedHashMap<>();
        a.timingMs().forEach((k, v) -> timing.put(k, ((Number) v).doubleValue()));
        return new AnalysisResult(a.file(),
                new InputInfo((Integer) in.get("sample_rate_hz"), (Integer) in.get("channels"),
                        (Integer) in.get("bits_per_sample"), (String) in.get("encoding"), (Long) in.get("frames"),
                        (Double) in.get("duration_s")),
                new AnalysisInfo((Integer) an.get("sample_rate_hz"), (Double) an.get("calibration_pa_per_fs"),
                        (String) an.get("field")),
                summary, a.spectral(), a.sections(), a.series(), a.warnings(), timing);
    }

    /** The JSON object the command line prints for this input, as one compact line (its batch form). */
    public String toJson() {
        return toJson(false);
    }

    /** The JSON object the command line prints for this input: pretty as for a single file, or one compact line. */
    public String toJson(boolean pretty) {
        return JsonReport.toJson(toFileAnalysis(), pretty);
    }

    private FileAnalysis toFileAnalysis() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("sample_rate_hz", input.sampleRateHz());
        in.put("channels", input.channels());
        in.put("bits_per_sample", input.bitsPerSample());
        in.put("encoding", input.encoding());
        in.put("frames", input.frames());
        in.put("duration_s", input.durationS());
        Map<String, Object> an = new LinkedHashMap<>();
        an.put("sample_rate_hz", analysis.sampleRateHz());
        an.put("calibration_pa_per_fs", analysis.calibrationPaPerFs());
        an.put("field", analysis.field());
        return new FileAnalysis(file, in, an, summary == null ? null : new LinkedHashMap<>(summary), spectral,
                sections, series, warnings, new LinkedHashMap<>(timingMs));
    }

    /** A deep unmodifiable copy of a JSON-shaped tree (maps and lists; arrays are shared). */
    @SuppressWarnings("unchecked")
    private static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : freeze(map);
    }
}
