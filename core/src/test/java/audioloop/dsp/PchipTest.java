package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Pchip} against scipy's {@code PchipInterpolator} (resource pchip_scipy.json, its "about" names the script):
 * non-uniform nodes, flat stretches and sign changes of the slope, two and three nodes, evaluation outside the
 * nodes and at the nodes after a sweep. Equal to the last bits; and the shape properties PCHIP promises.
 */
class PchipTest {
    @Test
    void matchesScipy() throws IOException {
        JsonNode cases;
        try (InputStream in = PchipTest.class.getResourceAsStream("/audioloop/dsp/pchip_scipy.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertEquals(4, cases.size());
        double worst = 0;
        for (JsonNode c : cases) {
            Pchip pchip = new Pchip(doubles(c.get("x")), doubles(c.get("y")));
            double[] t = doubles(c.get("t"));
            double[] expected = doubles(c.get("value"));
            for (int i = 0; i < t.length; i++) {
                double difference = Math.abs(pchip.value(t[i]) - expected[i]);
                assertTrue(difference <= 1e-15 * Math.max(1, Math.abs(expected[i])),
                        "t = " + t[i] + ": " + pchip.value(t[i]) + " vs scipy " + expected[i]);
                worst = Math.max(worst, difference);
            }
        }
        System.out.println("PCHIP against scipy: worst difference " + worst);
    }

    @Test
    void passesThroughTheNodesAndKeepsMonotoneDataMonotone() {
        double[] x = {0, 0.1, 0.15, 0.4, 0.41, 1};
        double[] y = {0, 0.2, 0.2, 0.9, 1.0, 1.0};
        Pchip pchip = new Pchip(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], pchip.value(x[i]), 1e-15);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 1000; i++) {
            double v = pchip.value(i / 1000.0);
            assertTrue(v >= previous - 1e-15 && v >= 0 && v <= 1 + 1e-15, "at " + i / 1000.0 + ": " + v);
            previous = v;
        }
        // flat between equal nodes: no overshoot
        assertEquals(0.2, pchip.value(0.125), 1e-15);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
