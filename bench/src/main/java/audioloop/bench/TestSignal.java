package audioloop.bench;

import java.util.SplittableRandom;

/**
 * The benchmark and demo signal, made in code so nothing third-party is needed: pink noise plus steady tones at
 * 250 Hz, 2 kHz and 4 kHz, a 1 kHz tone 100 % amplitude-modulated at 70 Hz (≈ 1 asper at 60 dB), and a click every
 * 0.5 s (120 BPM) — so that loudness, sharpness, roughness, tempo and every spectral feature have something to
 * measure. About 70 dB SPL at 1 Pa per full scale; deterministic for a given seed.
 */
public final class TestSignal {
    private TestSignal() {
    }

    /** Mono signal of {@code seconds} at {@code sampleRateHz}, full scale = 1.0. */
    public static double[] mono(int sampleRateHz, double seconds, long seed) {
        int n = (int) Math.round(seconds * sampleRateHz);
        double[] x = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        // Pink noise: white noise through Paul Kellet's economy 1/f filter (±0.5 dB from 10 Hz to Nyquist/2).
        double b0 = 0, b1 = 0, b2 = 0;
        double clickEvery = 0.5 * sampleRateHz;
        for (int i = 0; i < n; i++) {
            double white = random.nextDouble() * 2 - 1;
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            double pink = (b0 + b1 + b2 + white * 0.1848) * 0.05;
            double t = (double) i / sampleRateHz;
            double tones = 0.02 * Math.sin(2 * Math.PI * 250 * t)
                    + 0.01 * Math.sin(2 * Math.PI * 2000 * t)
                    + 0.005 * Math.sin(2 * Math.PI * 4000 * t)
                    + 0.02 * (1 + Math.sin(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 1000 * t);
            double sinceClick = i % clickEvery;
            double click = sinceClick < 0.002 * sampleRateHz ? 0.3 * Math.exp(-sinceClick / (0.0005 * sampleRateHz)) : 0;
            x[i] = pink * 0.5 + tones + click;
        }
        return x;
    }

    /** Stereo version: the right channel is the left one slightly attenuated (so the mono mix is non-trivial). */
    public static double[][] stereo(int sampleRateHz, double seconds, long seed) {
        double[] left = mono(sampleRateHz, seconds, seed);
        double[] right = new double[left.length];
        for (int i = 0; i < left.length; i++) {
            right[i] = 0.8 * left[i];
        }
        return new double[][] {left, right};
    }
}
