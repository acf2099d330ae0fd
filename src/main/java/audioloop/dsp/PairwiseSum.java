package audioloop.dsp;

/**
 * numpy's summation of a contiguous float64 array ({@code np.sum}, {@code np.mean}): pairwise, with blocks of
 * at most 128 values summed in eight interleaved accumulators (numpy {@code pairwise_sum_DOUBLE},
 * loops_utils.h). Reproducing its order makes sums, means and normalisations bit-identical to the references.
 */
public final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** Sum of {@code a[from] … a[from + n − 1]} in numpy's order. */
    public static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (int end = n - n % 8; i < end; i += 8) {
                int p = from + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }

    /** Sum of the whole array in numpy's order. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }
}
