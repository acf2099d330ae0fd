package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, "any WAV a user throws at it": every input class generated in code and run through the command line.
 * Valid inputs are analysed in one batch (all metrics, with series), which also shows that failing files get their
 * {@code {"file", "error"}} line in place while every other file gets its result; the failing classes are also run
 * alone for the single-file form (one line on stderr, nothing on stdout, exit code 1).
 *
 * <p>Every result must be valid JSON without NaN/Infinity, each requested metric a finite number or null with a
 * warning naming it; physically known values are checked (silence → 0, DC inaudible once it has started, …).
 */
class EdgeCaseTest {
    private static final int FS = 48_000;
    /** Long enough for one roughness frame (0.2 s). */
    private static final double SECONDS = 0.25;

    @TempDir
    static Path dir;

    /** Input class → file, in batch order. */
    private static final Map<String, Path> FILES = new LinkedHashMap<>();
    /** Input class → its batch line. */
    private static final Map<String, JsonNode> LINES = new LinkedHashMap<>();
    private static CliRun batch;

    static double[] sine(int sampleRateHz, double seconds, double hz, double amplitude) {
        double[] x = new double[(int) Math.round(seconds * sampleRateHz)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / sampleRateHz);
        }
        return x;
    }

    private static double[] constant(int n, double value) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, value);
        return x;
    }

    @BeforeAll
    static void analyseEveryClassInOneBatch() throws IOException {
        double[] tone = sine(FS, SECONDS, 1000, 0.5);
        double[] square = sine(FS, SECONDS, 100, 4);
        for (int i = 0; i < square.length; i++) {
            square[i] = Math.max(-1, Math.min(1, square[i])); // clipped at full scale: nearly a square wave
        }
        double[] nan = sine(FS, SECONDS, 1000, 0.5);
        nan[1234] = Double.NaN;
        double[] huge = sine(FS, SECONDS, 1000, 1e300);
        byte[] g711 = new byte[(int) (FS * SECONDS)];
        for (int i = 0; i < g711.length; i++) {
            g711[i] = (byte) (i * 37); // every code word, in a scrambled order
        }
        FILES.put("silence", WavFiles.pcm16(dir, "silence.wav", FS, 1, new double[FS / 2]));
        FILES.put("dc", WavFiles.pcm16(dir, "dc.wav", FS, 1, constant(FS / 2, 1.0)));
        FILES.put("square", WavFiles.pcm16(dir, "square.wav", FS, 1, square));
        FILES.put("5 samples", WavFiles.pcm16(dir, "five.wav", FS, 1, sine(FS, 5.0 / FS, 1000, 0.5)));
        FILES.put("10 ms", WavFiles.pcm16(dir, "ten_ms.wav", FS, 1, sine(FS, 0.01, 1000, 0.5)));
        FILES.put("0.15 s", WavFiles.pcm16(dir, "short.wav", FS, 1, sine(FS, 0.15, 1000, 0.5)));
        FILES.put("tone", WavFiles.pcm16(dir, "tone.wav", FS, 1, tone));
        FILES.put("6 channels", WavFiles.pcm16(dir, "six.wav", FS, 6, tone));
        FILES.put("192 kHz float", WavFiles.floatMono(dir, "f192k.wav", 192_000, sine(192_000, SECONDS, 1000, 0.5)));
        FILES.put("48 kHz float 125 Hz", WavFiles.floatMono(dir, "f48k.wav", FS, sine(FS, SECONDS, 125, 0.5)));
        for (int rate : new int[] {1000, 1234, 768_000}) {
            FILES.put(rate + " Hz", WavFiles.floatMono(dir, "f" + rate + ".wav", rate, sine(rate, SECONDS, 125, 0.5)));
        }
        FILES.put("999 Hz", WavFiles.floatMono(dir, "f999.wav", 999, sine(999, SECONDS, 125, 0.5)));
        FILES.put("768001 Hz", WavFiles.floatMono(dir, "f768001.wav", 768_001, sine(768_001, SECONDS, 125, 0.5)));
        FILES.put("mu-law", WavFiles.encoded(dir, "mulaw.wav", WavFiles.MULAW, 8, 1, FS, g711));
        FILES.put("A-law", WavFiles.encoded(dir, "alaw.wav", WavFiles.ALAW, 8, 1, FS, g711));
        FILES.put("RF64", WavFiles.rf64Float(dir, "rf64.wav", FS, tone));
        FILES.put("RIFF float", WavFiles.floatMono(dir, "riff_float.wav", FS, tone));
        FILES.put("size 0xFFFFFFFF", WavFiles.pcm16Sized(dir, "placeholder.wav", FS, tone, 0xFFFFFFFFL, false));
        FILES.put("chunk after data", WavFiles.pcm16Sized(dir, "list_after.wav", FS, tone, 2L * tone.length, true));
        FILES.put("truncated", WavFiles.pcm16Sized(dir, "truncated.wav", FS, tone, 4L * tone.length, false));
        FILES.put("ADPCM", WavFiles.encoded(dir, "adpcm.wav", 0x0002, 4, 1, FS, new byte[256]));
        FILES.put("NaN float", WavFiles.encoded(dir, "nan.wav", WavFiles.IEEE_FLOAT, 32, 1, FS,
                WavFiles.floatBytes(nan)));
        FILES.put("1e300 float64", WavFiles.encoded(dir, "huge.wav", WavFiles.IEEE_FLOAT, 64, 1, FS,
                WavFiles.doubleBytes(huge)));
        FILES.put("no frames", WavFiles.pcm16(dir, "empty_data.wav", FS, 1, new double[0]));
        FILES.put("not a WAV", Files.writeString(dir.resolve("text.wav"), "not audio\n"));

        List<String> args = new ArrayList<>(List.of("analyze", "--series", "--threads", "2"));
        FILES.values().forEach(p -> args.add(p.toString()));
        batch = CliRun.of(args.toArray(String[]::new));
        List<String> lines = batch.out().lines().toList();
        assertEquals(FILES.size(), lines.size(), batch.err());
        Iterator<String> line = lines.iterator();
        for (Map.Entry<String, Path> e : FILES.entrySet()) {
            JsonNode json = CliTest.parse(line.next());
            assertEquals(e.getValue().toString(), json.get("file").asText(), "batch keeps input order");
            LINES.put(e.getKey(), json);
        }
    }

    /** The batch line of a class that must analyse: every metric finite or null with a warning naming it. */
    private static JsonNode result(String inputClass) {
        JsonNode json = LINES.get(inputClass);
        assertFalse(json.has("error"), inputClass + ": " + json);
        String warnings = json.get("warnings").toString();
        assertFalse(warnings.contains("internal"), warnings);
        json.get("summary").fields().forEachRemaining(e -> {
            String metric = e.getKey().startsWith("sharpness") ? "loudness" : e.getKey().split("_")[0];
            assertTrue(e.getValue().isNumber() || e.getValue().isNull() && warnings.contains(metric + ": "),
                    inputClass + ": " + e.getKey() + " = " + e.getValue() + ", warnings " + warnings);
        });
        json.get("spectral").fields().forEachRemaining(e -> assertTrue(!e.getValue().isNull()
                || warnings.contains(e.getKey() + ": "), inputClass + ": " + e.getKey() + " null without a warning"));
        assertAllNumbersFinite(inputClass, json);
        return json;
    }

    /** Jackson reads a (non-standard) NaN or Infinity token as a double; a JSON string cannot hold one either. */
    private static void assertAllNumbersFinite(String where, JsonNode node) {
        if (node.isNumber()) {
            assertTrue(Double.isFinite(node.asDouble()), where + ": " + node);
        } else if (node.isTextual()) {
            assertFalse(node.asText().contains("NaN") || node.asText().contains("Infinity"), where + ": " + node);
        }
        node.forEach(child -> assertAllNumbersFinite(where, child));
    }

    private static double summary(String inputClass, String key) {
        JsonNode value = result(inputClass).get("summary").get(key);
        assertTrue(value.isNumber(), inputClass + ": " + key + " = " + value);
        return value.asDouble();
    }

    private static double spectralMean(String inputClass, String feature) {
        return result(inputClass).get("spectral").get(feature).get("mean").asDouble();
    }

    /** A series by its path below {@code series}, e.g. "loudness_sone" or "spectral", "spectral_centroid". */
    private static double[] series(String inputClass, String... path) {
        JsonNode node = result(inputClass).get("series");
        for (String key : path) {
            node = node.get(key);
        }
        return StreamSupport.stream(node.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    private static void assertFailsInOneLine(String inputClass, String reason) {
        JsonNode line = LINES.get(inputClass);
        assertTrue(line.get("error").asText().contains(reason), inputClass + ": " + line);
        assertEquals(2, line.size(), "only file and error: " + line);
        Path file = FILES.get(inputClass);
        CliRun alone = CliRun.of("analyze", file.toString());
        assertEquals(Main.EXIT_FILE_FAILED, alone.exitCode(), alone.err());
        assertEquals("", alone.out());
        assertEquals(List.of("audioloop: " + file + ": " + line.get("error").asText()), alone.err().lines().toList());
    }

    @Test
    void batchPrintsEveryResultAndOneStderrLinePerFailedFile() {
        assertEquals(Main.EXIT_FILE_FAILED, batch.exitCode(), batch.err());
        long failed = LINES.values().stream().filter(j -> j.has("error")).count();
        assertEquals(7, failed, LINES.toString());
        assertEquals(failed, batch.err().lines().count(), batch.err());
        assertTrue(batch.err().lines().allMatch(l -> l.startsWith("audioloop: " + dir)), batch.err());
        // Every line parsed as strict JSON (no NaN/Infinity tokens); numbers are checked by result().
        LINES.keySet().stream().filter(c -> !LINES.get(c).has("error")).forEach(EdgeCaseTest::result);
    }

    @Test
    void digitalSilenceIsZeroEverywhere() {
        for (String key : List.of("loudness_sone", "loudness_sone_max", "loudness_n5_sone", "loudness_n10_sone",
                "loudness_stationary_sone", "sharpness_acum", "sharpness_stationary_acum", "roughness_asper")) {
            assertEquals(0.0, summary("silence", key), key);
        }
        for (String feature : List.of("rms", "zero_crossing_rate", "spectral_centroid", "spectral_bandwidth",
                "spectral_rolloff", "onset_strength")) {
            assertEquals(0.0, spectralMean("silence", feature), feature);
        }
        JsonNode spectral = result("silence").get("spectral");
        assertEquals(0.0, spectral.get("tempo_bpm").asDouble());
        assertEquals(0, spectral.get("beat_times_s").size());
        assertTrue(spectral.get("pitch_hz").isNull());
    }

    /**
     * Full-scale DC is inaudible, but the file starts with a step from silence: N(t) shows that click (13.1 sone at
     * 1 Pa/FS, as MoSQITo's N(t)) and then only decays, as the low third-octave filters stop ringing; the summaries
     * keep the click, as MoSQITo's do. A DC frame's spectral centroid lies below the first FFT bin.
     */
    @Test
    void fullScaleDcIsInaudibleOnceTheOnsetClickHasDecayed() {
        double[] n = series("dc", "loudness_sone");
        int peak = 0;
        for (int i = 1; i < n.length; i++) {
            peak = n[i] > n[peak] ? i : peak;
        }
        assertTrue(n[peak] > 1 && peak < 25, "the onset click: " + n[peak] + " sone at frame " + peak);
        for (int i = peak + 1; i < n.length; i++) {
            assertTrue(n[i] <= n[i - 1], "N(t) rises at frame " + i);
        }
        assertTrue(n[n.length - 1] < 0.005 * n[peak], "after 0.5 s N = " + n[n.length - 1] + " sone");
        assertTrue(summary("dc", "roughness_asper") < 0.01);
        double[] centroid = series("dc", "spectral", "spectral_centroid");
        double middle = centroid[centroid.length / 2];
        assertTrue(middle < FS / 2048.0, "a DC frame's centroid: " + middle + " Hz");
    }

    /** A 100 Hz wave clipped at full scale: 200 zero crossings per second, pitch 100 Hz, 94 dB SPL rms at 1 Pa/FS. */
    @Test
    void clippedSquareWaveIsLoudWithItsZeroCrossingRate() {
        assertEquals(200.0 / FS, spectralMean("square", "zero_crossing_rate"), 0.1 * 200.0 / FS);
        double loudness = summary("square", "loudness_stationary_sone");
        assertTrue(loudness > 30 && loudness < 60, "stationary loudness " + loudness);
        assertEquals(100.0, result("square").get("spectral").get("pitch_hz").get("mean").asDouble(), 1.0);
    }

    @Test
    void inputsTooShortForAMetricGetNullWithAWarning() {
        JsonNode five = result("5 samples");
        assertTrue(five.get("summary").get("loudness_sone").isNull());
        assertTrue(five.get("summary").get("roughness_asper").isNull());
        assertEquals(1, five.get("series").get("spectral").get("rms").size(), "one centred STFT frame");
        assertTrue(summary("10 ms", "loudness_sone") > 0, "10 ms is the shortest input with loudness");
        assertTrue(result("10 ms").get("summary").get("roughness_asper").isNull());
        assertTrue(summary("0.15 s", "loudness_stationary_sone") > 0);
        assertTrue(result("0.15 s").get("summary").get("roughness_asper").isNull());
        String warnings = result("0.15 s").get("warnings").toString();
        assertTrue(warnings.contains("roughness: input shorter than one 0.2 s frame"), warnings);
    }

    /** Channels are averaged: six identical channels are the mono file. */
    @Test
    void sixIdenticalChannelsGiveTheMonoResult() {
        assertEquals(result("tone").get("summary"), result("6 channels").get("summary"));
        assertEquals(result("tone").get("spectral"), result("6 channels").get("spectral"));
        assertEquals(6, result("6 channels").get("input").get("channels").asInt());
    }

    /** One resampling to 48 kHz: a tone recorded at 192 kHz measures as the same tone recorded at 48 kHz. */
    @Test
    void highRateFloatMatchesTheSameToneAt48k() {
        assertEquals(summary("tone", "loudness_stationary_sone"), summary("192 kHz float", "loudness_stationary_sone"),
                0.01 * summary("tone", "loudness_stationary_sone"));
        assertEquals(spectralMean("tone", "spectral_centroid"), spectralMean("192 kHz float", "spectral_centroid"),
                0.01 * spectralMean("tone", "spectral_centroid"));
    }

    /**
     * Supported rates 1 kHz … 768 kHz, also one sharing no factor with 48 kHz, give the 125 Hz tone's loudness.
     * (Spectral means differ: the onset click's energy above the file's Nyquist frequency is missing.)
     */
    @Test
    void everySupportedRateMeasuresTheSameTone() {
        double reference = summary("48 kHz float 125 Hz", "loudness_stationary_sone");
        for (String rate : List.of("1000 Hz", "1234 Hz", "768000 Hz")) {
            assertEquals(reference, summary(rate, "loudness_stationary_sone"), 0.02 * reference, rate);
            assertTrue(summary(rate, "roughness_asper") >= 0, rate);
        }
    }

    @Test
    void filesLongerThanTwelveHoursFailInWords(@TempDir Path tmp) throws IOException {
        // 13 hours of 8-bit mono at 1 kHz: a 47 MB file (its samples never read) whose 48 kHz length overflows an int.
        int rate = 1000;
        long frames = 13L * 3600 * rate;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + frames))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate).putShort((short) 1).putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) frames);
        Path file = tmp.resolve("13h.wav");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(header.array());
            out.setLength(44 + frames);
        }
        CliRun run = CliRun.of("analyze", file.toString());
        assertEquals(Main.EXIT_FILE_FAILED, run.exitCode(), run.err());
        assertEquals(List.of("audioloop: " + file + ": too long: 13.0 hours of audio; audioloop analyses up to 12 hours"
                + " per file (split it, e.g. sox FILE part.wav trim 0 12:00:00 : newfile : restart)"), run.err().lines().toList());
    }

    @Test
    void ratesOutsideTheResamplerRangeFailInWords() {
        assertFailsInOneLine("999 Hz", "sample rate 999 Hz not supported (1000 … 768000 Hz)");
        assertFailsInOneLine("768001 Hz", "sample rate 768001 Hz not supported");
    }

    @Test
    void g711FilesAnalyse() {
        assertEquals("mulaw", result("mu-law").get("input").get("encoding").asText());
        assertEquals("alaw", result("A-law").get("input").get("encoding").asText());
        assertTrue(summary("mu-law", "loudness_sone") > 0 && summary("A-law", "loudness_sone") > 0);
    }

    /** Container variants hold the same samples: the same numbers. */
    @Test
    void containerVariantsGiveTheSameResult() {
        assertEquals(result("RIFF float").get("summary"), result("RF64").get("summary"));
        assertEquals(result("RIFF float").get("spectral"), result("RF64").get("spectral"));
        for (String variant : List.of("size 0xFFFFFFFF", "chunk after data")) {
            assertEquals(result("tone").get("summary"), result(variant).get("summary"), variant);
            assertEquals(result("tone").get("levels"), result(variant).get("levels"), variant);
            // No warning of its own: the 0.25 s tone's only warning is that it is too short for L_AF statistics
            assertEquals(result("tone").get("warnings"), result(variant).get("warnings"), variant);
            assertEquals(1, result(variant).get("warnings").size(), variant);
            assertTrue(result(variant).get("warnings").get(0).asText().startsWith("levels: LAF10/LAF50/LAF90"), variant);
        }
    }

    @Test
    void truncatedDataIsAnalysedWithAWarningNamingBothSizes() {
        JsonNode json = result("truncated");
        int present = 2 * (int) Math.round(FS * SECONDS);
        assertTrue(json.get("warnings").toString().contains("truncated: data chunk declares " + 2 * present
                + " bytes, " + present + " present"), json.get("warnings").toString());
        assertEquals(result("tone").get("summary"), json.get("summary"));
    }

    @Test
    void undecodableFilesFailInOneLineNamingTheCause() {
        assertFailsInOneLine("ADPCM", "unsupported encoding: format tag 0x0002 (Microsoft ADPCM)");
        assertFailsInOneLine("NaN float", "non-finite sample (NaN) at frame 1234");
        assertFailsInOneLine("1e300 float64", "at frame 1 is beyond ±1e6 full scale (+120 dBFS)");
        assertFailsInOneLine("no frames", "no audio");
        assertFailsInOneLine("not a WAV", "not a WAV file");
    }

    /** Warnings come from concurrent blocks; their order must not depend on the pool size. */
    @Test
    void warningsAreInTheSameOrderWhateverThePoolSize() {
        String file = FILES.get("5 samples").toString();
        JsonNode one = CliTest.parse(CliRun.of("analyze", "--threads", "1", file).out()).get("warnings");
        JsonNode two = CliTest.parse(CliRun.of("analyze", "--threads", "2", file).out()).get("warnings");
        // loudness, roughness, pitch, tonality, sii (each too short), and the levels section's L_AF statistics and
        // third-octave levels
        assertEquals(7, one.size(), one.toString());
        assertEquals(one, two);
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("analyze", "--verbose", FILES.get("NaN float").toString());
        assertEquals(Main.EXIT_FILE_FAILED, run.exitCode());
        assertTrue(run.err().startsWith("audioloop: " + FILES.get("NaN float") + ": non-finite sample"), run.err());
        assertTrue(run.err().contains("\tat audioloop."), run.err());
    }

    @Test
    void calibrationBeyondAMillionPascalsIsAUsageError() {
        CliRun run = CliRun.of("analyze", "--calibration", "1e7", FILES.get("tone").toString());
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("up to 1e6"), run.err());
        assertEquals("", run.out());
    }
}
