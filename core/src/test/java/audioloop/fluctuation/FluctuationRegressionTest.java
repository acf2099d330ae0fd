package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Speed-ups must not change the numbers: F(t) of generated signals against the values the straightforward
 * implementation (one 96000-point inverse FFT per channel and frame, commit 26b1eca) gave, resource
 * fluctuation_reference.json. Tolerance 1e-9 of the signal's largest F(t).
 *
 * <p>To regenerate (only from an implementation known to be exact): {@code mvn -B -q -o test -pl core
 * -Dtest=FluctuationRegressionTest -Dfluctuation.record=src/test/resources/audioloop/fluctuation/fluctuation_reference.json}.
 */
class FluctuationRegressionTest {
    private static final double RELATIVE_TO_MAX = 1e-9;

    static Map<String, Supplier<double[]>> signals() {
        Map<String, Supplier<double[]>> signals = new LinkedHashMap<>();
        signals.put("am_1k_4hz_60db", () -> Signals.amTone(1000, 4, 1, 60, 4));
        signals.put("am_4k_2hz_70db", () -> Signals.amTone(4000, 2, 0.7, 70, 3));
        signals.put("fm_1500_4hz_700dev_70db", () -> Signals.fmTone(1500, 4, 700, 70, 3));
        signals.put("am_noise_4hz_60db", () -> Signals.amNoise(4, 1, 60, 3));
        signals.put("am_band_noise_8hz_65db", () -> Signals.amBandNoise(200, 8000, 8, 1, 65, 3, 7));
        signals.put("tone_250_45db", () -> Signals.amTone(250, 4, 0, 45, 2.5));
        return signals;
    }

    @Test
    void reproducesTheReferenceImplementation() throws Exception {
        String record = System.getProperty("fluctuation.record");
        ObjectMapper mapper = new ObjectMapper();
        if (record != null) {
            ObjectNode root = mapper.createObjectNode();
            for (Map.Entry<String, Supplier<double[]>> entry : signals().entrySet()) {
                double[] f = FluctuationStrength.compute(entry.getValue().get()).fluctuationVacil();
                var array = root.putArray(entry.getKey());
                for (double v : f) {
                    array.add(v);
                }
            }
            mapper.writerWithDefaultPrettyPrinter().writeValue(new File(record), root);
            return;
        }
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("fluctuation_reference.json")) {
            expected = mapper.readTree(in);
        }
        assertEquals(signals().size(), expected.size());
        for (Map.Entry<String, Supplier<double[]>> entry : signals().entrySet()) {
            double[] f = FluctuationStrength.compute(entry.getValue().get()).fluctuationVacil();
            JsonNode reference = expected.get(entry.getKey());
            assertEquals(reference.size(), f.length, entry.getKey());
            double max = 0;
            for (JsonNode v : reference) {
                max = Math.max(max, Math.abs(v.asDouble()));
            }
            assertTrue(max > 1e-4, entry.getKey() + " has no fluctuation to compare");
            double worst = 0;
            for (int j = 0; j < f.length; j++) {
                double difference = Math.abs(f[j] - reference.get(j).asDouble()) / max;
                assertTrue(difference <= RELATIVE_TO_MAX, entry.getKey() + " frame " + j + ": " + f[j] + " vs "
                        + reference.get(j).asDouble());
                worst = Math.max(worst, difference);
            }
            System.out.printf("%-24s %2d frames, max %.4f vacil, worst difference %.2e of max%n", entry.getKey(),
                    f.length, max, worst);
        }
    }
}
