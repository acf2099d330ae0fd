package audioloop.ecmaloudness;

import static audioloop.ecmaloudness.EcmaLoudnessAnchorTest.assertSeries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.ecmatonality.EcmaTonalityResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ECMA-418-2:2025 loudness and tonality against refmap-psychoacoustics on the shared signals (ISO 532-1 B.4/B.5
 * sounds, AM tones, DIN 45692 noises): the numbers refmap produced for the same 48 kHz pressure signals are the test
 * resource refmap_shared_signals.json (its "about" names the command). Overall values to 1e-6 relative, N(l) and
 * T(l) and the specific values to 1e-6 of their maximum. Skipped without ../shared.
 *
 * <p>Two series are judged by the project's rule for references whose own output moves with the last bits of their
 * input (notes/mosqito.md §19, the roughness decision): within ten times the reference's own spread. T(l) of the
 * hair dryer and the shaking coins differs from refmap by up to 2.0e-6 and 2.5e-6 of its maximum (the lowest
 * bands' filter coefficients differ from numpy's in the last bits, and the noise-reduction and tonality sigmoids
 * amplify that; docs/ecma-418-2.md, "T(l) on two signals"). refmap itself, fed the same signals scaled by 1 ± 2⁻⁴⁰,
 * moves its T(l) by 2.93e-7 and 3.19e-7 of the maximum (docs/oracle/ecma/spread.py, run 2026-12-06): these two
 * series are held to ten times that.
 */
class EcmaRefmapParityTest {
    /** refmap's own T(l) spread under input scaling by 1 ± 2⁻⁴⁰, of the maximum (docs/oracle/ecma/spread.py). */
    private static final Map<String, Double> REFMAP_TONALITY_SPREAD = Map.of(
            "iso532-1_b5_16_hairdryer.wav", 2.93e-7, "iso532-1_b5_20_shaking-coins.wav", 3.19e-7);

    @TestFactory
    List<DynamicTest> matchesRefmapOnTheSharedSignals() throws IOException {
        JsonNode reference = EcmaLoudnessAnchorTest.resource("refmap_shared_signals.json").get("files");
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            tests.add(DynamicTest.dynamicTest(entry.getKey(), () -> check(entry.getKey(), entry.getValue())));
        }
        assertTrue(tests.size() >= 12, tests.size() + " signals");
        return tests;
    }

    private static void check(String file, JsonNode ref) {
        double[] p = SharedData.pascals48k("mosqito", file, ref.get("calibration_pa_per_fs").asDouble());
        assertEquals(ref.get("n_samples_48k").asInt(), p.length);
        EcmaLoudness loudness = new EcmaLoudness();
        EcmaTonality tonality = new EcmaTonality();
        ComponentLoudness components = new ComponentLoudness(false, (l, tonal, noise) -> {
            loudness.frame(l, tonal, noise);
            tonality.frame(l, tonal, noise);
        });
        components.accept(p, 0, p.length);
        assertEquals(ref.get("n_frames").asInt(), components.finish());
        EcmaLoudnessResult n = loudness.result();
        EcmaTonalityResult t = tonality.result();
        double nRelative = assertRelative(ref.get("loudness_powavg").asDouble(), n.loudnessSone(), file + " N");
        double tRelative = assertRelative(ref.get("tonality_avg").asDouble(), t.tonalityTu(), file + " T");
        double nSeries = assertSeries(ref.get("loudness_t"), n.loudnessSoneSeries(), file + " N(l)");
        double tSeries = assertSeries(ref.get("tonality_t"), t.tonalityTuSeries(), file + " T(l)",
                Math.max(1e-6, 10 * REFMAP_TONALITY_SPREAD.getOrDefault(file, 0.0)));
        double nSpecific = assertSeries(ref.get("spec_loudness_powavg"), n.specificLoudnessSone(), file + " N'(z)");
        double tSpecific = assertSeries(ref.get("spec_tonality_avg"), t.specificTonalityTu(), file + " T'(z)");
        // the figures of docs/ecma-418-2.md
        System.out.printf("| %s | %.6g | %.1e | %.1e | %.6g | %.1e | %.1e | %.1e | %.1e |%n", file, n.loudnessSone(),
                nRelative, nSeries, t.tonalityTu(), tRelative, tSeries, nSpecific, tSpecific);
    }

    private static double assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) || (expected == 0 && actual == 0),
                what + ": expected " + expected + ", got " + actual);
        return expected == 0 ? 0 : Math.abs(actual - expected) / Math.abs(expected);
    }
}
