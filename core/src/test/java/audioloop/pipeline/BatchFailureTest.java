package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BatchFailureTest {
    private static final long HEAP = 512L << 20;

    /** Out of memory in a metric's task (wrapped twice) fails the file, exit code 1, with the remedy in one line. */
    @Test
    void outOfMemoryInAMetricIsAnInputFailureNamingTheRemedy() {
        Throwable e = new MetricException("spectral", new CompletionException(new OutOfMemoryError("Java heap space")));
        FileFailure failure = Batch.failure("long.wav", e, HEAP);
        assertFalse(failure.internal());
        assertEquals("out of memory: the analysis needs more than the 512 MiB heap of this JVM (memory grows with"
                + " duration only with --series); raise it with JAVA_OPTS=-Xmx<size>, e.g. JAVA_OPTS=-Xmx1g",
                failure.message());
        assertFalse(failure.message().contains("\n"));
        assertTrue(Batch.failure("long.wav", new OutOfMemoryError(), HEAP).message().startsWith("out of memory"));
    }

    @Test
    void otherFailuresAreInternal() {
        FileFailure metric = Batch.failure("a.wav", new MetricException("roughness", new IllegalStateException("x")), HEAP);
        assertTrue(metric.internal());
        assertEquals("roughness failed: java.lang.IllegalStateException: x", metric.message());
        assertTrue(Batch.failure("a.wav", new IllegalStateException("y"), HEAP).internal());
    }
}
