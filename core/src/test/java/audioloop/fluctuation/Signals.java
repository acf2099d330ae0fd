package audioloop.fluctuation;

import static audioloop.TestPressure.scaleToLevel;

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
        return scaleToLevel(x, levelDb);
    }

    /** sin(2π f_c t − (Δf/f_m)·cos 2π f_m t): FM with peak deviation Δf, at {@code levelDb} dB SPL. */
    static double[] fmTone(double carrierHz, double modulationHz, double deviationHz, double levelDb, double seconds) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            x[i] = Math.sin(2 * Math.PI * carrierHz * t
                    - deviationHz / modulationHz * Math.cos(2 * Math.PI * modulationHz * t));
        }
        return scaleToLevel(x, levelDb);
    }

    /**
     * Uniform white noise times (1 + m·sin 2π f_m t), at {@code levelDb} dB SPL. The noise is the Park–Miller
     * generator s ← 16807·s mod (2³¹ − 1) from s = 12345, u = 2s/(2³¹ − 1) − 1: exact in doubles, so the oracle
     * script (Octave) makes the same samples.
     */
    static double[] amNoise(double modulationHz, double depth, double levelDb, double seconds) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        long s = 12345;
        for (int i = 0; i < x.length; i++) {
            s = 16807 * s % 2147483647L;
            double t = i / (double) FS;
            x[i] = (1 + depth * Math.sin(2 * Math.PI * modulationHz * t)) * (2 * s / 2147483647.0 - 1);
        }
        return scaleToLevel(x, levelDb);
    }

    /**
     * Noise with a flat spectrum from {@code lowHz} to {@code highHz} (random phases from a fixed seed; zero
     * elsewhere) times (1 + m·sin 2π f_m t), at {@code levelDb} dB SPL: the broadband noise of Fastl's curves.
     */
    static double[] amBandNoise(double lowHz, double highHz, double modulationHz, double depth, double levelDb,
                                double seconds, long seed) {
        int n = (int) Math.round(seconds * FS);
        int fftLength = n;
        while (!audioloop.dsp.RealFft.supports(fftLength)) {
            fftLength += 2;
        }
        double[] spectrum = new double[fftLength];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int k = 1; k < fftLength / 2; k++) {
            double f = k * (double) FS / fftLength;
            if (f >= lowHz && f <= highHz) {
                double phase = 2 * Math.PI * random.nextDouble();
                spectrum[2 * k] = Math.cos(phase);
                spectrum[2 * k + 1] = Math.sin(phase);
            }
        }
        new audioloop.dsp.RealFft(fftLength).inverse(spectrum);
        double[] x = java.util.Arrays.copyOf(spectrum, n);
        for (int i = 0; i < n; i++) {
            x[i] *= 1 + depth * Math.sin(2 * Math.PI * modulationHz * i / (double) FS);
        }
        return scaleToLevel(x, levelDb);
    }
}
