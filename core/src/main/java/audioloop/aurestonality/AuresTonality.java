package audioloop.aurestonality;

import audioloop.dsp.ParallelFrames;
import audioloop.loudness.SoundField;

/**
 * Tonality after Aures (1985), "Berechnungsverfahren für den sensorischen Wohlklang beliebiger Schallsignale"
 * (Acustica 59, 130–141), as SQAT implements it in {@code Tonality_Aures1985} (v1.x, 160-ms Hann frames with 50 %
 * overlap, loudness after ISO 532-1): T(t) in tonality units (t.u.), 1 t.u. for a 1 kHz tone at 60 dB SPL. Each
 * frame is analysed by {@link FrameAnalyzer}.
 *
 * <p>Frames follow SQAT at fs = 48 kHz: N = round(0.16·fs) = 7680 samples, hop N − round(0.5·N) = 3840, MATLAB
 * {@code buffer(x, N, N/2, 'nodelay')} (from the first sample; the last frames zero-padded past the end), of which
 * SQAT drops the last: ⌈(L − N/2)/(N/2)⌉ − 1 frames. A signal of at most one frame (160 ms) has none.
 *
 * <p>Pure: arrays in, a result out. Frames are independent and run as fork-join tasks in whatever pool calls
 * {@link Stream#accept}; each frame's arithmetic (including its tone-replacement phases) depends only on the frame's
 * samples and index, so results are bit-identical for any pool size and any block sizes.
 */
public final class AuresTonality {
    public static final int SAMPLE_RATE_HZ = 48_000;
    /** SQAT {@code time_resolution}: 160 ms, a bin spacing of 6.25 Hz. */
    static final double FRAME_SECONDS = 0.16;
    public static final int FRAME_LENGTH = (int) Math.round(SAMPLE_RATE_HZ * FRAME_SECONDS);
    /** Samples shared by consecutive frames, round(0.5·N), and the hop. */
    static final int OVERLAP = (int) Math.round(0.5 * FRAME_LENGTH);
    public static final int HOP = FRAME_LENGTH - OVERLAP;

    private AuresTonality() {
    }

    /** T(t) of a whole signal at 48 kHz in pascals (free field); null if it is not longer than one frame. */
    public static AuresTonalityResult compute(double[] pressurePa) {
        Stream stream = new Stream(SoundField.FREE);
        stream.accept(pressurePa, 0, pressurePa.length);
        return stream.finish();
    }

    /** Number of frames SQAT analyses in a signal of {@code samples} samples (MATLAB's buffer count, minus one). */
    static int frameCount(long samples) {
        if (samples <= OVERLAP) {
            return 0;
        }
        long columns = (samples - OVERLAP + HOP - 1) / HOP;
        return Math.toIntExact(Math.max(columns - 1, 0));
    }

    /**
     * Block-fed T(t): {@link #accept} takes the signal in blocks of any size and analyses every frame as soon as its
     * last sample has arrived; only the samples of frames not yet complete are kept. Not thread-safe.
     */
    public static final class Stream {
        private final ParallelFrames<FrameAnalyzer> frames;

        /** @param field sound field of the two loudness evaluations per frame (SQAT {@code LoudnessField}) */
        public Stream(SoundField field) {
            // Which frames exist depends on the final length; a complete frame beyond the last one SQAT keeps (at
            // most one) is analysed as it completes and dropped in finish.
            frames = new ParallelFrames<>(FRAME_LENGTH, HOP, 3, () -> new FrameAnalyzer(field),
                    (analyzer, x, at, frame, out) -> {
                        out[0] = analyzer.tonality(x, at, frame);
                        out[1] = analyzer.tonalWeighting;
                        out[2] = analyzer.loudnessWeighting;
                    });
        }

        /** Feeds pressurePa[from … from+length), in pascals at 48 kHz, and analyses the frames it completes. */
        public void accept(double[] pressurePa, int from, int length) {
            frames.accept(pressurePa, from, length);
        }

        /** T(t) of all samples fed, or null when they are not longer than one 160-ms frame. */
        public AuresTonalityResult finish() {
            int total = frameCount(frames.length());
            if (total == 0) {
                return null;
            }
            double[][] values = frames.finish(total);
            double[] time = new double[total];
            for (int j = 0; j < total; j++) {
                time[j] = ((long) j * HOP + 1) / (double) SAMPLE_RATE_HZ;
            }
            return new AuresTonalityResult(values[0], values[1], values[2], time);
        }
    }
}
