package audioloop.api;

import audioloop.io.WavSource;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Analyzer;
import audioloop.pipeline.MetricException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * audioloop as a library: the analysis the command line runs, with the same numbers, as a method call.
 *
 * <pre>{@code
 * AnalysisResult r = Audioloop.analyze(Path.of("a.wav"), AnalysisOptions.defaults());
 * double n5 = r.summary().get("loudness_n5_sone");
 * String json = r.toJson();                       // exactly the object `audioloop analyze a.wav` prints
 * }</pre>
 *
 * <p>Every method is thread-safe and may be called from many threads at once. The computation runs on a
 * {@link ForkJoinPool}: the caller's, or a shared one with a worker per core (daemon threads, made on first use). The
 * calling thread only waits, so it must not itself be a worker of that pool. Nothing is printed and nothing exits;
 * failures are exceptions:
 * <ul>
 *   <li>{@link audioloop.io.WavFormatException} (an {@link IOException}): not a WAV, or a WAV we do not decode;</li>
 *   <li>{@link IOException}: unreadable input, or input the analysis does not take (sample rate out of range,
 *       longer than 12 hours, non-finite or corrupt samples), with the reason in words;</li>
 *   <li>{@link MetricException}: a metric failed (a bug; the message names the metric);</li>
 *   <li>{@link OutOfMemoryError}: the heap is too small for this input (e.g. series of hours of audio).</li>
 * </ul>
 */
public final class Audioloop {
    private Audioloop() {
    }

    /** Analyses a WAV file on the shared pool; the result's {@code file} is {@code wav.toString()}. */
    public static AnalysisResult analyze(Path wav, AnalysisOptions options) throws IOException {
        return analyze(wav, options, SharedPool.POOL);
    }

    /** Analyses a WAV file on {@code pool}. */
    public static AnalysisResult analyze(Path wav, AnalysisOptions options, ForkJoinPool pool) throws IOException {
        return run(WavSource.of(wav), wav.toString(), options, pool);
    }

    /** As {@link #analyze(InputStream, String, AnalysisOptions)}, the result's {@code file} being {@code "stream"}. */
    public static AnalysisResult analyze(InputStream wav, AnalysisOptions options) throws IOException {
        return analyze(wav, "stream", options, SharedPool.POOL);
    }

    /**
     * Analyses the WAV bytes read from {@code wav} to its end (the stream is read whole into memory, not closed) on
     * the shared pool; {@code name} becomes the result's {@code file}.
     */
    public static AnalysisResult analyze(InputStream wav, String name, AnalysisOptions options) throws IOException {
        return analyze(wav, name, options, SharedPool.POOL);
    }

    /** As {@link #analyze(InputStream, String, AnalysisOptions)}, on {@code pool}. */
    public static AnalysisResult analyze(InputStream wav, String name, AnalysisOptions options, ForkJoinPool pool)
            throws IOException {
        return run(WavSource.of(wav.readAllBytes()), name, options, pool);
    }

    /**
     * Analyses mono samples (full scale ±1.0, scaled to pascals by the options' calibration) at any rate the command
     * line takes; the result is that of a 64-bit float WAV of the same samples, described as such in its
     * {@code input} ({@code file} is {@code "samples"}). The array is copied: the caller may reuse it.
     */
    public static AnalysisResult analyze(double[] samples, int sampleRateHz, AnalysisOptions options) throws IOException {
        return analyze(samples, sampleRateHz, options, SharedPool.POOL);
    }

    /** As {@link #analyze(double[], int, AnalysisOptions)}, on {@code pool}. */
    public static AnalysisResult analyze(double[] samples, int sampleRateHz, AnalysisOptions options, ForkJoinPool pool)
            throws IOException {
        return run(WavSource.of(FloatWav.encode(samples, sampleRateHz)), "samples", options, pool);
    }

    private static AnalysisResult run(WavSource source, String name, AnalysisOptions options, ForkJoinPool pool)
            throws IOException {
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            // The analysis waits for tasks of this pool: from one of its own workers that can starve the pool.
            throw new IllegalStateException("Audioloop.analyze called from a worker of the pool it runs on; pass "
                    + "another pool, or call it from a thread outside the pool");
        }
        return AnalysisResult.of(new Analyzer(options, pool).analyze(source, name));
    }

    /** The pool of the methods without one: a worker per core, made on first use (holder idiom). */
    private static final class SharedPool {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }
}
