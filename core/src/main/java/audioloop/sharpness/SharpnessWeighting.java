package audioloop.sharpness;

/**
 * The weighting functions g(z) of the sharpness formula S = 0.11 · ∫ N′(z)·g(z)·z dz / N (DIN 45692:2009 eq. 1
 * shape) that MoSQITo 1.2.1 {@code sharpness_din_from_loudness(N, N′, weighting)} offers
 * (mosqito/sq_metrics/sharpness/sharpness_din/); {@link Sharpness} evaluates them on its Bark grid.
 *
 * <p>Each weighting is split into a z-dependent part {@link #weightingAt} and a factor {@link #loudnessFactor}
 * of the total loudness N, so that a loudness sink can reduce N′(z, t) to one number per frame before N(t) is
 * known: only Aures' g has an N in it.
 */
public enum SharpnessWeighting {
    /** DIN 45692:2009 eq. 2: g = 1 up to 15.8 Bark, 0.15·e^{0.42(z − 15.8)} + 0.85 above. */
    DIN("din") {
        @Override
        double weightingAt(double z) {
            return z > 15.8 ? 0.15 * Math.exp(0.42 * (z - 15.8)) + 0.85 : 1.0;
        }
    },
    /**
     * Aures (1985), as MoSQITo writes it: g = 0.078·(e^{0.171 z}/z) · N/ln(0.05·N + 1). The z part is tabled
     * here, the N part is {@link #loudnessFactor}.
     */
    AURES("aures") {
        @Override
        double weightingAt(double z) {
            return 0.078 * (Math.exp(0.171 * z) / z);
        }

        @Override
        public double loudnessFactor(double loudnessSone) {
            return loudnessSone / Math.log(loudnessSone * 0.05 + 1);
        }
    },
    /** von Bismarck (1974): g = 1 up to 15 Bark, 0.2·e^{0.308(z − 15)} + 0.8 above. */
    BISMARCK("bismarck") {
        @Override
        double weightingAt(double z) {
            return z > 15 ? 0.2 * Math.exp(0.308 * (z - 15)) + 0.8 : 1.0;
        }
    },
    /**
     * Zwicker and Fastl (Psychoacoustics, 3rd ed., fig. 9.1): the curve as MoSQITo digitised it
     * ({@code _weighting_fastl.py}, 51 points), interpolated linearly and held constant beyond its ends
     * ({@code numpy.interp}).
     */
    FASTL("fastl") {
        /** Bark values of MoSQITo's digitised Zwicker–Fastl curve. */
        private static final double[] CURVE_BARK = {0.0985854, 14.826764, 15.364039, 15.863559, 16.297388,
            16.533346, 16.844551, 17.052244, 17.335314, 17.599474, 17.816587, 18.014925, 18.231972, 18.38313,
            18.543644, 18.704224, 18.883648, 18.978205, 19.167118, 19.346476, 19.441233, 19.554567, 19.668102,
            19.762926, 19.923306, 20.036907, 20.188398, 20.320976, 20.462912, 20.60518, 20.78507, 20.908228,
            21.078962, 21.268276, 21.410543, 21.533966, 21.704834, 21.847036, 21.98957, 22.141394, 22.312195,
            22.464752, 22.62633, 22.759441, 22.89302, 23.054932, 23.236088, 23.38871, 23.5416, 23.6848, 23.932978};
        /** g at {@link #CURVE_BARK}. */
        private static final double[] CURVE_WEIGHTING = {0.9783246, 0.99701804, 1.0092967, 1.0169811, 1.0438102,
            1.0713409, 1.0891489, 1.1167798, 1.1441435, 1.1668463, 1.1944437, 1.2268357, 1.2497056, 1.277537,
            1.3006072, 1.3284053, 1.3561363, 1.3794405, 1.411866, 1.4348694, 1.4723566, 1.4908663, 1.523559,
            1.5657737, 1.5793887, 1.6168091, 1.6682787, 1.7150875, 1.7571354, 1.8228214, 1.8836461, 1.9304883,
            2.0102572, 2.0710485, 2.1367345, 2.2024875, 2.2917116, 2.35267, 2.4372666, 2.5123746, 2.5968711,
            2.7239833, 2.8226962, 2.9073262, 3.02505, 3.147401, 3.2980514, 3.429891, 3.5806417, 3.7125149,
            3.9385738};

        @Override
        double weightingAt(double z) {
            int last = CURVE_BARK.length - 1;
            if (z <= CURVE_BARK[0]) {
                return CURVE_WEIGHTING[0];
            }
            if (z >= CURVE_BARK[last]) {
                return CURVE_WEIGHTING[last];
            }
            int j = 0;
            while (CURVE_BARK[j + 1] <= z) {
                j++;
            }
            double slope = (CURVE_WEIGHTING[j + 1] - CURVE_WEIGHTING[j]) / (CURVE_BARK[j + 1] - CURVE_BARK[j]);
            return slope * (z - CURVE_BARK[j]) + CURVE_WEIGHTING[j];
        }
    };

    private final String key;

    SharpnessWeighting(String key) {
        this.key = key;
    }

    /** MoSQITo's name of the weighting, used in the JSON keys ({@code sharpness_<key>_acum}). */
    public String key() {
        return key;
    }

    /** The z-dependent part of g(z) at one Bark value. */
    abstract double weightingAt(double z);

    /** g's factor depending on the total loudness N (1 but for Aures). */
    public double loudnessFactor(double loudnessSone) {
        return 1.0;
    }
}
