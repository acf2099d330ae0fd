package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/** The FFTPACK passes give JTransforms' mixed-radix results to the bit (the tonality's parity depends on it). */
class MixedRadixFftTest {
    @Test
    void bitForBitJTransformsAtAnOffset() {
        for (int n : new int[] {3, 5, 6, 10, 12, 15, 18, 24, 45, 96, 100, 375, 1200, 1875, 2250, 5625, 6000, 24_000}) {
            Random random = new Random(n);
            int offset = 6;
            double[] expected = new double[2 * n + offset + 3];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = random.nextGaussian();
            }
            double[] actual = expected.clone();
            Fft.plan(n).complexForward(expected, offset);
            MixedRadixFft fft = new MixedRadixFft(n);
            fft.forward(actual, offset);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                        "n = " + n + ", position " + i + ": " + expected[i] + " vs " + actual[i]);
            }
            // the work array is reused: a second call gives the same bits again
            double[] again = new double[2 * n];
            double[] reference = new double[2 * n];
            for (int i = 0; i < again.length; i++) {
                again[i] = random.nextDouble();
            }
            System.arraycopy(again, 0, reference, 0, again.length);
            new DoubleFFT_1D(n).complexForward(reference);
            fft.forward(again, 0);
            for (int i = 0; i < again.length; i++) {
                assertEquals(Double.doubleToLongBits(reference[i]), Double.doubleToLongBits(again[i]), "n = " + n);
            }
        }
    }

    @Test
    void supportsOnlyWhatJTransformsDoesByMixedRadix() {
        assertTrue(MixedRadixFft.supports(1200));
        assertTrue(MixedRadixFft.supports(3));
        assertFalse(MixedRadixFft.supports(1024)); // split radix there
        assertFalse(MixedRadixFft.supports(1));
        assertFalse(MixedRadixFft.supports(7 * 16));
        assertFalse(MixedRadixFft.supports(20_011));
    }

    /** The own radix-7 pass (lengths with factors 7, for callers that need no JTransforms bits): the DFT to rounding. */
    @Test
    void radixSevenIsTheDftToRounding() {
        for (int n : new int[] {7, 14, 49, 70, 252, 1260, 1470, 7 * 7 * 60}) {
            Random random = new Random(n);
            double[] expected = new double[2 * n];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = random.nextGaussian();
            }
            double[] actual = expected.clone();
            Fft.plan(n).complexForward(expected);
            assertTrue(MixedRadixFft.supports(n, true));
            new MixedRadixFft(n, true).forward(actual, 0);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst <= 1e-12 * Math.sqrt(n), "n = " + n + ": " + worst);
        }
        assertFalse(MixedRadixFft.supports(7 * 11, true));
    }
}
