package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * F(t) of ISO 532-1 Annex B.5 recordings from ../shared (48 kHz, 2√2 Pa per full scale) against SQAT under Octave
 * (resource sqat_octave_shared.json, made by oracle/run_sqat_shared.m). Skipped when ../shared is absent.
 */
class FluctuationSharedSignalsTest {
    private static final double RELATIVE = 1e-7;
    private static final double PA_PER_FS = 2 * Math.sqrt(2);

    @Test
    void matchesSqatOnRecordings() throws Exception {
        JsonNode signals;
        try (InputStream in = getClass().getResourceAsStream("sqat_octave_shared.json")) {
            signals = new ObjectMapper().readTree(in);
        }
        for (Iterator<JsonNode> it = signals.elements(); it.hasNext(); ) {
            JsonNode expected = it.next();
            String file = expected.get("file").asText();
            double[] x = SharedData.pascals48k("mosqito", file, PA_PER_FS);
            assertEquals(expected.get("samples").asInt(), x.length, file);
            double[] f = FluctuationStrength.compute(x).fluctuationVacil();
            int extra = (x.length - 86_400) % 9_600 == 0 ? 1 : 0;
            JsonNode reference = expected.get("fluctuation_vacil");
            assertEquals(reference.size(), f.length + extra, file);
            double worst = 0;
            for (int j = 0; j < f.length; j++) {
                double e = reference.get(j).asDouble();
                double relative = Math.abs(f[j] - e) / Math.abs(e);
                assertTrue(relative <= RELATIVE, file + " frame " + j + ": " + f[j] + " vs " + e);
                worst = Math.max(worst, relative);
            }
            System.out.printf("%-40s %2d frames, worst relative difference %.2e%n", file, f.length, worst);
        }
    }
}
