package audioloop.loudness;

/**
 * Specific loudness N′(z) on z = 0.1 … 24.0 Bark (step 0.1) and total loudness N from the 21 core loudness
 * values: the upper slopes of ISO 532-1:2017 A.4 ({@code f_calc_slopes}) as MoSQITo 1.2.1 {@code _calc_slopes}
 * computes them. MoSQITo's procedure differs from the ISO C code (no ZUP + 0.0001 offset, at most one new slope
 * segment per 0.1-Bark grid point, an unfinished segment carried into the next band; notes/mosqito.md §6.6);
 * this class replicates MoSQITo, following the loop restatement {@code oracle/scalar_spec.py:calc_slopes},
 * including its comparisons of values rounded to 8 decimals ({@code _get_rns_index}).
 *
 * <p>Stateless and allocation-free: safe to call from any number of tasks at once.
 */
public final class SpecificLoudnessSlopes {
    /** Number of critical-band-rate grid points, z = 0.1 … 24.0 Bark. */
    public static final int BARK_POINTS = 240;
    /** Grid step, Bark. */
    public static final double BARK_STEP = 0.1;

    /** ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, zup: upper limits of the critical bands, Bark. */
    static final double[] BAND_UPPER_BARK = {
        0.9, 1.8, 2.8, 3.5, 4.4, 5.4, 6.6, 7.9, 9.2, 10.6, 12.3, 13.8, 15.2, 16.7, 18.1, 19.3, 20.6, 21.8, 22.7,
        23.6, 24};

    /** MoSQITo's zup_ea = int32(10·zup): the grid row after each band's last row (exact: 9, 18, … 240). */
    private static final int[] BAND_END_ROW = new int[BAND_UPPER_BARK.length];

    /** ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, rns: specific loudness ranges of the slopes. */
    static final double[] RANGE_LOUDNESS = {
        21.5, 18, 15.1, 11.5, 9, 6.1, 4.4, 3.1, 2.13, 1.36, 0.82, 0.42, 0.30, 0.22, 0.15, 0.10, 0.035, 0};

    /** {@link #RANGE_LOUDNESS} in units of 1e-8, rounded ({@link #scaled8}), as {@code _get_rns_index} compares them. */
    private static final double[] RANGE_LOUDNESS_SCALED = new double[RANGE_LOUDNESS.length];

    /**
     * ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, usl: upper slope steepness (sone/Bark per Bark) per
     * loudness range (rows) and critical-band group (columns); groups beyond the 8th use the last column.
     */
    static final double[][] UPPER_SLOPE = {
        {13, 8.2, 6.3, 5.5, 5.5, 5.5, 5.5, 5.5},
        {9, 7.5, 6, 5.1, 4.5, 4.5, 4.5, 4.5},
        {7.8, 6.7, 5.6, 4.9, 4.4, 3.9, 3.9, 3.9},
        {6.2, 5.4, 4.6, 4.0, 3.5, 3.2, 3.2, 3.2},
        {4.5, 3.8, 3.6, 3.2, 2.9, 2.7, 2.7, 2.7},
        {3.7, 3.0, 2.8, 2.35, 2.2, 2.2, 2.2, 2.2},
        {2.9, 2.3, 2.1, 1.9, 1.8, 1.7, 1.7, 1.7},
        {2.4, 1.7, 1.5, 1.35, 1.3, 1.3, 1.3, 1.3},
        {1.95, 1.45, 1.3, 1.15, 1.1, 1.1, 1.1, 1.1},
        {1.5, 1.2, 0.94, 0.86, 0.82, 0.82, 0.82, 0.82},
        {0.72, 0.67, 0.64, 0.63, 0.62, 0.62, 0.62, 0.62},
        {0.59, 0.53, 0.51, 0.50, 0.42, 0.42, 0.42, 0.42},
        {0.40, 0.33, 0.26, 0.24, 0.24, 0.22, 0.22, 0.22},
        {0.27, 0.21, 0.20, 0.18, 0.17, 0.17, 0.17, 0.17},
        {0.16, 0.15, 0.14, 0.12, 0.11, 0.11, 0.11, 0.11},
        {0.12, 0.11, 0.10, 0.08, 0.08, 0.08, 0.08, 0.08},
        {0.09, 0.08, 0.07, 0.06, 0.06, 0.06, 0.06, 0.05},
        {0.06, 0.05, 0.03, 0.02, 0.02, 0.02, 0.02, 0.02},
    };

    private static final int LAST_RANGE = RANGE_LOUDNESS.length - 1;

    /**
     * z of each grid row from band 1 on, as the slope loop of MoSQITo (and scalar_spec) steps it: from the band
     * below's upper limit + 0.1, adding 0.1 per row; and its {@link #scaled8} value. Fixed per row, so tabled
     * once instead of re-added and re-rounded for every 0.5 ms step.
     */
    private static final double[] ROW_BARK = new double[BARK_POINTS];
    private static final double[] ROW_BARK_SCALED = new double[BARK_POINTS];

    static {
        for (int i = 0; i < BAND_UPPER_BARK.length; i++) {
            BAND_END_ROW[i] = (int) (BAND_UPPER_BARK[i] * 10);
        }
        for (int i = 1; i < BAND_UPPER_BARK.length; i++) {
            double z = BAND_UPPER_BARK[i - 1] + BARK_STEP;
            for (int r = BAND_END_ROW[i - 1]; r < BAND_END_ROW[i]; r++) {
                ROW_BARK[r] = z;
                ROW_BARK_SCALED[r] = scaled8(z);
                z += BARK_STEP;
            }
        }
        for (int j = 0; j < RANGE_LOUDNESS.length; j++) {
            RANGE_LOUDNESS_SCALED[j] = scaled8(RANGE_LOUDNESS[j]);
        }
    }

    private SpecificLoudnessSlopes() {
    }

    /**
     * Specific loudness of the 21 core loudness values into {@code specificLoudnessOut} (240 values,
     * sone/Bark, element k at z = 0.1·(k+1) Bark); returns the total loudness N in sone, rounded as MoSQITo
     * rounds it ({@link #roundTotalLoudness}).
     *
     * <p>MoSQITo (and scalar_spec.calc_slopes) keeps the current segment's end point (z2, n2), range value and
     * steepness in per-row arrays, fills all four for every row first and copies them from row to row. Only the
     * values at a band's last row are ever read again (by the next band), so here the current segment is held in
     * scalars and each band hands its last row's n2 and range value to the next: the same operations in the same
     * order, without the 4 × 240 array writes per frame (slopes + sharpness moment 0.18 → 0.13 s CPU per minute
     * of audio).
     */
    public static double compute(double[] coreLoudness, double[] specificLoudnessOut) {
        double[] ns = specificLoudnessOut;
        int bands = BAND_UPPER_BARK.length;
        // Band 0 reads the row before its first through MoSQITo's index -1, the last row, still in its
        // initial state: flat at the last band's core loudness.
        double lastRowLoudness = coreLoudness[bands - 1];
        // The last row's range value; NaN stands for RANGE_LOUDNESS[rangeBelow(lastRowLoudness)], which the
        // next band computes anyway if (and only if) it is masked, so it is not looked up in advance. With the
        // row tables this measured 0.22 → 0.14 s per minute of audio (120 000 calls; median of 5 JVMs, each
        // the median of 10 passes, on a loaded machine).
        double lastRowRange = Double.NaN;
        double total = 0;
        double n1 = 0;
        double z1 = 0;
        for (int i = 0; i < bands; i++) {
            double nm = coreLoudness[i];
            double bandTop = BAND_UPPER_BARK[i];
            // Initial value of the band's rows (the last band contributes 0 to N′).
            double flat = i < bands - 1 ? nm : 0.0;
            int first = i == 0 ? 0 : BAND_END_ROW[i - 1];
            int last = BAND_END_ROW[i] - 1;
            int group = i == 0 ? bands - 1 : i - 1;
            boolean masked = scaled8(lastRowLoudness) > scaled8(nm);
            if (!masked) {
                // The band lies entirely at its own core loudness.
                total += nm * (bandTop - z1);
                n1 = nm;
                z1 = bandTop;
                fill(ns, first, last + 1, flat);
                lastRowLoudness = nm;
                lastRowRange = Double.NaN;
                continue;
            }
            // The falling slope of the band below continues into this band: segment from (z1, n1) to (z2, n2).
            int k = rangeBelow(lastRowLoudness);
            double slope = upperSlope(k, group);
            double range = RANGE_LOUDNESS[k];
            double floor = Math.max(Double.isNaN(lastRowRange) ? range : lastRowRange, nm);
            double z2 = Math.min((n1 - floor) / slope + z1, bandTop);
            double z2Scaled = scaled8(z2);
            double n2 = n1 - (z2 - z1) * slope;
            total += (z2 - z1) * (n1 + n2) / 2;
            boolean newSegment = false;
            int r = first;
            for (; r <= last; r++) {
                // A grid point at or after the current segment's end starts (at most) one new segment.
                double z = ROW_BARK[r];
                newSegment = z2Scaled <= ROW_BARK_SCALED[r];
                if (newSegment) {
                    int kk = rangeAtOrBelow(n2);
                    range = RANGE_LOUDNESS[kk];
                    slope = upperSlope(kk, group);
                    n1 = n2;
                    z1 = z2;
                    if (scaled8(n1) <= scaled8(nm)) {
                        // The slope has reached the band's core loudness: flat up to the band's upper limit.
                        n2 = nm;
                        z2 = bandTop;
                        total += nm * (bandTop - z1);
                        masked = false;
                        ns[r] = flat;
                    } else {
                        double segmentFloor = Math.max(range, nm);
                        z2 = Math.min((n1 - segmentFloor) / slope + z1, bandTop);
                        z2Scaled = scaled8(z2);
                        n2 = n1 - (z2 - z1) * slope;
                        total += (z2 - z1) * (n1 + n2) / 2;
                        // MoSQITo evaluates the new line at z even where z lies beyond its end z2 (§6.6).
                        ns[r] = n1 - (z - z1) * slope;
                    }
                } else {
                    ns[r] = n1 - (z - z1) * slope;
                }
                z1 = z2;
                n1 = n2;
                if (!masked) {
                    break;
                }
            }
            if (r < last) {
                // Rows after the break keep their initial state, flat at nm up to the band's upper limit.
                fill(ns, r + 1, last + 1, flat);
                lastRowLoudness = nm;
                lastRowRange = Double.NaN;
            } else {
                lastRowLoudness = n2;
                lastRowRange = newSegment ? RANGE_LOUDNESS[rangeAtOrBelow(n2)] : range;
            }
        }
        return roundTotalLoudness(total);
    }

    private static void fill(double[] values, int from, int to, double value) {
        for (int r = from; r < to; r++) {
            values[r] = value;
        }
    }

    /**
     * MoSQITo's rounding of total loudness (notes/mosqito.md §6.18): negative → 0; N ≤ 16 sone to 3 decimals,
     * above to 2 decimals, as floor(N·10^d + 0.5)/10^d.
     */
    public static double roundTotalLoudness(double loudnessSone) {
        double n = loudnessSone < 0 ? 0.0 : loudnessSone;
        return n <= 16 ? Math.floor(n * 1000 + 0.5) / 1000 : Math.floor(n * 100 + 0.5) / 100;
    }

    /**
     * rint(x·10⁸): MoSQITo compares numpy.round(x, 8) = rint(x·10⁸)/10⁸. The division is left out: it is
     * monotonic and, for the magnitudes here (|x| &lt; 10⁶), maps distinct integers to distinct doubles, so every
     * comparison comes out the same.
     */
    private static double scaled8(double x) {
        return Math.rint(x * 1e8);
    }

    /** {@code _get_rns_index(x)}: number of range values above x (8-decimal comparison), at most 17. */
    private static int rangeBelow(double x) {
        double xr = scaled8(x);
        int k = 0;
        while (k < LAST_RANGE && xr < RANGE_LOUDNESS_SCALED[k]) {
            k++;
        }
        return k;
    }

    /** {@code _get_rns_index(x, equal_too=True)}: number of range values at or above x, at most 17. */
    private static int rangeAtOrBelow(double x) {
        double xr = scaled8(x);
        int k = 0;
        while (k < LAST_RANGE && xr <= RANGE_LOUDNESS_SCALED[k]) {
            k++;
        }
        return k;
    }

    private static double upperSlope(int range, int group) {
        return UPPER_SLOPE[range][Math.min(group, UPPER_SLOPE[range].length - 1)];
    }
}
