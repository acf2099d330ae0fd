package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stationary route (third-octave filter bank → ISO 532-1 clause 5 → DIN 45692) on signals made here, against
 * the definitions the scales are built on; needs no ../shared.
 */
class StationaryLoudnessPhysicsTest {
    private static final int SAMPLE_RATE_HZ = 48000;
    private static final double REFERENCE_PRESSURE_PA = 2e-5;

    /** A 1 kHz sine of the given SPL (rms re 20 µPa), 1 s at 48 kHz, in pascals. */
    private static double[] tone1kHz(double levelDb) {
        double amplitude = Math.sqrt(2) * REFERENCE_PRESSURE_PA * Math.pow(10, levelDb / 20);
        double[] x = new double[SAMPLE_RATE_HZ];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * 1000 * i / SAMPLE_RATE_HZ);
        }
        return x;
    }

    private static StationaryLoudnessResult stationary(double[] pressurePa) {
        return StationaryLoudness.fromThirdOctaveLevels(ThirdOctaveSpectrum.levelsDb(pressurePa, SAMPLE_RATE_HZ),
                SoundField.FREE);
    }

    /**
     * The phon: a 1 kHz frontal free-field tone of L dB has a loudness level of L phon, and N sone correspond to
     * L_N = 40 + 33.22·lg N phon for N ≥ 1 (the sone–phon relation N = 2^((L_N − 40)/10) of ISO 532-1 and Zwicker
     * &amp; Fastl). Zwicker's model meets it within 1 phon for 1 kHz tones of 40–80 dB: 1.006 … 17.1 sone, i.e.
     * +0.1 … +0.96 phon, the same figures MoSQITo 1.2.1's loudness_zwst gives for these tones.
     */
    @ParameterizedTest
    @ValueSource(doubles = {40, 50, 60, 70, 80})
    void loudnessLevelOfAOneKilohertzToneIsItsLevel(double levelDb) {
        double n = stationary(tone1kHz(levelDb)).loudnessSone();
        double loudnessLevelPhon = 40 + 33.22 * Math.log10(n);
        System.out.printf("1 kHz %.0f dB: N = %.3f sone, %.2f phon%n", levelDb, n, loudnessLevelPhon);
        assertEquals(levelDb, loudnessLevelPhon, 1.0);
    }

    /** The sone scale: loudness doubles with every 10 dB above 40 dB (1 → 2 → 4 → 8 → 16 sone), here within 5 %. */
    @Test
    void loudnessDoublesPerTenDecibels() {
        double previous = stationary(tone1kHz(40)).loudnessSone();
        assertEquals(1.0, previous, 0.02, "40 dB");
        for (double level = 50; level <= 80; level += 10) {
            double n = stationary(tone1kHz(level)).loudnessSone();
            assertEquals(2.0, n / previous, 0.1, level - 10 + " -> " + level + " dB");
            previous = n;
        }
    }

    /** DIN 45692:2009: the reference sound of 1 acum is narrow-band noise at 1 kHz, 60 dB; a 1 kHz tone is as sharp. */
    @Test
    void oneKilohertzToneAtSixtyDecibelsIsOneAcum() {
        assertEquals(1.0, Sharpness.stationary(SharpnessWeighting.DIN, stationary(tone1kHz(60))), 0.03);
    }

    @Test
    void silenceHasNoLoudnessAndNoSharpness() {
        StationaryLoudnessResult result = stationary(new double[SAMPLE_RATE_HZ / 2]);
        assertEquals(0.0, result.loudnessSone());
        for (double v : result.specificLoudness()) {
            assertEquals(0.0, v);
        }
        assertEquals(0.0, Sharpness.stationary(SharpnessWeighting.DIN, result));
    }
}
