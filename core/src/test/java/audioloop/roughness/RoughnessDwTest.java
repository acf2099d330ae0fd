package audioloop.roughness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.Blocks;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Self-contained checks on signals generated here (no ../shared needed). */
class RoughnessDwTest {
    private static final int FS = 48000;

    /** One second at 48 kHz of (1 + m·sin 2π·fm·t)·sin 2π·fc·t, scaled to the given rms level in dB SPL. */
    private static double[] amTone(double fc, double fm, double depth, double levelDb) {
        return amTone(FS, fc, fm, depth, levelDb);
    }

    private static double[] amTone(int sampleRateHz, double fc, double fm, double depth, double levelDb) {
        double[] x = new double[sampleRateHz];
        double sumSq = 0.0;
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / sampleRateHz;
            x[i] = (1 + depth * Math.sin(2 * Math.PI * fm * t)) * Math.sin(2 * Math.PI * fc * t);
            sumSq += x[i] * x[i];
        }
        double gain = 2e-5 * Math.pow(10, levelDb / 20) / Math.sqrt(sumSq / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] *= gain;
        }
        return x;
    }

    @Test
    void referenceStimulusIsOneAsper() {
        // Daniel & Weber's calibration: 1 kHz, 100 % AM at 70 Hz, 60 dB → 1 asper (MoSQITo's test: ±17 %).
        // MoSQITo 1.2.1 on this exact signal (run here): R = 1.0192112 (± 1e-8 between frames) in every frame.
        RoughnessResult result = RoughnessDw.compute(amTone(1000, 70, 1, 60), FS);
        assertEquals(9, result.roughnessAsper().length);
        for (double r : result.roughnessAsper()) {
            assertEquals(1.0192112, r, 1e-6);
        }
        assertTrue(result.warnings().isEmpty());
    }

    @Test
    void referenceStimulusAt44100Hz() {
        // n = 8820 has no power-of-two factor ≥ 64, so the envelope bins come from one whole transform instead of
        // 75 blocks of 128 (RoughnessModel#envelopeBlockLength). MoSQITo 1.2.1 on this signal: 1.01929895.
        for (double r : RoughnessDw.compute(amTone(44100, 1000, 70, 1, 60), 44100).roughnessAsper()) {
            assertEquals(1.01929895, r, 1e-6);
        }
    }

    @Test
    void unmodulatedToneIsAlmostSmooth() {
        // Three orders below the AM tone; what is left is the Blackman window's own envelope. MoSQITo 1.2.1 on
        // this exact signal (run here): 5.9179489e-4 asper in every frame.
        for (double r : RoughnessDw.compute(amTone(1000, 70, 0, 60), FS).roughnessAsper()) {
            assertEquals(5.9179489e-4, r, 1e-11);
        }
    }

    @Test
    void silenceHasNoRoughness() {
        RoughnessResult result = RoughnessDw.compute(new double[FS], FS);
        for (double r : result.roughnessAsper()) {
            assertEquals(0.0, r);
        }
    }

    @Test
    void roughnessGrowsWithModulationDepth() {
        // Zwicker & Fastl §11.1: R ∝ m^p with p ≈ 1.6 … 2; here simply strictly increasing in m.
        double previous = -1;
        for (double depth : new double[] {0.25, 0.5, 0.75, 1.0}) {
            double r = RoughnessDw.compute(amTone(1000, 70, depth, 60), FS).meanAsper();
            assertTrue(r > previous, "m = " + depth + ": R = " + r);
            previous = r;
        }
    }

    @Test
    void inputShorterThanOneFrameIsRejected() {
        assertEquals(9600, RoughnessDw.frameLength(FS));
        assertThrows(IllegalArgumentException.class, () -> RoughnessDw.compute(new double[FS / 10], FS));
        assertEquals(1, RoughnessDw.compute(new double[9600], FS).roughnessAsper().length);
    }

    @Test
    void frameTimesAreFrameCentres() {
        RoughnessResult result = RoughnessDw.compute(new double[FS], FS);
        double[] t = result.timeS();
        assertEquals(9, t.length); // frames start every 4800 samples while start + 9600 ≤ 48000
        for (int l = 0; l < t.length; l++) {
            assertEquals((l * 4800 + 4799.5) / FS, t[l], 1e-15);
        }
    }

    @Test
    void loudToneAbove24BarkGivesFiniteResultAndWarning() {
        // notes/mosqito.md §6.14: MoSQITo raises IndexError on this input (17 kHz ≈ 24.2 Bark, audible at 110 dB).
        RoughnessResult loud = RoughnessDw.compute(amTone(17000, 0, 0, 110), FS);
        for (double r : loud.roughnessAsper()) {
            assertTrue(Double.isFinite(r) && r >= 0 && r < 0.01, "R = " + r);
        }
        assertEquals(1, loud.warnings().size());
        // At 100 dB the tone is below the roughness threshold there, MoSQITo returns 0 and so do we, silently.
        RoughnessResult quieter = RoughnessDw.compute(amTone(17000, 0, 0, 100), FS);
        for (double r : quieter.roughnessAsper()) {
            assertEquals(0.0, r);
        }
        assertTrue(quieter.warnings().isEmpty());
    }

    @Test
    void resultDoesNotDependOnPoolSize() throws Exception {
        double[] x = amTone(500, 40, 0.7, 70);
        RoughnessResult one = inPool(1, x);
        RoughnessResult three = inPool(3, x); // 4 chunks of frames against 9
        assertArrayEquals(one.roughnessAsper(), three.roughnessAsper());
        assertArrayEquals(one.specificRoughnessAsper(), three.specificRoughnessAsper());
    }

    private static RoughnessResult inPool(int parallelism, double[] x) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(() -> RoughnessDw.compute(x, FS)).get();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * R′(z) of the 1 kHz reference tone (60 dB, 100 % AM at 70 Hz): its channels sum to the mean R (MoSQITo's
     * R = Σ R_spec), and it peaks at the carrier's critical-band rate, 1 kHz ≈ 8.5 Bark (Zwicker's table), a channel
     * either side at most.
     */
    @Test
    void specificRoughnessSumsToRAndPeaksAtTheCarrier() {
        RoughnessResult result = RoughnessDw.compute(amTone(1000, 70, 1, 60), FS);
        double[] specific = result.specificRoughnessAsper();
        double[] bark = RoughnessResult.channelBark();
        assertEquals(47, specific.length);
        double sum = 0;
        int peak = 0;
        for (int c = 0; c < specific.length; c++) {
            sum += specific[c];
            if (specific[c] > specific[peak]) {
                peak = c;
            }
        }
        assertEquals(result.meanAsper(), sum, 1e-12 * result.meanAsper());
        assertEquals(8.5, bark[peak], 0.5, "R′ peaks at channel " + bark[peak] + " Bark");
        assertTrue(specific[0] < 1e-3 * specific[peak] && specific[46] < 1e-3 * specific[peak],
                "no roughness far from the carrier");
    }

    /** Fed in odd blocks (1 sample, shorter and longer than a frame, the 24-Bark warning included), R(t) is unchanged. */
    @Test
    void streamInOddBlocksEqualsWholeSignal() {
        double[] x = new double[3 * FS + 1234];
        double[] tone = amTone(500, 40, 0.7, 70);
        double[] high = amTone(17000, 0, 0, 110);
        for (int i = 0; i < x.length; i++) {
            x[i] = i < FS ? tone[i] : i < 2 * FS ? high[i - FS] : tone[i % FS] + high[i % FS];
        }
        RoughnessResult whole = RoughnessDw.compute(x, FS);
        for (int[] blocks : new int[][] {{1}, {1000}, {48_001}, {7, 0, 9_599, 9_601}}) {
            RoughnessDw.Stream stream = new RoughnessDw.Stream(FS);
            Blocks.feed(x.length, blocks, (from, length) -> stream.accept(x, from, length));
            RoughnessResult streamed = stream.finish();
            assertArrayEquals(whole.roughnessAsper(), streamed.roughnessAsper());
            assertArrayEquals(whole.specificRoughnessAsper(), streamed.specificRoughnessAsper());
            assertArrayEquals(whole.timeS(), streamed.timeS());
            assertEquals(whole.warnings(), streamed.warnings());
        }
        assertEquals(1, whole.warnings().size());
    }

    /**
     * The channels as SIMD lanes and one at a time perform the same operations: on frames with many components
     * (noise plus AM tones below and above n/4, which the lane fill handles as the two halves of each bin pair), with
     * a single line (numerically flat envelopes) and above 24 Bark, R is identical to the bit.
     */
    @Test
    void channelsAsLanesEqualChannelsOneAtATime() {
        RoughnessModel model = new RoughnessModel(FS);
        FrameAnalyzer lanes = new FrameAnalyzer(model, true);
        FrameAnalyzer oneByOne = new FrameAnalyzer(model, false);
        java.util.Random random = new java.util.Random(9600);
        double[] noisy = amTone(1000, 70, 1, 60);
        double[] high = amTone(14000, 50, 1, 85);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += high[i];
            noisy[i] += 0.002 * random.nextGaussian(); // about 37 dB SPL under the 60 dB tone
        }
        double[] line = amTone(2000, 0, 0, 70);
        for (double[] x : new double[][] {noisy, line, amTone(17000, 0, 0, 110)}) {
            for (int start : new int[] {0, 4800, 38400}) {
                double expected = oneByOne.roughness(x, start);
                assertEquals(expected, lanes.roughness(x, start), 0.0);
            }
        }
        assertTrue(oneByOne.roughness(noisy, 0) > 0.5, "the noisy AM tone is rough");
    }
}
