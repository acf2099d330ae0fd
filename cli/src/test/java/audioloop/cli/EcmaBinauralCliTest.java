package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.BinauralTestFile;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code --ecma-binaural} through the command line, on the two-channel test file. */
class EcmaBinauralCliTest {
    private static final String STEREO = BinauralTestFile.PATH.toString();

    @Test
    void theFlagGivesTheBinauralSectionAndTheEarsSeries() {
        CliRun run = CliRun.of("analyze", "--metrics", "ecma-loudness", "--ecma-binaural", "--series", STEREO);
        assertEquals(Main.EXIT_OK, run.exitCode(), run.err());
        JsonNode json = CliTest.parse(run.out());
        JsonNode ecma = json.get("ecma");
        assertEquals("binaural", ecma.get("channels").asText());
        assertEquals(json.get("summary").get("loudness_ecma_sone").asDouble(),
                ecma.get("loudness").get("loudness_sone").asDouble());
        for (String ear : new String[] {"left", "right"}) {
            assertTrue(ecma.get("ears").get(ear).get("loudness").get("loudness_sone").isNumber(), ear);
            assertTrue(json.get("series").get("loudness_ecma_" + ear + "_sone").isArray(), ear);
        }
        CliRun mix = CliRun.of("analyze", "--metrics", "ecma-loudness", STEREO);
        assertEquals("mono_mix", CliTest.parse(mix.out()).get("ecma").get("channels").asText());
    }
}
