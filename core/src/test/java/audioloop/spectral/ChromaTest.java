package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChromaTest {
    private static final int A = 9;

    @Test
    void pureA4PeaksAtA() {
        double[][] chroma = Chroma.stft(Stft.magnitude(Signals.sine(440.0, 2.0, 0.5)), 0.0);
        for (int t = 2; t < chroma.length - 2; t++) {
            for (int c = 0; c < Chroma.N_CHROMA; c++) {
                if (c != A) {
                    assertTrue(chroma[t][c] < chroma[t][A], "frame " + t + " chroma " + c);
                }
            }
            assertEquals(1.0, chroma[t][A], 0.0, "∞-norm puts the peak at 1");
        }
    }

    @Test
    void filterbankColumnsAreUnitNormBeforeOctaveWeighting() {
        // Bin 38 = 890.6 Hz sits near the octave-weighting centre (A/16·2^5 = 880 Hz at tuning 0): weight ≈ 1.
        double[][] bank = Chroma.filterbank(0.0);
        double sumSquares = 0.0;
        for (double[] row : bank) {
            sumSquares += row[38] * row[38];
        }
        double octave = (12 * Math.log(38 * 48000.0 / 2048 / 27.5) / Math.log(2) / 12 - 5) / 2;
        assertEquals(Math.exp(-0.5 * octave * octave), Math.sqrt(sumSquares), 1e-6);
    }

    @Test
    void silenceGivesZeroChromaAndTuning() {
        double[][] magnitude = Stft.magnitude(new double[48000]);
        assertEquals(0.0, Tuning.estimate(magnitude));
        for (double[] frame : Chroma.stft(magnitude, 0.0)) {
            for (double v : frame) {
                assertEquals(0.0, v);
            }
        }
    }

    @Test
    void tuningOfADetunedToneHasTheDetuningsSign() {
        // 30 cents sharp of A4. The estimator is biased (notes §12.1), so only the direction and a bound.
        double sharp = Tuning.estimate(Stft.magnitude(Signals.sine(440.0 * Math.pow(2, 0.3 / 12), 2.0, 0.5)));
        double flat = Tuning.estimate(Stft.magnitude(Signals.sine(440.0 * Math.pow(2, -0.3 / 12), 2.0, 0.5)));
        assertTrue(sharp > flat, sharp + " vs " + flat);
        assertTrue(Math.abs(Tuning.histogramEdge(Tuning.histogramBin(sharp)) - sharp) < 1e-15);
    }

    @Test
    void histogramBinsFollowNumpyEdges() {
        assertEquals(0, Tuning.histogramBin(-0.5));
        assertEquals(50, Tuning.histogramBin(0.0));
        assertEquals(99, Tuning.histogramBin(0.4999999));
        // Edge 58 is 0.08 computed as 58·0.01 − 0.5 = 0.07999999999999996: 0.08 itself lies in bin 58.
        assertEquals(58, Tuning.histogramBin(0.08));
        assertEquals(57, Tuning.histogramBin(Math.nextDown(Tuning.histogramEdge(58))));
        assertEquals(0.07999999999999996, Tuning.histogramEdge(58), 0.0);
    }
}
