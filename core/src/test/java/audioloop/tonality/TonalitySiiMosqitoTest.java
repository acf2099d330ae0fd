package audioloop.tonality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.MosqitoMore;
import audioloop.SharedData;
import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with MoSQITo 1.2.1 {@code tnr_ecma_st}, {@code pr_ecma_st} and {@code sii_ansi(…, 'critical', 'normal')} on
 * every WAV of ../shared/signals/mosqito, read as the CLI reads them (decoded, resampled to 48 kHz, × the file's
 * calibration from mosqito.json). References: ../shared/reference/mosqito_more.json, and for the files it lacks
 * the project's audioloop/mosqito_more_extra.json ({@link MosqitoMore}; same script, same calibration).
 */
class TonalitySiiMosqitoTest {
    private static double worstSii;

    @AfterAll
    static void printDeviations() {
        System.out.println("TonalitySiiMosqitoTest: " + TonalityParityCheck.summary() + "; largest SII deviation "
                + worstSii);
    }

    @TestFactory
    Stream<DynamicTest> mosqitoParity() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MosqitoMore.Entry e : MosqitoMore.entries().values()) {
            if (e.entry() == null || !SharedData.signal("mosqito", e.file()).toFile().isFile()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(e.file(), () -> check(e.file(), e.calibrationPaPerFs(), e.entry())));
        }
        int found = tests.size();
        tests.add(DynamicTest.dynamicTest("every shared WAV has a reference",
                () -> assertEquals(54, found, "shared MoSQITo WAVs with a tonality/SII reference")));
        return tests.stream();
    }

    private static void check(String name, double calibration, JsonNode ref) {
        double[] pa = SharedData.pascals48k("mosqito", name, calibration);
        double binHz = 48000.0 / pa.length;
        double sii = SpeechIntelligibilityIndex.ofNoise(pa.clone(), 48000, SpeechLevel.NORMAL);
        TonalityResult tonality = EcmaTonality.analyze(pa, 48000);
        System.out.printf("%s: %d TNR tones, %d PR tones, SII %.9f (MoSQITo %.9f)%n", name,
                tonality.tnrTones().size(), tonality.prTones().size(), sii, ref.get("sii").asDouble());
        assertEquals(ref.get("sii").asDouble(), sii, 1e-6, name + " SII");
        synchronized (TonalitySiiMosqitoTest.class) {
            worstSii = Math.max(worstSii, Math.abs(ref.get("sii").asDouble() - sii));
        }
        TonalityParityCheck.assertMatches(name, ref, tonality, binHz);
    }
}
