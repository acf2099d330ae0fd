package audioloop.ecmaloudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.SeriesAssertions;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.ecmatonality.EcmaTonalityResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The calibration anchors of ECMA-418-2:2025 (a 1 kHz tone at 40 dB SPL is 1 sone_HMS and 1 tu_HMS) on a generated
 * signal, against the numbers refmap-psychoacoustics produced for the same samples (test resource
 * refmap_tone_1khz_40db.json): overall values to 1e-6 relative, time series to 1e-6 of their maximum.
 */
class EcmaLoudnessAnchorTest {
    static double[] tone(double seconds, double levelDb) {
        int n = (int) (seconds * 48_000);
        double amplitude = Math.sqrt(2) * 2e-5 * Math.pow(10, levelDb / 20);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = amplitude * Math.sin(2 * Math.PI * 1000 * (i / 48_000.0));
        }
        return p;
    }

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = EcmaLoudnessAnchorTest.class.getResourceAsStream("/audioloop/ecma/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double assertSeries(JsonNode expected, double[] actual, String what) {
        return assertSeries(expected, actual, what, 1e-6);
    }

    /** |actual − expected| ≤ tolerance·max|expected| everywhere; returns the worst difference over the maximum. */
    static double assertSeries(JsonNode expected, double[] actual, String what, double tolerance) {
        return SeriesAssertions.assertSeries(expected, actual, what, tolerance);
    }

    @Test
    void oneKilohertzAt40DbIsOneSoneAndOneTuAsRefmapComputesIt() throws IOException {
        JsonNode ref = resource("refmap_tone_1khz_40db.json").get("tone_1khz_40db");
        EcmaLoudness loudness = new EcmaLoudness();
        EcmaTonality tonality = new EcmaTonality();
        ComponentLoudness components = new ComponentLoudness(false, (l, tonal, noise) -> {
            loudness.frame(l, tonal, noise);
            tonality.frame(l, tonal, noise);
        });
        double[] p = tone(3, 40);
        components.accept(p, 0, p.length);
        assertEquals(ref.get("n_frames").asInt(), components.finish());
        EcmaLoudnessResult n = loudness.result();
        EcmaTonalityResult t = tonality.result();
        assertEquals(1.0, n.loudnessSone(), 1e-4, "the standard's anchor");
        assertEquals(1.0, t.tonalityTu(), 1e-4, "the standard's anchor");
        assertEquals(ref.get("loudness_powavg").asDouble(), n.loudnessSone(), 1e-6 * n.loudnessSone());
        assertEquals(ref.get("tonality_avg").asDouble(), t.tonalityTu(), 1e-6 * t.tonalityTu());
        assertSeries(ref.get("loudness_t"), n.loudnessSoneSeries(), "N(l)");
        assertSeries(ref.get("tonality_t"), t.tonalityTuSeries(), "T(l)");
        assertSeries(ref.get("spec_loudness_powavg"), n.specificLoudnessSone(), "N'(z)");
        assertSeries(ref.get("spec_tonality_avg"), t.specificTonalityTu(), "T'(z)");
    }
}
