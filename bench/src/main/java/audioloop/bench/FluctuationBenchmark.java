package audioloop.bench;

import audioloop.fluctuation.FluctuationResult;
import audioloop.fluctuation.FluctuationStrength;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Osses et al. (2016) fluctuation strength, 2 s frames every 0.2 s ({@link FluctuationStrength#compute}). */
@State(Scope.Benchmark)
public class FluctuationBenchmark extends SignalBenchmark {
    @Benchmark
    public FluctuationResult fluctuation() {
        return onPool(() -> FluctuationStrength.compute(pressurePa48k));
    }
}
