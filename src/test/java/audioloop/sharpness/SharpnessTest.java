package audioloop.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.loudness.SoundField;
import audioloop.loudness.SpecificLoudnessSlopes;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import org.junit.jupiter.api.Test;

class SharpnessTest {

    /** All loudness at one grid point z: S = 0.11·g(z)·z (DIN 45692 eq. 1 with N = N′·Δz). */
    private static double sharpnessOfLine(int gridIndex) {
        double[] specific = new double[SpecificLoudnessSlopes.BARK_POINTS];
        specific[gridIndex] = 10;
        return Sharpness.stationary(SharpnessWeighting.DIN, new StationaryLoudnessResult(1.0, specific));
    }

    @Test
    void narrowPatternSharpnessFollowsTheDinWeighting() {
        assertEquals(0.11 * 10.0, sharpnessOfLine(99), 1e-12);                 // z = 10 Bark, g = 1
        assertEquals(0.11 * 15.8, sharpnessOfLine(157), 1e-12);                // z = 15.8 Bark, still g = 1
        double g20 = 0.15 * Math.exp(0.42 * (20.0 - 15.8)) + 0.85;             // DIN 45692 g(z) above 15.8 Bark
        assertEquals(0.11 * g20 * 20.0, sharpnessOfLine(199), 1e-12);
    }

    @Test
    void stationarySharpnessIsIndependentOfLoudnessScale() {
        double[] levels = {-60, -60, 78, 79, 89, 72, 80, 89, 75, 87, 85, 79, 86, 80, 71, 70, 72, 71, 72, 74, 69, 65,
            67, 77, 68, 58, 45, 30};
        StationaryLoudnessResult loudness = StationaryLoudness.fromThirdOctaveLevels(levels, SoundField.FREE);
        double[] doubled = loudness.specificLoudness().clone();
        for (int k = 0; k < doubled.length; k++) {
            doubled[k] *= 2;
        }
        double s = Sharpness.stationary(SharpnessWeighting.DIN, loudness);
        assertEquals(s, Sharpness.stationary(SharpnessWeighting.DIN, new StationaryLoudnessResult(2 * loudness.loudnessSone(), doubled)),
                1e-12 * s);
        // same formula as the time-varying route for N ≥ 0.1 sone
        assertEquals(s, Sharpness.timeVarying(SharpnessWeighting.DIN, new double[] {loudness.loudnessSone()},
                new double[] {Sharpness.weightedMoment(SharpnessWeighting.DIN, loudness.specificLoudness())})[0]);
    }

    @Test
    void timeSeriesIsZeroBelowOneTenthSone() {
        double[] loudness = {0.0, 0.099, 0.1, 2.0};
        double[] moments = {0.0, 1.0, 1.0, 20.0};
        assertArrayEquals(new double[] {0.0, 0.0, 0.11 * 1.0 / 0.1, 0.11 * 20.0 / 2.0},
                Sharpness.timeVarying(SharpnessWeighting.DIN, loudness, moments));
        assertEquals(0.0, Sharpness.stationary(SharpnessWeighting.DIN, 
                new StationaryLoudnessResult(0.0, new double[SpecificLoudnessSlopes.BARK_POINTS])));
    }
}
