package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ThirdOctaveSpectrumTest {
    private static final int FS = 48000;
    private static final int BAND_1KHZ = 16;

    /**
     * MoSQITo 1.2.1 {@code amp2db(noct_spectrum(x, 48000, fmin=24, fmax=12600)[0], ref=2e-5)} for the multitone
     * of {@link #multitone()}, computed with numpy 2.4.6 / scipy 1.17.1 on the project's reference machine.
     */
    private static final double[] MOSQITO_MULTITONE_DB = {49.82167106920198, 55.702098046884664, 59.44819252258954, 62.16888151354272,
        64.28468137059687, 52.40847080953785, 56.62791019670326, 60.1756172713627,
        62.73346573238619, 64.68137270753498, 52.51670166487925, 57.035654084115336,
        60.527907764015005, 63.037724738427286, 64.92041099230619, 52.2488973291822,
        57.08932635633087, 60.59495419557948, 63.09118034914278, 64.96400532358098,
        52.227974094135156, 57.10293269755481, 60.608485937266245, 63.102622091277,
        64.98067505332872, 52.354906819643574, 57.07833600215454, 60.544163633460286};

    /** 0.5 s, one tone at every band centre: amplitude 0.01·(1 + k mod 5) Pa, phase 0.3·k. */
    private static double[] multitone() {
        double[] fc = ThirdOctaveSpectrum.centreFrequenciesHz();
        double[] x = new double[FS / 2];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < fc.length; k++) {
                x[i] += 0.01 * (1 + k % 5) * Math.sin(2 * Math.PI * fc[k] * i / FS + 0.3 * k);
            }
        }
        return x;
    }

    @Test
    void centreFrequenciesAreTheExactBase10Series() {
        double[] fc = ThirdOctaveSpectrum.centreFrequenciesHz();
        assertEquals(28, fc.length);
        assertEquals(1000.0, fc[BAND_1KHZ]);
        for (int i = 0; i < fc.length; i++) {
            assertEquals(1000 * Math.pow(10, (i - 16) / 10.0), fc[i], 1e-12 * fc[i]);
        }
    }

    @Test
    void agreesWithMosqitoOnAMultitone() {
        double[] levels = ThirdOctaveSpectrum.levelsDb(multitone(), FS);
        assertArrayEquals(MOSQITO_MULTITONE_DB, levels, 1e-9);
    }

    @Test
    void oneKilohertzSineOfOnePascalRmsReads94DbInItsBand() {
        double[] x = new double[FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sqrt(2) * Math.sin(2 * Math.PI * 1000 * i / FS);
        }
        double[] levels = ThirdOctaveSpectrum.levelsDb(x, FS);
        assertEquals(20 * Math.log10(1 / 2e-5), levels[BAND_1KHZ], 0.05);
        assertTrue(levels[BAND_1KHZ - 2] < levels[BAND_1KHZ] - 30, "630 Hz band: " + levels[BAND_1KHZ - 2]);
        assertTrue(levels[BAND_1KHZ + 2] < levels[BAND_1KHZ] - 30, "1.6 kHz band: " + levels[BAND_1KHZ + 2]);
    }

    @Test
    void whiteNoiseRisesOneDecibelPerBand() {
        double sigma = 0.1;
        Random random = new Random(7);
        double[] x = new double[5 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = sigma * random.nextGaussian();
        }
        double[] levels = ThirdOctaveSpectrum.levelsDb(x, FS);
        double[] fc = ThirdOctaveSpectrum.centreFrequenciesHz();
        // from 250 Hz up: bandwidth fc·(2^(1/6) − 2^(−1/6)) of the flat density σ²/(fs/2)
        double relativeBandwidth = Math.pow(2, 1 / 6.0) - Math.pow(2, -1 / 6.0);
        for (int k = 10; k < fc.length; k++) {
            double expected = 10 * Math.log10(sigma * sigma * relativeBandwidth * fc[k] / (FS / 2.0) / (2e-5 * 2e-5));
            assertEquals(expected, levels[k], 0.75, "band " + k);
        }
        double slope = (levels[27] + levels[26] + levels[25] - levels[10] - levels[11] - levels[12]) / 3 / 15;
        assertEquals(1.0, slope, 0.05);
    }

    @Test
    void silenceGivesMosqitosFloor() {
        double[] levels = ThirdOctaveSpectrum.levelsDb(new double[4800], FS);
        for (double level : levels) {
            assertEquals(-140.0, level, 1e-9); // rms 0 → 2e-12 Pa → 20·log10(1e-7)
        }
    }

    @Test
    void resultDoesNotDependOnThePoolSize() throws Exception {
        double[] x = multitone();
        double[] one = new ForkJoinPool(1).submit(() -> ThirdOctaveSpectrum.levelsDb(x, FS)).get();
        double[] three = new ForkJoinPool(3).submit(() -> ThirdOctaveSpectrum.levelsDb(x, FS)).get();
        assertArrayEquals(one, three);
        assertArrayEquals(one, ThirdOctaveSpectrum.levelsDb(x, FS));
    }

    @Test
    void rejectsRatesTooLowForTheTopBandAndSignalsTooShortToDecimate() {
        assertThrows(IllegalArgumentException.class, () -> ThirdOctaveSpectrum.levelsDb(new double[48000], 16000));
        assertThrows(IllegalArgumentException.class, () -> ThirdOctaveSpectrum.levelsDb(new double[20], FS));
    }
}
