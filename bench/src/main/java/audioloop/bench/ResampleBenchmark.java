package audioloop.bench;

import audioloop.dsp.PolyphaseResampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The one resampling of the pipeline, 44.1 kHz → 48 kHz (polyphase, 160/147), of a mono signal. */
@State(Scope.Benchmark)
public class ResampleBenchmark extends PooledBenchmark {
    @Param({"10", "60"})
    public int durationS;

    private double[] signal44k;

    @Override
    protected void prepare() {
        signal44k = TestSignal.mono(44_100, durationS, 1);
    }

    @Benchmark
    public double[] resample() {
        return onPool(() -> PolyphaseResampler.to48k(signal44k, 44_100));
    }
}
