package audioloop.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Stage benchmarks on a signal already at 48 kHz (the rate every metric runs at after the resampling), mono,
 * calibrated at 1 Pa per full scale as the CLI's default: {@link TestSignal} of {@link #durationS} seconds.
 */
@State(Scope.Benchmark)
public abstract class SignalBenchmark extends PooledBenchmark {
    protected static final int SAMPLE_RATE_HZ = 48_000;

    @Param({"10", "60"})
    public int durationS;

    /** Sound pressure in Pa (= full-scale samples at 1 Pa/FS), 48 kHz. */
    protected double[] pressurePa48k;

    @Override
    protected void prepare() {
        pressurePa48k = TestSignal.mono(SAMPLE_RATE_HZ, durationS, 1);
    }
}
