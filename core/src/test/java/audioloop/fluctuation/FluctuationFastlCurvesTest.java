package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The model against the curves of Fastl &amp; Zwicker (2007, Ch. 10) that SQAT's validation uses
 * ({@code validation/FluctuationStrength_Osses2016}): F versus modulation frequency for AM tones (1 kHz, 70 dB),
 * FM tones (1.5 kHz ± 700 Hz, 70 dB) and AM broadband noise (20 Hz … 16 kHz, 60 dB), and F of the 4-Hz AM tone
 * versus level. SQAT's validation shows its own values beside the reference in figures; audioloop's must stay
 * as close to SQAT's as the signals allow (SQAT's sound files are not available here: the signals are made by
 * formula, 2.2 s long — two 2-s frames — where SQAT's validation analyses whole files as one frame).
 */
class FluctuationFastlCurvesTest {
    private static final double[] MODULATION_HZ = {1, 2, 4, 8, 16, 32};
    /** Fastl &amp; Zwicker's values as SQAT's validation scripts tabulate them (vacil). */
    private static final double[] FASTL_AM_TONE = {0.39, 0.84, 1.25, 1.30, 0.36, 0.06};
    private static final double[] FASTL_FM_TONE = {0.85, 1.17, 2.00, 0.70, 0.27, 0.02};
    private static final double[] FASTL_AM_NOISE = {1.12, 1.58, 1.80, 1.57, 0.48, 0.14};
    /** SQAT's values read off its validation figures (±0.02 vacil). */
    private static final double[] SQAT_AM_TONE = {0.39, 1.13, 1.32, 1.31, 0.33, 0.00};
    private static final double[] SQAT_FM_TONE = {0.58, 1.31, 1.98, 2.44, 1.04, 0.01};

    private static double[] curve(DoubleFunction<double[]> signal) {
        double[] f = new double[MODULATION_HZ.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = FluctuationStrength.compute(signal.apply(MODULATION_HZ[i])).meanVacil();
        }
        return f;
    }

    private static void print(String name, double[] audioloop, double[] fastl) {
        StringBuilder line = new StringBuilder(name);
        for (int i = 0; i < audioloop.length; i++) {
            line.append(String.format("  %.0f Hz: %.3f (Fastl %.2f)", MODULATION_HZ[i], audioloop[i], fastl[i]));
        }
        System.out.println(line);
    }

    /** A band-pass in modulation frequency peaking at 4 … 8 Hz, as all of Fastl's curves. */
    private static void assertBandPass(double[] f) {
        double peak = Math.max(f[2], f[3]);
        for (double v : f) {
            assertTrue(v <= peak, "peak at 4 or 8 Hz");
        }
        assertTrue(f[0] < 0.8 * peak && f[4] < 0.6 * peak && f[5] < 0.1 * peak, "band-pass");
    }

    @Test
    void amTonesFollowSqatsValidationWithinItsReadingAccuracy() {
        double[] f = curve(fm -> Signals.amTone(1000, fm, 1, 70, 2.2));
        print("AM tone 1 kHz 70 dB:", f, FASTL_AM_TONE);
        assertBandPass(f);
        for (int i = 0; i < f.length; i++) {
            assertEquals(SQAT_AM_TONE[i], f[i], 0.05, MODULATION_HZ[i] + " Hz");
        }
    }

    @Test
    void fmTonesFollowSqatsValidationShape() {
        // SQAT's own deviation from Fastl is largest here (8 Hz: 2.44 against 0.70); audioloop's 2-s frames of a
        // formula-made tone lie within 0.35 vacil of SQAT's whole-file values.
        double[] f = curve(fm -> Signals.fmTone(1500, fm, 700, 70, 2.2));
        print("FM tone 1.5 kHz ±700 Hz 70 dB:", f, FASTL_FM_TONE);
        assertBandPass(f);
        for (int i = 0; i < f.length; i++) {
            assertEquals(SQAT_FM_TONE[i], f[i], 0.35, MODULATION_HZ[i] + " Hz");
        }
    }

    @Test
    void amBroadbandNoiseIsABandPassAboveFastlsValues() {
        // On this noise SQAT itself (Octave oracle, FluctuationSqatParityTest) gives about 3.6 vacil at 4 Hz, twice
        // Fastl's 1.8 and SQAT's figure for its own noise file (1.87): shape only (docs/fluctuation-annoyance.md).
        double[] f = curve(fm -> Signals.amBandNoise(20, 16_000, fm, 1, 60, 2.2, 7));
        print("AM noise 20 Hz-16 kHz 60 dB:", f, FASTL_AM_NOISE);
        assertBandPass(f);
    }

    @Test
    void fluctuationGrowsWithLevelThroughTheOneVacilAnchor() {
        double previous = 0;
        StringBuilder line = new StringBuilder("AM tone 1 kHz 4 Hz vs level:");
        for (double level = 30; level <= 90; level += 10) {
            double f = FluctuationStrength.compute(Signals.amTone(1000, 4, 1, level, 2.2)).meanVacil();
            line.append(String.format("  %.0f dB: %.3f", level, f));
            assertTrue(f > previous, level + " dB");
            if (level == 60) {
                assertEquals(1.0, f, 0.03);
            }
            previous = f;
        }
        System.out.println(line);
    }
}
