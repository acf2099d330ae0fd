package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * numpy's pairwise sums ({@link PairwiseSum}) of several rows at once, over n values fed one column at a time in
 * order, holding only the current block of each row: {@code sums()[r]} equals {@code PairwiseSum.sum} of row r.
 * For statistics over every frame of a file too long to keep its {@code [frame][128]} mel spectrogram.
 */
final class PairwiseColumns {
    private final int n;
    private final int[] bounds;
    private final double[][] block;
    private final double[][] blockSums;
    private int fed;
    private int blockIndex;

    PairwiseColumns(int rows, int n) {
        this.n = n;
        this.bounds = PairwiseSum.blockBounds(n);
        this.block = new double[rows][PairwiseSum.BLOCK];
        this.blockSums = new double[rows][bounds.length - 1];
    }

    /** The next column: value {@code column[r]} of every row r. */
    void add(double[] column) {
        int offset = fed - bounds[blockIndex];
        for (int r = 0; r < block.length; r++) {
            block[r][offset] = column[r];
        }
        fed++;
        if (fed == bounds[blockIndex + 1]) {
            for (int r = 0; r < block.length; r++) {
                blockSums[r][blockIndex] = PairwiseSum.blockSum(block[r], 0, offset + 1);
            }
            blockIndex++;
        }
    }

    /** The sum of each row, once all n columns were added. */
    double[] sums() {
        if (fed != n) {
            throw new IllegalStateException(fed + " of " + n + " columns added");
        }
        double[] sums = new double[block.length];
        for (int r = 0; r < sums.length; r++) {
            sums[r] = PairwiseSum.combine(n, blockSums[r]);
        }
        return sums;
    }
}
