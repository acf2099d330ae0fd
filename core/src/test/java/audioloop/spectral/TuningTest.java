package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TuningTest {
    /**
     * The two-pass estimate (for streamed files) must equal the one from all peaks at once: odd and even counts,
     * ties at the median, magnitudes spread over many or few keys, peaks grouped differently in the two passes.
     */
    @Test
    void twoPassEstimateEqualsTheOneFromAllPeaks() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int count = random.nextInt(2000);
            double spread = random.nextBoolean() ? 1e6 : 1.001;
            Tuning.Peaks all = new Tuning.Peaks();
            for (int i = 0; i < count; i++) {
                double magnitude = random.nextInt(4) == 0 ? 2.5 : Math.pow(spread, random.nextDouble());
                all.add(200 + 3000 * random.nextDouble(), magnitude);
            }
            Tuning.TwoPassEstimate twoPass = new Tuning.TwoPassEstimate();
            int split = count == 0 ? 0 : random.nextInt(count + 1);
            twoPass.first(slice(all, 0, split));
            twoPass.first(slice(all, split, count));
            twoPass.endFirst();
            twoPass.second(slice(all, 0, count / 3));
            twoPass.second(slice(all, count / 3, count));
            assertEquals(Tuning.fromPeaks(all), twoPass.estimate(), 0.0, "trial " + trial);
        }
    }

    private static Tuning.Peaks slice(Tuning.Peaks peaks, int from, int to) {
        Tuning.Peaks out = new Tuning.Peaks();
        for (int i = from; i < to; i++) {
            out.add(peaks.pitchHz(i), peaks.magnitude(i));
        }
        return out;
    }
}
