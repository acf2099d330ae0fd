package audioloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints bench/run.sh's results as markdown tables: the end-to-end CLI measurements (median of the runs), the JMH
 * scores, and, when ../shared/reference is there, MoSQITo's and librosa's timings for the same durations and
 * audioloop's speed-up over them.
 *
 * <p>{@code RunReport MEASUREMENTS.tsv JMH.json|- REFERENCE_DIR|-}; a measurement line is
 * {@code key<TAB>what<TAB>unit<TAB>command<TAB>v1 v2 …}.
 */
public final class RunReport {
    /** Durations (s) of the signals MoSQITo and librosa were timed on that audioloop also measures. */
    private static final int[] REFERENCE_DURATIONS_S = {10, 60};

    private record Measurement(String what, String unit, String command, double[] values) {
        double median() {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private RunReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RunReport MEASUREMENTS.tsv JMH.json|- REFERENCE_DIR|-");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Measurement> measured = readMeasurements(Path.of(args[0]));
        JsonNode jmh = args[1].equals("-") ? null : json.readTree(Path.of(args[1]).toFile());
        Path referenceDir = args[2].equals("-") ? null : Path.of(args[2]);

        printMeasurements(measured);
        if (jmh != null) {
            printJmh(jmh);
        }
        if (referenceDir != null && Files.isRegularFile(referenceDir.resolve("mosqito_timing.json"))
                && Files.isRegularFile(referenceDir.resolve("librosa_timing.json"))) {
            printComparison(json.readTree(referenceDir.resolve("mosqito_timing.json").toFile()),
                    json.readTree(referenceDir.resolve("librosa_timing.json").toFile()), jmh, measured);
        }
    }

    private static Map<String, Measurement> readMeasurements(Path tsv) throws IOException {
        Map<String, Measurement> measured = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            double[] values = Arrays.stream(f[4].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            measured.put(f[0], new Measurement(f[1], f[2], f[3], values));
        }
        return measured;
    }

    private static void printMeasurements(Map<String, Measurement> measured) {
        if (measured.isEmpty()) {
            return;
        }
        System.out.println("### End to end (CLI, one JVM per run)");
        System.out.println();
        System.out.println("| what | median | runs | command |");
        System.out.println("|---|---:|---:|---|");
        for (Measurement m : measured.values()) {
            System.out.printf(Locale.ROOT, "| %s | %s %s | %d | `%s` |%n", m.what(), number(m.median()), m.unit(),
                    m.values().length, m.command());
        }
        Measurement one = measured.get("cli_60s_threads1");
        Measurement two = measured.get("cli_60s_threads2");
        if (one != null && two != null) {
            System.out.printf(Locale.ROOT, "| speed-up 60 s, --threads 2 over --threads 1 | %s× | | |%n",
                    number(one.median() / two.median()));
        }
        System.out.println();
    }

    private static void printJmh(JsonNode jmh) {
        System.out.println("### Stages (JMH, average time per call, in the stage's own ForkJoinPool)");
        System.out.println();
        System.out.println("| benchmark | signal s | threads | ms/op | ± 99.9 % |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (JsonNode run : jmh) {
            JsonNode metric = run.path("primaryMetric");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n",
                    run.path("benchmark").asText().replace("audioloop.bench.", ""),
                    run.path("params").path("durationS").asText(), run.path("params").path("threads").asText(),
                    number(metric.path("score").asDouble()), number(metric.path("scoreError").asDouble()));
        }
        System.out.println();
    }

    /**
     * MoSQITo's per-call medians (time_mosqito.py: one fresh process per run) and librosa's steady-state medians
     * (time_librosa.py, warm numba cache; every feature call computes its own STFT), against audioloop's JMH score
     * with 2 threads and its CLI wall time for the same duration.
     */
    private static void printComparison(JsonNode mosqito, JsonNode librosa, JsonNode jmh,
            Map<String, Measurement> measured) {
        System.out.println("### Against MoSQITo 1.2.1 and librosa 0.10.2 (their figures from ../shared/reference)");
        System.out.println();
        System.out.println("| signal | stage | MoSQITo / librosa ms | audioloop ms | audioloop measured by | speed-up |");
        System.out.println("|---|---|---:|---:|---|---:|");
        for (int seconds : REFERENCE_DURATIONS_S) {
            JsonNode m = mosqito.path("summary").path("audioloop_test_" + seconds + "s.wav");
            JsonNode l = librosa.path("runs").path("warm_cache_" + seconds + "s").path("summary");
            if (m.isMissingNode() || l.isMissingNode()) {
                continue;
            }
            double readMs = stageMs(m, "read_wav");
            double resampleMs = stageMs(m, "resample");
            double timeVaryingMs = stageMs(m, "loudness_zwtv") + stageMs(m, "sharpness_din_from_loudness");
            double stationaryMs = stageMs(m, "loudness_zwst");
            double roughnessMs = stageMs(m, "roughness_dw");
            double spectralMs = 1000 * l.path("all_features_sum_steady_median").asDouble(Double.NaN);
            // sharpness_din_st recomputes loudness_zwst: counted in the whole-file figure, as a Python user pays it;
            // the import of numpy/scipy/librosa and numba's compilation are not.
            double wholeMs = readMs + resampleMs + timeVaryingMs + stationaryMs + stageMs(m, "sharpness_din_st")
                    + roughnessMs + spectralMs;
            String s = seconds + " s";
            row(s, "decode (MoSQITo read_wav)", readMs, jmhScore(jmh, "DecodeBenchmark.decode", seconds), "JMH, 2 threads");
            row(s, "resample 44.1 → 48 kHz", resampleMs, jmhScore(jmh, "ResampleBenchmark.resample", seconds),
                    "JMH, 2 threads");
            row(s, "time-varying loudness + sharpness", timeVaryingMs,
                    jmhScore(jmh, "LoudnessBenchmark.timeVaryingWithSharpness", seconds), "JMH, 2 threads");
            row(s, "stationary loudness", stationaryMs, jmhScore(jmh, "LoudnessBenchmark.stationary", seconds),
                    "JMH, 2 threads");
            row(s, "roughness", roughnessMs, jmhScore(jmh, "RoughnessBenchmark.roughness", seconds), "JMH, 2 threads");
            row(s, "spectral features (librosa, sum of calls)", spectralMs,
                    jmhScore(jmh, "SpectralBenchmark.spectral", seconds), "JMH, 2 threads");
            row(s, "whole file (all MoSQITo stages + librosa features)", wholeMs,
                    jmhScore(jmh, "PipelineBenchmark.analyze", seconds), "JMH, 2 threads, no JVM start");
            Measurement cli = measured.get("cli_" + seconds + "s");
            row(s, "whole file (all MoSQITo stages + librosa features)", wholeMs, cli == null ? Double.NaN : cli.median(),
                    "CLI wall, JVM start included");
        }
        System.out.println();
        JsonNode mosqitoRss = mosqito.path("summary").path("audioloop_test_60s.wav").path("peak_rss_MiB_max");
        Measurement rss = measured.get("rss_60s");
        if (rss != null && mosqitoRss.isNumber()) {
            System.out.printf(Locale.ROOT, "Peak RSS, 60 s file: MoSQITo harness %s MiB (max of its runs), audioloop %s MiB"
                    + " (median).%n%n", number(mosqitoRss.asDouble()), number(rss.median()));
        }
    }

    private static double stageMs(JsonNode mosqitoFile, String stage) {
        return 1000 * mosqitoFile.path(stage).path("median_s").asDouble(Double.NaN);
    }

    private static double jmhScore(JsonNode jmh, String benchmark, int seconds) {
        if (jmh == null) {
            return Double.NaN;
        }
        for (JsonNode run : jmh) {
            JsonNode params = run.path("params");
            if (run.path("benchmark").asText().equals("audioloop.bench." + benchmark)
                    && params.path("durationS").asInt() == seconds && params.path("threads").asInt() == 2) {
                return run.path("primaryMetric").path("score").asDouble();
            }
        }
        return Double.NaN;
    }

    private static void row(String signal, String stage, double referenceMs, double audioloopMs, String how) {
        if (Double.isNaN(referenceMs) || Double.isNaN(audioloopMs)) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s× |%n", signal, stage, number(referenceMs),
                number(audioloopMs), how, number(referenceMs / audioloopMs));
    }

    /** Three significant digits, no exponent; blank for NaN (JMH gives no error bound for a single iteration). */
    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (x == 0) {
            return "0";
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(x))));
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }
}
