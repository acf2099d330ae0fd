package audioloop.tonality;

/**
 * The lower threshold of hearing L_TH(f) of ECMA-74 Annex D.7.1: a quartic in the normalised frequency
 * (f − f_mean)/f_std per frequency range, coefficients as MoSQITo 1.2.1 {@code _LTH.py} transcribes them.
 */
final class HearingThreshold {
    /** Per range: lower and upper frequency (Hz), f_mean, f_std, a1 … a5 (ECMA-74 Table D.1 via MoSQITo). */
    private static final double[][] RANGES = {
        {20, 305, 167.5, 87.3212, 1.415532, -2.451068, 1.498869, -6.983224, 8.621226},
        {305, 2230, 1157.5, 488.582, 0.397994, -0.891839, -0.815138, -1.221319, -7.600754},
        {2230, 14000, 7250, 3033.25, 1.584978, -2.766599, -6.9061912, 10.138553, -3.149339},
        {14000, 22050, 16990.0, 4049.0, -5.775593, -9.200034, 26.59115, 52.16712, 15.61552048},
    };
    /** Below this distance from the limit, {@link #exceeds} decides with MoSQITo's own expression. */
    private static final double DECISION_MARGIN_DB = 1e-9;

    private HearingThreshold() {
    }

    private static double[] range(double f) {
        for (double[] r : RANGES) {
            if (f >= r[0] && f < r[1]) {
                return r;
            }
        }
        return null;
    }

    /** L_TH in dB SPL at f (20 Hz ≤ f &lt; 22050 Hz), as MoSQITo evaluates it; NaN outside, where it has no value. */
    static double levelDb(double f) {
        double[] r = range(f);
        if (r == null) {
            return Double.NaN;
        }
        double x = (f - r[2]) / r[3];
        return r[4] * Math.pow(x, 4) + r[5] * Math.pow(x, 3) + r[6] * Math.pow(x, 2) + r[7] * x + r[8];
    }

    /**
     * Whether {@code levelDb} exceeds L_TH(f) + {@code marginDb} (false outside L_TH's range, as a comparison with NaN
     * is). Decided on a product form of the quartic, which differs from {@link #levelDb}'s powers in the last bits
     * only; within 1e-9 dB of the limit it falls back to {@link #levelDb}, so the answer is always MoSQITo's. Why:
     * the tone screening asks this for every local maximum of the spectrum, and the powers were 9 % of the
     * tonality's time for a minute of noise (JFR).
     */
    static boolean exceeds(double levelDb, double f, double marginDb) {
        double[] r = range(f);
        if (r == null) {
            return false;
        }
        double x = (f - r[2]) / r[3];
        double x2 = x * x;
        double approximate = r[4] * x2 * x2 + r[5] * x2 * x + r[6] * x2 + r[7] * x + r[8];
        double distance = levelDb - (approximate + marginDb);
        if (Math.abs(distance) > DECISION_MARGIN_DB) {
            return distance > 0;
        }
        return levelDb > levelDb(f) + marginDb;
    }
}
