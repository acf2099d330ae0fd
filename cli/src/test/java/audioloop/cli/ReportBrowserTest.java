package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --report} page of testdata/demo.wav opened in headless Chromium, as a user's browser would: it loads
 * with no console message, every figure decodes, nothing is fetched (the page is self-contained; name resolution
 * is switched off for the run, and every src/href is a data: URI or an anchor), and every figure shows non-blank
 * pixels in a screenshot. Skipped, with the reason, only where no Chromium is installed (.ci/run installs the
 * Debian package with apt-get).
 */
class ReportBrowserTest {
    private static final int WINDOW_WIDTH = 1400;

    @TempDir
    Path dir;

    @Test
    void demoReportLoadsCleanlyAndEveryFigureHasInk() throws Exception {
        String chromium = findChromium();
        Assumptions.assumeTrue(chromium != null, "Chromium not installed (apt-get install -y chromium): "
                + "the report's browser test is skipped");
        Path report = dir.resolve("report.html");
        CliRun run = CliRun.of("analyze", "--report", report.toString(), "--plot-size", "1200x675",
                Path.of("testdata/demo.wav").toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report);
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (reference.find()) {
            String target = reference.group(1);
            assertTrue(target.startsWith("data:") || target.startsWith("#"), "a reference out of the page: " + target);
        }

        // A copy with a probe that reports, once the page has loaded, every figure's state and place on the page.
        Path probe = dir.resolve("probe.html");
        Files.writeString(probe, html.replace("</body>", "<pre id=\"probe\"></pre><script>"
                + "addEventListener('load', () => { document.getElementById('probe').textContent = JSON.stringify({"
                + "height: document.documentElement.scrollHeight, figures: [...document.querySelectorAll('figure img')]"
                + ".map(i => { const r = i.getBoundingClientRect(); return {complete: i.complete, naturalWidth: "
                + "i.naturalWidth, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })});"
                + "});</script></body>"));
        Browser dom = chromium(chromium, "--dump-dom", probe, 0);
        Matcher probed = Pattern.compile("<pre id=\"probe\">([^<]*)</pre>").matcher(dom.stdout());
        assertTrue(probed.find(), "no probe result in the DOM:\n" + dom.stderr());
        JsonNode state = new ObjectMapper().readTree(probed.group(1).replace("&quot;", "\""));
        JsonNode figures = state.get("figures");
        assertEquals(6, figures.size(), "figures of demo.wav: loudness, specific loudness, roughness, specific "
                + "roughness, spectrogram, third-octave spectrum");
        for (JsonNode figure : figures) {
            assertTrue(figure.get("complete").asBoolean() && figure.get("naturalWidth").asInt() == 1200,
                    "a figure did not decode: " + figure);
        }

        int height = state.get("height").asInt();
        Path shot = dir.resolve("shot.png");
        Browser screenshot = chromium(chromium, "--screenshot=" + shot, report, height);
        assertConsoleClean(screenshot.stderr());
        assertConsoleClean(dom.stderr().replace("\"probe\"", ""));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(WINDOW_WIDTH, image.getWidth());
        for (JsonNode figure : figures) {
            int x = (int) Math.ceil(figure.get("x").asDouble()) + 2;
            int y = (int) Math.ceil(figure.get("y").asDouble()) + 2;
            int w = (int) figure.get("width").asDouble() - 4;
            int h = (int) figure.get("height").asDouble() - 4;
            assertTrue(w > 500 && h > 250 && y + h <= image.getHeight(), "figure outside the screenshot: " + figure);
            Set<Integer> colours = new HashSet<>();
            long inked = 0;
            for (int j = y; j < y + h; j++) {
                for (int i = x; i < x + w; i++) {
                    int rgb = image.getRGB(i, j) & 0xFFFFFF;
                    colours.add(rgb);
                    inked += rgb == 0xFFFFFF ? 0 : 1;
                }
            }
            assertTrue(colours.size() > 50, colours.size() + " colours in figure at y " + y);
            assertTrue(inked > (long) w * h / 50, "figure at y " + y + " is nearly blank: " + inked + " pixels");
        }
    }

    private static void assertConsoleClean(String stderr) {
        List<String> console = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        assertTrue(console.isEmpty(), "console messages: " + console);
    }

    private record Browser(String stdout, String stderr) {
    }

    private Browser chromium(String chromium, String action, Path page, int height) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + dir.resolve("profile"),
                "--virtual-time-budget=5000", "--window-size=" + WINDOW_WIDTH + "," + Math.max(height, 800), action,
                page.toUri().toString()));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "chromium failed:\n" + stderr);
        assertFalse(stderr.contains("net::ERR_NAME_NOT_RESOLVED"), "the page tried the network:\n" + stderr);
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    /** Chromium on the PATH under one of its Debian or upstream names, or null. */
    private static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
