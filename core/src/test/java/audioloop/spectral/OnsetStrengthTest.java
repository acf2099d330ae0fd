package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OnsetStrengthTest {
    @Test
    void broadbandStepGivesOnePeakThreeFramesLate() {
        // Flat power 1e-6 in every band, jumping to 1 (60 dB) at frame 20: the flux of frame pair (19, 20)
        // lands on frame 19 + 3 = 22 after librosa's centring shift.
        double[][] mel = new double[40][128];
        for (int t = 0; t < mel.length; t++) {
            Arrays.fill(mel[t], t < 20 ? 1e-6 : 1.0);
        }
        for (OnsetStrength.Aggregate aggregate : OnsetStrength.Aggregate.values()) {
            double[] envelope = OnsetStrength.envelope(mel, aggregate);
            assertEquals(mel.length, envelope.length);
            for (int t = 0; t < envelope.length; t++) {
                assertEquals(t == 22 ? 60.0 : 0.0, envelope[t], 1e-12, aggregate + " frame " + t);
            }
        }
    }

    @Test
    void medianIgnoresAFewRisingBandsWhereTheMeanDoesNot() {
        double[][] mel = new double[10][128];
        for (int t = 0; t < mel.length; t++) {
            Arrays.fill(mel[t], 1.0);
            for (int m = 0; m < 10; m++) {
                mel[t][m] = t % 2 == 0 ? 1.0 : 10.0;
            }
        }
        double[] mean = OnsetStrength.envelope(mel, OnsetStrength.Aggregate.MEAN);
        double[] median = OnsetStrength.envelope(mel, OnsetStrength.Aggregate.MEDIAN);
        // Frame t reports the rise from t−3 to t−2: 10 bands × 10 dB / 128 when t−3 is even.
        assertEquals(100.0 / 128, mean[3], 1e-12);
        assertEquals(0.0, mean[4], 0.0);
        for (double v : median) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void silenceGivesZeroEnvelopeAndFloorIsGlobal() {
        assertTrue(Arrays.stream(OnsetStrength.envelope(new double[50][128], OnsetStrength.Aggregate.MEAN))
                .allMatch(v -> v == 0.0));
        // A band rising from 1e-12 to 1e-11 sits below the file-wide floor (max 0 dB − 80) and so never rises.
        double[][] mel = new double[8][128];
        for (int t = 0; t < mel.length; t++) {
            Arrays.fill(mel[t], t < 4 ? 1e-12 : 1e-11);
            mel[t][0] = 1.0;
        }
        assertTrue(Arrays.stream(OnsetStrength.envelope(mel, OnsetStrength.Aggregate.MEAN))
                .allMatch(v -> v == 0.0));
    }
}
