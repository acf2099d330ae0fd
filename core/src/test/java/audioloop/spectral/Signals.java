package audioloop.spectral;

import java.util.Random;

/** Test signals at 48 kHz generated in code (for tests without ../shared). */
final class Signals {
    static final int SAMPLE_RATE = 48000;

    private Signals() {
    }

    static double[] sine(double frequencyHz, double seconds, double amplitude) {
        double[] y = new double[(int) (seconds * SAMPLE_RATE)];
        for (int i = 0; i < y.length; i++) {
            y[i] = amplitude * Math.sin(2 * Math.PI * frequencyHz * i / SAMPLE_RATE);
        }
        return y;
    }

    /** Single-sample clicks of height 1 every 60/bpm seconds, the first at 0.25 s. */
    static double[] clicks(double bpm, double seconds) {
        double[] y = new double[(int) (seconds * SAMPLE_RATE)];
        for (double t = 0.25; t * SAMPLE_RATE < y.length; t += 60.0 / bpm) {
            y[(int) Math.round(t * SAMPLE_RATE)] = 1.0;
        }
        return y;
    }

    /** Gaussian white noise of standard deviation {@code sigma}, reproducible from {@code seed}. */
    static double[] whiteNoise(double seconds, double sigma, long seed) {
        Random random = new Random(seed);
        double[] y = new double[(int) (seconds * SAMPLE_RATE)];
        for (int i = 0; i < y.length; i++) {
            y[i] = sigma * random.nextGaussian();
        }
        return y;
    }
}
