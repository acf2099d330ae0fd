package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/**
 * The in-place four-step DFT against one JTransforms plan of the whole length, for even, odd, prime and small n;
 * the window is numpy's; labels and nearest-label search as MoSQITo's.
 */
class WholeSignalSpectrumTest {
    private static double[] noise(long seed, int n) {
        java.util.Random random = new java.util.Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() + 0.3 * Math.sin(0.01 * i * i / n);
        }
        return x;
    }

    /** numpy's expression of the symmetric window at sample t of m: one cosine per sample. */
    private static double numpyWindow(WholeSignalSpectrum.Window window, int t, int m) {
        if (m == 1) {
            return 1.0;
        }
        double x = 2.0 * t + (1.0 - m);
        double c = Math.cos(Math.PI * x / (m - 1));
        return switch (window) {
            case HANN -> 0.5 + 0.5 * c;
            case BLACKMAN -> 0.42 + 0.5 * c + 0.08 * Math.cos(2.0 * Math.PI * x / (m - 1));
        };
    }

    @Test
    void matchesOneWholeLengthPlan() {
        // n = 2 is left out: numpy's 2-point Hann window is all zeros, MoSQITo's normalised window 0/0.
        for (int n : new int[] {1, 3, 17, 480, 16_385, 20_011, 96_000, 100_003, 2 * 50_021, 131_072}) {
            double[] x = noise(n, n);
            double[] reference = x.clone();
            WholeSignalSpectrum.Window window = WholeSignalSpectrum.Window.HANN;
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += numpyWindow(window, t, n);
            }
            for (int t = 0; t < n; t++) {
                reference[t] *= numpyWindow(window, t, n) / sum;
            }
            double[] full = new double[2 * n];
            System.arraycopy(reference, 0, full, 0, n);
            new DoubleFFT_1D(n).realForwardFull(full);
            WholeSignalSpectrum spectrum = new WholeSignalSpectrum(x, 48_000, window);
            assertEquals(n / 2, spectrum.bins());
            double worst = 0;
            double largest = 0;
            for (int k = 0; k < n / 2; k++) {
                double expected = 1.42 * Math.hypot(full[2 * k], full[2 * k + 1]);
                largest = Math.max(largest, expected);
                worst = Math.max(worst, Math.abs(spectrum.amplitudePa(k) - expected));
            }
            assertTrue(worst <= 1e-13 * Math.max(largest, 1e-300), "n = " + n + ": " + worst + " of " + largest);
        }
    }

    /** The bulk line readers step their indices through the transposed layout: the same bits as line by line. */
    @Test
    void bulkReadsEqualSingleLines() {
        for (int n : new int[] {17, 16_385, 20_011, 96_000, 2 * 50_021}) {
            WholeSignalSpectrum spectrum = new WholeSignalSpectrum(noise(n + 1, n), 48_000,
                    WholeSignalSpectrum.Window.BLACKMAN);
            int bins = spectrum.bins();
            for (int[] range : new int[][] {{0, bins}, {1, bins}, {bins / 3, bins / 3 + 1}, {bins / 7, bins - 2}}) {
                int length = range[1] - range[0];
                double[] amplitudes = new double[length];
                double[] powers = new double[length];
                double[] levels = new double[length];
                spectrum.amplitudesPa(range[0], range[1], amplitudes);
                spectrum.powersPa2(range[0], range[1], powers);
                spectrum.levelsDb(range[0], range[1], levels);
                for (int i = 0; i < length; i++) {
                    int k = range[0] + i;
                    assertEquals(spectrum.amplitudePa(k), amplitudes[i], 0, "n = " + n + ", line " + k);
                    assertEquals(spectrum.levelDb(k), levels[i], 0, "n = " + n + ", line " + k);
                    assertEquals(amplitudes[i] * amplitudes[i], powers[i], 1e-15 * powers[i], "n = " + n + ", line " + k);
                }
            }
        }
    }

    /** numpy.hanning(5) = [0, .5, 1, .5, 0]; numpy.blackman(3) = [−1.39e−17, 1 − 1.1e−16, −1.39e−17]; M = 1: [1]. */
    @Test
    void windowsAreNumpys() {
        double[] hann = {0, 0.5, 1};
        WholeSignalSpectrum.Values hann5 = WholeSignalSpectrum.Window.HANN.values(5);
        for (int t = 0; t < 3; t++) {
            assertEquals(hann[t], hann5.at(t), 1e-16);
        }
        WholeSignalSpectrum.Values blackman3 = WholeSignalSpectrum.Window.BLACKMAN.values(3);
        assertEquals(0.42 - 0.5 + 0.08, blackman3.at(0), 1e-16);
        assertEquals(1.0, blackman3.at(1), 2e-16);
        assertEquals(1.0, WholeSignalSpectrum.Window.HANN.values(1).at(0));
        // The table evaluation against numpy's one cosine per sample, past several table rows: a few ulp (numpy's
        // expression rounds its angle π·x/(m − 1) too, so neither is exact; measured worst 5e-16).
        for (WholeSignalSpectrum.Window window : WholeSignalSpectrum.Window.values()) {
            for (int m : new int[] {2_048, 100_003, 2_880_000}) {
                WholeSignalSpectrum.Values values = window.values(m);
                for (int t = 0; t < (m + 1) / 2; t += t < 5_000 ? 1 : 97) {
                    assertEquals(numpyWindow(window, t, m), values.at(t), 1e-15, window + " " + m + " at " + t);
                }
            }
        }
    }

    /** A sine on bin 1000 of 48 000 points: its line is labelled 1001 Hz (MoSQITo's label), its level the RMS's. */
    @Test
    void labelsAreOneBinUpAndASineReadsItsRms() {
        int n = 48_000;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = Math.sqrt(2) * 0.02 * Math.sin(2 * Math.PI * 1000 * t / n);
        }
        WholeSignalSpectrum spectrum = new WholeSignalSpectrum(x, 48_000, WholeSignalSpectrum.Window.HANN);
        assertEquals(1001.0, spectrum.frequencyHz(1000));
        // Hann: the line holds half the amplitude·n·(window mean) → 1.42/√2·0.02 Pa ≈ 60 dB re 20 µPa.
        assertEquals(20 * Math.log10(1.42 / Math.sqrt(2) * 0.02 / 2e-5), spectrum.levelDb(1000), 1e-9);
        assertEquals(1000, spectrum.nearestBin(1001.2, 0, spectrum.bins()));
        assertEquals(0, spectrum.nearestBin(-5, 0, spectrum.bins()));
        assertEquals(spectrum.bins() - 1, spectrum.nearestBin(1e9, 0, spectrum.bins()));
    }

    /** The levels read during the transform are {@link WholeSignalSpectrum#levelsDb}'s, bit for bit. */
    @Test
    void levelsReadDuringTheTransformEqualLevelsDb() {
        int n = 96_000;
        double[] x = new double[n];
        java.util.Random random = new java.util.Random(5);
        for (int t = 0; t < n; t++) {
            x[t] = 0.1 * random.nextGaussian() + Math.sin(2 * Math.PI * 1000 * t / 48_000.0);
        }
        WholeSignalSpectrum spectrum = new WholeSignalSpectrum(x.clone(), 48_000, WholeSignalSpectrum.Window.HANN);
        double[] expected = new double[40_000];
        spectrum.levelsDb(150, 40_150, expected);
        double[] actual = new double[40_000];
        new WholeSignalSpectrum(x.clone(), 48_000, WholeSignalSpectrum.Window.HANN, 150, 40_150, actual);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), "line " + i);
        }
        assertEquals(spectrum.frequencyHz(1234), WholeSignalSpectrum.frequencyHz(1234, n, 48_000));
    }
}
