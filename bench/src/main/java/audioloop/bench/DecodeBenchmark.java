package audioloop.bench;

import audioloop.dsp.PolyphaseResampler;
import audioloop.io.DecodedAudio;
import audioloop.io.WavDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the input: {@link WavDecoder#decode} of a 44.1 kHz stereo 16-bit WAV (the common case, resampled by the
 * pipeline), alone and followed by the one resampling to 48 kHz. The file is written to a temporary directory in
 * set-up, so it is read from the page cache: this measures decoding, not the disk.
 */
@State(Scope.Benchmark)
public class DecodeBenchmark extends PooledBenchmark {
    @Param({"10", "60"})
    public int durationS;

    private Path file;

    @Override
    protected void prepare() throws IOException {
        file = Files.createTempFile("audioloop-bench-", ".wav");
        MakeSignal.write(file, durationS, 44_100, 2);
    }

    @Override
    protected void cleanUp() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public DecodedAudio decode() {
        return onPool(() -> WavDecoder.decode(file));
    }

    @Benchmark
    public double[] decodeAndResample() {
        return onPool(() -> {
            DecodedAudio audio = WavDecoder.decode(file);
            return PolyphaseResampler.to48k(audio.mono(), audio.sampleRateHz());
        });
    }
}
