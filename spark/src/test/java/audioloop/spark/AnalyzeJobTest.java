package audioloop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.api.AnalysisResult;
import audioloop.api.Audioloop;
import audioloop.cli.Main;
import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Metric;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] on a folder of generated WAVs and one broken file: every row equals the library's result
 * for its file, the JSON Lines output equals the command line's, and the broken file is a row with its error.
 */
class AnalyzeJobTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path input;

    @BeforeAll
    static void start() throws Exception {
        input = Files.createDirectories(dir.resolve("in"));
        Path sub = Files.createDirectories(input.resolve("sub"));
        int[] rates = {48_000, 44_100, 32_000, 22_050};
        for (int f = 0; f < rates.length; f++) {
            int rate = rates[f];
            double[] x = new double[(int) (rate * (0.5 + 0.25 * f))];
            for (int i = 0; i < x.length; i++) {
                double t = i / (double) rate;
                x[i] = 0.1 * (f + 1) * (1 + Math.sin(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 500 * (f + 1) * t);
            }
            WavFiles.pcm16(f % 2 == 0 ? input : sub, "tone" + f + (f == 3 ? ".WAV" : ".wav"), rate, 1 + f % 2, x);
        }
        Files.writeString(input.resolve("broken.wav"), "RIFF but not really a wave file", StandardCharsets.US_ASCII);
        Files.writeString(input.resolve("notes.txt"), "not a wav: not read", StandardCharsets.US_ASCII);
        spark = SparkSession.builder().master("local[2]").appName("audioloop-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static String local(String sparkPath) {
        return Path.of(java.net.URI.create(sparkPath)).toString();
    }

    @Test
    void parquetRowsAreTheLibrarysResults() throws Exception {
        AnalysisOptions options = new AnalysisOptions(2.0, SoundField.FREE, Metric.parseList(Metric.DEFAULT_LIST), true);
        Path out = dir.resolve("table");
        AnalyzeJob.run(spark, input.toString(), out.toString(), options, AnalyzeJob.Format.PARQUET, 3,
                SaveMode.ErrorIfExists);
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(5, rows.size(), "four WAVs (any case, recursive) and the broken one; notes.txt is not read");
        Map<String, Row> byName = new TreeMap<>();
        for (Row row : rows) {
            byName.put(Path.of(local(row.getAs("path"))).getFileName().toString(), row);
        }
        Row broken = byName.get("broken.wav");
        assertTrue(((String) broken.getAs("error")).contains("RIFF"), (String) broken.getAs("error"));
        assertNull(broken.getAs("input"));
        assertNull(broken.getAs("loudness_sone"));
        for (String name : List.of("tone0.wav", "tone1.wav", "tone2.wav", "tone3.WAV")) {
            Row row = byName.get(name);
            String path = local(row.getAs("path"));
            AnalysisResult lib = Audioloop.analyze(Path.of(path), options);
            assertNull(row.getAs("error"));
            Row in = row.getAs("input");
            assertEquals(lib.input().sampleRateHz(), (int) in.getAs("sample_rate_hz"));
            assertEquals(lib.input().channels(), (int) in.getAs("channels"));
            assertEquals(lib.input().frames(), (long) in.getAs("frames"));
            for (Map.Entry<String, Double> e : lib.summary().entrySet()) {
                assertEquals(e.getValue(), row.getAs(e.getKey()), name + " " + e.getKey());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rms = (Map<String, Object>) lib.spectral().get("rms");
            assertEquals(rms.get("mean"), row.getAs("spectral_rms_mean"));
            @SuppressWarnings("unchecked")
            Map<String, Object> mfcc = (Map<String, Object>) lib.spectral().get("mfcc");
            assertArrayEquals((double[]) mfcc.get("mean"), doubles(row.getList(row.fieldIndex("spectral_mfcc_mean"))));
            assertArrayEquals((double[]) lib.series().get("loudness_sone"),
                    doubles(row.getList(row.fieldIndex("series_loudness_sone"))));
            assertEquals(lib.warnings(), row.getList(row.fieldIndex("warnings")));
        }
    }

    @Test
    void jsonLinesAreTheCommandLinesObjects() throws Exception {
        Path out = dir.resolve("lines");
        AnalysisOptions options = AnalysisOptions.defaults();
        AnalyzeJob.run(spark, input.toString(), out.toString(), options, AnalyzeJob.Format.JSONL, 0,
                SaveMode.ErrorIfExists);
        Map<String, String> byName = new HashMap<>();
        for (String line : spark.read().textFile(out.toString()).collectAsList()) {
            String file = line.substring(line.indexOf("\"file\":\"") + 8, line.indexOf("\","));
            byName.put(Path.of(local(file)).getFileName().toString(), line);
        }
        assertEquals(5, byName.size());
        for (String name : List.of("tone0.wav", "tone3.WAV")) {
            String line = byName.get(name);
            String path = local(line.substring(line.indexOf("\"file\":\"") + 8, line.indexOf("\",")));
            StringWriter cliOut = new StringWriter();
            // Two files make the command line print JSON Lines; the first line is this file's.
            int code = Main.execute(new String[] {"analyze", path, path}, new PrintWriter(cliOut),
                    new PrintWriter(new StringWriter()));
            assertEquals(0, code);
            String cliLine = cliOut.toString().lines().findFirst().orElseThrow();
            String sparkFile = line.substring(line.indexOf("\"file\":\"") + 8, line.indexOf("\","));
            assertEquals(untimed(cliLine).replace(path, sparkFile), untimed(line));
        }
        assertTrue(byName.get("broken.wav").contains("\"error\":"), byName.get("broken.wav"));
    }

    private static String untimed(String json) {
        return json.substring(0, json.indexOf("\"timing_ms\""));
    }

    private static double[] doubles(List<Object> list) {
        return list.stream().mapToDouble(x -> (Double) x).toArray();
    }
}
