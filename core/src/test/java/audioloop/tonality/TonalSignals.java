package audioloop.tonality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generated test signals of src/test/resources/audioloop/tonality/mosqito_generated.json, made here exactly as
 * the oracle script made them (/work/oracle/tonality/make_refs.py): white noise from SplitMix64 uniform in [−1, 1)
 * times {@code noise}, plus sines amp·sin(2π·f·n/48000), in pascals at 48 kHz.
 */
public final class TonalSignals {
    private TonalSignals() {
    }

    /** SplitMix64 (Steele, Lea &amp; Flood 2014) mapped to [−1, 1) with 53 bits. */
    public static double[] uniformNoise(long seed, int samples) {
        double[] out = new double[samples];
        long s = seed;
        for (int i = 0; i < samples; i++) {
            s += 0x9E3779B97F4A7C15L;
            long z = s;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            out[i] = ((z >>> 11) * 0x1.0p-53) * 2 - 1;
        }
        return out;
    }

    /** The signal a definition node ({samples, seed, noise, tones: [[f, amp], …]}) describes. */
    public static double[] signal(JsonNode definition) {
        int samples = definition.get("samples").asInt();
        double noise = definition.get("noise").asDouble();
        double[] x = uniformNoise(definition.get("seed").asLong(), samples);
        for (int n = 0; n < samples; n++) {
            x[n] *= noise;
        }
        for (JsonNode tone : definition.get("tones")) {
            double f = tone.get(0).asDouble();
            double amp = tone.get(1).asDouble();
            for (int n = 0; n < samples; n++) {
                x[n] = x[n] + amp * Math.sin(2 * Math.PI * f * n / 48000);
            }
        }
        return x;
    }
}
