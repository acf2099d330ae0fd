package audioloop.bench;

import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;
import audioloop.tonality.EcmaTonality;
import audioloop.tonality.TonalityResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The whole-file metrics of issue 15 part B as their pipeline stages run them after the last block: ECMA-74 TNR and
 * PR (one Hann DFT of the whole signal, screening, both procedures) and the ANSI S3.5 SII (one Blackman DFT, band
 * levels). Each transforms a copy, as the stage transforms the signal it kept (the copy is part of the figure).
 */
@State(Scope.Benchmark)
public class TonalityBenchmark extends SignalBenchmark {
    @Benchmark
    public TonalityResult tonality() {
        return onPool(() -> EcmaTonality.analyze(pressurePa48k.clone(), SAMPLE_RATE_HZ));
    }

    @Benchmark
    public double sii() {
        return onPool(() -> SpeechIntelligibilityIndex.ofNoise(pressurePa48k.clone(), SAMPLE_RATE_HZ,
                SpeechLevel.NORMAL));
    }
}
