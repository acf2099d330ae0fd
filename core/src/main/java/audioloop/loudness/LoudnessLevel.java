package audioloop.loudness;

/**
 * Loudness level in phon from loudness in sone, as MoSQITo 1.2.1 {@code sone_to_phon}
 * (mosqito/sq_metrics/loudness/utils/sone_to_phon.py), after the BASIC program of Zwicker, Fastl et al. for DIN
 * 45631 / ISO 532-1 (J. Acoust. Soc. Jpn. (E) 12, 1991): L_N = 40 + 10·log₂ N for N ≥ 1 sone (a doubling of
 * loudness per 10 phon, 1 sone = 40 phon), L_N = 40·N^0.35 below, but not under 3 phon.
 */
public final class LoudnessLevel {
    /** The lowest loudness level the formula gives (its floor below 1 sone). */
    public static final double MIN_PHON = 3;

    private LoudnessLevel() {
    }

    public static double phon(double loudnessSone) {
        if (loudnessSone < 1) {
            return Math.max(40 * Math.pow(loudnessSone, 0.35), MIN_PHON);
        }
        return 10 * (Math.log(loudnessSone) / Math.log(2)) + 40;
    }
}
