package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ISO 532-1 stationary loudness of a signal as the reference program and SQAT compute it (Aures tonality's). */
class SignalStationaryLoudnessTest {
    private static double[] tone(double hz, double levelDb, int samples) {
        double[] x = new double[samples];
        double amplitude = 2e-5 * Math.pow(10, levelDb / 20) * Math.sqrt(2);
        for (int i = 0; i < samples; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / 48_000.0);
        }
        return x;
    }

    @Test
    void oneKilohertzAtFortyDecibelsIsOneSone() {
        // The sone's definition (ISO 532-1 is calibrated to it within about 1 %); 20 dB more is about 4 sone.
        SignalStationaryLoudness loudness = new SignalStationaryLoudness();
        double n40 = loudness.loudnessSone(tone(1000, 40, 48_000), 0, 48_000, 384, SoundField.FREE);
        double n60 = loudness.loudnessSone(tone(1000, 60, 48_000), 0, 48_000, 384, SoundField.FREE);
        assertEquals(1.0, n40, 0.02);
        assertEquals(4.0, n60, 0.15);
        // Silence: N = 0, plus SQAT's rounding offset.
        assertEquals(0.0005, loudness.loudnessSone(new double[7680], 0, 7680, 384, SoundField.FREE), 0);
    }

    @Test
    void slopeIntegrationAgreesWithTheMosqitoProcedureToItsRounding() {
        // The reference program's and MoSQITo's slope procedures differ in detail (MoSQITo starts at most one new
        // slope segment per 0.1-Bark grid point, notes/mosqito.md §6.6); on these jagged random spectra (levels
        // uniform in 0 … 90 dB per band) the totals differ by up to 0.4 % (measured, 200 spectra). The reference
        // procedure itself is checked through Aures tonality against SQAT (AuresSqatParityTest).
        double[] levels = new double[CoreLoudness.THIRD_OCTAVE_BANDS];
        double[] core = new double[CoreLoudness.CRITICAL_BANDS];
        double[] specific = new double[SpecificLoudnessSlopes.BARK_POINTS];
        long seed = 1;
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            for (int b = 0; b < levels.length; b++) {
                seed = 16807 * seed % 2147483647L;
                levels[b] = 90.0 * seed / 2147483647.0;
            }
            CoreLoudness.compute(levels, SoundField.FREE, core);
            double reference = SignalStationaryLoudness.totalLoudness(core);
            double mosqito = SpecificLoudnessSlopes.compute(core, specific);
            worst = Math.max(worst, Math.abs(reference - mosqito) / mosqito);
            assertEquals(mosqito, reference, 2e-3 + 6e-3 * mosqito, "trial " + trial);
        }
        System.out.println("worst relative difference to the MoSQITo procedure: " + worst);
    }

    @Test
    void roundingIsSqats() {
        assertEquals(1.2345, SignalStationaryLoudness.roundAsSqat(1.2340), 1e-15);
        assertEquals(20.005 + 0.001, SignalStationaryLoudness.roundAsSqat(20.001), 1e-12);
        assertEquals(0.0005, SignalStationaryLoudness.roundAsSqat(-1), 0);
    }
}
