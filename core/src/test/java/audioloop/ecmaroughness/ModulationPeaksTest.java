package audioloop.ecmaroughness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The peak picking, rate estimation and fundamental-rate estimation of ECMA-418-2:2025 Sections 7.1.5.1 and
 * 7.1.5.3 on spectra whose answer is known: a symmetric peak on a bin needs no bias correction, an off-bin one gets
 * at most Table 8's largest correction, weak and surplus peaks are dropped, and a harmonic series is recognised.
 */
class ModulationPeaksTest {
    private static final double DF = ModulationPeaks.RESOLUTION_HZ;

    @Test
    void aSymmetricPeakOnABinIsAtThatBinWithTheSumOfItsThreeBins() {
        double[] spectrum = new double[257];
        spectrum[23] = 0.5;
        spectrum[24] = 1;
        spectrum[25] = 0.5;
        double[] amplitudes = new double[10];
        double[] rates = new double[10];
        ModulationPeaks.pick(spectrum, amplitudes, rates);
        assertEquals(24 * DF, rates[0], 1e-12);
        assertEquals(2.0, amplitudes[0]);
        assertEquals(0, rates[1]);
    }

    @Test
    void anOffBinPeakIsCorrectedByAtMostTheLargestBias() {
        // samples of 1 − (k − 24.3)²/4 at k = 23, 24, 25: the parabola's vertex is at 24.3
        double[] spectrum = new double[257];
        for (int k = 23; k <= 25; k++) {
            spectrum[k] = 1 - (k - 24.3) * (k - 24.3) / 4;
        }
        double[] coefficients = ModulationPeaks.parabola(24, spectrum[23], spectrum[24], spectrum[25]);
        assertEquals(24.3, -coefficients[1] / (2 * coefficients[0]), 1e-9);
        double[] amplitudes = new double[10];
        double[] rates = new double[10];
        ModulationPeaks.pick(spectrum, amplitudes, rates);
        double correction = rates[0] - 24.3 * DF;
        assertTrue(correction > 0 && correction <= 0.3364 + 1e-12, "ρ = " + correction);
    }

    @Test
    void weakPeaksAndPeaksBeyondTheTenMostProminentAreDropped() {
        double[] spectrum = new double[257];
        // twelve peaks of falling height at k = 10, 25, 40, …; the last two are below 5 % of the first
        for (int i = 0; i < 12; i++) {
            spectrum[10 + 15 * i] = i < 10 ? 1.0 - 0.05 * i : 0.04;
        }
        double[] amplitudes = new double[10];
        double[] rates = new double[10];
        ModulationPeaks.pick(spectrum, amplitudes, rates);
        for (int i = 0; i < 10; i++) {
            assertEquals((10 + 15 * i) * DF, rates[i], 1e-9, "peak " + i);
            assertEquals(1.0 - 0.05 * i, amplitudes[i], 1e-15);
        }
    }

    @Test
    void theFundamentalOfAHarmonicSeriesWinsAndItsSetIsWeighted() {
        double[] rates = {70, 140, 210.5, 97, 0, 0, 0, 0, 0, 0};
        double[] amplitudes = {1, 0.5, 0.3, 0.2, 0, 0, 0, 0, 0, 0};
        double[] weighted = new double[10];
        assertEquals(70, ModulationPeaks.fundamental(rates, amplitudes, weighted));
        assertEquals(0, weighted[3], "97 Hz is no harmonic of 70 Hz");
        double gravityWeight = weighted[0] / amplitudes[0];
        assertTrue(gravityWeight > 1, "w_peak = " + gravityWeight);
        assertArrayEquals(new double[] {gravityWeight, gravityWeight}, new double[] {weighted[1] / amplitudes[1],
            weighted[2] / amplitudes[2]}, 1e-15);
        assertEquals(0, ModulationPeaks.fundamental(new double[10], amplitudes, weighted));
        assertArrayEquals(new double[10], weighted);
    }
}
