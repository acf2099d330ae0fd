package audioloop.loudness;

/**
 * Temporal weighting of total loudness, ISO 532-1:2017 clause 6.5: N_w = 0.47·LP(3.5 ms) + 0.53·LP(70 ms), each
 * a first-order low-pass run on the 2 kHz loudness virtually upsampled 24× by linear interpolation towards the
 * next sample and read at the original instants (MoSQITo 1.2.1 {@code _temporal_weighting},
 * {@code _lowpass_intp}; notes/mosqito.md §2 step 7). Streams sample by sample from a zero state.
 */
final class TemporalWeighting {
    private static final int UPSAMPLING = 24;

    private final double shortPole = Math.exp(-1 / (2000 * UPSAMPLING * (3.5 * 1e-3)));
    private final double shortFeed = 1 - shortPole;
    private final double longPole = Math.exp(-1 / (2000 * UPSAMPLING * (70 * 1e-3)));
    private final double longFeed = 1 - longPole;
    private double shortOut;
    private double longOut;
    private double previous;
    private boolean started;

    /** Feeds the next 2 kHz total loudness value; returns the weighted loudness at that instant. */
    double next(double loudnessSone) {
        double ys = shortOut;
        double yl = longOut;
        if (started) {
            double step = (loudnessSone - previous) / UPSAMPLING;
            double u = previous;
            for (int m = 1; m < UPSAMPLING; m++) {
                u = step + u;
                ys = shortFeed * u + shortPole * ys;
                yl = longFeed * u + longPole * yl;
            }
        }
        ys = shortFeed * loudnessSone + shortPole * ys;
        yl = longFeed * loudnessSone + longPole * yl;
        shortOut = ys;
        longOut = yl;
        previous = loudnessSone;
        started = true;
        return 0.47 * ys + 0.53 * yl;
    }
}
