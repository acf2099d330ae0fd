package audioloop.roughness;

import audioloop.dsp.SampleWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.Supplier;

/**
 * Roughness after Daniel &amp; Weber (1997), a port of MoSQITo 1.2.1 {@code roughness_dw(signal, fs, overlap=0.5)}
 * (notes/mosqito.md §5): 200-ms frames every 100 ms, each analysed in 47 overlapping 1-Bark channels; R(t) in
 * asper per frame. Pure: arrays in, a result out.
 *
 * <p>Frames are independent and are analysed as fork-join tasks in whatever pool calls {@link #compute} or
 * {@link Stream#accept} (the common pool otherwise). Every frame's arithmetic is the same whichever task runs it,
 * so results are bit-identical for any pool size and any block sizes.
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
     * R(t) of a signal in pascals: the whole-signal form of {@link Stream} (the signal is fed as one block, without
     * copying, and finished).
     *
     * @throws IllegalArgumentException if the signal is shorter than {@link #frameLength} (MoSQITo fails there,
     *                                  notes/mosqito.md §6.15) or the sample rate is below 1 kHz
     */
    public static RoughnessResult compute(double[] pressurePa, int sampleRateHz) {
        return new Stream(sampleRateHz, SampleWindow.of(pressurePa), true).finish();
    }

    /**
     * Block-fed R(t): {@link #accept} takes the signal in blocks of any size and analyses every frame as soon as
     * its last sample has arrived; only the samples of frames not yet complete are kept (under one frame plus a
     * block), so memory apart from R(t) itself does not grow with duration. Frames run as fork-join tasks in
     * whatever pool calls {@code accept} (the common pool otherwise). Every frame's arithmetic is the same
     * whichever call or task runs it, so the result equals {@link #compute} bit for bit, for any block sizes
     * and any pool size. Not thread-safe.
     */
    public static final class Stream {
        private final RoughnessModel model;
        private final int sampleRateHz;
        private final SampleWindow signal;
        /**
         * Analysers not in use, kept for the next chunk: building one (FFT plans, twiddle tables, 2.5 MB of work
         * arrays, 10 MB with channel lanes) costs 0.6 ms or more, and a new one per chunk meant 240 per minute of
         * audio on two threads.
         */
        private final ConcurrentLinkedQueue<FrameAnalyzer> idleAnalyzers = new ConcurrentLinkedQueue<>();
        private final Supplier<FrameAnalyzer> newAnalyzer;
        private double[] roughness = new double[0];
        /** R'(z) of every frame, {@link RoughnessModel#CHANNELS} values a frame (13.5 MB per hour of audio). */
        private double[] specificRoughness = new double[0];
        private int frames;
        private int clampedFrames;

        /**
         * With the channels as SIMD lanes where the frame length allows.
         *
         * @throws IllegalArgumentException if the sample rate is below 1 kHz (a frame needs 2 samples or more)
         */
        public Stream(int sampleRateHz) {
            this(sampleRateHz, true);
        }

        /**
         * @param channelsAsLanes whether to compute the 47 channels together as SIMD lanes where the frame length
         *                        allows (faster with C2), or one at a time (faster with C1 only); the results are
         *                        identical
         * @throws IllegalArgumentException if the sample rate is below 1 kHz (a frame needs 2 samples or more)
         */
        public Stream(int sampleRateHz, boolean channelsAsLanes) {
            this(sampleRateHz, new SampleWindow(), channelsAsLanes);
        }

        private Stream(int sampleRateHz, SampleWindow signal, boolean channelsAsLanes) {
            if (sampleRateHz <= 0 || frameLength(sampleRateHz) < 2) {
                throw new IllegalArgumentException("roughness needs a sample rate of at least 10 Hz: got " + sampleRateHz);
            }
            RoughnessModel roughnessModel = new RoughnessModel(sampleRateHz);
            this.model = roughnessModel;
            this.sampleRateHz = sampleRateHz;
            this.signal = signal;
            this.newAnalyzer = () -> new FrameAnalyzer(roughnessModel, channelsAsLanes);
        }

        /** Feeds pressurePa[from … from+length), in pascals, and analyses the frames it completes. */
        public void accept(double[] pressurePa, int from, int length) {
            signal.append(pressurePa, from, length);
            analyseCompleteFrames();
        }

        /**
         * R(t) of all samples fed.
         *
         * @throws IllegalArgumentException if fewer than {@link #frameLength} samples were fed
         */
        public RoughnessResult finish() {
            long samples = signal.end();
            if (samples < model.frameLength) {
                throw new IllegalArgumentException("roughness needs at least one 200-ms frame: got "
                    + samples + " samples at " + sampleRateHz + " Hz");
            }
            analyseCompleteFrames();
            double[] r = Arrays.copyOf(roughness, frames);
            // Mean over the frames, summed in frame order: the same for any chunking of the frames.
            double[] meanSpecific = new double[RoughnessModel.CHANNELS];
            for (int l = 0; l < frames; l++) {
                for (int c = 0; c < meanSpecific.length; c++) {
                    meanSpecific[c] += specificRoughness[l * RoughnessModel.CHANNELS + c];
                }
            }
            for (int c = 0; c < meanSpecific.length; c++) {
                meanSpecific[c] /= frames;
            }
            double[] time = new double[frames];
            for (int l = 0; l < frames; l++) {
                // Mean of the frame's sample times t_i = i/fs (MoSQITo: mean of linspace(0, (len−1)/fs, len)).
                time[l] = (l * (double) model.hop + (model.frameLength - 1) / 2.0) / sampleRateHz;
            }
            List<String> warnings = new ArrayList<>();
            if (clampedFrames > 0) {
                warnings.add("roughness: " + clampedFrames + " of " + frames + " frames have audible components above"
                    + " 24 Bark (labelled >= 15.5 kHz); they were assigned to the last channel (23.5 Bark)."
                    + " MoSQITo 1.2.1 fails on such input (IndexError), so there is no reference value.");
            }
            return new RoughnessResult(r, time, meanSpecific, warnings);
        }

        /** time_segmentation: frames l = 0, 1, … while l·hop ≤ len − n (the tail is dropped). */
        private void analyseCompleteFrames() {
            int n = model.frameLength;
            int hop = model.hop;
            long complete = signal.end() < n ? 0 : (signal.end() - n) / hop + 1;
            int from = frames;
            int to = Math.toIntExact(complete);
            if (to > from) {
                if (to > roughness.length) {
                    roughness = Arrays.copyOf(roughness, Math.max(to, roughness.length + (roughness.length >> 1)));
                    specificRoughness = Arrays.copyOf(specificRoughness, roughness.length * RoughnessModel.CHANNELS);
                }
                ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
                int chunks = Math.min(to - from, CHUNKS_PER_THREAD * pool.getParallelism());
                List<FrameChunk> tasks = new ArrayList<>(chunks);
                for (int i = 0; i < chunks; i++) {
                    tasks.add(new FrameChunk(model, idleAnalyzers, newAnalyzer, signal, roughness, specificRoughness,
                            from + (to - from) * i / chunks, from + (to - from) * (i + 1) / chunks));
                }
                ForkJoinTask.invokeAll(tasks);
                for (FrameChunk task : tasks) {
                    clampedFrames += task.framesWithComponentsAbove24Bark;
                }
                frames = to;
            }
            signal.discardBefore((long) frames * hop);
        }
    }

    /**
     * Frames [from, to) analysed by one analyser, whose work arrays and FFT plans serve all of them: an idle one of
     * the stream's, or a new one; it is handed back when the chunk is done.
     */
    private static final class FrameChunk extends RecursiveAction {
        private final RoughnessModel model;
        private final ConcurrentLinkedQueue<FrameAnalyzer> idleAnalyzers;
        private final Supplier<FrameAnalyzer> newAnalyzer;
        private final SampleWindow signal;
        private final double[] out;
        private final double[] specificOut;
        private final int from;
        private final int to;
        private int framesWithComponentsAbove24Bark;

        FrameChunk(RoughnessModel model, ConcurrentLinkedQueue<FrameAnalyzer> idleAnalyzers,
                   Supplier<FrameAnalyzer> newAnalyzer, SampleWindow signal, double[] out, double[] specificOut,
                   int from, int to) {
            this.model = model;
            this.idleAnalyzers = idleAnalyzers;
            this.newAnalyzer = newAnalyzer;
            this.signal = signal;
            this.out = out;
            this.specificOut = specificOut;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            FrameAnalyzer analyzer = idleAnalyzers.poll();
            if (analyzer == null) {
                analyzer = newAnalyzer.get();
            }
            analyzer.framesWithComponentsAbove24Bark = 0; // counts this chunk's frames only
            for (int l = from; l < to; l++) {
                out[l] = analyzer.roughness(signal.array(), signal.offset((long) l * model.hop));
                System.arraycopy(analyzer.specificRoughness, 0, specificOut, l * RoughnessModel.CHANNELS,
                        RoughnessModel.CHANNELS);
            }
            framesWithComponentsAbove24Bark = analyzer.framesWithComponentsAbove24Bark;
            idleAnalyzers.add(analyzer);
        }
    }
}
