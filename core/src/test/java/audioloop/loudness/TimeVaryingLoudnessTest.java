package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.Blocks;
import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Self-contained physics and contract checks on signals generated here (no ../shared needed). */
class TimeVaryingLoudnessTest {
    private static final int FS = 48000;

    static double[] tone(double frequencyHz, double levelDb, double seconds) {
        double amplitude = Math.sqrt(2) * 20e-6 * Math.pow(10, levelDb / 20);
        double[] p = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < p.length; i++) {
            p[i] = amplitude * Math.sin(2 * Math.PI * frequencyHz * i / FS);
        }
        return p;
    }

    /** Mean of N(t) after the first 0.5 s (onset and temporal weighting settled). */
    static double steadyLoudness(double[] pressurePa) {
        double[] n = TimeVaryingLoudness.compute(pressurePa, SoundField.FREE, SpecificLoudnessSink.NONE)
                .loudnessSone();
        double sum = 0;
        int first = 250;
        for (int t = first; t < n.length; t++) {
            sum += n[t];
        }
        return sum / (n.length - first);
    }

    @Test
    void silenceIsZeroLoudnessAndZeroSharpness() {
        double[] silence = new double[FS];
        double[] moments = new double[TimeVaryingLoudness.frameCount(silence.length)];
        TimeVaryingLoudnessResult r = TimeVaryingLoudness.compute(silence, SoundField.DIFFUSE,
                (frame, specific) -> moments[frame] = Sharpness.weightedMoment(SharpnessWeighting.DIN, specific));
        assertEquals(500, r.loudnessSone().length);
        assertEquals(0.002, r.timeStepS());
        assertTrue(r.warnings().isEmpty());
        for (int t = 0; t < moments.length; t++) {
            assertEquals(0.0, r.loudnessSone()[t]);
            assertEquals(0.0, moments[t]);
        }
        for (double s : Sharpness.timeVarying(SharpnessWeighting.DIN, r.loudnessSone(), moments)) {
            assertEquals(0.0, s);
        }
    }

    /** A 1 kHz tone at 40 dB is 1 sone by definition; loudness grows with level, doubling per 10 dB above 40 dB. */
    @Test
    void oneKilohertzToneLoudnessRisesWithLevel() {
        double previous = 0;
        double[] byLevel = new double[5];
        for (int i = 0; i < byLevel.length; i++) {
            byLevel[i] = steadyLoudness(tone(1000, 40 + 10 * i, 1.0));
            assertTrue(byLevel[i] > previous, "N at " + (40 + 10 * i) + " dB = " + byLevel[i]);
            previous = byLevel[i];
        }
        assertEquals(1.0, byLevel[0], 0.05, "1 kHz, 40 dB");
        for (int i = 1; i < byLevel.length; i++) {
            double ratio = byLevel[i] / byLevel[i - 1];
            assertTrue(ratio > 1.8 && ratio < 2.2, "ratio per 10 dB at " + (30 + 10 * i) + " dB: " + ratio);
        }
    }

    /** Pa per full scale multiplies the signal: ×√10 is +10 dB, i.e. the 60 dB tone becomes the 70 dB tone. */
    @Test
    void calibrationFactorScalesLikeLevel() {
        double[] at60 = tone(1000, 60, 1.0);
        double[] calibrated = new double[at60.length];
        for (int i = 0; i < at60.length; i++) {
            calibrated[i] = at60[i] * Math.sqrt(10);
        }
        assertEquals(steadyLoudness(tone(1000, 70, 1.0)), steadyLoudness(calibrated), 1e-9);
        double ratio = steadyLoudness(calibrated) / steadyLoudness(at60);
        assertTrue(ratio > 1.8 && ratio < 2.2, "N(70 dB)/N(60 dB) = " + ratio);
    }

    /** Any length is accepted: ⌈⌈n/24⌉/4⌉ frames; 5 ms (240 samples) gives frames at 0, 2 and 4 ms. */
    @Test
    void shortSignalsFollowTheFrameRule() {
        assertEquals(0, TimeVaryingLoudness.compute(new double[0], SoundField.FREE, SpecificLoudnessSink.NONE)
                .loudnessSone().length);
        assertEquals(1, TimeVaryingLoudness.frameCount(1));
        assertEquals(1, TimeVaryingLoudness.frameCount(96));
        assertEquals(2, TimeVaryingLoudness.frameCount(97));

        double[] fiveMs = tone(1000, 80, 0.005);
        assertEquals(240, fiveMs.length);
        AtomicIntegerArray calls = new AtomicIntegerArray(3);
        double[] n = TimeVaryingLoudness.compute(fiveMs, SoundField.FREE, (frame, specific) -> {
            calls.incrementAndGet(frame);
            assertEquals(SpecificLoudnessSlopes.BARK_POINTS, specific.length);
        }).loudnessSone();
        assertEquals(3, n.length);
        for (int t = 0; t < 3; t++) {
            assertEquals(1, calls.get(t), "sink calls for frame " + t);
        }
        // the onset of an 80 dB tone: loudness rises from (almost) zero
        assertTrue(n[0] >= 0 && n[0] < n[1] && n[1] < n[2], java.util.Arrays.toString(n));
    }

    @Test
    void levelsAbove120DbAtLowFrequenciesWarnButAreComputed() {
        TimeVaryingLoudnessResult loud = TimeVaryingLoudness.compute(tone(100, 125, 0.5), SoundField.FREE,
                SpecificLoudnessSink.NONE);
        assertEquals(1, loud.warnings().size(), loud.warnings().toString());
        double last = loud.loudnessSone()[loud.loudnessSone().length - 1];
        assertTrue(Double.isFinite(last) && last > 0, "N = " + last);
        assertTrue(TimeVaryingLoudness.compute(tone(100, 110, 0.5), SoundField.FREE, SpecificLoudnessSink.NONE)
                .warnings().isEmpty());
    }

    /** Parallel stages write disjoint slots: results are bit-identical for any pool size. */
    @Test
    void bitIdenticalForAnyPoolSize() throws Exception {
        Random random = new Random(1);
        double[] signal = tone(250, 70, 2.3);
        double[] high = tone(4000, 65, 2.3);
        for (int i = 0; i < signal.length; i++) {
            signal[i] += high[i] + 0.02 * random.nextGaussian();
        }
        double[][] results = new double[4][];
        int[] poolSizes = {1, 3};
        for (int p = 0; p < poolSizes.length; p++) {
            ForkJoinPool pool = new ForkJoinPool(poolSizes[p]);
            try {
                double[] moments = new double[TimeVaryingLoudness.frameCount(signal.length)];
                results[2 * p] = pool.submit(() -> TimeVaryingLoudness.compute(signal, SoundField.FREE,
                        (frame, specific) -> moments[frame] = Sharpness.weightedMoment(SharpnessWeighting.DIN, specific))).get()
                        .loudnessSone();
                results[2 * p + 1] = moments;
            } finally {
                pool.shutdown();
            }
        }
        assertArrayEquals(results[0], results[2]);
        assertArrayEquals(results[1], results[3]);
    }

    /**
     * Fed in odd blocks (1 sample, shorter and longer than the one-second chunk), N(t), the N′ moments handed to
     * the sink and the warnings are those of the whole signal, bit for bit.
     */
    @Test
    void streamInOddBlocksEqualsWholeSignal() {
        Random random = new Random(6);
        double[] x = tone(100, 125, 2.7); // loud enough for the 120 dB warning
        for (int i = 0; i < x.length; i++) {
            x[i] += random.nextGaussian() * (i > FS ? 0.2 : 0.001);
        }
        int frames = TimeVaryingLoudness.frameCount(x.length);
        double[] wholeMoments = new double[frames];
        TimeVaryingLoudnessResult whole = TimeVaryingLoudness.compute(x, SoundField.FREE,
                (frame, specific) -> wholeMoments[frame] = Sharpness.weightedMoment(SharpnessWeighting.DIN, specific));
        for (int[] blocks : new int[][] {{1}, {1000}, {48_001}, {7, 0, 47_999, 96_001}}) {
            double[] moments = new double[frames];
            TimeVaryingLoudness.Stream stream = new TimeVaryingLoudness.Stream(SoundField.FREE,
                    (frame, specific) -> moments[frame] = Sharpness.weightedMoment(SharpnessWeighting.DIN, specific));
            Blocks.feed(x.length, blocks, (from, length) -> stream.accept(x, from, length));
            TimeVaryingLoudnessResult streamed = stream.finish();
            assertArrayEquals(whole.loudnessSone(), streamed.loudnessSone());
            assertArrayEquals(wholeMoments, moments);
            assertEquals(whole.warnings(), streamed.warnings());
        }
        assertEquals(1, whole.warnings().size());
    }
}
