package audioloop.roughness;

/**
 * Constant tables of the Daniel &amp; Weber roughness model as MoSQITo 1.2.1 tabulates them, and numpy's
 * {@code interp} that reads all of them.
 */
final class RoughnessTables {
    private RoughnessTables() {
    }

    /**
     * Critical-band rate (Bark) against frequency (Hz): Zwicker &amp; Fastl, Psychoacoustics (1990), table 6.1,
     * as MoSQITo 1.2.1 {@code utils/conversion/freq2bark.py} and {@code bark2freq.py} tabulate it (0 … 20 kHz ↔
     * 0 … 24.5 Bark in steps of 0.5 Bark).
     */
    static final double[] ZWICKER_FREQ_HZ = {
        0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 510, 570, 630, 700, 770, 840, 920, 1000, 1080, 1170,
        1270, 1370, 1480, 1600, 1720, 1850, 2000, 2150, 2320, 2500, 2700, 2900, 3150, 3400, 3700, 4000, 4400,
        4800, 5300, 5800, 6400, 7000, 7700, 8500, 9500, 10500, 12000, 13500, 15500, 20000};
    static final double[] ZWICKER_BARK = halfBarkSteps(ZWICKER_FREQ_HZ.length);

    /**
     * Outer/middle-ear transmission a0 (dB) against Bark: Zwicker &amp; Fastl (1990) figure 8.18, as MoSQITo 1.2.1
     * {@code roughness_dw/_ear_filter_coeff.py} tabulates it.
     */
    static final double[] EAR_FILTER_BARK = {
        0, 10, 12, 13, 14, 15, 16, 16.5, 17, 18, 18.5, 19, 20, 21, 21.5, 22, 22.5, 23, 23.5, 24, 25, 26};
    static final double[] EAR_FILTER_DB = {
        0, 0, 1.15, 2.31, 3.85, 5.62, 6.92, 7.38, 6.92, 4.23, 2.31, 0, -1.43, -2.59, -3.57, -5.19, -7.41, -11.3,
        -20, -40, -130, -999};

    /** Threshold in quiet for roughness (dB SPL) against Bark: MoSQITo 1.2.1 {@code utils/LTQ.py}, reference "roughness". */
    static final double[] LTQ_BARK = {
        0, 0.01, 0.17, 0.8, 1, 1.5, 2, 3.3, 4, 5, 6, 8, 10, 12, 13.3, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        24.5, 25};
    static final double[] LTQ_DB = {
        130, 70, 60, 30, 25, 20, 15, 10, 8.1, 6.3, 5, 3.5, 2.5, 1.7, 0, -2.5, -4, -3.7, -1.5, 1.4, 3.8, 5, 7.5,
        15, 48, 60, 130};

    /** Aures' weighting g(z) of specific roughness against Bark 0 … 24: MoSQITo 1.2.1 {@code roughness_dw/_gzi_weighting.py}. */
    static final double[] GZI = {
        0.15, 0.26, 0.38, 0.47, 0.54, 0.65, 0.76, 0.83, 0.90, 0.98, 0.98, 0.90, 0.80, 0.70, 0.62, 0.54, 0.49,
        0.43, 0.39, 0.35, 0.30, 0.30, 0.30, 0.30, 0.30};
    static final double[] GZI_BARK = wholeBarkSteps(GZI.length);

    /**
     * Band-pass weightings H(f_mod) of the envelope, Daniel &amp; Weber (1997) figure 2, as MoSQITo 1.2.1
     * {@code roughness_dw/_H_weighting.py} tabulates H2, H5, H16, H21 and H42 (modulation frequency in Hz →
     * weight), with the upper frequency MoSQITo uses to size each shape ({@link HShape#limitHz}).
     */
    enum HShape {
        H2(358, new double[] {0, 17, 23, 25, 32, 37, 48, 67, 90, 114, 171, 206, 247, 294, 358},
            new double[] {0, 0.8, 0.95, 0.975, 1, 0.975, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0}),
        H5(502, new double[] {0, 32, 43, 56, 69, 92, 120, 142, 165, 231, 277, 331, 397, 502},
            new double[] {0, 0.8, 0.95, 1, 0.975, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0}),
        // notes/mosqito.md §6.12: H16, H21 and H42 run to 645 Hz, but MoSQITo sizes them with H5's limit
        // (502 Hz), so they are cut at the last bin below 502 Hz (495 Hz at 48 kHz). Replicated for parity.
        H16(502, new double[] {0, 23.5, 34, 47, 56, 63, 79, 100, 115, 135, 159, 172, 194, 215, 244, 290, 348, 415,
            500, 645},
            new double[] {0, 0.4, 0.6, 0.8, 0.9, 0.95, 1, 0.975, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2,
                0.1, 0}),
        H21(502, new double[] {0, 19, 44, 52.5, 58, 75, 101.5, 114.5, 132.5, 143.5, 165.5, 197.5, 241, 290, 348,
            415, 500, 645},
            new double[] {0, 0.4, 0.8, 0.9, 0.95, 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0}),
        H42(502, new double[] {0, 15, 41, 49, 53, 64, 71, 88, 94, 106, 115, 137, 180, 238, 290, 348, 415, 500,
            645},
            new double[] {0, 0.4, 0.8, 0.9, 0.965, 0.99, 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1,
                0});

        final double limitHz;
        final double[] freqHz;
        final double[] weight;

        HShape(double limitHz, double[] freqHz, double[] weight) {
            this.limitHz = limitHz;
            this.freqHz = freqHz;
            this.weight = weight;
        }

        /**
         * The shape channel c (0-based, centre (c+1)/2 Bark) uses: MoSQITo assigns H2 to c 0–3, H5 to 4–14, H16
         * to 15–19, H21 to 20–40 and H42 to 41–46, piecewise constant (no interpolation between the shapes).
         */
        static HShape forChannel(int c) {
            if (c <= 3) {
                return H2;
            } else if (c <= 14) {
                return H5;
            } else if (c <= 19) {
                return H16;
            } else if (c <= 40) {
                return H21;
            }
            return H42;
        }
    }

    /**
     * numpy {@code interp(x, xp, fp)} for increasing xp: linear between the neighbouring points, constant beyond
     * the ends, evaluated with numpy's formula {@code slope·(x − xp[j]) + fp[j]} so results match to the last bit.
     */
    static double interp(double x, double[] xp, double[] fp) {
        int last = xp.length - 1;
        if (x <= xp[0]) {
            return fp[0];
        }
        if (x >= xp[last]) {
            return fp[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xp[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
        return slope * (x - xp[lo]) + fp[lo];
    }

    private static double[] halfBarkSteps(int count) {
        double[] z = new double[count];
        for (int i = 0; i < count; i++) {
            z[i] = 0.5 * i;
        }
        return z;
    }

    private static double[] wholeBarkSteps(int count) {
        double[] z = new double[count];
        for (int i = 0; i < count; i++) {
            z[i] = i;
        }
        return z;
    }
}
