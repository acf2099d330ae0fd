package audioloop.fluctuation;

/**
 * The tables of the Osses et al. (2016) fluctuation-strength model that map frequency to critical-band rate and
 * give its thresholds and weightings, with the interpolation the model applies to them. Values are those of the
 * model's description (Osses, García &amp; Kohlrausch 2016, §2, after Zwicker &amp; Fastl) as SQAT's
 * {@code Get_Bark}, {@code TerhardtExcitationPatterns} and {@code FluctuationStrength_Osses2016} tabulate them.
 */
final class BarkTables {
    /**
     * Critical-band edges and centres (Zwicker &amp; Fastl, Table 6.1) merged in order: frequency in Hz (lower edges
     * 0 … 15.5 kHz interleaved with centres 50 Hz … 20 kHz) and the rate in Bark at each, 0 … 24.5 in half-Bark steps.
     */
    static final double[] BARK_TABLE_HZ = {
        0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 510, 570, 630, 700, 770, 840, 920, 1000, 1080, 1170,
        1270, 1370, 1480, 1600, 1720, 1850, 2000, 2150, 2320, 2500, 2700, 2900, 3150, 3400, 3700, 4000, 4400, 4800,
        5300, 5800, 6400, 7000, 7700, 8500, 9500, 10500, 12000, 13500, 15500, 20000};
    static final double[] BARK_TABLE_Z = new double[BARK_TABLE_HZ.length];

    /** Threshold in quiet as an excitation level, dB, against critical-band rate (the model's HTres table). */
    static final double[] THRESHOLD_Z = {
        0, 0.01, 0.17, 0.8, 1, 1.5, 2, 3.3, 4, 5, 6, 8, 10, 12, 13.3, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 24.5, 25};
    static final double[] THRESHOLD_DB = {
        130, 70, 60, 30, 25, 20, 15, 10, 8.1, 6.3, 5, 3.5, 2.5, 1.7, 0, -2.5, -4, -3.7, -1.5, 1.4, 3.8, 5, 7.5, 15, 48,
        60, 130};

    /**
     * The simplified outer- and middle-ear transmission a0 of Osses et al. (2016) (SQAT's default a0 type
     * {@code 'fluctuationstrength_osses2016'}): Fastl &amp; Zwicker Fig. 8.18 without the ear-canal resonance, i.e.
     * 0 dB up to 19 Bark and the free-field roll-off above. −999 dB stands for minus infinity.
     */
    static final double[] A0_Z = {0, 10, 19, 20, 21, 21.5, 22, 22.5, 23, 23.5, 24, 25, 26};
    static final double[] A0_DB = {0, 0, 0, -1.43, -2.59, -3.57, -5.19, -7.41, -11.3, -20, -40, -130, -999};

    /** The weighting g(z_i) of the specific fluctuation strength against critical-band rate (gzi table). */
    static final double[] WEIGHT_Z = {0, 1, 2.5, 4.9, 6.5, 8, 9, 10, 11, 11.5, 13, 15, 17.5, 24};
    static final double[] WEIGHT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.7, 0.5};

    static {
        for (int i = 0; i < BARK_TABLE_Z.length; i++) {
            BARK_TABLE_Z[i] = 0.5 * i;
        }
    }

    private BarkTables() {
    }

    /** Critical-band rate of f Hz: the linear interpolation of {@link #BARK_TABLE_HZ}. */
    static double barkOf(double frequencyHz) {
        return interpolate(BARK_TABLE_HZ, BARK_TABLE_Z, frequencyHz);
    }

    /**
     * {@code interp1(x, y, xi)}, linear, as Octave evaluates it (a piecewise polynomial): slope_j·(xi − x_j) + y_j
     * with slope_j = (y_{j+1} − y_j)/(x_{j+1} − x_j) on the interval x_j ≤ xi &lt; x_{j+1} (the last interval
     * includes its end); NaN outside [x_0, x_last].
     */
    static double interpolate(double[] x, double[] y, double xi) {
        int last = x.length - 1;
        if (!(xi >= x[0] && xi <= x[last])) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= xi) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double slope = (y[lo + 1] - y[lo]) / (x[lo + 1] - x[lo]);
        return slope * (xi - x[lo]) + y[lo];
    }
}
