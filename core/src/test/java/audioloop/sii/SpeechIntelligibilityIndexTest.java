package audioloop.sii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.tonality.TonalSignals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SII: the ANSI S3.5 Annex example MoSQITo tests, MoSQITo parity on generated noises, limits. Needs no ../shared. */
class SpeechIntelligibilityIndexTest {
    /**
     * ANSI S3.5-1997 Annex A example (octave-band procedure, MoSQITo tests/…/test_sii_ansi.py and validation_sii.py):
     * speech 50, 40, 40, 30, 20, 0 dB and noise 70, 65, 45, 25, 1, −15 dB give SII = 0.504 (the standard's three
     * decimals); MoSQITo's _main_sii gives 0.50395550625 (oracle, /work/oracle, python3 -c with _main_sii).
     */
    @Test
    void annexExampleOctaveProcedure() {
        double sii = SpeechIntelligibilityIndex.index(BandProcedure.OCTAVE, new double[] {50, 40, 40, 30, 20, 0},
                new double[] {70, 65, 45, 25, 1, -15});
        assertEquals(0.504, sii, 0.0005);
        assertEquals(0.50395550625, sii, 1e-12);
    }

    @Test
    void matchesMosqitoOnGeneratedSignalsForEveryVocalEffort() throws IOException {
        JsonNode files;
        try (InputStream in = getClass().getResourceAsStream("/audioloop/tonality/mosqito_generated.json")) {
            files = new ObjectMapper().readTree(in).get("files");
        }
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) files::fields) {
            for (SpeechLevel level : SpeechLevel.values()) {
                double[] x = TonalSignals.signal(e.getValue().get("definition"));
                double expected = e.getValue().get("sii").get(level.key()).asDouble();
                assertEquals(expected, SpeechIntelligibilityIndex.ofNoise(x, 48000, level), 1e-6,
                        e.getKey() + " " + level.key());
                compared++;
            }
        }
        assertEquals(44, compared);
    }

    /** Louder speech is more intelligible in the same noise; no noise at all leaves the speech fully audible. */
    @Test
    void physics() {
        double[] noise = TonalSignals.uniformNoise(3, 48000);
        double previous = -1;
        for (SpeechLevel level : SpeechLevel.values()) {
            double[] x = noise.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= 0.2;
            }
            double sii = SpeechIntelligibilityIndex.ofNoise(x, 48000, level);
            assertTrue(sii > previous, level + ": " + sii);
            previous = sii;
        }
        double silent = SpeechIntelligibilityIndex.ofNoise(new double[48000], 48000, SpeechLevel.NORMAL);
        assertTrue(silent > 0.95 && silent <= 1, "silence: " + silent);
    }

    @Test
    void tooShortIsRefusedAndSpeechLevelsParse() {
        assertThrows(IllegalArgumentException.class,
                () -> SpeechIntelligibilityIndex.ofNoise(new double[479], 48000, SpeechLevel.NORMAL));
        assertTrue(Double.isFinite(SpeechIntelligibilityIndex.ofNoise(new double[480], 48000, SpeechLevel.NORMAL)));
        assertEquals(SpeechLevel.SHOUT, SpeechLevel.parse("Shout"));
        assertThrows(IllegalArgumentException.class, () -> SpeechLevel.parse("whisper"));
    }
}
