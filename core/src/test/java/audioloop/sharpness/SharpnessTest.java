package audioloop.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** All loudness at one grid point with weighting w: S = 0.11·g_w(z)·z·(loudness factor). */
    private static double sharpnessOfLine(SharpnessWeighting w, int gridIndex, double loudnessSone) {
        double[] specific = new double[SpecificLoudnessSlopes.BARK_POINTS];
        specific[gridIndex] = loudnessSone / 0.1;
        return Sharpness.stationary(w, new StationaryLoudnessResult(loudnessSone, specific));
    }

    @Test
    void bismarckWeightingRisesFrom15Bark() {
        assertEquals(0.11 * 15.0, sharpnessOfLine(SharpnessWeighting.BISMARCK, 149, 1.0), 1e-12);
        double g20 = 0.2 * Math.exp(0.308 * (20.0 - 15)) + 0.8;                // von Bismarck's g above 15 Bark
        assertEquals(0.11 * g20 * 20.0, sharpnessOfLine(SharpnessWeighting.BISMARCK, 199, 1.0), 1e-12);
    }

    @Test
    void fastlWeightingInterpolatesTheDigitisedCurve() {
        // 10 Bark lies between the curve's points (0.0985854, 0.9783246) and (14.826764, 0.99701804)
        double g10 = 0.9783246 + (0.99701804 - 0.9783246) * (10.0 - 0.0985854) / (14.826764 - 0.0985854);
        assertEquals(0.11 * g10 * 10.0, sharpnessOfLine(SharpnessWeighting.FASTL, 99, 1.0), 1e-12);
        // beyond the last point (23.932978 Bark) the curve is held: g(24) = 3.9385738
        assertEquals(0.11 * 3.9385738 * 24.0, sharpnessOfLine(SharpnessWeighting.FASTL, 239, 1.0), 1e-12);
    }

    @Test
    void auresWeightingDependsOnLoudness() {
        // g = 0.078·e^{0.171 z}/z · N/ln(1 + N/20): S of the same pattern grows with N (the factor → 20 as N → 0)
        for (double n : new double[] {0.5, 4, 40}) {
            double expected = 0.11 * 0.078 * Math.exp(0.171 * 10.0) / 10.0 * n / Math.log(n * 0.05 + 1) * 10.0;
            assertEquals(expected, sharpnessOfLine(SharpnessWeighting.AURES, 99, n), 1e-12 * expected);
        }
        assertTrue(sharpnessOfLine(SharpnessWeighting.AURES, 99, 40) > sharpnessOfLine(SharpnessWeighting.AURES, 99, 0.5));
        // MoSQITo's series rule holds for every weighting: 0 below 0.1 sone, where Aures' factor would be 0/0 at N = 0
        double[] series = Sharpness.timeVarying(SharpnessWeighting.AURES, new double[] {0.0, 0.05, 1.0},
                new double[] {0.0, 0.1, 1.0});
        assertEquals(0.0, series[0]);
        assertEquals(0.0, series[1]);
        assertEquals(0.11 * 1.0 / Math.log(1.05), series[2], 1e-12);
        assertEquals(0.0, Sharpness.stationary(SharpnessWeighting.AURES,
                new StationaryLoudnessResult(0.0, new double[SpecificLoudnessSlopes.BARK_POINTS])));
    }
}
