package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import audioloop.Blocks;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZeroPhaseDecimatorTest {
    private static final int[] FACTORS = {2, 3, 4, 5, 7, 8, 10};

    /**
     * Noise, tones, clicks, a loud stretch and digital silence over 11 s (several warmed-up backward stretches):
     * fed in odd blocks, every factor's decimated signal is decimateEach's, bit for bit.
     */
    @Test
    void streamInOddBlocksEqualsDecimate() {
        Random random = new Random(11);
        double[] x = new double[11 * 48_000 + 17];
        for (int i = 0; i < x.length; i++) {
            double t = i / 48_000.0;
            x[i] = t > 7 && t < 8 ? 0.0
                    : random.nextGaussian() * (t > 3 && t < 5 ? 100 : 0.01) + Math.sin(2 * Math.PI * 97 * t)
                    + (i % 30_011 == 0 ? 50 : 0);
        }
        double[][] expected = ScipyFiltering.decimateEach(x, FACTORS);
        for (int[] blocks : new int[][] {{x.length}, {1000}, {48_001}, {7, 0, 27, 300_001}}) {
            assertArrayEquals(expected, streamed(x, blocks), Arrays.toString(blocks));
        }
    }

    /**
     * Lengths at which a stretch becomes complete only with the back extension (edge = 27 samples added in finish),
     * or exactly with the last input sample: the stretch's warmed-up pass then runs inside finish, before the pass
     * from the true end, and the result is still decimate's, bit for bit.
     */
    @Test
    void stretchCompletedAtTheEndOfTheSignal() {
        int edge = 27;
        int threshold = ZeroPhaseDecimator.STRETCH + ZeroPhaseDecimator.WARM_UP;
        Random random = new Random(5);
        for (int length : new int[] {threshold - 2 * edge + 1, threshold - edge - 1, threshold - edge}) {
            double[] x = new double[length];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() + Math.sin(2 * Math.PI * 440 * i / 48_000.0);
            }
            double[][] expected = ScipyFiltering.decimateEach(x, FACTORS);
            for (int[] blocks : new int[][] {{x.length}, {ZeroPhaseDecimator.CHUNK - 1}}) {
                assertArrayEquals(expected, streamed(x, blocks), length + " samples in blocks " + Arrays.toString(blocks));
            }
        }
    }

    @Test
    void shortSignalsRunFromTheTrueEnd() {
        double[] x = new double[28];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        assertArrayEquals(ScipyFiltering.decimateEach(x, FACTORS), streamed(x, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> streamed(new double[27], new int[] {27}));
    }

    private static double[][] streamed(double[] x, int[] blocks) {
        double[][] out = new double[FACTORS.length][0];
        ZeroPhaseDecimator decimator = new ZeroPhaseDecimator((index, values, from, length) -> {
            int old = out[index].length;
            out[index] = Arrays.copyOf(out[index], old + length);
            System.arraycopy(values, from, out[index], old, length);
        }, FACTORS);
        Blocks.feed(x.length, blocks, (from, length) -> decimator.accept(x, from, length));
        decimator.finish();
        for (int c = 0; c < FACTORS.length; c++) {
            assertEquals((x.length + FACTORS[c] - 1) / FACTORS[c], out[c].length);
        }
        return out;
    }
}
