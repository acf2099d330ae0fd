package audioloop.roughness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Roughness after Daniel &amp; Weber (1997), a port of MoSQITo 1.2.1 {@code roughness_dw(signal, fs, overlap=0.5)}
 * (notes/mosqito.md §5): 200-ms frames every 100 ms, each analysed in 47 overlapping 1-Bark channels; R(t) in
 * asper per frame. Pure: arrays in, a result out.
 *
 * <p>Frames are independent and are analysed as fork-join tasks in whatever pool calls {@link #compute} (the
 * common pool otherwise). Every frame's arithmetic is the same whichever task runs it, so results are
 * bit-identical for any pool size.
 */
public final class RoughnessDw {
    /** Chunks of frames per unit of the pool's parallelism: enough to balance content-dependent frame costs. */
    private static final int CHUNKS_PER_THREAD = 4;

    private RoughnessDw() {
    }

    /** Samples per frame, MoSQITo's {@code int(0.2·fs)}; inputs shorter than this have no frame. */
    public static int frameLength(int sampleRateHz) {
        return (int) (0.2 * sampleRateHz);
    }

    /**
     * R(t) of a signal in pascals.
     *
     * @throws IllegalArgumentException if the signal is shorter than {@link #frameLength} (MoSQITo fails there,
     *                                  notes/mosqito.md §6.15) or the sample rate is below 1 kHz
     */
    public static RoughnessResult compute(double[] pressurePa, int sampleRateHz) {
        if (sampleRateHz <= 0 || pressurePa.length < frameLength(sampleRateHz) || frameLength(sampleRateHz) < 2) {
            throw new IllegalArgumentException("roughness needs at least one 200-ms frame: got "
                + pressurePa.length + " samples at " + sampleRateHz + " Hz");
        }
        RoughnessModel model = new RoughnessModel(sampleRateHz);
        int n = model.frameLength;
        int hop = model.hop;
        // time_segmentation: frames l = 0, 1, … while l·hop ≤ len − n (the tail is dropped).
        int frames = (pressurePa.length - n) / hop + 1;
        double[] roughness = new double[frames];
        double[] time = new double[frames];
        for (int l = 0; l < frames; l++) {
            // Mean of the frame's sample times t_i = i/fs (MoSQITo: mean of linspace(0, (len−1)/fs, len)).
            time[l] = (l * (double) hop + (n - 1) / 2.0) / sampleRateHz;
        }

        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int chunks = Math.min(frames, CHUNKS_PER_THREAD * pool.getParallelism());
        List<FrameChunk> tasks = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            tasks.add(new FrameChunk(model, pressurePa, roughness, frames * i / chunks, frames * (i + 1) / chunks));
        }
        ForkJoinTask.invokeAll(tasks);

        int clampedFrames = 0;
        for (FrameChunk task : tasks) {
            clampedFrames += task.framesWithComponentsAbove24Bark;
        }
        List<String> warnings = new ArrayList<>();
        if (clampedFrames > 0) {
            warnings.add("roughness: " + clampedFrames + " of " + frames + " frames have audible components above"
                + " 24 Bark (labelled >= 15.5 kHz); they were assigned to the last channel (23.5 Bark)."
                + " MoSQITo 1.2.1 fails on such input (IndexError), so there is no reference value.");
        }
        return new RoughnessResult(roughness, time, warnings);
    }

    /** Frames [from, to) analysed by one analyser, whose work arrays and FFT plan serve all of them. */
    private static final class FrameChunk extends RecursiveAction {
        private final RoughnessModel model;
        private final double[] signal;
        private final double[] out;
        private final int from;
        private final int to;
        private int framesWithComponentsAbove24Bark;

        FrameChunk(RoughnessModel model, double[] signal, double[] out, int from, int to) {
            this.model = model;
            this.signal = signal;
            this.out = out;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            FrameAnalyzer analyzer = new FrameAnalyzer(model);
            for (int l = from; l < to; l++) {
                out[l] = analyzer.roughness(signal, l * model.hop);
            }
            framesWithComponentsAbove24Bark = analyzer.framesWithComponentsAbove24Bark;
        }
    }
}
