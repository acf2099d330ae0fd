package audioloop.bench;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Common set-up of the stage benchmarks: the metrics split their work with {@code ForkJoinTask.invokeAll} in the
 * pool that calls them, so each benchmark submits its work to a {@link ForkJoinPool} of {@link #threads} workers
 * and joins it, as the pipeline does. Average time per call in ms; one fork, short iterations (a call takes
 * 10 ms … 2 s, every iteration runs at least one), sized so that the whole suite takes about 10 min on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:LoopUnrollLimit=150"}) // as the ./audioloop launcher runs
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class PooledBenchmark {
    /** Workers of the pool the stage runs in (1 = sequential, 2 = the machine's cores). */
    @Param({"1", "2"})
    public int threads;

    protected ForkJoinPool pool;

    /** One set-up per trial: the pool first, then the subclass's input (JMH does not order several @Setup methods). */
    @Setup
    public final void setUp() throws IOException {
        pool = new ForkJoinPool(threads);
        prepare();
    }

    @TearDown
    public final void tearDown() throws IOException {
        pool.shutdownNow();
        cleanUp();
    }

    /** Makes the benchmark's input; {@link #pool} is ready. */
    protected abstract void prepare() throws IOException;

    /** Removes what {@link #prepare} left outside the heap (temporary files). */
    protected void cleanUp() throws IOException {
    }

    /** Runs {@code work} as a task of the pool and waits for it, so nested fork/join tasks use the pool. */
    protected <T> T onPool(Callable<T> work) {
        return pool.submit(work).join();
    }
}
