package audioloop.spectral;

import audioloop.dsp.Fft;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The one short-time Fourier transform every spectral feature reads (librosa recomputes it per feature;
 * notes/librosa.md §1): n_fft 2048, hop 512, periodic Hann, center = True with 1024 zeros of padding on each
 * side ({@code pad_mode='constant'}), no scaling.
 */
public final class Stft {
    public static final int N_FFT = 2048;
    public static final int HOP = 512;
    public static final int BINS = N_FFT / 2 + 1;
    /** ≈ 5.5 s of audio per fork/join task: large enough to amortise a plan, small enough to balance two cores. */
    private static final int FRAMES_PER_TASK = 512;

    private Stft() {
    }

    /** Number of frames librosa produces for n samples with center = True: 1 + ⌊n / hop⌋. */
    public static int frameCount(int n) {
        return 1 + n / HOP;
    }

    /** Periodic Hann window, scipy {@code get_window('hann', 2048, fftbins=True)}: 0.5 − 0.5·cos(2πn/N). */
    static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n);
        }
        return w;
    }

    /**
     * Magnitude spectrogram |X[k,t]|, frame-major: {@code [frame][bin]}, bins 0..1024 (f_k = k·sr/2048).
     * Power spectra are {@code m * m} of these values, which is what librosa's {@code np.abs(X)**2} computes.
     * The magnitude is {@code sqrt(re² + im²)} rather than numpy's hypot: equal to within one ulp, and
     * Math.hypot costs ~40 ns a call on JDK 17 (≈ 0.2 s per minute of audio).
     */
    public static double[][] magnitude(double[] y) {
        int frames = frameCount(y.length);
        double[][] out = new double[frames][];
        // Frames are independent: chunks of them run as fork/join tasks, each with its own plan and buffer.
        FrameChunks.forEach(frames, FRAMES_PER_TASK, (chunk, from, to) -> {
            Transform transform = new Transform();
            double[] samples = new double[N_FFT];
            for (int t = from; t < to; t++) {
                frameSamples(y, 0, y.length, t, samples);
                out[t] = new double[BINS];
                transform.magnitude(samples, out[t]);
            }
        });
        return out;
    }

    /**
     * The 2048 samples of frame t, centred on sample t·512, zeros outside the signal (center = True).
     *
     * @param y      samples {@code yStart … yStart + y.length − 1} of the signal, covering the frame's part of it
     * @param length the signal's length in samples
     */
    static void frameSamples(double[] y, long yStart, long length, int t, double[] out) {
        long start = (long) t * HOP - N_FFT / 2;
        // A frame starts at most 1024 samples before the signal and ends at least 1024 samples into it.
        int from = (int) Math.max(0, -start);
        int to = (int) Math.min(N_FFT, length - start);
        Arrays.fill(out, 0, from, 0.0);
        System.arraycopy(y, (int) (start + from - yStart), out, from, to - from);
        Arrays.fill(out, to, N_FFT, 0.0);
    }

    /** The power spectrum |X|² of a magnitude spectrum, librosa's {@code np.abs(X)**2}. */
    static void power(double[] magnitude, double[] out) {
        for (int k = 0; k < BINS; k++) {
            out[k] = magnitude[k] * magnitude[k];
        }
    }

    /** One worker's transform: JTransforms plan and buffer (not thread-safe: one per task). */
    static final class Transform {
        private final DoubleFFT_1D fft = Fft.plan(N_FFT);
        private final double[] window = periodicHann(N_FFT);
        private final double[] buf = new double[N_FFT];

        /** |X[k]| of one frame's {@link #frameSamples} into out ({@link #BINS} values). */
        void magnitude(double[] samples, double[] out) {
            for (int i = 0; i < N_FFT; i++) {
                buf[i] = samples[i] * window[i];
            }
            fft.realForward(buf);
            // JTransforms packing: buf[0] = Re(0), buf[1] = Re(N/2), buf[2k], buf[2k+1] = Re, Im of bin k.
            out[0] = Math.abs(buf[0]);
            out[BINS - 1] = Math.abs(buf[1]);
            for (int k = 1; k < BINS - 1; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                out[k] = Math.sqrt(re * re + im * im);
            }
        }
    }
}
