package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import audioloop.io.WavFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts see it: exit codes, stdout/stderr discipline, batch order, files written. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 1 kHz tone, 100 % AM at 70 Hz, 60 dB SPL at 1 Pa/FS, plus a little noise so every metric has content. */
    static double[] amTone(int sampleRateHz, double seconds) {
        int n = (int) Math.round(seconds * sampleRateHz);
        double[] x = new double[n];
        double amplitude = 0.02 * Math.sqrt(2);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double t = (double) i / sampleRateHz;
            x[i] = amplitude * (1 + Math.sin(2 * Math.PI * 70 * t)) / 2 * Math.sin(2 * Math.PI * 1000 * t)
                    + 0.001 * (random.nextDouble() - 0.5);
        }
        return x;
    }

    private Path wav(String name, double seconds) throws IOException {
        return WavFiles.pcm16(dir, name, 44100, 2, amTone(44100, seconds));
    }

    @Test
    void noCommandOrNoFileIsAUsageError() {
        CliRun bare = CliRun.of();
        assertEquals(Main.EXIT_USAGE, bare.exitCode());
        assertTrue(bare.err().startsWith("audioloop: "), bare.err());
        CliRun noFile = CliRun.of("analyze");
        assertEquals(Main.EXIT_USAGE, noFile.exitCode());
        assertEquals("", noFile.out());
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        String file = wav("a.wav", 0.5).toString();
        for (String[] args : List.of(new String[] {"analyze", "--metrics", "spectral,loudnes", file},
                new String[] {"analyze", "--threads", "0", file},
                new String[] {"analyze", "--calibration", "-1", file},
                new String[] {"analyze", "--field", "outdoor", file},
                new String[] {"analyze", "--bogus", file})) {
            CliRun run = CliRun.of(args);
            assertEquals(Main.EXIT_USAGE, run.exitCode(), String.join(" ", args) + " → " + run.err());
            assertEquals("", run.out());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
    }

    @Test
    void unwritableOutputOrProfileIsAUsageError() throws IOException {
        String file = wav("a.wav", 0.3).toString();
        String nowhere = dir.resolve("no/such/dir/x").toString();
        for (String option : List.of("-o", "--profile")) {
            CliRun run = CliRun.of("analyze", "--metrics", "spectral", option, nowhere, file);
            assertEquals(Main.EXIT_USAGE, run.exitCode(), option + " → " + run.err());
            assertTrue(run.err().startsWith("audioloop: " + option + ": cannot write"), run.err());
        }
    }

    @Test
    void versionAndHelpExitZero() {
        assertEquals(0, CliRun.of("--version").exitCode());
        CliRun help = CliRun.of("analyze", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--calibration"));
    }

    @Test
    void missingAndBrokenFilesFailInOneLineWithExitCode1() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello, this is not audio\n");
        for (Path bad : List.of(dir.resolve("missing.wav"), text, Files.write(dir.resolve("empty.wav"), new byte[0]))) {
            CliRun run = CliRun.of("analyze", bad.toString());
            assertEquals(Main.EXIT_FILE_FAILED, run.exitCode(), run.err());
            assertEquals("", run.out(), "single-file failures print nothing on stdout");
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("audioloop: " + bad + ": "), run.err());
        }
        assertTrue(CliRun.of("analyze", text.toString()).err().contains("not a WAV file"));
        assertTrue(CliRun.of("analyze", dir.resolve("missing.wav").toString()).err().contains("no such file"));
    }

    @Test
    void batchKeepsInputOrderAndReportsTheBadFileInPlace() throws IOException {
        Path a = wav("a.wav", 0.5);
        Path bad = Files.writeString(dir.resolve("bad.wav"), "RIFF????WAVEjunk");
        Path b = wav("b.wav", 0.3);
        CliRun run = CliRun.of("analyze", "--metrics", "spectral", a.toString(), bad.toString(), b.toString());
        assertEquals(Main.EXIT_FILE_FAILED, run.exitCode(), run.err());
        List<JsonNode> lines = run.out().lines().map(CliTest::parse).toList();
        assertEquals(3, lines.size());
        assertEquals(a.toString(), lines.get(0).get("file").asText());
        assertEquals(bad.toString(), lines.get(1).get("file").asText());
        assertTrue(lines.get(1).hasNonNull("error"));
        assertEquals(b.toString(), lines.get(2).get("file").asText());
        assertEquals(0.3, lines.get(2).get("input").get("duration_s").asDouble(), 1e-4);
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void directoriesAreSearchedRecursivelyInCaseInsensitiveOrder() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        WavFiles.floatMono(dir, "B.wav", 48000, amTone(48000, 0.2));
        WavFiles.floatMono(dir, "a.WAV", 48000, amTone(48000, 0.2));
        WavFiles.floatMono(dir.resolve("sub"), "c.wav", 48000, amTone(48000, 0.2));
        Files.writeString(dir.resolve("readme.txt"), "not audio");
        CliRun run = CliRun.of("analyze", "--metrics", "spectral", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> files = run.out().lines().map(l -> parse(l).get("file").asText()).toList();
        assertEquals(List.of(dir.resolve("a.WAV").toString(), dir.resolve("B.wav").toString(),
                dir.resolve("sub/c.wav").toString()), files);
    }

    @Test
    void outputFileIsWrittenWholeAndNothingElseIsLeftBehind() throws IOException {
        Path a = wav("a.wav", 0.5);
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.of("analyze", "--metrics", "spectral", "-o", out.toString(), a.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(a.toString(), parse(Files.readString(out)).get("file").asText());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.wav", "out.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsAUsageErrorBeforeAnyAnalysis() throws IOException {
        Path a = wav("a.wav", 0.5);
        for (Path out : List.of(dir, dir.resolve("missing/out.json"))) {
            CliRun run = CliRun.of("analyze", "--metrics", "spectral", "-o", out.toString(), a.toString());
            assertEquals(Main.EXIT_USAGE, run.exitCode(), run.err());
            String expected = out.equals(dir) ? "it is a directory" : "no such directory: " + dir.resolve("missing");
            assertEquals("audioloop: -o: cannot write " + out + ": " + expected, run.err().lines().findFirst().orElse(""));
            assertEquals("", run.out());
        }
    }

    @Test
    void outputFileGetsTheUsualPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");
        Path a = wav("a.wav", 0.5);
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the umask gives any new file
        Path out = dir.resolve("out.json");
        assertEquals(0, CliRun.of("analyze", "--metrics", "spectral", "-o", out.toString(), a.toString()).exitCode());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(out, groupReadable);
        assertEquals(0, CliRun.of("analyze", "--metrics", "spectral", "-o", out.toString(), a.toString()).exitCode());
        assertEquals(groupReadable, Files.getPosixFilePermissions(out));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalJson() throws IOException {
        Path a = wav("a.wav", 1.2);
        JsonNode one = parse(CliRun.of("analyze", "--series", "--threads", "1", a.toString()).out());
        JsonNode two = parse(CliRun.of("analyze", "--series", "--threads", "2", a.toString()).out());
        ((ObjectNode) one).remove("timing_ms");
        ((ObjectNode) two).remove("timing_ms");
        assertEquals(one, two);
        assertTrue(one.get("summary").get("loudness_sone").asDouble() > 0);
    }

    @Test
    void everyMetricIsPresentForANormalFileAndAbsentWhenNotAsked() throws IOException {
        Path a = wav("a.wav", 1.0);
        JsonNode all = parse(CliRun.of("analyze", a.toString()).out());
        for (String key : List.of("loudness_sone", "loudness_sone_max", "loudness_n5_sone", "loudness_n10_sone",
                "loudness_stationary_sone", "sharpness_acum", "sharpness_stationary_acum", "roughness_asper")) {
            assertTrue(all.get("summary").get(key).isNumber(), key + " in " + all.get("summary"));
        }
        assertEquals(20, all.get("spectral").get("mfcc").get("mean").size());
        assertTrue(all.get("warnings").isArray());
        JsonNode roughOnly = parse(CliRun.of("analyze", "--metrics", "roughness", a.toString()).out());
        assertEquals(List.of("roughness_asper"), iterableToList(roughOnly.get("summary").fieldNames()));
        assertFalse(roughOnly.has("spectral"));
        assertFalse(roughOnly.has("series"));
    }

    @Test
    void tooShortInputsGiveNullMetricsWithWarningsNotCrashes() throws IOException {
        Path fiveMs = WavFiles.floatMono(dir, "short.wav", 48000, amTone(48000, 0.005));
        CliRun run = CliRun.of("analyze", fiveMs.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = parse(run.out());
        assertTrue(json.get("summary").get("loudness_sone").isNull());
        assertTrue(json.get("summary").get("roughness_asper").isNull());
        String warnings = json.get("warnings").toString();
        assertTrue(warnings.contains("loudness") && warnings.contains("roughness"), warnings);
        assertFalse(run.out().contains("NaN") || run.out().contains("Infinity"));
    }

    @Test
    void profileWritesAJfrRecordingWithStageEvents() throws IOException {
        Path a = wav("a.wav", 0.5);
        Path jfr = dir.resolve("run.jfr");
        CliRun run = CliRun.of("analyze", "--metrics", "spectral,sharpness", "--profile", jfr.toString(), a.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<RecordedEvent> stages = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("audioloop.Stage")).toList();
        List<String> names = stages.stream().map(e -> e.getString("stage")).distinct().sorted().toList();
        assertTrue(names.containsAll(List.of("decode", "loudness", "resample", "sharpness", "spectral")), names.toString());
        assertEquals(a.toString(), stages.get(0).getString("file"));
        // Sharpness reads N(t) and the N′ moments: it may only start once loudness has finished.
        RecordedEvent loudness = stages.stream().filter(e -> e.getString("stage").equals("loudness")).findFirst().orElseThrow();
        RecordedEvent sharpness = stages.stream().filter(e -> e.getString("stage").equals("sharpness")).findFirst().orElseThrow();
        assertFalse(sharpness.getStartTime().isBefore(loudness.getEndTime()),
                "sharpness started at " + sharpness.getStartTime() + ", loudness ended at " + loudness.getEndTime());
    }

    private static <T> List<T> iterableToList(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
