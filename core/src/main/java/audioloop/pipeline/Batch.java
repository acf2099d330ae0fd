package audioloop.pipeline;

import audioloop.io.FileErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Analyses many files, several at a time so that short files keep every core busy, and hands the outcomes to a
 * consumer in input order. A file that fails yields a {@link FileFailure}; the others go on.
 *
 * <p>Each file is coordinated by a thread of a small fixed executor that only waits: all computation runs on the
 * ForkJoinPool, so {@code --threads} bounds the CPU used. At most {@code pool parallelism + 1} files are in
 * flight, which bounds memory too.
 */
public final class Batch {
    /** The outcome of one file: exactly one of the two is non-null. */
    public record Outcome(FileAnalysis analysis, FileFailure failure) {
    }

    /** One input: the path to read and the name to print. */
    public record Input(Path path, String displayName) {
    }

    private final Analyzer analyzer;
    private final int inFlight;

    public Batch(AnalysisOptions options, ForkJoinPool pool) {
        this(options, pool, false);
    }

    /** @param jitIsC1Only see {@link Analyzer#Analyzer(AnalysisOptions, ForkJoinPool, boolean)} */
    public Batch(AnalysisOptions options, ForkJoinPool pool, boolean jitIsC1Only) {
        this.analyzer = new Analyzer(options, pool, jitIsC1Only);
        this.inFlight = pool.getParallelism() + 1;
    }

    public void run(List<Input> inputs, Consumer<Outcome> inOrder) throws InterruptedException {
        ExecutorService coordinators = Executors.newFixedThreadPool(Math.min(inFlight, Math.max(1, inputs.size())), r -> {
            Thread t = new Thread(r, "audioloop-file");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(inFlight);
        try {
            List<Future<Outcome>> futures = new ArrayList<>(inputs.size());
            int next = 0;
            for (Input input : inputs) {
                slots.acquire();
                futures.add(coordinators.submit(() -> {
                    try {
                        return analyseOne(input);
                    } finally {
                        slots.release();
                    }
                }));
                // Hand over everything that is finished, in order, while later files are still being submitted.
                while (next < futures.size() && futures.get(next).isDone()) {
                    inOrder.accept(get(futures.get(next++)));
                }
            }
            while (next < futures.size()) {
                inOrder.accept(get(futures.get(next++)));
            }
        } finally {
            coordinators.shutdownNow();
        }
    }

    private Outcome analyseOne(Input input) {
        try {
            return new Outcome(analyzer.analyze(input.path(), input.displayName()), null);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new Outcome(null, failure(input.displayName(), e));
        }
    }

    /**
     * Why the analysis of {@code file} failed, in words: unreadable or not a WAV we take (exit code 1), out of memory
     * (1, with the remedy), or a bug of ours (3). For every caller of the analysis: the batch, the library's users.
     */
    public static FileFailure failure(String file, Throwable e) {
        if (e instanceof IOException io) {
            return new FileFailure(file, FileErrors.inWords(io), false, e);
        }
        return failure(file, e, Runtime.getRuntime().maxMemory());
    }

    /**
     * A file that failed other than by being unreadable: out of memory anywhere in the cause chain (a metric's task
     * wraps it) is a limit of this run, so the input fails (exit code 1) with the remedy in words; anything else is
     * a bug of ours (exit code 3).
     */
    static FileFailure failure(String file, Throwable e, long maxHeapBytes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new FileFailure(file, "out of memory: the analysis needs more than the " + (maxHeapBytes >> 20)
                        + " MiB heap of this JVM (memory grows with duration only with --series); raise it with"
                        + " JAVA_OPTS=-Xmx<size>, e.g. JAVA_OPTS=-Xmx" + Math.max(1, 2 * (maxHeapBytes >> 30)) + "g", false, e);
            }
        }
        String message = e instanceof MetricException ? e.getMessage() : "internal error: " + e;
        return new FileFailure(file, message, true, e);
    }

    private static Outcome get(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("file coordinator failed", e.getCause());
        }
    }
}
