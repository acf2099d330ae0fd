package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics tonality,sii} and {@code --sii-speech-level} through the command line. */
class TonalitySiiCliTest {
    @TempDir
    Path dir;

    /** A 1 kHz tone with a weak second tone, as float samples (what the 32-bit float WAV holds). */
    private static double[] toneSamples() {
        double[] x = new double[2 * 48_000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.3 * Math.sin(2 * Math.PI * 1000 * n / 48000.0)
                    + 0.01 * Math.sin(2 * Math.PI * 2345.6 * n / 48000.0 + 1));
        }
        return x;
    }

    private String toneFile() throws IOException {
        return WavFiles.floatMono(dir, "tone.wav", 48_000, toneSamples()).toString();
    }

    @Test
    void tonalitySectionAndSiiSummary() throws IOException {
        String file = toneFile();
        CliRun normal = CliRun.of("analyze", "--metrics", "tonality,sii", file);
        assertEquals(Main.EXIT_OK, normal.exitCode(), normal.err());
        JsonNode json = CliTest.parse(normal.out());
        JsonNode tonality = json.get("tonality");
        assertTrue(tonality.get("tnr_db").isNumber(), tonality.toString());
        assertTrue(tonality.get("pr_db").isNumber(), tonality.toString());
        JsonNode first = tonality.get("tones").get(0);
        for (String key : new String[] {"frequency_hz", "tnr_db", "pr_db", "prominent"}) {
            assertTrue(first.has(key), key + " in " + first);
        }
        boolean found1k = false;
        for (JsonNode tone : tonality.get("tones")) {
            found1k |= Math.abs(tone.get("frequency_hz").asDouble() - 1000) <= 0.5 && tone.get("prominent").asBoolean();
        }
        assertTrue(found1k, tonality.toString());
        double siiNormal = json.get("summary").get("sii").asDouble();
        CliRun shout = CliRun.of("analyze", "--metrics", "sii", "--sii-speech-level", "shout", file);
        assertEquals(Main.EXIT_OK, shout.exitCode(), shout.err());
        double siiShout = CliTest.parse(shout.out()).get("summary").get("sii").asDouble();
        assertEquals(SpeechIntelligibilityIndex.ofNoise(toneSamples(), 48_000, SpeechLevel.NORMAL), siiNormal);
        assertEquals(SpeechIntelligibilityIndex.ofNoise(toneSamples(), 48_000, SpeechLevel.SHOUT), siiShout);
        assertTrue(json.get("timing_ms").has("tonality") && json.get("timing_ms").has("sii"));
    }

    @Test
    void unknownSpeechLevelIsAUsageError() throws IOException {
        CliRun run = CliRun.of("analyze", "--sii-speech-level", "whisper", toneFile());
        assertEquals(Main.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("--sii-speech-level"), run.err());
    }
}
