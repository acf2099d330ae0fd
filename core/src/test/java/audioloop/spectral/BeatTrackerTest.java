package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BeatTrackerTest {
    /** The onset envelope beat_track uses (median aggregate) over librosa's mel power, as the pipeline computes it. */
    private static double[] medianOnsetEnvelope(double[] y) {
        return OnsetStrength.envelope(MelFilterbank.librosaDefault().power(Stft.magnitude(y)),
                OnsetStrength.Aggregate.MEDIAN);
    }

    @Test
    void clickTrainAt120BpmGivesLag46Or47AndHalfSecondBeats() {
        double[] onset = medianOnsetEnvelope(Signals.clicks(120, 20));
        Beats beats = BeatTracker.track(onset);
        double tempo = beats.tempoBpm();
        assertTrue(tempo == 5625.0 / 47 || tempo == 5625.0 / 46, "tempo " + tempo);
        double[] times = beats.beatTimesS();
        assertTrue(times.length >= 30, "beats " + times.length);
        for (int i = 1; i < times.length; i++) {
            // 0.5 s is 46.875 frames: consecutive beats land 46 or 47 frames (0.491 / 0.501 s) apart.
            assertEquals(0.5, times[i] - times[i - 1], 0.011, "interval " + i);
        }
        // Every beat sits on a click (0.25 + 0.5·n s) to within two frames of 10.7 ms: the beat period is an
        // integer number of frames, so the beats drift against the clicks until the DP snaps back.
        for (double t : times) {
            double offset = (t - 0.25) % 0.5;
            assertTrue(Math.min(offset, 0.5 - offset) <= 2 * 512.0 / 48000, "beat at " + t);
        }
    }

    @Test
    void steadyToneHasNoTempoAndNoBeats() {
        double[] onset = medianOnsetEnvelope(Signals.sine(440, 10, 0.5));
        Beats beats = BeatTracker.track(onset);
        assertEquals(0.0, beats.tempoBpm());
        assertEquals(0, beats.beatFrames().length);
    }

    @Test
    void silenceHasNoTempoAndNoBeats() {
        Beats beats = BeatTracker.track(new double[500]);
        assertEquals(0.0, beats.tempoBpm());
        assertEquals(0, beats.beatFrames().length);
        // feature.tempo itself has no such case: a zero tempogram leaves the prior, which peaks nearest 120.
        assertEquals(5625.0 / 47, BeatTracker.tempo(new double[500]), 0.0);
    }

    /** The FFT tempogram equals librosa's definition: direct sums Σ_n w[n]x[t+n]·w[n+l]x[t+n+l], ∞-normalised. */
    @Test
    void fftAutocorrelationEqualsDirectSum() {
        Random random = new Random(7);
        double[] onset = new double[60];
        for (int i = 3; i < onset.length; i++) {
            onset[i] = random.nextDouble() < 0.2 ? 5 * random.nextDouble() : 0.1 * random.nextDouble();
        }
        double[] fft = BeatTracker.meanTempogram(onset);

        int window = BeatTracker.WINDOW;
        int half = window / 2;
        int frames = onset.length;
        double[] hann = Stft.periodicHann(window);
        double[] direct = new double[window];
        double[] segment = new double[window];
        for (int t = 0; t < frames; t++) {
            for (int n = 0; n < window; n++) {
                int j = t + n - half;
                double value;
                if (j < 0) {
                    value = (j + half) * (onset[0] / half);
                } else if (j >= frames) {
                    value = (half - 1 - (j - frames)) * (onset[frames - 1] / half);
                } else {
                    value = onset[j];
                }
                segment[n] = value * hann[n];
            }
            double[] ac = new double[window];
            for (int lag = 0; lag < window; lag++) {
                for (int n = 0; n + lag < window; n++) {
                    ac[lag] += segment[n] * segment[n + lag];
                }
            }
            // util.normalize(norm=∞): divide by the largest |value| over the lags.
            double max = 0.0;
            for (double v : ac) {
                max = Math.max(max, Math.abs(v));
            }
            for (int lag = 0; lag < window; lag++) {
                direct[lag] += ac[lag] / max / frames;
            }
        }
        for (int lag = 0; lag < window; lag++) {
            assertEquals(direct[lag], fft[lag], 1e-12, "lag " + lag);
        }
        assertEquals(1.0, fft[0], 1e-15);
    }

    @Test
    void resultDoesNotDependOnPoolSize() throws Exception {
        double[] onset = medianOnsetEnvelope(Signals.clicks(97, 12));
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            double[] a = one.submit(() -> BeatTracker.meanTempogram(onset)).get();
            double[] b = two.submit(() -> BeatTracker.meanTempogram(onset)).get();
            assertArrayEquals(a, b, 0.0);
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
