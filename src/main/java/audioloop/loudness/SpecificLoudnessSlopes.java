package audioloop.loudness;

/**
 * Specific loudness N′(z) on z = 0.1 … 24.0 Bark (step 0.1) and total loudness N from the 21 core loudness
 * values: the upper slopes of ISO 532-1:2017 A.4 ({@code f_calc_slopes}) as MoSQITo 1.2.1 {@code _calc_slopes}
 * computes them. MoSQITo's procedure differs from the ISO C code (no ZUP + 0.0001 offset, at most one new slope
 * segment per 0.1-Bark grid point, an unfinished segment carried into the next band; notes/mosqito.md §6.6);
 * this class replicates MoSQITo, following the loop restatement {@code oracle/scalar_spec.py:calc_slopes},
 * including its comparisons of values rounded to 8 decimals ({@code _get_rns_index}).
 *
 * <p>An instance holds the per-grid-point work arrays: it is not thread-safe, use one per task. Calls do not
 * allocate.
 */
public final class SpecificLoudnessSlopes {
    /** Number of critical-band-rate grid points, z = 0.1 … 24.0 Bark. */
    public static final int BARK_POINTS = 240;
    /** Grid step, Bark. */
    public static final double BARK_STEP = 0.1;

    /** ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, zup: upper limits of the critical bands, Bark. */
    private static final double[] BAND_UPPER_BARK = {
        0.9, 1.8, 2.8, 3.5, 4.4, 5.4, 6.6, 7.9, 9.2, 10.6, 12.3, 13.8, 15.2, 16.7, 18.1, 19.3, 20.6, 21.8, 22.7,
        23.6, 24};

    /** MoSQITo's zup_ea = int32(10·zup): the grid row after each band's last row (exact: 9, 18, … 240). */
    private static final int[] BAND_END_ROW = new int[BAND_UPPER_BARK.length];

    /** ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, rns: specific loudness ranges of the slopes. */
    private static final double[] RANGE_LOUDNESS = {
        21.5, 18, 15.1, 11.5, 9, 6.1, 4.4, 3.1, 2.13, 1.36, 0.82, 0.42, 0.30, 0.22, 0.15, 0.10, 0.035, 0};

    /** {@link #RANGE_LOUDNESS} in units of 1e-8, rounded ({@link #scaled8}), as {@code _get_rns_index} compares them. */
    private static final double[] RANGE_LOUDNESS_SCALED = new double[RANGE_LOUDNESS.length];

    /**
     * ISO 532-1:2017 A.4 / MoSQITo 1.2.1 _calc_slopes.py, usl: upper slope steepness (sone/Bark per Bark) per
     * loudness range (rows) and critical-band group (columns); groups beyond the 8th use the last column.
     */
    private static final double[][] UPPER_SLOPE = {
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

    static {
        for (int i = 0; i < BAND_UPPER_BARK.length; i++) {
            BAND_END_ROW[i] = (int) (BAND_UPPER_BARK[i] * 10);
        }
        for (int j = 0; j < RANGE_LOUDNESS.length; j++) {
            RANGE_LOUDNESS_SCALED[j] = scaled8(RANGE_LOUDNESS[j]);
        }
    }

    // Per grid row: end point (z2, n2) of the slope segment current at that row, its steepness and range value.
    private final double[] segmentEndLoudness = new double[BARK_POINTS];
    private final double[] segmentEndBark = new double[BARK_POINTS];
    private final double[] segmentRange = new double[BARK_POINTS];
    private final double[] segmentSlope = new double[BARK_POINTS];

    /**
     * Specific loudness of the 21 core loudness values into {@code specificLoudnessOut} (240 values,
     * sone/Bark, element k at z = 0.1·(k+1) Bark); returns the total loudness N in sone, rounded as MoSQITo
     * rounds it ({@link #roundTotalLoudness}).
     */
    public double compute(double[] coreLoudness, double[] specificLoudnessOut) {
        double[] n2 = segmentEndLoudness;
        double[] z2 = segmentEndBark;
        double[] rns = segmentRange;
        double[] usl = segmentSlope;
        double[] ns = specificLoudnessOut;
        int bands = BAND_UPPER_BARK.length;
        // Initial state of every row: flat at its band's core loudness (the last band contributes 0 to N′).
        for (int i = 0; i < bands; i++) {
            int from = i == 0 ? 0 : BAND_END_ROW[i - 1];
            int to = BAND_END_ROW[i];
            double nm = coreLoudness[i];
            int k = rangeBelow(nm);
            double rangeValue = RANGE_LOUDNESS[k];
            double slope = upperSlope(k, i);
            for (int r = from; r < to; r++) {
                n2[r] = nm;
                z2[r] = BAND_UPPER_BARK[i];
                rns[r] = rangeValue;
                usl[r] = slope;
                ns[r] = i < bands - 1 ? nm : 0.0;
            }
        }
        double total = 0;
        double n1 = 0;
        double z1 = 0;
        for (int i = 0; i < bands; i++) {
            double nm = coreLoudness[i];
            int first = i == 0 ? 0 : BAND_END_ROW[i - 1];
            int last = BAND_END_ROW[i] - 1;
            // Row before the band's first row; for band 0 MoSQITo's index -1 wraps to the last row.
            int previous = first == 0 ? BARK_POINTS - 1 : first - 1;
            int group = i == 0 ? bands - 1 : i - 1;
            int k = rangeBelow(n2[previous]);
            rns[first] = RANGE_LOUDNESS[k];
            usl[first] = upperSlope(k, group);
            boolean masked = scaled8(n2[previous]) > scaled8(nm);
            if (!masked) {
                // The band lies entirely at its own core loudness.
                total += nm * (BAND_UPPER_BARK[i] - z1);
                n1 = nm;
                z1 = BAND_UPPER_BARK[i];
                continue;
            }
            // The falling slope of the band below continues into this band.
            double floor = Math.max(rns[previous], nm);
            z2[first] = Math.min((n1 - floor) / usl[first] + z1, BAND_UPPER_BARK[i]);
            n2[first] = n1 - (z2[first] - z1) * usl[first];
            total += (z2[first] - z1) * (n1 + n2[first]) / 2;
            double z = BAND_UPPER_BARK[i - 1] + BARK_STEP;
            boolean newSegment = false;
            int r = first;
            for (; r <= last; r++) {
                if (r != first) {
                    z2[r] = z2[r - 1];
                    n2[r] = n2[r - 1];
                    usl[r] = usl[r - 1];
                    rns[r] = rns[r - 1];
                }
                // A grid point at or after the current segment's end starts (at most) one new segment.
                newSegment = scaled8(z2[r]) <= scaled8(z);
                if (newSegment) {
                    int kk = rangeAtOrBelow(n2[r]);
                    rns[r] = RANGE_LOUDNESS[kk];
                    usl[r] = upperSlope(kk, group);
                    n1 = n2[r];
                    z1 = z2[r];
                    if (scaled8(n1) <= scaled8(nm)) {
                        // The slope has reached the band's core loudness: flat up to the band's upper limit.
                        n2[r] = nm;
                        z2[r] = BAND_UPPER_BARK[i];
                        total += nm * (BAND_UPPER_BARK[i] - z1);
                        masked = false;
                    } else {
                        double segmentFloor = Math.max(rns[r], nm);
                        z2[r] = Math.min((n1 - segmentFloor) / usl[r] + z1, BAND_UPPER_BARK[i]);
                        n2[r] = n1 - (z2[r] - z1) * usl[r];
                        total += (z2[r] - z1) * (n1 + n2[r]) / 2;
                        // MoSQITo evaluates the new line at z even where z lies beyond its end z2 (§6.6).
                        ns[r] = n1 - (z - z1) * usl[r];
                    }
                } else {
                    ns[r] = n1 - (z - z1) * usl[r];
                }
                z += BARK_STEP;
                z1 = z2[r];
                n1 = n2[r];
                if (!masked) {
                    break;
                }
            }
            if (newSegment) {
                int row = Math.min(r, last);
                int kk = rangeAtOrBelow(n2[row]);
                rns[row] = RANGE_LOUDNESS[kk];
                usl[row] = upperSlope(kk, group);
            }
            z1 = z2[last];
            n1 = n2[last];
        }
        return roundTotalLoudness(total);
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
