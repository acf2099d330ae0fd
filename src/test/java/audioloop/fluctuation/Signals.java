package audioloop.fluctuation;

/** Test signals at 48 kHz in pascals, scaled to an overall RMS level. */
final class Signals {
    static final int FS = FluctuationStrength.SAMPLE_RATE_HZ;

    private Signals() {
    }

    /** (1 + m·sin 2π f_m t)·sin 2π f_c t at {@code levelDb} dB SPL overall. */
    static double[] amTone(double carrierHz, double modulationHz, double depth, double levelDb, double seconds) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            x[i] = (1 + depth * Math.sin(2 * Math.PI * modulationHz * t)) * Math.sin(2 * Math.PI * carrierHz * t);
        }
        return scale(x, levelDb);
    }

    /** sin(2π f_c t − (Δf/f_m)·cos 2π f_m t): FM with peak deviation Δf, at {@code levelDb} dB SPL. */
    static double[] fmTone(double carrierHz, double modulationHz, double deviationHz, double levelDb, double seconds) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            x[i] = Math.sin(2 * Math.PI * carrierHz * t
                    - deviationHz / modulationHz * Math.cos(2 * Math.PI * modulationHz * t));
        }
        return scale(x, levelDb);
    }

    /** Uniform white noise (fixed seed) times (1 + m·sin 2π f_m t), at {@code levelDb} dB SPL. */
    static double[] amNoise(double modulationHz, double depth, double levelDb, double seconds, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            x[i] = (1 + depth * Math.sin(2 * Math.PI * modulationHz * t)) * (2 * random.nextDouble() - 1);
        }
        return scale(x, levelDb);
    }

    static double[] scale(double[] x, double levelDb) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double gain = 2e-5 * Math.pow(10, levelDb / 20) / Math.sqrt(sum / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] *= gain;
        }
        return x;
    }
}
