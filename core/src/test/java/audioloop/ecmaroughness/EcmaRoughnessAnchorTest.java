package audioloop.ecmaroughness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SeriesAssertions;
import audioloop.dsp.PairwiseSum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The roughness anchor of ECMA-418-2:2025 (a 1 kHz tone at 60 dB SPL, 100 % amplitude-modulated at 70 Hz, is
 * 1 asper_HMS) on a generated 3 s signal, against the numbers refmap-psychoacoustics produced for the same samples
 * (test resource refmap_am_1khz_70hz_60db.json): R to 1e-6 relative, R(l) and R′(z) to 1e-6 of their maximum.
 */
class EcmaRoughnessAnchorTest {
    /** (1 + cos 2π·70t)·sin 2π·1000t at 48 kHz, scaled to an RMS of 60 dB SPL (as the oracle script makes it). */
    static double[] amTone(double seconds) {
        int n = (int) Math.round(seconds * 48_000);
        double[] p = new double[n];
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / 48_000.0;
            p[i] = (1 + Math.cos(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 1000 * t);
            squares[i] = p[i] * p[i];
        }
        double gain = 2e-5 * Math.pow(10, 60 / 20.0) / Math.sqrt(PairwiseSum.sum(squares) / n);
        for (int i = 0; i < n; i++) {
            p[i] *= gain;
        }
        return p;
    }

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = EcmaRoughnessAnchorTest.class.getResourceAsStream("/audioloop/ecmaroughness/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** |actual − expected| ≤ tolerance·max|expected| everywhere; returns the worst difference over the maximum. */
    static double assertSeries(JsonNode expected, double[] actual, String what, double tolerance) {
        return SeriesAssertions.assertSeries(expected, actual, what, tolerance);
    }

    static double assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) || (expected == 0 && actual == 0),
                what + ": expected " + expected + ", got " + actual);
        return expected == 0 ? 0 : Math.abs(actual - expected) / Math.abs(expected);
    }

    @Test
    void seventyHertzAmAt60DbIsOneAsperAsRefmapComputesIt() throws IOException {
        JsonNode ref = resource("refmap_am_1khz_70hz_60db.json").get("am_1khz_70hz_60db");
        double[] p = amTone(3);
        EcmaRoughness roughness = new EcmaRoughness(false, false);
        roughness.accept(p, 0, p.length);
        EcmaRoughnessResult r = roughness.finish();
        // the standard's calibration, as far as refmap reaches it on 3 s (0.99992)
        assertEquals(1.0, r.roughnessAsper(), 1e-4, "the standard's anchor");
        assertRelative(ref.get("roughness90pc").asDouble(), r.roughnessAsper(), "R");
        assertSeries(ref.get("roughness_t"), r.roughnessAsperSeries(), "R(l)", 1e-6);
        assertSeries(ref.get("spec_roughness_avg"), r.specificRoughnessAsper(), "R'(z)", 1e-6);
    }

    /** 49 152 samples = 12 hops: the last regular block ends at the signal's end, and no extra block is added. */
    @Test
    void aSignalOfWholeHopsHasNoExtraEndBlock() throws IOException {
        JsonNode ref = resource("refmap_am_1khz_70hz_60db.json").get("am_1khz_70hz_60db_49152");
        double[] p = amTone(1.024);
        assertEquals(ref.get("n_samples_48k").asInt(), p.length);
        EcmaRoughness roughness = new EcmaRoughness(false, false);
        roughness.accept(p, 0, p.length);
        EcmaRoughnessResult r = roughness.finish();
        assertRelative(ref.get("roughness90pc").asDouble(), r.roughnessAsper(), "R");
        assertSeries(ref.get("roughness_t"), r.roughnessAsperSeries(), "R(l)", 1e-6);
        assertSeries(ref.get("spec_roughness_avg"), r.specificRoughnessAsper(), "R'(z)", 1e-6);
    }
}
