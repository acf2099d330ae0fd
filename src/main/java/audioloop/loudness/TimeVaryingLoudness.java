package audioloop.loudness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * ISO 532-1:2017 clause 6, loudness of time-varying sounds (Zwicker), as MoSQITo 1.2.1 {@code loudness_zwtv}
 * computes it (notes/mosqito.md §2): third-octave filter bank at 48 kHz, levels at 2 kHz, core loudness,
 * non-linear decay, slopes (specific loudness and total N, rounded as MoSQITo does), temporal weighting of N,
 * decimation to 2 ms.
 *
 * <p>The signal is processed in chunks of one second, every stage carrying its state across chunk boundaries,
 * so memory apart from the N(t) result does not grow with duration; N′(z, t) goes to a {@link
 * SpecificLoudnessSink} frame by frame. Within a chunk the 4 groups of 7 filter bands, the 21 decay bands and
 * blocks of frames (core loudness, slopes) are independent {@link ForkJoinTask}s run in the caller's pool (or
 * the common pool); each task writes only its own slots, so the result is bit-identical for any pool size.
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
     * @param pressurePa48k sound pressure in pascals, sampled at 48 kHz
     * @param field         free or diffuse sound field
     * @param sink          receives N′(z) of every output frame, possibly concurrently (see {@link
     *                      SpecificLoudnessSink#accept}); {@link SpecificLoudnessSink#NONE} to ignore it
     */
    public static TimeVaryingLoudnessResult compute(double[] pressurePa48k, SoundField field,
            SpecificLoudnessSink sink) {
        int totalSteps = ceilDiv(pressurePa48k.length, SAMPLES_PER_STEP);
        double[] loudness = new double[frameCount(pressurePa48k.length)];
        int chunkCapacity = Math.min(CHUNK_STEPS, totalSteps);
        double[][] levels = new double[CoreLoudness.THIRD_OCTAVE_BANDS][chunkCapacity];
        double[][] core = new double[CoreLoudness.CRITICAL_BANDS][chunkCapacity];
        double[] totalLoudness = new double[chunkCapacity];
        double[] maxLevel = new double[CoreLoudness.THIRD_OCTAVE_BANDS];
        Arrays.fill(maxLevel, Double.NEGATIVE_INFINITY);
        ThirdOctaveFilterBank filterBank = new ThirdOctaveFilterBank();
        // The 21st core value is always 0, which the decay network keeps at 0: the 20 bands below decay, in pairs.
        NonlinearDecay decay = new NonlinearDecay(CoreLoudness.CRITICAL_BANDS - 1);
        TemporalWeighting weighting = new TemporalWeighting();

        for (int chunkStart = 0; chunkStart < totalSteps; chunkStart += CHUNK_STEPS) {
            final int firstStep = chunkStart;
            final int steps = Math.min(CHUNK_STEPS, totalSteps - chunkStart);
            final int fromSample = chunkStart * SAMPLES_PER_STEP;
            final int toSample = Math.min(pressurePa48k.length, (chunkStart + steps) * SAMPLES_PER_STEP);
            final int blocks = ceilDiv(steps, STEP_BLOCK);

            inParallel(ThirdOctaveFilterBank.GROUPS, group -> filterBank.process(group, pressurePa48k, fromSample,
                    toSample, levels, maxLevel));
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
        }
        return new TimeVaryingLoudnessResult(loudness, TIME_STEP_S, warnings(maxLevel));
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

    /** Runs body(0 … count−1) as independent tasks in the current ForkJoinPool and waits for all. */
    private static void inParallel(int count, IntConsumer body) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(ForkJoinTask.adapt(() -> body.accept(index)));
        }
        ForkJoinTask.invokeAll(tasks);
    }

    private static int ceilDiv(int a, int b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
