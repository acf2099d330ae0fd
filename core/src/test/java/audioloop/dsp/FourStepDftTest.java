package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/** The complex bins of the in-place four-step DFT against one JTransforms plan of the whole length. */
class FourStepDftTest {
    @Test
    void complexBinsUpToNyquistMatchOneWholeLengthPlan() {
        for (int n : new int[] {1, 2, 3, 17, 480, 16_385, 20_011, 96_000, 100_003, 2 * 50_021, 131_072}) {
            double[] x = noise(n);
            double[] full = new double[2 * n];
            System.arraycopy(x, 0, full, 0, n);
            new DoubleFFT_1D(n).realForwardFull(full);
            FourStepDft dft = new FourStepDft(x);
            int bins = n / 2 + 1;
            double[] re = new double[bins + 3];
            double[] im = new double[bins + 5];
            dft.bins(0, bins, re, 3, im, 5);
            double[] power = new double[bins];
            dft.magnitudesSquared(0, bins, power);
            double worst = 0;
            for (int k = 0; k < bins; k++) {
                worst = Math.max(worst, Math.hypot(re[3 + k] - full[2 * k], im[5 + k] - full[2 * k + 1]));
                assertEquals(re[3 + k] * re[3 + k] + im[5 + k] * im[5 + k], power[k], "n = " + n + ", bin " + k);
            }
            assertTrue(worst <= 1e-12 * Math.sqrt(n), "n = " + n + ": " + worst);
            // a range that starts inside
            double[] part = new double[2];
            double[] partIm = new double[2];
            if (bins > 3) {
                dft.bins(bins - 3, bins - 1, part, 0, partIm, 0);
                assertEquals(re[3 + bins - 3], part[0]);
                assertEquals(im[5 + bins - 2], partIm[1]);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> dft.bins(0, bins + 1, re, 0, im, 0));
            // wide ranges starting and ending inside a column (read in storage order) and up to Nyquist
            int[][] ranges = bins > 16 ? new int[][] {{bins / 7 + 3, bins - bins / 5}, {bins / 3 + 1, bins}, {1, bins - 1}}
                    : new int[0][];
            for (int[] range : ranges) {
                double[] some = new double[range[1] - range[0]];
                dft.magnitudesSquared(range[0], range[1], some);
                for (int k = range[0]; k < range[1]; k++) {
                    assertEquals(power[k], some[k - range[0]], "n = " + n + ", bin " + k + " of " + range[0]);
                }
            }
        }
    }

    /** Lines read as the row pass ends equal the ones read afterwards, bit for bit (even and odd l2, Nyquist). */
    @Test
    void linesReadDuringTheTransformEqualTheOnesReadAfter() {
        // n/2 = 48 000 = 200 × 240, 2 · 24 025 = 155 × 155, 9 · 8192 = 192 × 384; an odd n and one plan
        for (int n : new int[] {96_000, 48_050, 147_456, 20_011, 4_000}) {
            double[] x = noise(n);
            int bins = n / 2 + 1;
            double[] expected = new double[bins];
            new FourStepDft(x.clone()).magnitudesSquared(0, bins, expected);
            for (int[] range : new int[][] {{0, bins}, {bins / 9 + 5, bins / 2 + 7}, {3, bins - 1}, {7, 9}}) {
                double[] actual = new double[range[1] - range[0]];
                new FourStepDft(x.clone(), range[0], range[1], actual);
                for (int k = range[0]; k < range[1]; k++) {
                    assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(actual[k - range[0]]),
                            "n = " + n + ", bin " + k + " of " + range[0] + " … " + range[1]);
                }
            }
        }
    }

    /**
     * Any rounding, every line: each bin handed to the sink exactly once, in runs of ascending bins, X_k and X_{L−k}
     * from one untangling (the mirror's twiddle rounded otherwise) within 1e−12·√n of the bins read afterwards (even
     * and odd l2, a factor 7, Nyquist).
     */
    @Test
    void everyLineOnceFromPairedUntangling() {
        // n/2 = 48 000 = 200 × 240, 2 · 24 025 = 155 × 155, 9 · 8192 = 192 × 384, 3 · 49 · 2 048 = 392 × 384
        for (int n : new int[] {96_000, 48_050, 147_456, 301_056}) {
            double[] x = noise(n);
            int bins = n / 2 + 1;
            double[] expectedRe = new double[bins];
            double[] expectedIm = new double[bins];
            new FourStepDft(x.clone(), 0, 0, (FourStepDft.LineSink) null, true).bins(0, bins, expectedRe, 0,
                    expectedIm, 0);
            double[] re = new double[bins];
            double[] im = new double[bins];
            int[] seen = new int[bins];
            new FourStepDft(x.clone(), 0, bins, (first, count, lineRe, lineIm, at) -> {
                for (int i = 0; i < count; i++) {
                    seen[first + i]++;
                    re[first + i] = lineRe[at + i];
                    im[first + i] = lineIm[at + i];
                }
            }, true);
            for (int k = 0; k < bins; k++) {
                assertEquals(1, seen[k], "n = " + n + ", bin " + k + " handed over");
                assertTrue(Math.hypot(re[k] - expectedRe[k], im[k] - expectedIm[k]) <= 1e-12 * Math.sqrt(n),
                        "n = " + n + ", bin " + k);
            }
        }
    }

    @Test
    void inverseRestoresTheSignal() {
        for (int n : new int[] {2, 480, 16_384 * 2, 96_000, 2 * 50_021}) {
            double[] x = noise(n);
            double[] signal = x.clone();
            new FourStepDft(signal).inverseInPlace();
            for (int t = 0; t < n; t++) {
                assertEquals(x[t], signal[t], 1e-13, "n = " + n + ", sample " + t);
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> new FourStepDft(new double[3]).inverseInPlace());
    }

    @Test
    void tanHalfAngleFromTheTwiddleTables() {
        int n = 3_150_000;
        FourStepDft dft = new FourStepDft(new double[n]);
        for (long j : new long[] {0, 1, 1023, 1024, 4_800, 157_500, 787_499, 1_500_000, n / 2 - 1}) {
            double expected = Math.tan(Math.PI * j / n);
            assertEquals(expected, dft.tanHalfAngle(j), 1e-13 * Math.max(1, expected * expected), "j = " + j);
        }
        assertEquals(Double.POSITIVE_INFINITY, dft.tanHalfAngle(n / 2));
    }

    /** n samples of Gaussian noise, seeded by n. */
    private static double[] noise(int n) {
        java.util.Random random = new java.util.Random(n);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = random.nextGaussian();
        }
        return x;
    }
}
