package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.api.AnalysisResult;
import audioloop.api.Audioloop;
import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Metric;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The library and the command line are one analysis: {@link AnalysisResult#toJson} is the command line's text for
 * the same input and options, byte for byte, up to {@code timing_ms} (wall times differ from run to run).
 */
class LibraryMatchesCliTest {
    private static final Path DEMO = Path.of("testdata/demo.wav");

    private static String untimed(String json) {
        int at = json.indexOf("\"timing_ms\"");
        assertTrue(at > 0, json);
        return json.substring(0, at);
    }

    @Test
    void aFileGivesTheCliTextPretty() throws Exception {
        CliRun cli = CliRun.of("analyze", DEMO.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        AnalysisResult lib = Audioloop.analyze(DEMO, AnalysisOptions.defaults());
        assertEquals(untimed(cli.out()), untimed(lib.toJson(true) + System.lineSeparator()));
    }

    @Test
    void aStreamWithSeriesAndOtherOptionsGivesTheCliLine() throws Exception {
        CliRun cli = CliRun.of("analyze", "--series", "--calibration", "2.5", "--field", "diffuse", "--metrics",
                "loudness,roughness", DEMO.toString(), DEMO.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        String firstLine = cli.out().lines().findFirst().orElseThrow();
        AnalysisOptions options = new AnalysisOptions(2.5, SoundField.DIFFUSE, Metric.parseList("loudness,roughness"),
                true);
        AnalysisResult lib;
        try (InputStream in = Files.newInputStream(DEMO)) {
            lib = Audioloop.analyze(in, DEMO.toString(), options);
        }
        assertEquals(untimed(firstLine), untimed(lib.toJson()));
    }
}
