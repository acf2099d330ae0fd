package audioloop.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.Supplier;

/**
 * A block-fed signal cut into the frames of MATLAB's {@code buffer(x, N, N − hop, 'nodelay')} (frame j starts at
 * sample j·hop; the last frames reach past the end, which is padded with zeros), every frame analysed as soon as its
 * last sample has arrived, as fork-join tasks of whatever pool calls {@link #accept} (the common pool otherwise).
 * Only the samples of frames not yet complete are kept. The models of SQAT built on {@code buffer} (fluctuation
 * strength, Aures tonality) analyse their frames this way.
 *
 * <p>Frames are analysed by analysers taken from a pool of idle ones (their work arrays and FFT plans are dear), so
 * a frame's result must depend only on its samples and index: then it is bit-identical for any pool size and any
 * block sizes. Not thread-safe itself.
 *
 * @param <A> the frame analyser
 */
public final class ParallelFrames<A> {
    /** One frame's analysis. */
    @FunctionalInterface
    public interface Analysis<A> {
        /** Analyses frame {@code frame}, which starts at x[at], into out[0 … outputs). */
        void analyse(A analyser, double[] x, int at, int frame, double[] out);
    }

    private static final int CHUNKS_PER_THREAD = 2;

    private final int frameLength;
    private final int hop;
    private final Supplier<A> newAnalyser;
    private final Analysis<A> analysis;
    private final SampleWindow signal = new SampleWindow();
    private final ConcurrentLinkedQueue<A> idle = new ConcurrentLinkedQueue<>();
    /** values[k][j]: output k of frame j. */
    private final double[][] values;
    private int frames;

    /**
     * @param frameLength samples per frame, N
     * @param hop         samples from one frame's start to the next's
     * @param outputs     values per frame
     */
    public ParallelFrames(int frameLength, int hop, int outputs, Supplier<A> newAnalyser, Analysis<A> analysis) {
        this.frameLength = frameLength;
        this.hop = hop;
        this.newAnalyser = newAnalyser;
        this.analysis = analysis;
        this.values = new double[outputs][0];
    }

    /** Feeds x[from … from+length) and analyses the frames it completes. */
    public void accept(double[] x, int from, int length) {
        signal.append(x, from, length);
        long end = signal.end();
        int complete = end < frameLength ? 0 : Math.toIntExact((end - frameLength) / hop + 1);
        analyse(complete, signal.array(), signal.offset((long) frames * hop), (long) frames * hop);
        signal.discardBefore((long) frames * hop);
    }

    /** Samples fed so far. */
    public long length() {
        return signal.end();
    }

    /**
     * Analyses frames up to {@code total} (those reaching past the end on the remaining samples followed by zeros) and
     * returns values[k][0 … total) per output k; frames completed beyond {@code total} are dropped.
     */
    public double[][] finish(int total) {
        if (total > frames) {
            long start = (long) frames * hop;
            double[] padded = new double[(total - frames - 1) * hop + frameLength];
            int held = Math.toIntExact(signal.end() - start);
            System.arraycopy(signal.array(), signal.offset(start), padded, 0, held);
            analyse(total, padded, 0, start);
        }
        double[][] out = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            out[k] = Arrays.copyOf(values[k], total);
        }
        return out;
    }

    /** Frames [frames, to) from x, whose index {@code offset} holds stream sample {@code start}. */
    private void analyse(int to, double[] x, int offset, long start) {
        int from = frames;
        if (to <= from) {
            return;
        }
        if (to > values[0].length) {
            int capacity = Math.max(to, values[0].length + (values[0].length >> 1));
            for (int k = 0; k < values.length; k++) {
                values[k] = Arrays.copyOf(values[k], capacity);
            }
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
                    A analyser = idle.poll();
                    if (analyser == null) {
                        analyser = newAnalyser.get();
                    }
                    double[] out = new double[values.length];
                    for (int j = first; j < last; j++) {
                        analysis.analyse(analyser, x, Math.toIntExact(offset + ((long) j * hop - start)), j, out);
                        for (int k = 0; k < out.length; k++) {
                            values[k][j] = out[k];
                        }
                    }
                    idle.add(analyser);
                }
            });
        }
        ForkJoinTask.invokeAll(tasks);
        frames = to;
    }
}
