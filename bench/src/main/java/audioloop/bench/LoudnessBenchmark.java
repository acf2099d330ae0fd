package audioloop.bench;

import audioloop.loudness.SoundField;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.loudness.TimeVaryingLoudnessResult;
import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** ISO 532-1 loudness as the pipeline runs it: time-varying with the DIN 45692 sharpness moments, and stationary. */
@State(Scope.Benchmark)
public class LoudnessBenchmark extends SignalBenchmark {
    /** N(t) with a sink taking Σ N′·g·z·Δz of every frame, then S(t): the pipeline's loudness → sharpness chain. */
    @Benchmark
    public double[] timeVaryingWithSharpness() {
        return onPool(() -> {
            double[] moments = new double[TimeVaryingLoudness.frameCount(pressurePa48k.length)];
            TimeVaryingLoudnessResult loudness = TimeVaryingLoudness.compute(pressurePa48k, SoundField.FREE,
                    (frame, specificLoudness) -> moments[frame] = Sharpness.weightedMoment(SharpnessWeighting.DIN, specificLoudness));
            return Sharpness.timeVarying(SharpnessWeighting.DIN, loudness.loudnessSone(), moments);
        });
    }

    /** Third-octave levels of the whole signal, then the stationary method. */
    @Benchmark
    public StationaryLoudnessResult stationary() {
        return onPool(() -> StationaryLoudness.fromThirdOctaveLevels(
                ThirdOctaveSpectrum.levelsDb(pressurePa48k, SAMPLE_RATE_HZ), SoundField.FREE));
    }
}
