package audioloop.aurestonality;

import static audioloop.TestPressure.scaleToLevel;

/**
 * Test signals at 48 kHz in pascals, made by the same formulas as the oracle script (docs/oracle/aures/signals.m),
 * so that SQAT under Octave sees the same samples up to rounding.
 */
final class Signals {
    static final int FS = AuresTonality.SAMPLE_RATE_HZ;

    private Signals() {
    }

    static double[] tone(double hz, double levelDb, double seconds) {
        double[] x = new double[samples(seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * (i / (double) FS));
        }
        return scaleToLevel(x, levelDb);
    }

    /** Park–Miller s ← 16807·s mod (2³¹ − 1) from s = 12345, u = s/(2³¹ − 1): exact in doubles, as in Octave. */
    static double[] uniform(int n) {
        double[] u = new double[n];
        long s = 12345;
        for (int i = 0; i < n; i++) {
            s = 16807 * s % 2147483647L;
            u[i] = s / 2147483647.0;
        }
        return u;
    }

    static double[] white(double levelDb, double seconds) {
        double[] x = uniform(samples(seconds));
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * x[i] - 1;
        }
        return scaleToLevel(x, levelDb);
    }

    /** Cosines at every integer frequency from f1 to f2 Hz with Park–Miller phases, at {@code levelDb} overall. */
    static double[] bandNoise(int f1, int f2, double levelDb, double seconds) {
        double[] x = new double[samples(seconds)];
        double[] phase = uniform(f2 - f1 + 1);
        for (int c = 0; c <= f2 - f1; c++) {
            double f = f1 + c;
            double ph = 2 * Math.PI * phase[c];
            for (int i = 0; i < x.length; i++) {
                x[i] += Math.cos(2 * Math.PI * f * (i / (double) FS) + ph);
            }
        }
        return scaleToLevel(x, levelDb);
    }

    static double[] harmonic(double f0, int harmonics, double levelDb, double seconds) {
        double[] x = new double[samples(seconds)];
        for (int h = 1; h <= harmonics; h++) {
            for (int i = 0; i < x.length; i++) {
                x[i] += Math.sin(2 * Math.PI * (h * f0) * (i / (double) FS));
            }
        }
        return scaleToLevel(x, levelDb);
    }

    static double[] amTone(double carrierHz, double modulationHz, double depth, double levelDb, double seconds) {
        double[] x = new double[samples(seconds)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            x[i] = (1 + depth * Math.sin(2 * Math.PI * modulationHz * t)) * Math.sin(2 * Math.PI * carrierHz * t);
        }
        return scaleToLevel(x, levelDb);
    }

    /**
     * A 1 kHz tone at 85 dB SPL plus pink noise whose power in the critical band 919 … 1081 Hz is 85 − snr dB: the
     * noise has |X(f)| ∝ f^−1/2 on the 1-Hz bins 20 Hz … 20 kHz of a 1-s period with Park–Miller phases, made by an
     * inverse FFT (scaled 1/n, as Octave's ifft).
     */
    static double[] tonePinkNoise(double snrDb) {
        int n = FS;
        double[] spectrum = new double[n];
        double[] phase = uniform(20000 - 20 + 1);
        double total = 0;
        double inBand = 0;
        for (int k = 20; k <= 20000; k++) {
            double ph = 2 * Math.PI * phase[k - 20];
            spectrum[2 * k] = Math.cos(ph) / Math.sqrt(k);
            spectrum[2 * k + 1] = Math.sin(ph) / Math.sqrt(k);
            total += 1.0 / k;
            if (k >= 919 && k <= 1081) {
                inBand += 1.0 / k;
            }
        }
        new audioloop.dsp.RealFft(n).inverse(spectrum);
        for (int i = 0; i < n; i++) {
            spectrum[i] /= n;
        }
        return sum(tone(1000, 85, 1), scaleToLevel(spectrum, 85 - snrDb - 10 * Math.log10(inBand / total)));
    }

    static double[] sum(double[] a, double[] b) {
        double[] x = new double[a.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = a[i] + b[i];
        }
        return x;
    }

    private static int samples(double seconds) {
        return (int) Math.round(seconds * FS);
    }
}
