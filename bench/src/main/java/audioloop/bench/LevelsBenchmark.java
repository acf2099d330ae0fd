package audioloop.bench;

import audioloop.levels.SoundLevelMeter;
import audioloop.levels.SoundLevels;
import audioloop.loudness.SoundField;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The metrics of issue 15 part A as the pipeline runs them: the IEC 61672-1 sound level meter (A and C weighting,
 * F and S detectors, L_eq sums, L_AF every 10 ms), the third-octave levels 25 Hz … 20 kHz of the {@code levels}
 * section, and the sharpness moments the loudness sink now takes for the three added weightings.
 */
@State(Scope.Benchmark)
public class LevelsBenchmark extends SignalBenchmark {
    private double[] specificLoudness;

    @Override
    protected void prepare() {
        super.prepare();
        specificLoudness = StationaryLoudness.fromThirdOctaveLevels(
                ThirdOctaveSpectrum.levelsDb(pressurePa48k, SAMPLE_RATE_HZ), SoundField.FREE).specificLoudness();
    }

    /** Sound levels of the whole signal, fed in 2 s blocks as the pipeline feeds it. */
    @Benchmark
    public SoundLevels soundLevelMeter() {
        return onPool(() -> {
            SoundLevelMeter meter = new SoundLevelMeter(SAMPLE_RATE_HZ, pressurePa48k.length);
            for (int from = 0; from < pressurePa48k.length; from += 2 * SAMPLE_RATE_HZ) {
                meter.accept(pressurePa48k, from, Math.min(2 * SAMPLE_RATE_HZ, pressurePa48k.length - from));
            }
            return meter.finish();
        });
    }

    /** noct_spectrum(sig, 48000, 25, 20000, n=3) by the band filters, block-fed (the pipeline's path below 6.4 s). */
    @Benchmark
    public double[] thirdOctaveLevels() {
        return onPool(() -> {
            ThirdOctaveSpectrum.Stream stream = new ThirdOctaveSpectrum.Stream(SAMPLE_RATE_HZ, pressurePa48k.length,
                    25, 20_000);
            for (int from = 0; from < pressurePa48k.length; from += 2 * SAMPLE_RATE_HZ) {
                stream.accept(pressurePa48k, from, Math.min(2 * SAMPLE_RATE_HZ, pressurePa48k.length - from));
            }
            return stream.finish();
        });
    }

    /** The same levels from one DFT of the whole signal (the pipeline's path from 6.4 s on), the copy included. */
    @Benchmark
    public double[] thirdOctaveLevelsFromSpectrum() {
        return onPool(() -> {
            int n = pressurePa48k.length;
            double[] buffer = java.util.Arrays.copyOf(pressurePa48k,
                    ThirdOctaveSpectrum.transformLength(n, SAMPLE_RATE_HZ, 25, 20_000));
            return ThirdOctaveSpectrum.levelsDbInPlace(buffer, n, SAMPLE_RATE_HZ, 25, 20_000);
        });
    }

    /**
     * The added sharpness work: the Aures, von Bismarck and Fastl moments of every 2 ms frame (the DIN one was
     * there before), on one N′(z) pattern, then their S(t).
     */
    @Benchmark
    public double addedSharpnessWeightings() {
        int frames = TimeVaryingLoudness.frameCount(pressurePa48k.length);
        double[] loudness = new double[frames];
        java.util.Arrays.fill(loudness, 10.0);
        double total = 0;
        for (SharpnessWeighting w : SharpnessWeighting.values()) {
            if (w == SharpnessWeighting.DIN) {
                continue;
            }
            double[] moments = new double[frames];
            for (int t = 0; t < frames; t++) {
                moments[t] = Sharpness.weightedMoment(w, specificLoudness);
            }
            total += Sharpness.timeVarying(w, loudness, moments)[frames - 1];
        }
        return total;
    }
}
