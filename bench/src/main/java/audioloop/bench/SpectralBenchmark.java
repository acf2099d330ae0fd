package audioloop.bench;

import audioloop.spectral.SpectralAnalyzer;
import audioloop.spectral.SpectralFrames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The spectral block: one STFT shared by every librosa feature ({@link SpectralAnalyzer#analyze}). */
@State(Scope.Benchmark)
public class SpectralBenchmark extends SignalBenchmark {
    @Benchmark
    public SpectralFrames spectral() {
        return onPool(() -> SpectralAnalyzer.analyze(pressurePa48k));
    }
}
