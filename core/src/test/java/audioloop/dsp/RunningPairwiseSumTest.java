package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RunningPairwiseSumTest {
    /** Pieces of any size give PairwiseSum.sum of the whole, bit for bit (values of mixed magnitude, so order shows). */
    @Test
    void piecesOfAnySizeGiveTheWholeSum() {
        Random random = new Random(5);
        for (int n : new int[] {0, 1, 7, 128, 129, 1000, 4097, 1_234_567}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12));
            }
            double expected = PairwiseSum.sum(v);
            for (int piece : new int[] {1, 3, 128, 1000, 65_537, Math.max(1, n)}) {
                RunningPairwiseSum sum = new RunningPairwiseSum(n);
                for (int from = 0; from < n; from += piece) {
                    sum.add(v, from, Math.min(piece, n - from));
                }
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(sum.sum()),
                        "n " + n + ", pieces of " + piece);
            }
        }
    }

    @Test
    void countIsEnforced() {
        RunningPairwiseSum sum = new RunningPairwiseSum(3);
        sum.add(new double[2], 0, 2);
        assertThrows(IllegalStateException.class, sum::sum);
        assertThrows(IllegalArgumentException.class, () -> sum.add(new double[2], 0, 2));
    }
}
