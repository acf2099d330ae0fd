package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --plot, --plot-size, --plot-format and --report through the command line. */
class FigureCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void batchFiguresAreNamedAfterTheirPathsAndTheJsonIsUnchanged() throws Exception {
        Path a = WavFiles.pcm16(Files.createDirectories(dir.resolve("in/a")), "x.wav", 44100, 2, CliTest.amTone(44100, 0.6));
        Path b = WavFiles.pcm16(Files.createDirectories(dir.resolve("in/b")), "x.wav", 44100, 1, CliTest.amTone(44100, 0.4));
        Path plots = dir.resolve("plots");
        Path report = dir.resolve("report.html");
        CliRun plain = CliRun.of("analyze", dir.resolve("in").toString());
        CliRun drawn = CliRun.of("analyze", "--plot", plots.toString(), "--plot-size", "640x360", "--report",
                report.toString(), dir.resolve("in").toString());
        assertEquals(0, drawn.exitCode(), drawn.err());
        assertEquals("", drawn.err());
        // Same JSON lines as without figures (timings apart): no series printed, no figure data.
        List<String> plainLines = plain.out().lines().toList();
        List<String> drawnLines = drawn.out().lines().toList();
        assertEquals(2, drawnLines.size());
        for (int i = 0; i < 2; i++) {
            JsonNode expected = JSON.readTree(plainLines.get(i));
            JsonNode actual = JSON.readTree(drawnLines.get(i));
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("timing_ms");
            ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("timing_ms");
            assertEquals(expected, actual);
        }
        String stemA = stem(a);
        String stemB = stem(b);
        assertTrue(stemA.endsWith("in_a_x") && stemB.endsWith("in_b_x"), stemA + " / " + stemB);
        for (String stem : List.of(stemA, stemB)) {
            for (String figure : List.of("loudness", "specific-loudness", "roughness", "specific-roughness", "spectrogram",
                    "spectrum")) {
                BufferedImage png = ImageIO.read(plots.resolve(stem + "." + figure + ".png").toFile());
                assertEquals(640, png.getWidth(), figure);
                assertEquals(360, png.getHeight(), figure);
            }
        }
        try (Stream<Path> files = Files.list(plots)) {
            assertEquals(12, files.count(), "no temporary file left");
        }
        String html = Files.readString(report);
        assertTrue(html.contains("<a href=\"#file-1\">" + a) && html.contains("<a href=\"#file-2\">" + b),
                "one overview row per file, linking to its figures");
        assertEquals(12, html.split("src=\"data:image/png;base64,", -1).length - 1);
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing outside the page");
    }

    @Test
    void svgFormatAndAFailedFileInTheReport() throws Exception {
        Path good = WavFiles.pcm16(dir, "good.wav", 48000, 1, CliTest.amTone(48000, 0.3));
        Path bad = Files.writeString(dir.resolve("bad.wav"), "not a wav");
        Path plots = dir.resolve("svg");
        Path report = dir.resolve("r.html");
        CliRun run = CliRun.of("analyze", "--metrics", "loudness", "--plot", plots.toString(), "--plot-format", "svg",
                "--report", report.toString(), good.toString(), bad.toString());
        assertEquals(Main.EXIT_FILE_FAILED, run.exitCode(), run.err());
        String svg = Files.readString(plots.resolve(stem(good) + ".loudness.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, 100));
        try (Stream<Path> files = Files.list(plots)) {
            assertEquals(2, files.count(), "loudness and specific loudness only: " + run.err());
        }
        String html = Files.readString(report);
        assertTrue(html.contains("src=\"data:image/svg+xml;base64,"));
        assertTrue(html.contains("bad.wav: not a WAV file"), "the failed file is listed");
    }

    @Test
    void anInputIsNeverOverwritten() throws Exception {
        byte[] tone = Files.readAllBytes(WavFiles.pcm16(dir, "x.wav", 48000, 1, CliTest.amTone(48000, 0.3)));
        // A WAV named as the figure of x.wav would be, in the plot directory itself.
        Path victim = dir.resolve(stem(dir.resolve("x.wav")) + ".loudness.png");
        Files.createDirectories(victim.getParent());
        Files.write(victim, tone);
        Path plots = victim.getParent();
        CliRun run = CliRun.of("analyze", "--metrics", "loudness", "--plot", plots.toString(),
                dir.resolve("x.wav").toString(), victim.toString());
        assertEquals(Main.EXIT_FILE_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("is an input file; not overwritten"), run.err());
        assertArrayEquals(tone, Files.readAllBytes(victim));

        CliRun report = CliRun.of("analyze", "--report", victim.toString(), victim.toString());
        assertEquals(Main.EXIT_USAGE, report.exitCode());
        assertTrue(report.err().contains("--report: " + victim + " is an input file"), report.err());
        assertArrayEquals(tone, Files.readAllBytes(victim));
    }

    @Test
    void badFigureOptionsAreUsageErrors() throws Exception {
        Path wav = WavFiles.pcm16(dir, "x.wav", 48000, 1, CliTest.amTone(48000, 0.1));
        for (String size : List.of("1600", "1600x", "100x900", "1600x20000", "axb")) {
            CliRun run = CliRun.of("analyze", "--plot", dir.toString(), "--plot-size", size, wav.toString());
            assertEquals(Main.EXIT_USAGE, run.exitCode(), size);
            assertTrue(run.err().contains("--plot-size"), run.err());
        }
        CliRun format = CliRun.of("analyze", "--plot", dir.toString(), "--plot-format", "gif", wav.toString());
        assertEquals(Main.EXIT_USAGE, format.exitCode());
        CliRun notDir = CliRun.of("analyze", "--plot", wav.toString(), wav.toString());
        assertEquals(Main.EXIT_USAGE, notDir.exitCode());
        assertTrue(notDir.err().contains("is not a directory"), notDir.err());
    }

    @Test
    void silenceAndAFewSamplesGiveTheFiguresTheyHaveDataFor() throws Exception {
        Path silence = WavFiles.pcm16(dir, "silence.wav", 48000, 1, new double[24000]);
        Path tiny = WavFiles.pcm16(dir, "tiny.wav", 48000, 1, new double[] {0.1, -0.2, 0.3, 0.1, 0.0});
        Path plots = dir.resolve("edge");
        CliRun run = CliRun.of("analyze", "--plot", plots.toString(), "--report", dir.resolve("e.html").toString(),
                silence.toString(), tiny.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String figure : List.of("loudness", "specific-loudness", "roughness", "spectrogram")) {
            assertTrue(Files.isRegularFile(plots.resolve(stem(silence) + "." + figure + ".png")), figure);
        }
        // 5 samples: no loudness or roughness (null with warnings), one spectral frame.
        try (Stream<Path> files = Files.list(plots)) {
            assertEquals(List.of(stem(tiny) + ".spectrogram.png"), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(stem(tiny) + ".")).toList());
        }
        CliRun noDir = CliRun.of("analyze", "--report", dir.resolve("missing/r.html").toString(), silence.toString());
        assertEquals(Main.EXIT_USAGE, noDir.exitCode());
        assertTrue(noDir.err().startsWith("audioloop: --report: cannot write beside "), noDir.err());
    }

    /** The stem the figures of {@code wav} get (its path as given, joined by '_'). */
    private static String stem(Path wav) {
        List<String> parts = new java.util.ArrayList<>();
        wav.normalize().forEach(part -> parts.add(part.toString()));
        String joined = String.join("_", parts);
        return joined.substring(0, joined.length() - 4).replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
