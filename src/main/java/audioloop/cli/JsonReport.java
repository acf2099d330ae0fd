package audioloop.cli;

import audioloop.pipeline.FileAnalysis;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes analyses as the contract's JSON: a pretty object for a single file, otherwise one compact object per line.
 * Numbers keep full double precision; a non-finite number can never be written — it becomes {@code null} with a
 * warning naming the key, so a bug shows up as a warning rather than as invalid JSON.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS, true);

    private final PrintWriter out;
    private final boolean jsonLines;

    JsonReport(PrintWriter out, boolean jsonLines) {
        this.out = out;
        this.jsonLines = jsonLines;
    }

    void write(FileAnalysis analysis) {
        List<String> warnings = new ArrayList<>(analysis.warnings());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", analysis.file());
        object.put("input", analysis.input());
        object.put("analysis", analysis.analysis());
        putIfPresent(object, "summary", analysis.summary());
        putIfPresent(object, "spectral", analysis.spectral());
        putIfPresent(object, "series", analysis.series());
        Object sanitized = finite(object, "", warnings);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) sanitized;
        result.put("warnings", warnings);
        result.put("timing_ms", analysis.timingMs());
        emit(result);
    }

    void writeError(String file, String message) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file);
        object.put("error", message);
        emit(object);
    }

    private void emit(Map<String, Object> object) {
        try {
            String text = jsonLines ? MAPPER.writeValueAsString(object)
                    : MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(object);
            out.println(text);
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(Map<String, Object> object, String key, Object value) {
        if (value != null) {
            object.put(key, value);
        }
    }

    /** A copy of {@code value} in which every NaN/±Infinity is null, each noted in {@code warnings} once per key. */
    private static Object finite(Object value, String path, List<String> warnings) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            warnings.add("internal: non-finite value at " + path + " written as null");
            return null;
        }
        if (value instanceof double[] array) {
            for (double v : array) {
                if (!Double.isFinite(v)) {
                    List<Object> copy = new ArrayList<>(array.length);
                    for (double w : array) {
                        copy.add(Double.isFinite(w) ? w : null);
                    }
                    warnings.add("internal: non-finite values in " + path + " written as null");
                    return copy;
                }
            }
            return array;
        }
        if (value instanceof double[][] rows) {
            List<Object> copy = new ArrayList<>(rows.length);
            for (int i = 0; i < rows.length; i++) {
                copy.add(finite(rows[i], path, warnings));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                copy.put(key, finite(e.getValue(), path.isEmpty() ? key : path + "." + key, warnings));
            }
            return copy;
        }
        return value;
    }
}
