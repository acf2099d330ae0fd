package audioloop.ecmaloudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.BinauralTestFile;
import audioloop.pipeline.FileAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binaural ECMA-418-2:2025 end to end ({@code --ecma-binaural}) on a two-channel file made for this test
 * (testdata/ecma_binaural_stereo.wav: pinkish noise and a 700 Hz tone on the left, quieter noise and a 1.5 kHz tone
 * from 0.45 s on the right), against refmap-psychoacoustics' {@code shm_loudness_ecma_from_comp(binaural=True)} and
 * per-channel tonality on the same samples (resource refmap_binaural.json, made by docs/oracle/ecma/binaural.py):
 * binaural loudness (Section 8.1.5, Equation 118) overall and N_B(l), each ear's loudness and tonality, overall values
 * to 1e-6 relative and time series to 1e-6 of their maximum.
 */
class EcmaBinauralRefmapTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), what);
    }

    @Test
    void binauralLoudnessAndEachEarMatchRefmap() throws Exception {
        JsonNode ref = EcmaLoudnessAnchorTest.resource("refmap_binaural.json");
        FileAnalysis result = BinauralTestFile.analyzeBinaural("ecma");
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        Map<String, Object> ecma = map(result.sections().get("ecma"));
        assertEquals("binaural", ecma.get("channels"));
        assertRelative(ref.get("loudness_powavg_bin").asDouble(), (Double) result.summary().get("loudness_ecma_sone"),
                "binaural N");
        EcmaLoudnessAnchorTest.assertSeries(ref.get("loudness_t_bin"), (double[]) result.series().get("loudness_ecma_sone"),
                "binaural N(l)");
        double[] specific = (double[]) map(ecma.get("loudness")).get("specific_loudness_sone_per_bark");
        for (int z = 0; z < specific.length; z++) {
            assertRelative(ref.get("spec_loudness_powavg_bin").get(z).asDouble(), specific[z], "binaural N'(z) " + z);
        }
        String[] ears = {"left", "right"};
        double maxTonality = 0;
        for (int c = 0; c < 2; c++) {
            Map<String, Object> ear = map(map(ecma.get("ears")).get(ears[c]));
            assertRelative(ref.get("loudness_powavg_ears").get(c).asDouble(),
                    (Double) map(ear.get("loudness")).get("loudness_sone"), ears[c] + " N");
            EcmaLoudnessAnchorTest.assertSeries(ref.get("loudness_t_ears").get(c),
                    (double[]) result.series().get("loudness_ecma_" + ears[c] + "_sone"), ears[c] + " N(l)");
            double tonality = (Double) map(ear.get("tonality")).get("tonality_tu");
            assertRelative(ref.get("tonality_avg_ears").get(c).asDouble(), tonality, ears[c] + " T");
            EcmaLoudnessAnchorTest.assertSeries(ref.get("tonality_t_ears").get(c),
                    (double[]) result.series().get("tonality_ecma_" + ears[c] + "_tu"), ears[c] + " T(l)");
            maxTonality = Math.max(maxTonality, tonality);
        }
        assertEquals(maxTonality, (Double) result.summary().get("tonality_ecma_tu"));
    }
}
