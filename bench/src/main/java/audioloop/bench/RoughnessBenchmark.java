package audioloop.bench;

import audioloop.roughness.RoughnessDw;
import audioloop.roughness.RoughnessResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Daniel &amp; Weber roughness, 0.2 s frames every 0.1 s ({@link RoughnessDw#compute}). */
@State(Scope.Benchmark)
public class RoughnessBenchmark extends SignalBenchmark {
    @Benchmark
    public RoughnessResult roughness() {
        return onPool(() -> RoughnessDw.compute(pressurePa48k, SAMPLE_RATE_HZ));
    }
}
