package audioloop.sharpness;

import audioloop.loudness.SpecificLoudnessSlopes;
import audioloop.loudness.StationaryLoudnessResult;

/**
 * Sharpness in the DIN 45692:2009 form, S = 0.11 · Σ N′(z)·g(z)·z·Δz / N acum, Δz = 0.1 Bark (rectangle rule over
 * the 240-point grid), with any of MoSQITo 1.2.1's weightings g ({@link SharpnessWeighting}), as
 * {@code sharpness_din_from_loudness(N, N′, weighting)} computes it (notes/mosqito.md §4). The per-frame sum is
 * split from the division so a loudness sink can keep one number per frame and weighting instead of N′(z, t); the
 * part of g that depends on N (Aures) is applied with the division, where N is known.
 */
public final class Sharpness {
    /** MoSQITo's rule for time series: S = 0 where N(t) is below 0.1 sone. */
    public static final double MIN_LOUDNESS_SONE = 0.1;

    private static final int POINTS = SpecificLoudnessSlopes.BARK_POINTS;
    /** Grid z_k = numpy.linspace(0.1, 24, 240), with numpy's arithmetic (start + k·step, last = stop). */
    private static final double[] BARK = new double[POINTS];
    /** Per weighting (by ordinal): the z-dependent part of g at z_k. */
    private static final double[][] WEIGHTINGS = new double[SharpnessWeighting.values().length][POINTS];

    static {
        double step = (24.0 - 0.1) / (POINTS - 1);
        for (int k = 0; k < POINTS; k++) {
            BARK[k] = k == POINTS - 1 ? 24.0 : k * step + 0.1;
        }
        for (SharpnessWeighting w : SharpnessWeighting.values()) {
            for (int k = 0; k < POINTS; k++) {
                WEIGHTINGS[w.ordinal()][k] = w.weightingAt(BARK[k]);
            }
        }
    }

    private Sharpness() {
    }

    /**
     * Σ N′(z_k)·g(z_k)·z_k·0.1 over the 240 grid points with the z-dependent part of g, sone·Bark: one number per
     * frame, S·N/(0.11·loudnessFactor(N)).
     */
    public static double weightedMoment(SharpnessWeighting weighting, double[] specificLoudness) {
        double[] g = WEIGHTINGS[weighting.ordinal()];
        double sum = 0;
        for (int k = 0; k < POINTS; k++) {
            // MoSQITo's product order ((N′·g)·z)·0.1, summed from low to high z.
            sum += specificLoudness[k] * g[k] * BARK[k] * 0.1;
        }
        return sum;
    }

    /**
     * S(t) = 0.11 · moment(t) · loudnessFactor(N(t)) / N(t) acum, and 0 where N(t) &lt; 0.1 sone (MoSQITo's rule
     * for series, which also hides the onset spikes of N′ arriving before the temporally weighted N, and Aures'
     * 0/0 at N = 0).
     */
    public static double[] timeVarying(SharpnessWeighting weighting, double[] loudnessSone, double[] weightedMoments) {
        if (loudnessSone.length != weightedMoments.length) {
            throw new IllegalArgumentException("loudness and moment series differ in length: "
                    + loudnessSone.length + " vs " + weightedMoments.length);
        }
        double[] sharpness = new double[loudnessSone.length];
        for (int t = 0; t < sharpness.length; t++) {
            double n = loudnessSone[t];
            sharpness[t] = n < MIN_LOUDNESS_SONE ? 0.0 : sharpness(weighting, weightedMoments[t], n);
        }
        return sharpness;
    }

    /**
     * Sharpness of a stationary loudness, acum. No 0.1-sone threshold (MoSQITo applies none to a single value);
     * N = 0, where MoSQITo returns NaN, gives 0.
     */
    public static double stationary(SharpnessWeighting weighting, StationaryLoudnessResult loudness) {
        double n = loudness.loudnessSone();
        return n == 0 ? 0.0 : sharpness(weighting, weightedMoment(weighting, loudness.specificLoudness()), n);
    }

    private static double sharpness(SharpnessWeighting weighting, double moment, double loudnessSone) {
        return 0.11 * (moment * weighting.loudnessFactor(loudnessSone)) / loudnessSone;
    }
}
