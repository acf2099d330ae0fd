package audioloop.pipeline;

import java.util.Arrays;

/**
 * A frame-by-row pattern (N′(z, t), the mel spectrogram) reduced for drawing as it is computed: the frames are
 * split into at most {@code maxColumns} runs of consecutive frames (lengths differing by at most one), and each run
 * keeps the maximum of every row. A figure is at most a couple of thousand pixels wide, so an hour of 2 ms loudness
 * frames (1.8 M × 240 values) is held as 2000 × 240, and a peak shorter than a column still shows. The maximum is
 * exact and order-free, so the columns are the same for any order of the frames and any thread count.
 *
 * <p>Frames may arrive concurrently from several threads (as {@code SpecificLoudnessSink} delivers them): each
 * column is updated under its own lock.
 */
public final class ColumnMaxPool {
    private final int frames;
    private final double[][] columns;

    /**
     * @param frames     frames the pattern will have (known from the signal's length before it is read)
     * @param rows       values per frame
     * @param maxColumns most columns to keep
     */
    public ColumnMaxPool(int frames, int rows, int maxColumns) {
        if (frames < 0 || rows < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("frames " + frames + ", rows " + rows + ", columns " + maxColumns);
        }
        this.frames = frames;
        columns = new double[Math.min(frames, maxColumns)][rows];
        for (double[] column : columns) {
            Arrays.fill(column, Double.NEGATIVE_INFINITY);
        }
    }

    /** Takes frame {@code frame}'s values (the array is not kept). */
    public void accept(int frame, double[] values) {
        double[] column = columns[(int) ((long) frame * columns.length / frames)];
        synchronized (column) {
            for (int r = 0; r < column.length; r++) {
                column[r] = Math.max(column[r], values[r]);
            }
        }
    }

    /** The first frame of column {@code column} (column {@code columns().length} gives the frame count). */
    public int firstFrame(int column) {
        return (int) (((long) column * frames + columns.length - 1) / columns.length);
    }

    public int frames() {
        return frames;
    }

    /** {@code [column][row]}, the maximum of each row over the column's frames; read once every frame is in. */
    public double[][] columns() {
        return columns;
    }
}
