package audioloop.loudness;

/**
 * Core loudness of ISO 532-1:2017 clause 5 (Annex A.3, C functions {@code f_corr_third_octave_intensities},
 * {@code f_calc_lcbs}, {@code f_calc_core_loudness}, {@code f_corr_loudness}): 28 third-octave levels
 * (dB re 20 µPa, 25 Hz … 12.5 kHz) → 21 core loudness values Nm (sone/Bark) of the critical bands, the last
 * always 0. The arithmetic follows MoSQITo 1.2.1 {@code _main_loudness} operation by operation
 * (notes/mosqito.md §2 step 4), with one deliberate difference, see {@link #compute}, and two faster forms of the
 * same quantities: 10^(dB/10) as e^(dB·ln 10/10) and x^0.25 as √√x, each within a few ulps of the pow form. This
 * step ran about 50 pow calls per 0.5 ms step, a quarter of one-thread time-varying loudness; with these forms N is
 * unchanged on all 54 MoSQITo references and S(t) moves by at most 1.8e-9.
 */
public final class CoreLoudness {
    /** Number of third-octave bands in, 25 Hz … 12.5 kHz. */
    public static final int THIRD_OCTAVE_BANDS = 28;
    /** Number of core loudness values out (20 critical bands plus the trailing 0 the slopes expect). */
    public static final int CRITICAL_BANDS = 21;
    /** Bands 0–10 (25–250 Hz) get the low-frequency correction; ISO 532-1 is not valid above this level there. */
    public static final int LOW_FREQUENCY_BANDS = 11;
    public static final double LOW_FREQUENCY_LIMIT_DB = 120.0;

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, rap: upper limits of the level ranges for the low-frequency correction, dB. */
    private static final double[] RANGE_LIMIT_DB = {45, 55, 65, 71, 80, 90, 100, 120};

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, dll: correction per level range (rows) and band 25–250 Hz (columns), dB. */
    private static final double[][] LOW_FREQUENCY_CORRECTION_DB = {
        {-32, -24, -16, -10, -5, 0, -7, -3, 0, -2, 0},
        {-29, -22, -15, -10, -4, 0, -7, -2, 0, -2, 0},
        {-27, -19, -14, -9, -4, 0, -6, -2, 0, -2, 0},
        {-25, -17, -12, -9, -3, 0, -5, -2, 0, -2, 0},
        {-23, -16, -11, -7, -3, 0, -4, -1, 0, -1, 0},
        {-20, -14, -10, -6, -3, 0, -4, -1, 0, -1, 0},
        {-18, -12, -9, -6, -2, 0, -3, -1, 0, -1, 0},
        {-15, -10, -8, -4, -2, 0, -3, -1, 0, -1, 0},
    };

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, ltq: threshold in quiet per critical band, dB. */
    private static final double[] THRESHOLD_IN_QUIET_DB = {30, 18, 12, 8, 7, 6, 5, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, a0: transmission through the outer ear, free field, dB. */
    private static final double[] OUTER_EAR_TRANSMISSION_DB = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.5, -1.6, -3.2, -5.4, -5.6, -4, -1.5, 2, 5, 12};

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, ddf: level difference diffuse − free field, dB. */
    private static final double[] DIFFUSE_FIELD_DIFFERENCE_DB = {
        0, 0, 0.5, 0.9, 1.2, 1.6, 2.3, 2.8, 3, 2, 0, -1.4, -2, -1.9, -1, 0.5, 3, 4, 4.3, 4};

    /** ISO 532-1:2017 A.3 / MoSQITo 1.2.1 _main_loudness.py, dcb: critical-band level adaptation to the third-octave bands, dB. */
    private static final double[] CRITICAL_BAND_ADAPTATION_DB = {
        -0.25, -0.6, -0.8, -0.8, -0.5, 0, 0.5, 1.1, 1.5, 1.7, 1.8, 1.8, 1.7, 1.6, 1.4, 1.2, 0.8, 0.5, 0, -0.5};

    /** 0.0635·10^(0.025·LTQ), the threshold factor of the core-loudness formula (ISO 532-1 A.3, f_calc_core_loudness), per critical band. */
    private static final double[] THRESHOLD_FACTOR = new double[THRESHOLD_IN_QUIET_DB.length];

    private static final double LN10_OVER_10 = Math.log(10) / 10;

    static {
        for (int i = 0; i < THRESHOLD_FACTOR.length; i++) {
            THRESHOLD_FACTOR[i] = 0.0635 * Math.pow(10, 0.025 * THRESHOLD_IN_QUIET_DB[i]);
        }
    }

    private CoreLoudness() {
    }

    /** 10^(dB/10) as e^(dB·ln10/10): about twice as fast as Math.pow(10, dB/10), and within a few ulps of it. */
    private static double dbToPowerRatio(double db) {
        return Math.exp(db * LN10_OVER_10);
    }

    /** True when a band of 25–250 Hz exceeds 120 dB, the validity limit of ISO 532-1 (MoSQITo throws there). */
    public static boolean exceedsLowFrequencyLimit(double[] levelsDb28) {
        for (int i = 0; i < LOW_FREQUENCY_BANDS; i++) {
            if (levelsDb28[i] > LOW_FREQUENCY_LIMIT_DB) {
                return true;
            }
        }
        return false;
    }

    /**
     * Core loudness of one spectrum into {@code coreLoudnessOut} (length ≥ 21; element 20 is set to 0).
     * Allocation-free, so it can run once per 0.5 ms frame.
     *
     * <p>Deliberate difference from MoSQITo (notes/mosqito.md §6.5): a low band whose level lies above the 7th
     * range limit (RAP[6] − DLL[6][i]) gets the correction DLL[7][i] as ISO 532-1 prescribes; MoSQITo applies
     * 0 dB there. Only levels above 102–118 dB in 25–250 Hz are affected.
     */
    public static void compute(double[] levelsDb28, SoundField field, double[] coreLoudnessOut) {
        // ISO 532-1 A.3 f_corr_third_octave_intensities + f_calc_lcbs: corrected intensities of bands 0–10,
        // summed into the three lowest critical bands (third-octave bands 0–5, 6–8, 9–10).
        double group0 = 0;
        double group1 = 0;
        double group2 = 0;
        for (int i = 0; i < LOW_FREQUENCY_BANDS; i++) {
            double level = levelsDb28[i];
            int range = 0;
            while (range < RANGE_LIMIT_DB.length - 1
                    && level > RANGE_LIMIT_DB[range] - LOW_FREQUENCY_CORRECTION_DB[range][i]) {
                range++;
            }
            double intensity = dbToPowerRatio(LOW_FREQUENCY_CORRECTION_DB[range][i] + level);
            if (i < 6) {
                group0 += intensity;
            } else if (i < 9) {
                group1 += intensity;
            } else {
                group2 += intensity;
            }
        }
        boolean diffuse = field == SoundField.DIFFUSE;
        for (int i = 0; i < CRITICAL_BANDS - 1; i++) {
            double excitation;
            if (i < 3) {
                double group = i == 0 ? group0 : i == 1 ? group1 : group2;
                excitation = group > 0 ? 10 * Math.log10(group) : 0.0;
            } else {
                excitation = levelsDb28[i + 8];
            }
            // f_calc_core_loudness: outer-ear transmission, diffuse-field difference, band adaptation
            excitation = excitation - OUTER_EAR_TRANSMISSION_DB[i];
            if (diffuse) {
                excitation += DIFFUSE_FIELD_DIFFERENCE_DB[i];
            }
            double threshold = THRESHOLD_IN_QUIET_DB[i];
            double core = 0.0;
            if (excitation > threshold) {
                excitation -= CRITICAL_BAND_ADAPTATION_DB[i];
                double aboveThreshold = Math.sqrt(Math.sqrt(0.75 + 0.25 * dbToPowerRatio(excitation - threshold))) - 1;
                core = Math.max(THRESHOLD_FACTOR[i] * aboveThreshold, 0.0);
            }
            coreLoudnessOut[i] = core;
        }
        coreLoudnessOut[CRITICAL_BANDS - 1] = 0.0;
        // f_corr_loudness: correction of the lowest critical band
        double lowestBandFactor = 0.4 + 0.32 * Math.pow(coreLoudnessOut[0], 0.2);
        if (lowestBandFactor <= 1) {
            coreLoudnessOut[0] *= lowestBandFactor;
        }
    }
}
