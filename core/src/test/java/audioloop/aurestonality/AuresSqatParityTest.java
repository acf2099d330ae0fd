package audioloop.aurestonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * T(t), w_T(t) and w_Gr(t) frame by frame against SQAT's {@code Tonality_Aures1985} run under GNU Octave
 * (resource sqat_octave_aures.json, made by docs/oracle/aures/run_aures.m) on the same signals, generated here by
 * the same formulas. The oracle's {@code rand} is replaced by the phases audioloop uses (shim/rand.m): SQAT's own
 * random phases make its output differ from run to run.
 */
class AuresSqatParityTest {
    private static final double RELATIVE = 1e-6;

    static final Map<String, Supplier<double[]>> SIGNALS = new LinkedHashMap<>();

    static {
        SIGNALS.put("tone_1k_60db", () -> Signals.tone(1000, 60, 1));
        SIGNALS.put("tone_1k_60db_short", () -> Signals.tone(1000, 60, 0.3));
        for (int snr = 0; snr <= 80; snr += 10) {
            int s = snr;
            SIGNALS.put(String.format("tone_1k_85db_band_snr%02d", snr),
                    () -> Signals.sum(Signals.tone(1000, 85, 1), Signals.bandNoise(919, 1081, 85 - s, 1)));
        }
        for (int snr = 0; snr <= 80; snr += 10) {
            int s = snr;
            SIGNALS.put(String.format("tone_1k_85db_pink_snr%02d", snr), () -> Signals.tonePinkNoise(s));
        }
        SIGNALS.put("tone_500_70db_white_50db", () -> Signals.sum(Signals.tone(500, 70, 1), Signals.white(50, 1)));
        SIGNALS.put("two_tones_1k_60db_1600_55db",
                () -> Signals.sum(Signals.tone(1000, 60, 1), Signals.tone(1600, 55, 1)));
        SIGNALS.put("harmonic_200_5_70db", () -> Signals.harmonic(200, 5, 70, 1));
        SIGNALS.put("white_60db", () -> Signals.white(60, 1));
        SIGNALS.put("am_tone_1k_4hz_70db", () -> Signals.amTone(1000, 4, 1, 70, 1));
    }

    @Test
    void matchesSqatUnderOctaveFrameByFrame() throws Exception {
        JsonNode signals;
        try (InputStream in = getClass().getResourceAsStream("sqat_octave_aures.json")) {
            signals = new ObjectMapper().readTree(in).get("signals");
        }
        assertEquals(SIGNALS.size(), signals.size());
        double worst = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = signals.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode expected = entry.getValue();
            double[] x = SIGNALS.get(name).get();
            assertEquals(expected.get("samples").asInt(), x.length);
            AuresTonalityResult result = AuresTonality.compute(x);
            assertEquals(expected.get("tonality_tu").size(), result.tonalityTu().length, name);
            double signalWorst = 0;
            signalWorst = Math.max(signalWorst, compare(name, "tonality_tu", expected, result.tonalityTu()));
            signalWorst = Math.max(signalWorst, compare(name, "tonal_weighting", expected, result.tonalWeighting()));
            signalWorst = Math.max(signalWorst,
                    compare(name, "loudness_weighting", expected, result.loudnessWeighting()));
            for (int j = 0; j < result.timeS().length; j++) {
                assertEquals(expected.get("time_s").get(j).asDouble(), result.timeS()[j], 1e-12);
            }
            assertEquals(expected.get("mean_tu").asDouble(), result.meanTu(), 1e-6 * result.meanTu() + 1e-12, name);
            assertEquals(expected.get("k5_tu").asDouble(), result.exceeded5Tu(),
                    1e-6 * result.exceeded5Tu() + 1e-12, name);
            System.out.printf("%-30s %2d frames, mean %.6f t.u., T5 %.6f t.u., worst relative difference %.2e%n",
                    name, result.tonalityTu().length, result.meanTu(), result.exceeded5Tu(), signalWorst);
            worst = Math.max(worst, signalWorst);
        }
        System.out.println("worst " + worst);
    }

    private static double compare(String name, String key, JsonNode expected, double[] actual) {
        double worst = 0;
        JsonNode values = expected.get(key);
        for (int j = 0; j < actual.length; j++) {
            double e = values.get(j).asDouble();
            double difference = Math.abs(actual[j] - e);
            double relative = e == 0 ? difference : difference / Math.abs(e);
            assertTrue(relative <= RELATIVE, name + " " + key + " frame " + j + ": " + actual[j] + " vs " + e);
            worst = Math.max(worst, relative);
        }
        return worst;
    }
}
