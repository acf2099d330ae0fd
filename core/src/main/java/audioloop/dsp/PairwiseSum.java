package audioloop.dsp;

/**
 * numpy's summation of float64 arrays ({@code np.sum}, {@code np.mean}: {@code pairwise_sum_DOUBLE} in
 * numpy/_core/src/umath/loops_utils.h.src), reproduced to the bit: blocks of at most 128 values are summed
 * with eight interleaved accumulators, larger ranges are split in two at a multiple of 8 and the halves
 * added. Verified against numpy 2.4 for lengths 5 … 2 880 017.
 *
 * <p>The recursion only depends on the length, so a long sum can be computed in streaming form: the caller
 * produces the values block by block ({@link #blockBounds}), reduces each block with {@link #blockSum} and
 * combines the block sums with {@link #combine}, without ever holding all values.
 */
public final class PairwiseSum {
    /** numpy's PW_BLOCKSIZE: ranges up to this length are summed directly. */
    public static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private PairwiseSum() {
    }

    /** np.sum(a) for the whole array. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** np.sum(a[from : from + n]), without allocating. */
    public static double sum(double[] a, int from, int n) {
        if (n <= BLOCK) {
            return blockSum(a, from, n);
        }
        int half = split(n);
        return sum(a, from, half) + sum(a, from + half, n - half);
    }

    /**
     * Start indices of the blocks numpy's recursion reduces directly, in order, followed by n; every block is at
     * most {@link #BLOCK} long. For n = 0 the result is {0, 0}: one empty block.
     */
    public static int[] blockBounds(int n) {
        int[] bounds = new int[countBlocks(n) + 1];
        int[] next = {0};
        collectBounds(0, n, bounds, next);
        bounds[bounds.length - 1] = n;
        return bounds;
    }

    private static int countBlocks(int n) {
        if (n <= BLOCK) {
            return 1;
        }
        int half = split(n);
        return countBlocks(half) + countBlocks(n - half);
    }

    private static void collectBounds(int start, int n, int[] bounds, int[] next) {
        if (n <= BLOCK) {
            bounds[next[0]++] = start;
            return;
        }
        int half = split(n);
        collectBounds(start, half, bounds, next);
        collectBounds(start + half, n - half, bounds, next);
    }

    /** n/2 rounded down to a multiple of 8, as numpy splits. */
    static int split(int n) {
        int half = n / 2;
        return half - half % UNROLL;
    }

    /** Sum of a[from … from+n) for n ≤ {@link #BLOCK}, numpy's direct case. */
    public static double blockSum(double[] a, int from, int n) {
        if (n < UNROLL) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        double r0 = a[from];
        double r1 = a[from + 1];
        double r2 = a[from + 2];
        double r3 = a[from + 3];
        double r4 = a[from + 4];
        double r5 = a[from + 5];
        double r6 = a[from + 6];
        double r7 = a[from + 7];
        int i = UNROLL;
        for (; i < n - n % UNROLL; i += UNROLL) {
            r0 += a[from + i];
            r1 += a[from + i + 1];
            r2 += a[from + i + 2];
            r3 += a[from + i + 3];
            r4 += a[from + i + 4];
            r5 += a[from + i + 5];
            r6 += a[from + i + 6];
            r7 += a[from + i + 7];
        }
        double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        for (; i < n; i++) {
            res += a[from + i];
        }
        return res;
    }

    /** The sum of n values from their block sums (in {@link #blockBounds} order), added as numpy's recursion does. */
    public static double combine(int n, double[] blockSums) {
        int[] next = {0};
        double total = combine(n, blockSums, next);
        if (next[0] != blockSums.length) {
            throw new IllegalArgumentException("expected " + next[0] + " block sums for n = " + n + ", got " + blockSums.length);
        }
        return total;
    }

    private static double combine(int n, double[] blockSums, int[] next) {
        if (n <= BLOCK) {
            return blockSums[next[0]++];
        }
        int half = split(n);
        double left = combine(half, blockSums, next);
        return left + combine(n - half, blockSums, next);
    }
}
