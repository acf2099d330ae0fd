package audioloop.ecmaroughness;

import static audioloop.ecmaroughness.EcmaRoughnessAnchorTest.assertRelative;
import static audioloop.ecmaroughness.EcmaRoughnessAnchorTest.assertSeries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.BinauralTestFile;
import audioloop.pipeline.FileAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binaural ECMA-418-2:2025 roughness end to end ({@code --ecma-binaural}, Section 7.1.11) on the project's
 * two-channel test file (testdata/ecma_binaural_stereo.wav), against refmap-psychoacoustics'
 * {@code shm_roughness_ecma(binaural=True)} on the same samples (resource refmap_binaural.json, made by
 * docs/oracle/ecmarough/binaural_rough.py): the binaural R, R_B(l₅₀) and R′_B(z), and each ear's, R to 1e-6 relative,
 * series and specific values to 1e-6 of their maximum. Self-contained.
 */
class EcmaRoughnessBinauralRefmapTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void binauralRoughnessAndEachEarMatchRefmap() throws Exception {
        JsonNode ref = EcmaRoughnessAnchorTest.resource("refmap_binaural.json");
        FileAnalysis result = BinauralTestFile.analyzeBinaural("ecma-roughness");
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        Map<String, Object> ecma = map(result.sections().get("ecma"));
        assertEquals("binaural", ecma.get("channels"));
        double r = (Double) result.summary().get("roughness_ecma_asper");
        StringBuilder figures = new StringBuilder(String.format("binaural: R %.3g, R(l) %.1e, R'(z) %.1e",
                assertRelative(ref.get("roughness90pc_bin").asDouble(), r, "binaural R"),
                assertSeries(ref.get("roughness_t_bin"), (double[]) result.series().get("roughness_ecma_asper"),
                        "R_B(l)", 1e-6),
                assertSeries(ref.get("spec_roughness_avg_bin"),
                        (double[]) map(ecma.get("roughness")).get("specific_roughness_asper_per_bark"), "R'_B(z)",
                        1e-6)));
        String[] ears = {"left", "right"};
        for (int c = 0; c < 2; c++) {
            Map<String, Object> ear = map(map(map(ecma.get("ears")).get(ears[c])).get("roughness"));
            figures.append(String.format("; %s: R %.1e, R(l) %.1e, R'(z) %.1e", ears[c],
                    assertRelative(ref.get("roughness90pc_ears").get(c).asDouble(), (Double) ear.get("roughness_asper"),
                            ears[c] + " R"),
                    assertSeries(ref.get("roughness_t_ears").get(c),
                            (double[]) result.series().get("roughness_ecma_" + ears[c] + "_asper"), ears[c] + " R(l)",
                            1e-6),
                    assertSeries(ref.get("spec_roughness_avg_ears").get(c),
                            (double[]) ear.get("specific_roughness_asper_per_bark"), ears[c] + " R'(z)", 1e-6)));
        }
        // the figures of docs/ecma-418-2.md
        System.out.println(figures);
    }
}
