package audioloop.fluctuation;

import audioloop.dsp.ParallelFrames;

/**
 * Fluctuation strength after Osses, García &amp; Kohlrausch (2016), "Modelling the sensation of fluctuation
 * strength" (Proc. Meetings on Acoustics 28, 050005), as SQAT implements it in {@code FluctuationStrength_Osses2016}
 * with method 1 (time-varying): 2-s frames with 90 % overlap (hop 0.2 s) of the 48 kHz pressure in pascals, each
 * analysed by {@link FrameAnalyzer}; F(t) in vacil. SQAT's frames are MATLAB {@code buffer(x, N, 0.9·N,
 * 'nodelay')}: they start at the first sample, and the last ones reach past the end of the signal, which is padded
 * with zeros, until every sample is in a frame: ⌈(L − 0.9·N)/(0.1·N)⌉ frames.
 *
 * <p>Pure: arrays in, a result out. Frames are independent and run as fork-join tasks in whatever pool calls
 * {@link Stream#accept} (the common pool otherwise); each frame's arithmetic is the same whichever task runs it,
 * so results are bit-identical for any pool size and any block sizes.
 */
public final class FluctuationStrength {
    /** Samples per frame: 2 s at 48 kHz (SQAT {@code time_resolution = 2}). */
    public static final int FRAME_LENGTH = 2 * OssesModel.SAMPLE_RATE_HZ;
    /** Frame overlap, round(0.9·N), and hop. */
    static final int OVERLAP = (int) Math.round(0.9 * FRAME_LENGTH);
    public static final int HOP = FRAME_LENGTH - OVERLAP;
    public static final int SAMPLE_RATE_HZ = OssesModel.SAMPLE_RATE_HZ;

    private FluctuationStrength() {
    }

    /** F(t) of a whole signal at 48 kHz in pascals; null if it is not longer than one 2-s frame. */
    public static FluctuationResult compute(double[] pressurePa) {
        Stream stream = new Stream();
        stream.accept(pressurePa, 0, pressurePa.length);
        return stream.finish();
    }

    /**
     * Block-fed F(t): {@link #accept} takes the signal in blocks of any size and analyses every frame as soon as its
     * last sample has arrived; only the samples of frames not yet complete are kept. Not thread-safe.
     */
    public static final class Stream {
        private final ParallelFrames<FrameAnalyzer> frames;

        public Stream() {
            OssesModel model = new OssesModel(FRAME_LENGTH);
            // Analysers hold work arrays and FFT plans, 6 MB each: the frame stream reuses idle ones.
            frames = new ParallelFrames<>(FRAME_LENGTH, HOP, 1, () -> new FrameAnalyzer(model),
                    (analyzer, x, at, frame, out) -> out[0] = analyzer.fluctuation(x, at));
        }

        /** Feeds pressurePa[from … from+length), in pascals at 48 kHz, and analyses the frames it completes. */
        public void accept(double[] pressurePa, int from, int length) {
            frames.accept(pressurePa, from, length);
        }

        /**
         * F(t) of all samples fed, or null when they are not longer than one frame (SQAT then analyses the whole
         * signal as a single frame, which it warns is inaccurate; audioloop reports no value).
         */
        public FluctuationResult finish() {
            long length = frames.length();
            if (length <= FRAME_LENGTH) {
                return null;
            }
            int total = Math.toIntExact((length - OVERLAP + HOP - 1) / HOP);
            double[] f = frames.finish(total)[0];
            double[] time = new double[total];
            for (int j = 0; j < total; j++) {
                time[j] = ((long) j * HOP + 1) / (double) SAMPLE_RATE_HZ;
            }
            return new FluctuationResult(f, time);
        }
    }
}
