package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * F(t) frame by frame against SQAT's {@code FluctuationStrength_Osses2016} run under GNU Octave (resource
 * sqat_octave_fluctuation.json, made by oracle/run_sqat.m beside it) on the same signals, generated here by the
 * same formulas. Octave's {@code buffer} emits one extra zero-padded frame when (L − 0.9·N) is a multiple of the
 * hop, which MATLAB's does not: the frames compared are audioloop's, which are MATLAB's.
 */
class FluctuationSqatParityTest {
    /**
     * Measured worst relative difference 1.1e-8 (the steady tone, F ≈ 0.01 vacil; 4e-12 … 5e-9 elsewhere): rounding
     * differences of two evaluations of a 2-s FIR and near-unit-circle IIR chain. Bound with a factor 10 of margin.
     */
    private static final double RELATIVE = 1e-7;

    private static final Map<String, Supplier<double[]>> SIGNALS = Map.of(
            "am_1k_4hz_60db", () -> Signals.amTone(1000, 4, 1, 60, 4),
            "am_1k_1hz_70db", () -> Signals.amTone(1000, 1, 1, 70, 4),
            "am_1k_16hz_70db", () -> Signals.amTone(1000, 16, 1, 70, 4),
            "am_1k_4hz_40db", () -> Signals.amTone(1000, 4, 1, 40, 3.05),
            "am_500_8hz_50pct_80db", () -> Signals.amTone(500, 8, 0.5, 80, 4),
            "fm_1500_4hz_700dev_70db", () -> Signals.fmTone(1500, 4, 700, 70, 4),
            "tone_1k_60db", () -> Signals.amTone(1000, 4, 0, 60, 2.5),
            "am_noise_4hz_60db", () -> Signals.amNoise(4, 1, 60, 4));

    @Test
    void matchesSqatUnderOctaveFrameByFrame() throws Exception {
        JsonNode signals;
        try (InputStream in = getClass().getResourceAsStream("sqat_octave_fluctuation.json")) {
            signals = new ObjectMapper().readTree(in).get("signals");
        }
        assertEquals(SIGNALS.size(), signals.size());
        double worst = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = signals.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            double[] x = SIGNALS.get(entry.getKey()).get();
            assertEquals(entry.getValue().get("samples").asInt(), x.length);
            FluctuationResult result = FluctuationStrength.compute(x);
            JsonNode expected = entry.getValue().get("fluctuation_vacil");
            int extra = (x.length - 86_400) % 9_600 == 0 ? 1 : 0;
            assertEquals(expected.size(), result.fluctuationVacil().length + extra, entry.getKey());
            double signalWorst = 0;
            for (int j = 0; j < result.fluctuationVacil().length; j++) {
                double e = expected.get(j).asDouble();
                double relative = Math.abs(result.fluctuationVacil()[j] - e) / Math.abs(e);
                assertTrue(relative <= RELATIVE, entry.getKey() + " frame " + j + ": " + result.fluctuationVacil()[j]
                        + " vs " + e);
                assertEquals(entry.getValue().get("time_s").get(j).asDouble(), result.timeS()[j], 1e-12);
                signalWorst = Math.max(signalWorst, relative);
            }
            System.out.printf("%-26s %2d frames, mean %.6f vacil, worst relative difference %.2e%n", entry.getKey(),
                    result.fluctuationVacil().length, result.meanVacil(), signalWorst);
            worst = Math.max(worst, signalWorst);
        }
        System.out.println("worst " + worst);
    }
}
