package audioloop.ecmatonality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.dsp.RealFft;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-and-bound maximum equals the maximum over the full 16384-point transform, for every window length. */
class LagSpectrumPeakTest {
    @Test
    void sameMaximumAsTheFullTransform() {
        RealFft full = new RealFft(LagSpectrumPeak.POINTS);
        Random random = new Random(3);
        for (int m : new int[] {48, 49, 96, 137, 470, 563, 1000, 1500, 2335}) {
            for (int kind = 0; kind < 4; kind++) {
                double[] w = new double[m];
                double f = 0.01 + 0.4 * random.nextDouble();
                double mean = 0;
                for (int n = 0; n < m; n++) {
                    double noise = random.nextGaussian();
                    double tone = Math.cos(2 * Math.PI * f * n + 1.3) * Math.exp(-n / (double) m);
                    w[n] = switch (kind) {
                        case 0 -> noise;
                        case 1 -> tone;
                        case 2 -> tone + 0.3 * noise + 1e-3 * Math.cos(2 * Math.PI * 0.37 * n);
                        default -> tone * 1e-9 + 0.05 * tone * tone;
                    };
                    mean += w[n] / m;
                }
                for (int n = 0; n < m; n++) {
                    w[n] -= mean;
                }
                double expected = LagSpectrumPeak.fullTransformMax(w, m, full);
                double actual = LagSpectrumPeak.maxMagnitude(w, m, new RealFft(LagSpectrumPeak.coarsePoints(m)));
                assertEquals(expected, actual, 1e-12 * expected, "m = " + m + ", kind " + kind);
            }
        }
    }
}
