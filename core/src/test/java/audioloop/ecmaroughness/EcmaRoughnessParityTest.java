package audioloop.ecmaroughness;

import static audioloop.ecmaroughness.EcmaRoughnessAnchorTest.assertRelative;
import static audioloop.ecmaroughness.EcmaRoughnessAnchorTest.assertSeries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ECMA-418-2:2025 roughness against refmap-psychoacoustics on the shared signals of the loudness/tonality parity
 * (ISO 532-1 B.4/B.5 sounds, AM tones, DIN 45692 noises): refmap's numbers for the same 48 kHz pressure signals are
 * the test resource refmap_shared_signals.json (its "about" names the command), and two of them in the diffuse field
 * (refmap_diffuse.json). R to 1e-6 relative, R(l) and R′(z) to 1e-6 of their maximum. Skipped without ../shared.
 */
class EcmaRoughnessParityTest {
    @TestFactory
    List<DynamicTest> matchesRefmapOnTheSharedSignals() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean diffuse : new boolean[] {false, true}) {
            JsonNode reference = EcmaRoughnessAnchorTest.resource(diffuse ? "refmap_diffuse.json"
                    : "refmap_shared_signals.json").get("files");
            for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                tests.add(DynamicTest.dynamicTest((diffuse ? "diffuse " : "") + entry.getKey(),
                        () -> check(entry.getKey(), entry.getValue(), diffuse)));
            }
        }
        assertTrue(tests.size() >= 14, tests.size() + " signals");
        return tests;
    }

    private static void check(String file, JsonNode ref, boolean diffuse) {
        double[] p = SharedData.pascals48k("mosqito", file, ref.get("calibration_pa_per_fs").asDouble());
        assertEquals(ref.get("n_samples_48k").asInt(), p.length);
        EcmaRoughness roughness = new EcmaRoughness(diffuse, false);
        roughness.accept(p, 0, p.length);
        EcmaRoughnessResult r = roughness.finish();
        double relative = assertRelative(ref.get("roughness90pc").asDouble(), r.roughnessAsper(), file + " R");
        double series = assertSeries(ref.get("roughness_t"), r.roughnessAsperSeries(), file + " R(l)", 1e-6);
        double specific = assertSeries(ref.get("spec_roughness_avg"), r.specificRoughnessAsper(), file + " R'(z)",
                1e-6);
        // the figures of docs/ecma-418-2.md
        System.out.printf("| %s%s | %.6g | %.1e | %.1e | %.1e |%n", diffuse ? "diffuse: " : "", file,
                r.roughnessAsper(), relative, series,
                specific);
    }
}
