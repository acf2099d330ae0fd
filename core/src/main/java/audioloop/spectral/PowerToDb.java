package audioloop.spectral;

/**
 * librosa {@code power_to_db} with its defaults (notes/librosa.md §10): 10·log10(max(amin, x)) with
 * ref = 1.0 and amin = 1e-10, then floored at (maximum over the whole matrix) − top_db. The floor is global,
 * so callers pass every band of every frame of the file at once.
 */
public final class PowerToDb {
    public static final double AMIN = 1e-10;
    public static final double TOP_DB = 80.0;

    private PowerToDb() {
    }

    /** Converts in place, returning the same array: {@code values[frame][band]}. */
    public static double[][] inPlace(double[][] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            max = Math.max(max, unfloored(row));
        }
        double floor = floor(max);
        for (double[] row : values) {
            applyFloor(row, floor);
        }
        return values;
    }

    /**
     * The first half for one row, in place: 10·log10(max(amin, x)). Returns the row's largest dB value; the
     * floor is {@link #floor} of the largest over the whole matrix (a maximum, so in any order of the rows).
     */
    public static double unfloored(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < row.length; i++) {
            row[i] = 10.0 * Math.log10(Math.max(AMIN, row[i]));
            max = Math.max(max, row[i]);
        }
        return max;
    }

    /** The floor for a matrix whose largest dB value is maxDb: maxDb − top_db. */
    public static double floor(double maxDb) {
        return maxDb - TOP_DB;
    }

    /** The second half for one row of {@link #unfloored} values, in place. */
    public static void applyFloor(double[] row, double floor) {
        for (int i = 0; i < row.length; i++) {
            row[i] = Math.max(row[i], floor);
        }
    }
}
