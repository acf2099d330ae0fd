package audioloop.bench;

import audioloop.dsp.PolyphaseResampler;
import audioloop.io.DecodedAudio;
import audioloop.io.WavDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the input: {@link WavDecoder#decode} of the benchmark WAV, alone and followed by the one resampling to
 * 48 kHz.
 */
@State(Scope.Benchmark)
public class DecodeBenchmark extends WavFileBenchmark {
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
