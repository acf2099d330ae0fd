package audioloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmarks that read a file as the CLI does: {@link TestSignal} of {@link #durationS} seconds written in set-up as
 * a 44.1 kHz stereo 16-bit WAV (the common case, resampled by the pipeline) to a temporary file, deleted in
 * tear-down. The file is read from the page cache, so the benchmarks measure decoding, not the disk.
 */
@State(Scope.Benchmark)
public abstract class WavFileBenchmark extends PooledBenchmark {
    @Param({"10", "60"})
    public int durationS;

    protected Path file;

    @Override
    protected void prepare() throws IOException {
        file = Files.createTempFile("audioloop-bench-", ".wav");
        MakeSignal.write(file, durationS, 44_100, 2);
    }

    @Override
    protected void cleanUp() throws IOException {
        Files.deleteIfExists(file);
    }
}
