package audioloop.dsp;

/**
 * numpy's pairwise sum ({@link PairwiseSum}) of n values that arrive in pieces of any size, without holding them:
 * the recursion only depends on n, so it is walked as the values come. A stack holds the open nodes of the
 * recursion (one per level, about log2(n/128)); the current leaf block (≤ 128 values) is reduced with {@link
 * PairwiseSum#blockSum} as soon as it is complete, and the finished halves are added as the recursion adds them.
 * The result is {@code PairwiseSum.sum} of the concatenated values, bit for bit.
 */
public final class RunningPairwiseSum {
    /** Enough levels for any int n: each level at least halves the length. */
    private static final int MAX_DEPTH = 32;

    private final int[] lengths = new int[MAX_DEPTH];
    private final double[] leftSums = new double[MAX_DEPTH];
    private final boolean[] inRight = new boolean[MAX_DEPTH];
    private int depth;
    private final double[] leaf = new double[PairwiseSum.BLOCK];
    private int leafLength;
    private int leafFill;
    private final int count;
    private int added;
    private double total;

    /** @param count how many values will be added, n */
    public RunningPairwiseSum(int count) {
        this.count = count;
        push(count);
        descend();
    }

    /** Adds v[from … from+length); at most n values in all. */
    public void add(double[] v, int from, int length) {
        if (length > count - added) {
            throw new IllegalArgumentException("more than the " + count + " values announced");
        }
        added += length;
        while (length > 0) {
            if (leafFill == 0 && length >= leafLength) {
                // The whole leaf block is in v: reduce it in place.
                double s = PairwiseSum.blockSum(v, from, leafLength);
                from += leafLength;
                length -= leafLength;
                leafDone(s);
                continue;
            }
            int take = Math.min(length, leafLength - leafFill);
            System.arraycopy(v, from, leaf, leafFill, take);
            leafFill += take;
            from += take;
            length -= take;
            if (leafFill == leafLength) {
                leafDone(PairwiseSum.blockSum(leaf, 0, leafLength));
            }
        }
    }

    /** The sum of all n values, {@code PairwiseSum.sum}; n must have been added. */
    public double sum() {
        if (added != count) {
            throw new IllegalStateException(added + " of " + count + " values added");
        }
        return total;
    }

    private void push(int length) {
        lengths[depth] = length;
        inRight[depth] = false;
        depth++;
    }

    /** Opens left halves down to the next leaf block (numpy: ranges of at most 128 values are summed directly). */
    private void descend() {
        while (lengths[depth - 1] > PairwiseSum.BLOCK) {
            push(PairwiseSum.split(lengths[depth - 1]));
        }
        leafLength = lengths[depth - 1];
        leafFill = 0;
    }

    /** A leaf's sum: completes the nodes whose right half it ends, and opens the next right half. */
    private void leafDone(double sum) {
        depth--;
        while (depth > 0) {
            int top = depth - 1;
            if (!inRight[top]) {
                leftSums[top] = sum;
                inRight[top] = true;
                push(lengths[top] - PairwiseSum.split(lengths[top]));
                descend();
                return;
            }
            sum = leftSums[top] + sum;
            depth--;
        }
        total = sum;
        leafLength = 0;
    }
}
