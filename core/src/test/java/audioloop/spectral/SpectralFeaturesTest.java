package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Physics and construction checks on signals generated here (no ../shared needed). */
class SpectralFeaturesTest {
    private static final int FS = FftFrequencies.SAMPLE_RATE_HZ;

    @Test
    void oneKilohertzSine() {
        SpectralFrames f = SpectralAnalyzer.analyze(Signals.sine(1000, 2.0, 0.5));
        int mid = f.frameCount() / 2;
        // Hann leakage is symmetric about the tone: centroid at the tone, bandwidth a few bins.
        assertEquals(1000.0, f.spectralCentroid()[mid], 5.0);
        assertTrue(f.spectralBandwidth()[mid] > 0 && f.spectralBandwidth()[mid] < 4 * FftFrequencies.BIN_HZ);
        // 85 % of the magnitude is reached within the main lobe (±2 bins of 42.67).
        assertEquals(1000.0, f.spectralRolloff()[mid], 2 * FftFrequencies.BIN_HZ);
        assertEquals(0.0, f.spectralRolloff()[mid] % FftFrequencies.BIN_HZ);
        // A/√2, up to the 42.67 periods per frame not being a whole number.
        assertEquals(0.5 / Math.sqrt(2), f.rms()[mid], 1e-3);
        // Two crossings per period: 2·1000/48000 per sample, over 2047 of the frame's 2048 positions.
        assertEquals(2.0 * 1000 / FS, f.zeroCrossingRate()[mid], 2.0 / Stft.N_FFT);
        assertTrue(f.spectralFlatness()[mid] < 1e-3);
        // The tone's octave band (800–1600 Hz) has far more contrast than noise would.
        assertTrue(f.spectralContrast()[mid][3] > 30);
    }

    @Test
    void whiteNoise() {
        SpectralFrames f = SpectralAnalyzer.analyze(Signals.whiteNoise(4.0, 0.1, 11));
        // Periodogram bins of white noise are exponentially distributed: E[ln P] = ln E[P] − γ, so the
        // flatness is close to e^−γ = 0.5615.
        assertEquals(Math.exp(-0.5772156649), FeatureStats.of(f.spectralFlatness()).mean(), 0.02);
        assertEquals(FS / 4.0, FeatureStats.of(f.spectralCentroid()).mean(), 200);
        assertEquals(0.85 * FS / 2, FeatureStats.of(f.spectralRolloff()).mean(), 200);
        // Flat magnitude on [0, 24 kHz]: standard deviation of a uniform distribution, 24000/√12.
        assertEquals(FS / 2 / Math.sqrt(12), FeatureStats.of(f.spectralBandwidth()).mean(), 150);
        assertEquals(0.5, FeatureStats.of(f.zeroCrossingRate()).mean(), 0.01);
        assertEquals(0.1, f.rms()[f.frameCount() / 2], 0.005);
    }

    @Test
    void silenceGivesFiniteValues() {
        SpectralFrames f = SpectralAnalyzer.analyze(new double[FS]);
        double c0 = Math.sqrt(MelFilterbank.N_MELS) * -100.0;
        for (int t = 0; t < f.frameCount(); t++) {
            assertEquals(0.0, f.rms()[t]);
            assertEquals(0.0, f.zeroCrossingRate()[t]);
            assertEquals(0.0, f.spectralCentroid()[t]);
            assertEquals(0.0, f.spectralBandwidth()[t]);
            assertEquals(0.0, f.spectralRolloff()[t]);
            // exp(mean ln 1e-10) / mean 1e-10, not 1 (notes/librosa.md §7). The reference shows 0.9999999999999993
            // because numpy 1.24's exp returned 9.999999999999995e-11, one ulp below the correctly rounded
            // 9.999999999999996e-11 that Java and numpy 2.4 on this machine give.
            assertEquals(0.9999999999999994, f.spectralFlatness()[t]);
            for (double c : f.spectralContrast()[t]) {
                assertEquals(0.0, c);
            }
            for (double db : f.melDb()[t]) {
                assertEquals(-100.0, db); // 10·log10(amin = 1e-10)
            }
            assertEquals(c0, f.mfcc()[t][0], 1e-9);
            for (int j = 1; j < Mfcc.N_MFCC; j++) {
                assertEquals(0.0, f.mfcc()[t][j], 1e-9);
            }
        }
    }

    @Test
    void frameCountsFollowTheStft() {
        for (int n : new int[] {0, 1, 511, 512, 48_000}) {
            SpectralFrames f = SpectralAnalyzer.analyze(new double[n]);
            int frames = Stft.frameCount(n);
            assertEquals(frames, f.frameCount());
            assertEquals(frames, f.zeroCrossingRate().length);
            assertEquals(frames, f.spectralContrast().length);
            assertEquals(SpectralContrast.BANDS, f.spectralContrast()[0].length);
            assertEquals(MelFilterbank.N_MELS, f.melPower()[0].length);
            assertEquals(Mfcc.N_MFCC, f.mfcc()[0].length);
        }
    }

    @Test
    void zeroCrossingRateCountsSignChangesInsideTheFrame() {
        // Alternating ±1: every neighbour pair inside the frame crosses (2047 of 2048 positions); at the edges the
        // padding repeats the first/last sample, which does not cross.
        double[] y = new double[4096];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 1.0 : -1.0;
        }
        double[] zcr = ZeroCrossingRate.frames(y);
        assertEquals(1023.0 / 2048, zcr[0]); // 1024 padded copies of y[0], then 1024 alternating samples
        assertEquals(2047.0 / 2048, zcr[4]);
        assertEquals(1023.0 / 2048, zcr[8]); // 1024 alternating samples then 1024 copies of y[4095]
        // |x| ≤ 1e-10 counts as +0: tiny alternation is no crossing.
        for (int i = 0; i < y.length; i++) {
            y[i] *= 1e-10;
        }
        assertEquals(0.0, ZeroCrossingRate.frames(y)[4]);
    }

    @Test
    void rmsOfAKnownFrame() {
        double[] y = new double[4096];
        Arrays.fill(y, 0.25);
        double[] rms = Rms.frames(y);
        assertEquals(0.25 * Math.sqrt(0.5), rms[0], 1e-15); // half of frame 0 is the zero padding
        assertEquals(0.25, rms[4], 1e-15);
    }

    @Test
    void melFilterbankHasNoEmptyBandAndSlaneyAreaNormalisation() {
        MelFilterbank bank = MelFilterbank.librosaDefault();
        double[] edges = bank.bandEdgesHz();
        assertEquals(MelFilterbank.N_MELS + 2, edges.length);
        assertEquals(0.0, edges[0]);
        assertEquals(FS / 2.0, edges[edges.length - 1]);
        // Below 1 kHz the Slaney scale is linear: edges are evenly spaced.
        assertEquals(edges[1] - edges[0], edges[31] - edges[30], 1e-9);
        int nonZero = 0;
        for (int m = 0; m < MelFilterbank.N_MELS; m++) {
            double[] w = bank.weights(m);
            assertTrue(w.length > 0, "band " + m);
            double height = 2.0 / (edges[m + 2] - edges[m]);
            double area = 0.0;
            for (int i = 0; i < w.length; i++) {
                assertTrue(w[i] >= 0 && w[i] <= height * (1 + 1e-7), "band " + m);
                assertEquals(w[i], (float) w[i], "float32 weights");
                double f = (bank.firstBin(m) + i) * FftFrequencies.BIN_HZ;
                assertTrue(f > edges[m] && f < edges[m + 2], "band " + m + " weight outside its triangle");
                area += w[i] * FftFrequencies.BIN_HZ;
                nonZero += w[i] != 0 ? 1 : 0;
            }
            // Slaney normalisation: unit area in Hz (the sampled sum converges once the triangle spans many bins).
            if (edges[m + 2] - edges[m] > 20 * FftFrequencies.BIN_HZ) {
                assertEquals(1.0, area, 0.01, "band " + m);
            }
        }
        assertEquals(1, bank.firstBin(0));
        assertEquals(2013, nonZero); // librosa's count at these settings (notes/librosa.md §9)
    }

    @Test
    void dctIsOrthonormal() {
        int n = MelFilterbank.N_MELS;
        double[][] basis = Mfcc.dctBasis(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0.0;
                for (int m = 0; m < n; m++) {
                    dot += basis[i][m] * basis[j][m];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-13);
            }
        }
    }

    @Test
    void mfccOfAConstantSpectrumIsOnlyC0() {
        double[][] melDb = new double[1][MelFilterbank.N_MELS];
        Arrays.fill(melDb[0], -20.0);
        double[] c = Mfcc.frames(melDb, Mfcc.N_MFCC)[0];
        assertEquals(-20.0 * Math.sqrt(MelFilterbank.N_MELS), c[0], 1e-12);
        for (int j = 1; j < c.length; j++) {
            assertEquals(0.0, c[j], 1e-12);
        }
    }

    @Test
    void featureStatsAreNumpysPopulationStatistics() {
        FeatureStats s = FeatureStats.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean());
        assertEquals(Math.sqrt(1.25), s.std());
        assertEquals(1.0, s.min());
        assertEquals(4.0, s.max());
        FeatureStats.PerRow rows = FeatureStats.perRow(new double[][] {{1, -1}, {3, -1}});
        assertArrayEquals(new double[] {2, -1}, rows.mean());
        assertArrayEquals(new double[] {1, 0}, rows.std());
        assertArrayEquals(new double[] {1, -1}, rows.min());
        assertArrayEquals(new double[] {3, -1}, rows.max());
    }

    @Test
    void analysisDoesNotDependOnThePoolSize() throws Exception {
        double[] y = Signals.whiteNoise(1.0, 0.1, 11);
        for (int i = 0; i < y.length; i++) {
            y[i] += Math.sin(2 * Math.PI * 440 * i / FS);
        }
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            SpectralFrames a = one.submit(() -> SpectralAnalyzer.analyze(y)).get();
            SpectralFrames b = two.submit(() -> SpectralAnalyzer.analyze(y)).get();
            assertArrayEquals(a.rms(), b.rms());
            assertArrayEquals(a.spectralBandwidth(), b.spectralBandwidth());
            assertArrayEquals(a.spectralContrast(), b.spectralContrast());
            assertArrayEquals(a.mfcc(), b.mfcc());
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
