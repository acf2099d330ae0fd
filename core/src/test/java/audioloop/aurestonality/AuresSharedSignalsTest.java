package audioloop.aurestonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * T(t) frame by frame against SQAT's {@code Tonality_Aures1985} under GNU Octave on recordings from ../shared
 * (ISO 532-1 Annex B, 48 kHz, 2√2 Pa per full scale; resource sqat_octave_aures_shared.json, made by
 * docs/oracle/aures/run_aures_shared.m). Skipped when ../shared is absent.
 */
class AuresSharedSignalsTest {
    private static final double RELATIVE = 1e-6;
    private static final double PA_PER_FS = 2 * Math.sqrt(2);

    @Test
    void matchesSqatOnRecordings() throws Exception {
        JsonNode files;
        try (InputStream in = getClass().getResourceAsStream("sqat_octave_aures_shared.json")) {
            files = new ObjectMapper().readTree(in).get("files");
        }
        for (JsonNode expected : files) {
            String file = expected.get("file").asText();
            double[] x = SharedData.pascals48k("mosqito", file, PA_PER_FS);
            assertEquals(expected.get("samples").asInt(), x.length, file);
            AuresTonalityResult result = AuresTonality.compute(x);
            JsonNode reference = expected.get("tonality_tu");
            assertEquals(reference.size(), result.tonalityTu().length, file);
            double worst = 0;
            for (int j = 0; j < reference.size(); j++) {
                double e = reference.get(j).asDouble();
                double difference = Math.abs(result.tonalityTu()[j] - e);
                double relative = e == 0 ? difference : difference / Math.abs(e);
                assertTrue(relative <= RELATIVE, file + " frame " + j + ": " + result.tonalityTu()[j] + " vs " + e);
                worst = Math.max(worst, relative);
            }
            System.out.printf("%-46s %3d frames, mean %.6f t.u., T5 %.6f t.u., worst relative difference %.2e%n",
                    file, reference.size(), result.meanTu(), result.exceeded5Tu(), worst);
        }
    }
}
