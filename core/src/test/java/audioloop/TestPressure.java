package audioloop;

/** Test signals as sound pressure: scaling to an RMS level in dB SPL. */
public final class TestPressure {
    private TestPressure() {
    }

    /** Scales x in place to an RMS of 20 µPa·10^(levelDb/20) and returns it. */
    public static double[] scaleToLevel(double[] x, double levelDb) {
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
