package audioloop.bench;

import audioloop.aurestonality.AuresTonality;
import audioloop.aurestonality.AuresTonalityResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Aures (1985) tonality as SQAT implements it, 160-ms frames every 80 ms ({@link AuresTonality#compute}); each
 * frame with tonal components costs two ISO 532-1 stationary loudness evaluations (28 band-passes over the frame).
 */
@State(Scope.Benchmark)
public class AuresTonalityBenchmark extends SignalBenchmark {
    @Benchmark
    public AuresTonalityResult auresTonality() {
        return onPool(() -> AuresTonality.compute(pressurePa48k));
    }
}
