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
            for (int i = 0; i < row.length; i++) {
                row[i] = 10.0 * Math.log10(Math.max(AMIN, row[i]));
                max = Math.max(max, row[i]);
            }
        }
        double floor = max - TOP_DB;
        for (double[] row : values) {
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.max(row[i], floor);
            }
        }
        return values;
    }
}
