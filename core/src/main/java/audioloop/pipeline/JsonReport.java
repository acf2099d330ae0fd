package audioloop.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes analyses as the contract's JSON: a pretty object for a single file, otherwise one compact object per line.
 * Numbers keep full double precision; a non-finite number can never be written — it becomes {@code null} with a
 * warning naming the key, so a bug shows up as a warning rather than as invalid JSON.
 *
 * <p>The report is a tree of maps, lists, numbers, strings and double arrays, written with Jackson's streaming
 * generator. Jackson's databind layer (ObjectMapper) wrote the same bytes but cost start-up time for nothing here:
 * some 350 classes and a serializer lookup per value type, on the main thread before the first file is analysed.
 */
public final class JsonReport {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS) // never reached: finite() has replaced non-finite values
            .build();

    private final PrintWriter out;
    private final boolean jsonLines;

    public JsonReport(PrintWriter out, boolean jsonLines) {
        this.out = out;
        this.jsonLines = jsonLines;
    }

    /** Prints the analysis: pretty, or one compact line in JSON Lines mode. */
    public void write(FileAnalysis analysis) {
        print(toJson(analysis, !jsonLines));
    }

    /** Prints a failed file's line, {@code {"file": ..., "error": ...}}. */
    public void writeError(String file, String message) {
        print(errorJson(file, message, !jsonLines));
    }

    /** A failed file's object, {@code {"file": ..., "error": ...}}, as the command line prints it. */
    public static String errorJson(String file, String message, boolean pretty) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file);
        object.put("error", message);
        return render(object, pretty);
    }

    /** The analysis as the contract's JSON object: the exact text the command line prints for it. */
    public static String toJson(FileAnalysis analysis, boolean pretty) {
        List<String> warnings = new ArrayList<>(analysis.warnings());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", analysis.file());
        object.put("input", analysis.input());
        object.put("analysis", analysis.analysis());
        putIfPresent(object, "summary", analysis.summary());
        putIfPresent(object, "spectral", analysis.spectral());
        object.putAll(analysis.sections());
        putIfPresent(object, "series", analysis.series());
        Object sanitized = finite(object, "", warnings);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) sanitized;
        result.put("warnings", warnings);
        result.put("timing_ms", analysis.timingMs());
        return render(result, pretty);
    }

    /** Any JSON-shaped value (map, list, number, string, flag, number array) as compact JSON text. */
    public static String valueJson(Object value) {
        return render(finite(value, "", new ArrayList<>()), false);
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }

    private static String render(Object value, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writeValue(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writeValue(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof double[] array) {
            json.writeArray(array, 0, array.length);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
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
