package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.Blocks;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolyphaseResamplerTest {

    @Test
    void fortyEightKilohertzIsReturnedUnchanged() {
        double[] x = {0.1, -0.2, 0.3};
        assertSame(x, PolyphaseResampler.to48k(x, 48_000));
    }

    @Test
    void ratesOutsideTheSupportedRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PolyphaseResampler.to48k(new double[10], 999));
        assertThrows(IllegalArgumentException.class, () -> PolyphaseResampler.to48k(new double[10], 768_001));
    }

    /** scipy: output length ceil(n·up/down). */
    @ParameterizedTest
    @CsvSource({"44100, 0, 0", "44100, 44100, 48000", "44100, 1, 2", "8000, 8001, 48006", "96000, 96001, 48001", "1234, 617, 24000",
        "1234, 1, 39", "768000, 17, 2", "22050, 100, 218"})
    void outputLengthIsCeilOfNTimesUpOverDown(int rate, int n, int expected) {
        assertEquals(expected, PolyphaseResampler.to48k(new double[n], rate).length);
    }

    /**
     * The prototype is firwin's Kaiser-windowed sinc scaled to DC gain up: symmetric, 20·max(up, down) + 1 taps,
     * summing to up, and zero at every max(up, down)-th tap from the centre (the sinc's zeros).
     */
    @ParameterizedTest
    @CsvSource({"160, 147", "6, 1", "1, 2", "24000, 617"})
    void prototypeIsAUnitGainWindowedSinc(int up, int down) {
        double[] h = PolyphaseResampler.prototype(up, down);
        int maxRate = Math.max(up, down);
        int half = 10 * maxRate;
        assertEquals(2 * half + 1, h.length);
        assertEquals(up, PairwiseSum.sum(h), 1e-12 * up);
        double peak = h[half];
        for (int j = 0; j < half; j++) {
            assertEquals(h[j], h[h.length - 1 - j]);
            assertTrue(Math.abs(h[j]) < peak);
        }
        for (int k = 1; k <= 10; k++) {
            assertEquals(0.0, h[half + k * maxRate], 1e-15 * peak);
        }
    }

    @Test
    void kaiserWindowBesselFunctionMatchesKnownValues() {
        // I0(0) = 1; I0(5) = 27.239871823604442 (Abramowitz & Stegun Table 9.8: e^5 · 0.1835408126).
        assertEquals(1.0, PolyphaseResampler.besselI0(0.0));
        assertEquals(27.239871823604442, PolyphaseResampler.besselI0(5.0), 1e-14 * 27.24);
    }

    /**
     * A constant stays constant: exactly for pure decimation (one phase, unit sum), within the Kaiser β 5
     * design's passband ripple (7e-4 measured in scipy) when each phase carries its own share of the taps.
     */
    @ParameterizedTest
    @CsvSource({"44100, 1e-3", "8000, 1e-3", "1234, 1e-3", "96000, 1e-12", "192000, 1e-12"})
    void constantInputGivesConstantOutputAwayFromTheEdges(int rate, double tolerance) {
        double[] x = new double[rate];
        Arrays.fill(x, 1.0);
        double[] y = PolyphaseResampler.to48k(x, rate);
        for (int m = y.length / 4; m < 3 * y.length / 4; m++) {
            assertEquals(1.0, y[m], tolerance);
        }
    }

    /** A sine well inside the passband keeps its amplitude and phase: the filter is linear-phase and centred. */
    @ParameterizedTest
    @CsvSource({"44100, 1000", "8000, 440", "22050, 1000", "96000, 5000", "192000, 10000", "1234, 100"})
    void sineKeepsAmplitudeAndPhase(int rate, double frequencyHz) {
        double[] x = new double[2 * rate];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * frequencyHz * i / rate + 0.3);
        }
        double[] y = PolyphaseResampler.to48k(x, rate);
        for (int m = y.length / 4; m < 3 * y.length / 4; m++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * frequencyHz * m / 48_000 + 0.3), y[m], 1e-3);
        }
    }

    @Test
    void resultDoesNotDependOnThePoolSize() throws Exception {
        Random random = new Random(3);
        double[] x = new double[441_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            double[] a = one.submit(() -> PolyphaseResampler.to48k(x, 44_100)).get();
            double[] b = three.submit(() -> PolyphaseResampler.to48k(x, 44_100)).get();
            assertArrayEquals(a, b);
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    /**
     * The block-fed resampler gives to48k's samples bit for bit whatever the block sizes, including blocks shorter
     * than the filter's history and an empty block; 48 kHz passes through.
     */
    @ParameterizedTest
    @CsvSource({"44100", "8000", "1234", "96000", "48000", "22050"})
    void streamInOddBlocksEqualsWholeSignal(int rate) {
        Random random = new Random(rate);
        double[] x = new double[rate + 4321];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] whole = PolyphaseResampler.to48k(x, rate);
        for (int[] blocks : new int[][] {{1}, {1000}, {48_001}, {7, 0, 3, 100_003}, {x.length}}) {
            PolyphaseResampler.Stream stream = new PolyphaseResampler.Stream(rate);
            double[][] streamed = {new double[0]};
            Blocks.feed(x.length, blocks,
                    (from, length) -> streamed[0] = concat(streamed[0], stream.accept(x, from, length)));
            assertArrayEquals(whole, concat(streamed[0], stream.finish()),
                    "rate " + rate + ", blocks " + Arrays.toString(blocks));
        }
        assertEquals(whole.length, PolyphaseResampler.outputLength(x.length, rate));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
