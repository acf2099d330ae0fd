package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairwiseSumTest {
    /** a[i] = ±((7919·i) mod 1009)/7 + 0.1·i: every term is correctly rounded, so Java and numpy see the same values. */
    private static double[] sequence(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((i * 7919L) % 1009) / 7.0 * (i % 2 == 1 ? 1.0 : -1.0) + 0.1 * i;
        }
        return a;
    }

    @Test
    void reproducesNumpySumToTheBit() {
        // np.sum(a) printed by numpy 2.4.6; a plain left-to-right sum gives 50264.571428571406 and 500025276.44285643
        assertEquals(50264.571428571435, PairwiseSum.sum(sequence(1000)));
        assertEquals(500025276.44285715, PairwiseSum.sum(sequence(100003)));
        double naive = 0;
        for (double v : sequence(1000)) {
            naive += v;
        }
        assertNotEquals(naive, PairwiseSum.sum(sequence(1000)), "the test sequence must tell the two orders apart");
    }

    @Test
    void blocksTileTheRangeAndCombineToTheSum() {
        for (int n : new int[] {0, 1, 7, 8, 128, 129, 1000, 4097, 100003}) {
            int[] bounds = PairwiseSum.blockBounds(n);
            assertEquals(0, bounds[0]);
            assertEquals(n, bounds[bounds.length - 1]);
            double[] a = sequence(n);
            double[] blockSums = new double[bounds.length - 1];
            for (int b = 0; b < blockSums.length; b++) {
                int length = bounds[b + 1] - bounds[b];
                assertTrue(length <= PairwiseSum.BLOCK && (length > 0 || n == 0), "block " + b + " of n = " + n);
                blockSums[b] = PairwiseSum.blockSum(a, bounds[b], length);
            }
            assertEquals(PairwiseSum.sum(a), PairwiseSum.combine(n, blockSums), "n = " + n);
        }
    }

    @Test
    void shortRangesAddLeftToRight() {
        double[] a = {1e16, 1.0, 1.0, -1e16, 3.0};
        assertEquals(((((1e16 + 1.0) + 1.0) - 1e16) + 3.0), PairwiseSum.sum(a));
    }

    @Test
    void eightAccumulatorsWithinABlock() {
        double[] a = new double[9];
        Arrays.fill(a, 1.0);
        a[0] = 1e16;
        a[8] = -1e16;
        // Sequential summation loses every 1 (0.0); numpy's eight partial sums keep six of them.
        assertEquals(6.0, PairwiseSum.sum(a));
    }

    @Test
    void recursiveSplitAboveOneHundredTwentyEight() {
        double[] a = new double[202];
        Arrays.fill(a, 1.0);
        a[0] = 1e16;
        a[201] = -1e16;
        assertEquals(188.0, PairwiseSum.sum(a));
    }

    @Test
    void shortAndEmptyRangesAreSequential() {
        assertEquals(0.0, PairwiseSum.sum(new double[0]));
        // ((0 + 0.1) + 0.2) + 0.3, as np.sum([0.1, 0.2, 0.3])
        assertEquals(0.6000000000000001, PairwiseSum.sum(new double[] {9.0, 0.1, 0.2, 0.3}, 1, 3));
    }
}
