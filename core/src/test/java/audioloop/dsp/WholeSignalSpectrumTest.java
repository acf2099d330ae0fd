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

    @Test
    void matchesOneWholeLengthPlan() {
        // n = 2 is left out: numpy's 2-point Hann window is all zeros, MoSQITo's normalised window 0/0.
        for (int n : new int[] {1, 3, 17, 480, 16_385, 20_011, 96_000, 100_003, 2 * 50_021, 131_072}) {
            double[] x = noise(n, n);
            double[] reference = x.clone();
            WholeSignalSpectrum.Window window = WholeSignalSpectrum.Window.HANN;
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += window.at(t, n);
            }
            for (int t = 0; t < n; t++) {
                reference[t] *= window.at(t, n) / sum;
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

    /** numpy.hanning(5) = [0, .5, 1, .5, 0]; numpy.blackman(3) = [−1.39e−17, 1 − 1.1e−16, −1.39e−17]; M = 1: [1]. */
    @Test
    void windowsAreNumpys() {
        double[] hann = {0, 0.5, 1, 0.5, 0};
        for (int t = 0; t < 5; t++) {
            assertEquals(hann[t], WholeSignalSpectrum.Window.HANN.at(t, 5), 1e-16);
        }
        assertEquals(0.42 - 0.5 + 0.08, WholeSignalSpectrum.Window.BLACKMAN.at(0, 3), 0);
        assertEquals(1.0, WholeSignalSpectrum.Window.BLACKMAN.at(1, 3), 2e-16);
        assertEquals(1.0, WholeSignalSpectrum.Window.HANN.at(0, 1));
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
}
