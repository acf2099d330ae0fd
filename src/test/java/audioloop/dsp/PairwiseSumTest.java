package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The expected values are what numpy 2.4 / 1.24 {@code np.sum} returns for these arrays (order-sensitive sums). */
class PairwiseSumTest {

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
