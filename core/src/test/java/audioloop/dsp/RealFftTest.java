package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class RealFftTest {
    /** Random packed Hermitian spectrum in JTransforms' layout (a[1] = Re X_{n/2}). */
    private static double[] randomPacked(int n, long seed) {
        Random random = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
        }
        return a;
    }

    private static double maxAbs(double[] x) {
        double max = 0.0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void equalsDirectDftOnEveryRadix() {
        // n/2 = 840 = 4·2·3·5·7 runs all five butterflies, 98 = 2·7², 14 and 2 the edges.
        for (int n : new int[] {1680, 240, 196, 48, 30, 14, 4, 2}) {
            double[] packed = randomPacked(n, n);
            // Direct O(n²) sum x_t = Σ_k X_k e^{+2πikt/n} over the full Hermitian spectrum.
            double[] expected = new double[n];
            for (int t = 0; t < n; t++) {
                double sum = packed[0] + (t % 2 == 0 ? packed[1] : -packed[1]);
                for (int k = 1; k < n / 2; k++) {
                    double angle = 2 * Math.PI * ((long) k * t % n) / n;
                    sum += 2 * (packed[2 * k] * Math.cos(angle) - packed[2 * k + 1] * Math.sin(angle));
                }
                expected[t] = sum;
            }
            double[] actual = packed.clone();
            new RealFft(n).inverse(actual);
            double scale = maxAbs(expected);
            for (int t = 0; t < n; t++) {
                assertEquals(expected[t], actual[t], 1e-13 * scale, "n = " + n + ", t = " + t);
            }
        }
    }

    @Test
    void equalsJTransformsAtTheRoughnessFrameLengthsAndIsReusable() {
        for (int n : new int[] {9600, 8820}) {
            equalsJTransforms(n);
        }
    }

    private static void equalsJTransforms(int n) {
        RealFft plan = new RealFft(n);
        DoubleFFT_1D reference = Fft.plan(n);
        for (long seed = 1; seed <= 3; seed++) {
            double[] expected = randomPacked(n, seed);
            double[] actual = expected.clone();
            reference.realInverse(expected, false);
            plan.inverse(actual);
            double scale = maxAbs(expected);
            for (int t = 0; t < n; t++) {
                assertEquals(expected[t], actual[t], 1e-12 * scale, "n = " + n + ", t = " + t);
            }
        }
    }

    @Test
    void forwardEqualsJTransformsOnEveryRadixAndAtTheFrameLengths() {
        for (int n : new int[] {9600, 8820, 1680, 240, 196, 30, 14, 4, 2}) {
            RealFft plan = new RealFft(n);
            DoubleFFT_1D reference = Fft.plan(n);
            for (long seed = 1; seed <= 2; seed++) {
                double[] expected = randomPacked(n, seed); // here: a real signal
                double[] actual = expected.clone();
                reference.realForward(expected);
                plan.forward(actual);
                double scale = maxAbs(expected);
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[i], actual[i], 1e-13 * scale, "n = " + n + ", i = " + i);
                }
            }
        }
    }

    @Test
    void inverseMagnitudesAreTheAbsoluteInverseAndItsOrderedSum() {
        for (int n : new int[] {9600, 196, 2}) {
            double[] packed = randomPacked(n, 7);
            double[] x = packed.clone();
            new RealFft(n).inverse(x);
            double[] magnitudes = packed.clone();
            double sum = new RealFft(n).inverseMagnitudes(magnitudes);
            double expectedSum = 0.0;
            for (int t = 0; t < n; t++) {
                assertEquals(Math.abs(x[t]), magnitudes[t], 0.0, "n = " + n + ", t = " + t);
                expectedSum += Math.abs(x[t]);
            }
            assertEquals(expectedSum, sum, 0.0, "n = " + n);
        }
    }

    @Test
    void supportsOnlyEvenLengthsWhoseHalfIsSevenSmooth() {
        assertTrue(RealFft.supports(9600));
        assertTrue(RealFft.supports(8820));
        assertTrue(RealFft.supports(2));
        assertTrue(RealFft.supports(4410)); // 0.2 s at 22.05 kHz: half 2205 = 3²·5·7²
        assertFalse(RealFft.supports(2 * 11 * 400));
        assertFalse(RealFft.supports(9601));
        assertFalse(RealFft.supports(0));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(22));
    }
}
