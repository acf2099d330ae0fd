package audioloop.loudness;

import static audioloop.loudness.Parallel.inParallel;

import audioloop.dsp.SampleWindow;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinTask;

/**
 * ISO 532-1:2017 clause 6, loudness of time-varying sounds (Zwicker), as MoSQITo 1.2.1 {@code loudness_zwtv}
 * computes it (notes/mosqito.md §2): third-octave filter bank at 48 kHz, levels at 2 kHz, core loudness,
 * non-linear decay, slopes (specific loudness and total N, rounded as MoSQITo does), temporal weighting of N,
 * decimation to 2 ms.
 *
 * <p>The signal is processed in chunks of one second, every stage carrying its state across chunk boundaries,
 * so memory apart from the N(t) result does not grow with duration, and the signal can be fed block by block
 * ({@link Stream}); N′(z, t) goes to a {@link SpecificLoudnessSink} frame by frame. Within a chunk the 2 groups
 * of filter bands, the 10 pairs of decay bands and blocks of frames (core loudness, slopes) are independent
 * {@link ForkJoinTask}s run in the caller's pool (or the common pool). Each task writes only its own slots, so the
 * result is bit-identical for any pool size.
 *
 * <p>Differences from MoSQITo, all deliberate:
 * <ul>
 *   <li>The decay network starts from rest, not from MoSQITo's wrapped-around last sample (§6.3); only frames
 *       near the start of a file that ends loud differ.</li>
 *   <li>Levels above the 7th range limit in 25–250 Hz get ISO's DLL[7] correction, MoSQITo's get none (§6.5,
 *       {@link CoreLoudness#compute}).</li>
 *   <li>Levels above 120 dB in 25–250 Hz, where MoSQITo raises an error, are computed anyway (per ISO's tables)
 *       and reported in {@link TimeVaryingLoudnessResult#warnings()}.</li>
 *   <li>The time axis is exactly k · 2 ms (MoSQITo's linspace stretches it slightly, §6.2).</li>
 * </ul>
 */
public final class TimeVaryingLoudness {
    /** Output time step, s. */
    public static final double TIME_STEP_S = 0.002;
    /** 48 kHz samples per 0.5 ms (2 kHz) step of the level, decay and slope stages. */
    private static final int SAMPLES_PER_STEP = ThirdOctaveFilterBank.DECIMATION;
    /** 2 kHz steps per 2 ms output frame. */
    private static final int STEPS_PER_FRAME = 4;
    /** Steps per processing chunk (1 s); a multiple of {@link #STEPS_PER_FRAME}. */
    private static final int CHUNK_STEPS = 2000;
    /** Steps per task of the per-frame stages (core loudness, slopes). */
    private static final int STEP_BLOCK = 250;

    private TimeVaryingLoudness() {
    }

    /**
     * Number of 2 ms output frames for a 48 kHz signal of {@code samples} samples: ⌈⌈samples / 24⌉ / 4⌉, as
     * MoSQITo (which fails for ≤ 24 samples). Any length is accepted: 1 … 96 samples give one frame (the value
     * at t = 0), an empty signal gives none.
     */
    public static int frameCount(int samples) {
        return ceilDiv(ceilDiv(samples, SAMPLES_PER_STEP), STEPS_PER_FRAME);
    }

    /**
     * The whole-signal form of {@link Stream}: the signal is fed as one block (without copying) and finished.
     *
     * @param pressurePa48k sound pressure in pascals, sampled at 48 kHz
     * @param field         free or diffuse sound field
     * @param sink          receives N′(z) of every output frame, possibly concurrently (see {@link
     *                      SpecificLoudnessSink#accept}); {@link SpecificLoudnessSink#NONE} to ignore it
     */
    public static TimeVaryingLoudnessResult compute(double[] pressurePa48k, SoundField field,
            SpecificLoudnessSink sink) {
        return new Stream(field, sink, SampleWindow.of(pressurePa48k)).finish();
    }

    /**
     * Block-fed N(t): {@link #accept} takes the 48 kHz signal in blocks of any size and processes every complete
     * one-second chunk; {@link #finish} processes the rest. Chunks start at the same samples whatever the blocks,
     * and every stage carries its state from chunk to chunk, so the result equals {@link #compute} bit for bit.
     * Held: under one chunk plus a block of samples, the chunk's work arrays and N(t). Not thread-safe.
     */
    public static final class Stream {
        private final SoundField field;
        private final SpecificLoudnessSink sink;
        private final SampleWindow signal;
        private final ThirdOctaveFilterBank filterBank = new ThirdOctaveFilterBank();
        // The 21st core value is always 0, which the decay network keeps at 0: the 20 bands below decay, in pairs.
        private final NonlinearDecay decay = new NonlinearDecay(CoreLoudness.CRITICAL_BANDS - 1);
        private final TemporalWeighting weighting = new TemporalWeighting();
        private final double[] maxLevel = new double[CoreLoudness.THIRD_OCTAVE_BANDS];
        private double[][] levels;
        private double[][] core;
        private double[] totalLoudness;
        private double[] loudness = new double[0];
        /** 2 kHz steps processed: the next chunk starts at sample processedSteps · 24. */
        private long processedSteps;

        /** @param sink as for {@link TimeVaryingLoudness#compute} */
        public Stream(SoundField field, SpecificLoudnessSink sink) {
            this(field, sink, new SampleWindow());
        }

        private Stream(SoundField field, SpecificLoudnessSink sink, SampleWindow signal) {
            this.field = field;
            this.sink = sink;
            this.signal = signal;
            Arrays.fill(maxLevel, Double.NEGATIVE_INFINITY);
        }

        /** Feeds pressurePa48k[from … from+length) and processes the chunks it completes. */
        public void accept(double[] pressurePa48k, int from, int length) {
            signal.append(pressurePa48k, from, length);
            while (signal.end() - processedSteps * SAMPLES_PER_STEP >= (long) CHUNK_STEPS * SAMPLES_PER_STEP) {
                processChunk(CHUNK_STEPS);
            }
        }

        /** N(t) of all samples fed: processes the last, partial chunk. */
        public TimeVaryingLoudnessResult finish() {
            long totalSteps = (signal.end() + SAMPLES_PER_STEP - 1) / SAMPLES_PER_STEP;
            while (processedSteps < totalSteps) {
                processChunk((int) Math.min(CHUNK_STEPS, totalSteps - processedSteps));
            }
            return new TimeVaryingLoudnessResult(Arrays.copyOf(loudness, frameCount(Math.toIntExact(signal.end()))),
                    TIME_STEP_S, warnings(maxLevel));
        }

        /** Steps [processedSteps, processedSteps + steps): all stages, each carrying its state on. */
        private void processChunk(int steps) {
            if (levels == null) {
                // The first chunk is the longest: a full chunk, or the whole of a shorter signal.
                levels = new double[CoreLoudness.THIRD_OCTAVE_BANDS][steps];
                core = new double[CoreLoudness.CRITICAL_BANDS][steps];
                totalLoudness = new double[steps];
            }
            final int firstStep = Math.toIntExact(processedSteps);
            final double[] x = signal.array();
            final int fromSample = signal.offset(processedSteps * SAMPLES_PER_STEP);
            final int toSample = (int) Math.min(signal.offset(signal.end()), fromSample + (long) steps * SAMPLES_PER_STEP);
            final int blocks = ceilDiv(steps, STEP_BLOCK);
            int frames = frameCount(Math.toIntExact(Math.min(signal.end(), (processedSteps + steps) * SAMPLES_PER_STEP)));
            if (frames > loudness.length) {
                loudness = Arrays.copyOf(loudness, Math.max(frames, loudness.length + (loudness.length >> 1)));
            }

            inParallel(ThirdOctaveFilterBank.GROUPS, group -> filterBank.process(group, x, fromSample, toSample,
                    levels, maxLevel));
            inParallel(blocks, block -> coreLoudness(levels, field, core, block * STEP_BLOCK,
                    Math.min(steps, (block + 1) * STEP_BLOCK)));
            inParallel(decay.pairs(), pair -> decay.process(pair, core, steps));
            inParallel(blocks, block -> slopes(core, totalLoudness, firstStep, block * STEP_BLOCK,
                    Math.min(steps, (block + 1) * STEP_BLOCK), sink));
            for (int k = 0; k < steps; k++) {
                double weighted = weighting.next(totalLoudness[k]);
                int step = firstStep + k;
                if (step % STEPS_PER_FRAME == 0) {
                    loudness[step / STEPS_PER_FRAME] = weighted;
                }
            }
            processedSteps += steps;
            signal.discardBefore(processedSteps * SAMPLES_PER_STEP);
        }
    }

    private static void coreLoudness(double[][] levels, SoundField field, double[][] core, int from, int to) {
        double[] spectrum = new double[CoreLoudness.THIRD_OCTAVE_BANDS];
        double[] coreLoudness = new double[CoreLoudness.CRITICAL_BANDS];
        for (int k = from; k < to; k++) {
            for (int band = 0; band < spectrum.length; band++) {
                spectrum[band] = levels[band][k];
            }
            CoreLoudness.compute(spectrum, field, coreLoudness);
            for (int band = 0; band < coreLoudness.length; band++) {
                core[band][k] = coreLoudness[band];
            }
        }
    }

    private static void slopes(double[][] decayedCore, double[] totalLoudness, int firstStep, int from, int to,
            SpecificLoudnessSink sink) {
        double[] coreLoudness = new double[CoreLoudness.CRITICAL_BANDS];
        double[] specific = new double[SpecificLoudnessSlopes.BARK_POINTS];
        for (int k = from; k < to; k++) {
            for (int band = 0; band < coreLoudness.length; band++) {
                coreLoudness[band] = decayedCore[band][k];
            }
            totalLoudness[k] = SpecificLoudnessSlopes.compute(coreLoudness, specific);
            int step = firstStep + k;
            if (step % STEPS_PER_FRAME == 0) {
                sink.accept(step / STEPS_PER_FRAME, specific);
            }
        }
    }

    private static List<String> warnings(double[] maxLevel) {
        double max = Double.NEGATIVE_INFINITY;
        for (int band = 0; band < CoreLoudness.LOW_FREQUENCY_BANDS; band++) {
            max = Math.max(max, maxLevel[band]);
        }
        if (max > CoreLoudness.LOW_FREQUENCY_LIMIT_DB) {
            return List.of(String.format(Locale.ROOT,
                    "third-octave level %.1f dB in 25-250 Hz exceeds the 120 dB limit of ISO 532-1; "
                            + "loudness computed anyway with the highest-range correction", max));
        }
        return List.of();
    }

    private static int ceilDiv(int a, int b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
