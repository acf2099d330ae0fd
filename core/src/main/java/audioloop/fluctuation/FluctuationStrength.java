package audioloop.fluctuation;

import audioloop.dsp.SampleWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

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
    private static final int CHUNKS_PER_THREAD = 2;

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
        private final OssesModel model = new OssesModel(FRAME_LENGTH);
        private final SampleWindow signal = new SampleWindow();
        /** Analysers not in use (work arrays and FFT plans, 6 MB each), kept for the next block's frames. */
        private final ConcurrentLinkedQueue<FrameAnalyzer> idle = new ConcurrentLinkedQueue<>();
        private double[] fluctuation = new double[0];
        private int frames;

        /** Feeds pressurePa[from … from+length), in pascals at 48 kHz, and analyses the frames it completes. */
        public void accept(double[] pressurePa, int from, int length) {
            signal.append(pressurePa, from, length);
            long end = signal.end();
            int complete = end < FRAME_LENGTH ? 0 : Math.toIntExact((end - FRAME_LENGTH) / HOP + 1);
            analyse(complete, signal.array(), signal.offset((long) frames * HOP), (long) frames * HOP);
            signal.discardBefore((long) frames * HOP);
        }

        /**
         * F(t) of all samples fed, or null when they are not longer than one frame (SQAT then analyses the whole
         * signal as a single frame, which it warns is inaccurate; audioloop reports no value).
         */
        public FluctuationResult finish() {
            long length = signal.end();
            if (length <= FRAME_LENGTH) {
                return null;
            }
            int total = Math.toIntExact((length - OVERLAP + HOP - 1) / HOP);
            if (total > frames) {
                // The last frames reach past the end: the remaining samples followed by zeros.
                long start = (long) frames * HOP;
                double[] padded = new double[(total - frames - 1) * HOP + FRAME_LENGTH];
                int held = Math.toIntExact(length - start);
                System.arraycopy(signal.array(), signal.offset(start), padded, 0, held);
                analyse(total, padded, 0, start);
            }
            double[] f = Arrays.copyOf(fluctuation, frames);
            double[] time = new double[frames];
            for (int j = 0; j < frames; j++) {
                time[j] = ((long) j * HOP + 1) / (double) SAMPLE_RATE_HZ;
            }
            return new FluctuationResult(f, time);
        }

        /** Frames [frames, to) from x, whose index {@code offset} holds stream sample {@code start}. */
        private void analyse(int to, double[] x, int offset, long start) {
            int from = frames;
            if (to <= from) {
                return;
            }
            if (to > fluctuation.length) {
                fluctuation = Arrays.copyOf(fluctuation, Math.max(to, fluctuation.length + (fluctuation.length >> 1)));
            }
            ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
            int chunks = Math.min(to - from, CHUNKS_PER_THREAD * pool.getParallelism());
            List<RecursiveAction> tasks = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int first = from + (to - from) * c / chunks;
                int last = from + (to - from) * (c + 1) / chunks;
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        FrameAnalyzer analyzer = idle.poll();
                        if (analyzer == null) {
                            analyzer = new FrameAnalyzer(model);
                        }
                        for (int j = first; j < last; j++) {
                            int at = Math.toIntExact(offset + ((long) j * HOP - start));
                            fluctuation[j] = analyzer.fluctuation(x, at);
                        }
                        idle.add(analyzer);
                    }
                });
            }
            ForkJoinTask.invokeAll(tasks);
            frames = to;
        }
    }
}
