package audioloop.bench;

import audioloop.ecmaloudness.EcmaLoudness;
import audioloop.ecmaloudness.EcmaLoudnessResult;
import audioloop.ecmaroughness.EcmaRoughness;
import audioloop.ecmaroughness.EcmaRoughnessResult;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.hearingmodel.AuditoryFilter;
import audioloop.hearingmodel.CriticalBands;
import audioloop.hearingmodel.RectifiedBands;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * ECMA-418-2:2025 (Sottek Hearing Model): loudness and tonality from one hearing-model pass, fed in the pipeline's
 * 2 s blocks; roughness alone; all three on one shared front end (as {@code --metrics ecma} runs them, the issue's
 * target); and the floor of the model, the 53 auditory band-pass filters alone (sequential, one band after the
 * other).
 */
@State(Scope.Benchmark)
public class EcmaBenchmark extends SignalBenchmark {
    private static final int BLOCK = 2 * SAMPLE_RATE_HZ;

    @Benchmark
    public EcmaLoudnessResult loudnessAndTonality() {
        return onPool(() -> {
            EcmaLoudness loudness = new EcmaLoudness();
            EcmaTonality tonality = new EcmaTonality();
            ComponentLoudness components = new ComponentLoudness(false, (l, tonal, noise) -> {
                loudness.frame(l, tonal, noise);
                tonality.frame(l, tonal, noise);
            });
            for (int from = 0; from < pressurePa48k.length; from += BLOCK) {
                components.accept(pressurePa48k, from, Math.min(BLOCK, pressurePa48k.length - from));
            }
            components.finish();
            tonality.result();
            return loudness.result();
        });
    }

    @Benchmark
    public EcmaRoughnessResult roughness() {
        return onPool(() -> {
            EcmaRoughness roughness = new EcmaRoughness(false, false);
            for (int from = 0; from < pressurePa48k.length; from += BLOCK) {
                roughness.accept(pressurePa48k, from, Math.min(BLOCK, pressurePa48k.length - from));
            }
            return roughness.finish();
        });
    }

    /** The three on one front end, driven as the pipeline's EcmaMetric drives them. */
    @Benchmark
    public EcmaRoughnessResult loudnessTonalityRoughness() {
        return onPool(() -> {
            RectifiedBands bands = new RectifiedBands(false, ComponentLoudness.keepSamples(),
                    EcmaRoughness.rawKeepSamples());
            EcmaLoudness loudness = new EcmaLoudness();
            EcmaTonality tonality = new EcmaTonality();
            ComponentLoudness components = new ComponentLoudness(bands, (l, tonal, noise) -> {
                loudness.frame(l, tonal, noise);
                tonality.frame(l, tonal, noise);
            });
            EcmaRoughness roughness = new EcmaRoughness(bands, false);
            for (int from = 0; from < pressurePa48k.length; from += RectifiedBands.maxAppend()) {
                bands.append(pressurePa48k, from, Math.min(RectifiedBands.maxAppend(), pressurePa48k.length - from));
                components.advance();
                roughness.advance();
            }
            EcmaRoughnessResult result = roughness.finish();
            components.finish();
            loudness.result();
            tonality.result();
            return result;
        });
    }

    @Benchmark
    public double filterBankOnly() {
        double[] out = new double[pressurePa48k.length];
        double check = 0;
        for (int band = 0; band < CriticalBands.COUNT; band++) {
            new AuditoryFilter(band).filter(pressurePa48k, pressurePa48k.length, out, 0);
            check += out[out.length - 1];
        }
        return check;
    }
}
