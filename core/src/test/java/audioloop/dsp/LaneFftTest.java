package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LaneFftTest {
    private static double[][] random(int n, int lanes, Random random) {
        double[][] x = new double[n][lanes];
        for (double[] element : x) {
            for (int l = 0; l < lanes; l++) {
                element[l] = random.nextGaussian();
            }
        }
        return x;
    }

    /** Every lane against the direct O(n²) sum Σ_k X_k·e^{sign·2πikt/n}. */
    private static void assertDirectDft(int n, int lanes, int sign) {
        Random random = new Random(31L * n + lanes + sign);
        double[][] re = random(n, lanes, random);
        double[][] im = random(n, lanes, random);
        double[][] reCopy = new double[n][];
        double[][] imCopy = new double[n][];
        for (int e = 0; e < n; e++) {
            reCopy[e] = re[e].clone();
            imCopy[e] = im[e].clone();
        }
        LaneFft fft = new LaneFft(n, lanes, sign);
        fft.transform(re, im);
        for (int e = 0; e < n; e++) {
            assertArrayEquals(reCopy[e], re[e], 0.0, "input left unchanged");
            assertArrayEquals(imCopy[e], im[e], 0.0, "input left unchanged");
        }
        for (int l = 0; l < lanes; l++) {
            for (int t = 0; t < n; t++) {
                double sumRe = 0.0;
                double sumIm = 0.0;
                for (int k = 0; k < n; k++) {
                    double angle = sign * 2 * Math.PI * ((long) k * t % n) / n;
                    sumRe += re[k][l] * Math.cos(angle) - im[k][l] * Math.sin(angle);
                    sumIm += re[k][l] * Math.sin(angle) + im[k][l] * Math.cos(angle);
                }
                double tolerance = 1e-13 * n;
                String where = "n = " + n + ", sign " + sign + ", lane " + l + ", t = " + t;
                assertEquals(sumRe, fft.resultRe()[t][l], tolerance, where);
                assertEquals(sumIm, fft.resultIm()[t][l], tolerance, where);
            }
        }
    }

    @Test
    void equalsDirectDftInBothDirectionsOnEveryRadix() {
        // 240 = 4²·3·5 and 120 = 4·2·3·5 run all four butterflies; 75 = 3·5² has no power of two; 1 is the identity.
        for (int n : new int[] {240, 120, 75, 64, 25, 9, 8, 5, 4, 3, 2, 1}) {
            for (int sign : new int[] {1, -1}) {
                assertDirectDft(n, 5, sign);
            }
        }
    }

    @Test
    void lanesAreIndependentAndTheTransformIsReusable() {
        // 47 lanes (the roughness channels) of a 4800-point transform: each lane equals a one-lane transform of it.
        int n = 4800;
        int lanes = 47;
        Random random = new Random(4800);
        LaneFft many = new LaneFft(n, lanes, 1);
        LaneFft one = new LaneFft(n, 1, 1);
        for (int repeat = 0; repeat < 2; repeat++) {
            double[][] re = many.inputRe();
            double[][] im = many.inputIm();
            for (int e = 0; e < n; e++) {
                for (int l = 0; l < lanes; l++) {
                    re[e][l] = random.nextGaussian();
                    im[e][l] = random.nextGaussian();
                }
            }
            int[] checked = {0, 23, 46};
            double[][] expectedRe = new double[checked.length][n];
            double[][] expectedIm = new double[checked.length][n];
            for (int i = 0; i < checked.length; i++) {
                for (int e = 0; e < n; e++) {
                    one.inputRe()[e][0] = re[e][checked[i]];
                    one.inputIm()[e][0] = im[e][checked[i]];
                }
                one.transform(one.inputRe(), one.inputIm());
                for (int t = 0; t < n; t++) {
                    expectedRe[i][t] = one.resultRe()[t][0];
                    expectedIm[i][t] = one.resultIm()[t][0];
                }
            }
            many.transform(re, im); // its own input buffers: overwritten
            for (int i = 0; i < checked.length; i++) {
                for (int t = 0; t < n; t++) {
                    // The same operations in the same order: bit-identical, whatever the lane count.
                    String where = "lane " + checked[i] + ", t = " + t;
                    assertEquals(expectedRe[i][t], many.resultRe()[t][checked[i]], 0.0, where);
                    assertEquals(expectedIm[i][t], many.resultIm()[t][checked[i]], 0.0, where);
                }
            }
        }
    }

    @Test
    void supportsOnlyFactorsTwoThreeAndFive() {
        assertTrue(LaneFft.supports(4800));
        assertTrue(LaneFft.supports(64));
        assertTrue(LaneFft.supports(1));
        assertFalse(LaneFft.supports(4410)); // 2·3²·5·7²
        assertFalse(LaneFft.supports(0));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(4410, 47, 1));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(64, 4, 2));
    }
}
