package audioloop.spectral;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import java.util.Arrays;

/**
 * Frame-wise fundamental frequency with TarsosDSP's {@link FastYin} (de Cheveigné & Kawahara 2002, the YIN
 * difference function evaluated with FFTs, O(N log N) per frame instead of plain YIN's O(N²)). Frames of 2048
 * samples centred on samples t·2048 of the 48 kHz signal (zeros outside it): every fourth frame of the STFT grid.
 * The hop is 2048 (42.7 ms) rather than the STFT's 512 because FastYin costs three 2048-point FFTs a frame —
 * measured 0.29 s per minute of audio at hop 512, more than the STFT and every librosa feature together — and
 * pitch statistics over a sound do not need 10 ms resolution. A frame is voiced when TarsosDSP reports a pitch:
 * the cumulative mean normalised difference dips below its default absolute threshold 0.20 at some lag ≥ 2 (lags
 * up to 1023: f0 ≥ 47 Hz).
 */
public final class Pitch {
    public static final int FRAME_LENGTH = 2048;
    public static final int HOP = 4 * Stft.HOP;
    private static final float SAMPLE_RATE = 48000f;
    private static final int FRAMES_PER_TASK = 64;

    private Pitch() {
    }

    /**
     * @param y48k mono samples at 48 kHz; not modified
     */
    public static PitchTrack track(double[] y48k) {
        int frames = frameCount(y48k.length);
        double[] hz = new double[frames];
        FrameChunks.forEach(frames, FRAMES_PER_TASK, (chunk, from, to) -> {
            Detector detector = new Detector();
            double[] samples = new double[FRAME_LENGTH];
            for (int j = from; j < to; j++) {
                Stft.frameSamples(y48k, 0, y48k.length, stftFrame(j), samples);
                hz[j] = detector.hz(samples);
            }
        });
        return fromFrames(hz);
    }

    /** Pitch frames of n samples: 1 + ⌊n / 2048⌋. */
    static int frameCount(long n) {
        return (int) (1 + n / HOP);
    }

    /** The STFT frame with the same 2048 samples as pitch frame j (every fourth). */
    static int stftFrame(int j) {
        return j * (HOP / Stft.HOP);
    }

    /** The track from every frame's {@link Detector#hz}, NaN for unvoiced frames. */
    static PitchTrack fromFrames(double[] hz) {
        return new PitchTrack(Arrays.stream(hz).filter(f -> !Double.isNaN(f)).toArray(), hz.length);
    }

    /**
     * One worker's detector. TarsosDSP detectors keep state (FFT plan, buffers, a reused result): one per task.
     * FastYin's FFT (2048 points) stays below TarsosDSP's own threading threshold (8192), so it runs on the
     * calling thread.
     */
    static final class Detector {
        private final FastYin fastYin = new FastYin(SAMPLE_RATE, FRAME_LENGTH);
        private final float[] buffer = new float[FRAME_LENGTH];

        /** f0 in Hz of one frame's 2048 samples ({@link Stft#frameSamples}), NaN when unvoiced. */
        double hz(double[] samples) {
            boolean silent = true;
            for (int i = 0; i < FRAME_LENGTH; i++) {
                buffer[i] = (float) samples[i];
                silent &= buffer[i] == 0f;
            }
            if (silent) {
                return Double.NaN; // YIN's normalised difference is 0/0 here: unvoiced, without the FFTs
            }
            PitchDetectionResult result = fastYin.getPitch(buffer);
            float f0 = result.getPitch();
            return result.isPitched() && f0 > 0 && Float.isFinite(f0) ? f0 : Double.NaN;
        }
    }
}
