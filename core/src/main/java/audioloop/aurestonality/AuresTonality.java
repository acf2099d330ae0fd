package audioloop.aurestonality;

import audioloop.dsp.SampleWindow;
import audioloop.loudness.SoundField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

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
    private static final int CHUNKS_PER_THREAD = 2;

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
        private final SoundField field;
        private final SampleWindow signal = new SampleWindow();
        /** Analysers not in use (work arrays and an FFT plan), kept for the next block's frames. */
        private final ConcurrentLinkedQueue<FrameAnalyzer> idle = new ConcurrentLinkedQueue<>();
        private double[] tonality = new double[0];
        private double[] tonalWeighting = new double[0];
        private double[] loudnessWeighting = new double[0];
        private int frames;

        /** @param field sound field of the two loudness evaluations per frame (SQAT {@code LoudnessField}) */
        public Stream(SoundField field) {
            this.field = field;
        }

        /** Feeds pressurePa[from … from+length), in pascals at 48 kHz, and analyses the frames it completes. */
        public void accept(double[] pressurePa, int from, int length) {
            signal.append(pressurePa, from, length);
            long end = signal.end();
            int complete = end < FRAME_LENGTH ? 0 : Math.toIntExact((end - FRAME_LENGTH) / HOP + 1);
            // Which frames exist depends on the final length; a complete frame beyond the last one SQAT keeps
            // (at most one) is analysed here and dropped in finish.
            analyse(complete, signal.array(), signal.offset((long) frames * HOP), (long) frames * HOP);
            signal.discardBefore((long) frames * HOP);
        }

        /** T(t) of all samples fed, or null when they are not longer than one 160-ms frame. */
        public AuresTonalityResult finish() {
            long length = signal.end();
            int total = frameCount(length);
            if (total == 0) {
                return null;
            }
            if (total > frames) {
                // The last frames reach past the end: the remaining samples followed by zeros.
                long start = (long) frames * HOP;
                double[] padded = new double[(total - frames - 1) * HOP + FRAME_LENGTH];
                int held = Math.toIntExact(length - start);
                System.arraycopy(signal.array(), signal.offset(start), padded, 0, held);
                analyse(total, padded, 0, start);
            }
            double[] time = new double[total];
            for (int j = 0; j < total; j++) {
                time[j] = ((long) j * HOP + 1) / (double) SAMPLE_RATE_HZ;
            }
            return new AuresTonalityResult(Arrays.copyOf(tonality, total), Arrays.copyOf(tonalWeighting, total),
                    Arrays.copyOf(loudnessWeighting, total), time);
        }

        /** Frames [frames, to) from x, whose index {@code offset} holds stream sample {@code start}. */
        private void analyse(int to, double[] x, int offset, long start) {
            int from = frames;
            if (to <= from) {
                return;
            }
            if (to > tonality.length) {
                int capacity = Math.max(to, tonality.length + (tonality.length >> 1));
                tonality = Arrays.copyOf(tonality, capacity);
                tonalWeighting = Arrays.copyOf(tonalWeighting, capacity);
                loudnessWeighting = Arrays.copyOf(loudnessWeighting, capacity);
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
                            analyzer = new FrameAnalyzer(field);
                        }
                        for (int j = first; j < last; j++) {
                            int at = Math.toIntExact(offset + ((long) j * HOP - start));
                            tonality[j] = analyzer.tonality(x, at, j);
                            tonalWeighting[j] = analyzer.tonalWeighting;
                            loudnessWeighting[j] = analyzer.loudnessWeighting;
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
