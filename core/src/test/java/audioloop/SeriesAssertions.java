package audioloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparisons of time series and spectra with a reference implementation's numbers (parity suites). */
public final class SeriesAssertions {
    private SeriesAssertions() {
    }

    /** |actual − expected| ≤ tolerance·max|expected| everywhere; returns the worst difference over the maximum. */
    public static double assertSeries(JsonNode expected, double[] actual, String what, double tolerance) {
        assertEquals(expected.size(), actual.length, what + " length");
        double max = 0;
        for (JsonNode v : expected) {
            max = Math.max(max, Math.abs(v.asDouble()));
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        assertTrue(worst <= tolerance * max, what + ": worst difference " + worst + " of max " + max);
        return max == 0 ? worst : worst / max;
    }
}
