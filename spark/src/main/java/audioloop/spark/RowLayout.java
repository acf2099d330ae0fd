package audioloop.spark;

import audioloop.api.AnalysisResult;
import audioloop.pipeline.JsonReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The table form of {@link AnalysisResult}s: one row per file. Fixed columns {@code path}, {@code error},
 * {@code input} (a struct of the WAV's format), {@code warnings}, {@code timing_ms}; then one typed column per value of
 * the JSON object's {@code summary} (under its own key, e.g. {@code loudness_sone}), {@code spectral}, the metrics'
 * sections and, with series, {@code series}, named by their JSON path joined with {@code _} (e.g.
 * {@code spectral_rms_mean}, {@code levels_LAeq_db}, {@code series_loudness_sone}). Numbers are doubles, number
 * arrays {@code array<double>} (frame matrices {@code array<array<double>>}), text and flags as such; anything deeper
 * (e.g. the list of tones) is its JSON text.
 *
 * <p>The value columns are read off the result of a probe signal analysed with the run's options ({@link #of}): the
 * analysis writes every key it was asked for, with {@code null} where a value cannot be computed, so every file of
 * the run has the same keys. A value whose type differs from its column's (only possible where the probe's value was
 * null) is written as null with a warning.
 */
final class RowLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One value column: its name, its JSON path, its type. */
    private record Column(String name, List<String> path, DataType type) implements Serializable {
    }

    static final StructType INPUT = new StructType(new StructField[] {
        DataTypes.createStructField("sample_rate_hz", DataTypes.IntegerType, false),
        DataTypes.createStructField("channels", DataTypes.IntegerType, false),
        DataTypes.createStructField("bits_per_sample", DataTypes.IntegerType, false),
        DataTypes.createStructField("encoding", DataTypes.StringType, false),
        DataTypes.createStructField("frames", DataTypes.LongType, false),
        DataTypes.createStructField("duration_s", DataTypes.DoubleType, false),
    });
    private static final ArrayType NUMBERS = DataTypes.createArrayType(DataTypes.DoubleType, false);
    private static final ArrayType MATRIX = DataTypes.createArrayType(NUMBERS, false);

    private final List<Column> columns;

    private RowLayout(List<Column> columns) {
        this.columns = columns;
    }

    /** The layout of every result analysed with the options that gave {@code probe}. */
    static RowLayout of(AnalysisResult probe) {
        List<Column> columns = new ArrayList<>();
        Map<String, Object> values = values(probe);
        flatten(values, new ArrayList<>(), columns);
        return new RowLayout(columns);
    }

    StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("path", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("input", INPUT, true));
        for (Column c : columns) {
            fields.add(DataTypes.createStructField(c.name(), c.type(), true));
        }
        fields.add(DataTypes.createStructField("warnings", DataTypes.createArrayType(DataTypes.StringType, false), true));
        fields.add(DataTypes.createStructField("timing_ms",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), true));
        return DataTypes.createStructType(fields);
    }

    /** The row of a file that failed: its path and the error in words, every other column null. */
    Row failure(String path, String error) {
        Object[] row = new Object[columns.size() + 5];
        row[0] = path;
        row[1] = error;
        return RowFactory.create(row);
    }

    Row row(String path, AnalysisResult result) {
        Object[] row = new Object[columns.size() + 5];
        row[0] = path;
        AnalysisResult.InputInfo in = result.input();
        row[2] = RowFactory.create(in.sampleRateHz(), in.channels(), in.bitsPerSample(), in.encoding(), in.frames(),
                in.durationS());
        List<String> warnings = new ArrayList<>(result.warnings());
        Map<String, Object> values = values(result);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object value = values;
            for (String key : c.path()) {
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
            Object converted = convert(value, c.type());
            if (converted == null && value != null) {
                warnings.add("spark: " + c.name() + " is not a " + c.type().simpleString() + " here, written as null");
            }
            row[3 + i] = converted;
        }
        row[3 + columns.size()] = warnings.toArray(new String[0]);
        // Spark's row encoder takes Scala maps only.
        row[4 + columns.size()] = CollectionConverters.asScala(result.timingMs());
        return RowFactory.create(row);
    }

    /** The value tree of a result: summary keys at the top, then spectral, the sections, series. */
    private static Map<String, Object> values(AnalysisResult result) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (result.summary() != null) {
            values.putAll(result.summary());
        }
        if (result.spectral() != null) {
            values.put("spectral", result.spectral());
        }
        values.putAll(result.sections());
        if (result.series() != null) {
            values.put("series", result.series());
        }
        return values;
    }

    private static void flatten(Map<?, ?> map, List<String> path, List<Column> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            List<String> here = new ArrayList<>(path);
            here.add(String.valueOf(e.getKey()));
            Object v = e.getValue();
            if (v instanceof Map<?, ?> inner) {
                flatten(inner, here, out);
            } else {
                out.add(new Column(String.join("_", here), List.copyOf(here), typeOf(v)));
            }
        }
    }

    private static DataType typeOf(Object v) {
        if (v == null || v instanceof Number) {
            return DataTypes.DoubleType;
        }
        if (v instanceof double[]) {
            return NUMBERS;
        }
        if (v instanceof double[][]) {
            return MATRIX;
        }
        if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
            return NUMBERS;
        }
        if (v instanceof Boolean) {
            return DataTypes.BooleanType;
        }
        return DataTypes.StringType;
    }

    private static Object convert(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type == DataTypes.DoubleType) {
            return v instanceof Number n ? n.doubleValue() : null;
        }
        if (type.equals(NUMBERS)) {
            if (v instanceof double[] a) {
                Double[] boxed = new Double[a.length];
                for (int i = 0; i < a.length; i++) {
                    boxed[i] = a[i];
                }
                return boxed;
            }
            if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
                return list.stream().map(x -> ((Number) x).doubleValue()).toArray(Double[]::new);
            }
            return null;
        }
        if (type.equals(MATRIX)) {
            if (v instanceof double[][] rows) {
                Object[] out = new Object[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    out[r] = convert(rows[r], NUMBERS);
                }
                return out;
            }
            return null;
        }
        if (type == DataTypes.BooleanType) {
            return v instanceof Boolean ? v : null;
        }
        return v instanceof String s ? s : JsonReport.valueJson(v);
    }
}
