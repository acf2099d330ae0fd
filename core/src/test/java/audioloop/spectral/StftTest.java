package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StftTest {
    @Test
    void frameCountFollowsLibrosaCentering() {
        assertEquals(1, Stft.frameCount(0));
        assertEquals(1, Stft.frameCount(511));
        assertEquals(2, Stft.frameCount(512));
        assertEquals(94, Stft.frameCount(48000));
    }

    @Test
    void sineAtBinCentrePeaksAtThatBin() {
        int k0 = 64; // 64 · 23.4375 Hz = 1500 Hz
        double[] y = new double[48000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(2 * Math.PI * k0 * i / Stft.N_FFT);
        }
        double[][] mag = Stft.magnitude(y);
        double[] mid = mag[mag.length / 2];
        int argmax = 0;
        for (int k = 1; k < mid.length; k++) {
            if (mid[k] > mid[argmax]) {
                argmax = k;
            }
        }
        assertEquals(k0, argmax);
        // Periodic Hann has coherent gain 0.5: a unit sine at a bin centre gives |X| = N/2 · 0.5 = 512.
        assertEquals(512.0, mid[k0], 1e-9);
    }
}
