package audioloop.sharpness;

import audioloop.loudness.SpecificLoudnessSlopes;
import audioloop.loudness.StationaryLoudnessResult;

/**
 * Sharpness after DIN 45692:2009, S = 0.11 · Σ N′(z)·g(z)·z·Δz / N acum, Δz = 0.1 Bark (rectangle rule over the
 * 240-point grid), with the DIN weighting g(z) = 1 up to 15.8 Bark and 0.15·e^{0.42(z − 15.8)} + 0.85 above, as
 * MoSQITo 1.2.1 {@code sharpness_din_from_loudness} computes it (notes/mosqito.md §4). The per-frame sum is split
 * from the division so a loudness sink can keep one number per frame instead of N′(z, t).
 */
public final class DinSharpness {
    /** MoSQITo's rule for time series: S = 0 where N(t) is below 0.1 sone. */
    public static final double MIN_LOUDNESS_SONE = 0.1;

    private static final int POINTS = SpecificLoudnessSlopes.BARK_POINTS;
    /** Grid z_k = numpy.linspace(0.1, 24, 240), with numpy's arithmetic (start + k·step, last = stop). */
    private static final double[] BARK = new double[POINTS];
    /** DIN 45692 weighting g(z_k). */
    private static final double[] WEIGHTING = new double[POINTS];

    static {
        double step = (24.0 - 0.1) / (POINTS - 1);
        for (int k = 0; k < POINTS; k++) {
            double z = k == POINTS - 1 ? 24.0 : k * step + 0.1;
            BARK[k] = z;
            WEIGHTING[k] = z > 15.8 ? 0.15 * Math.exp(0.42 * (z - 15.8)) + 0.85 : 1.0;
        }
    }

    private DinSharpness() {
    }

    /** Σ N′(z_k)·g(z_k)·z_k·0.1 over the 240 grid points, sone·Bark: S·N/0.11, one number per frame. */
    public static double weightedMoment(double[] specificLoudness) {
        double sum = 0;
        for (int k = 0; k < POINTS; k++) {
            // MoSQITo's product order ((N′·g)·z)·0.1, summed from low to high z.
            sum += specificLoudness[k] * WEIGHTING[k] * BARK[k] * 0.1;
        }
        return sum;
    }

    /**
     * S(t) = 0.11 · moment(t) / N(t) acum, and 0 where N(t) &lt; 0.1 sone (MoSQITo's rule for series, which
     * also hides the onset spikes of N′ arriving before the temporally weighted N).
     */
    public static double[] timeVarying(double[] loudnessSone, double[] weightedMoments) {
        if (loudnessSone.length != weightedMoments.length) {
            throw new IllegalArgumentException("loudness and moment series differ in length: "
                    + loudnessSone.length + " vs " + weightedMoments.length);
        }
        double[] sharpness = new double[loudnessSone.length];
        for (int t = 0; t < sharpness.length; t++) {
            double n = loudnessSone[t];
            sharpness[t] = n < MIN_LOUDNESS_SONE ? 0.0 : 0.11 * weightedMoments[t] / n;
        }
        return sharpness;
    }

    /**
     * Sharpness of a stationary loudness, acum. No 0.1-sone threshold (MoSQITo applies none to a single value);
     * N = 0, where MoSQITo returns NaN, gives 0.
     */
    public static double stationary(StationaryLoudnessResult loudness) {
        double n = loudness.loudnessSone();
        return n == 0 ? 0.0 : 0.11 * weightedMoment(loudness.specificLoudness()) / n;
    }
}
