package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The block-fed spectral block gives exactly what the in-memory one gives, whatever the block sizes and pool. */
class SpectralBlockStreamTest {
    private static final int FS = 48_000;

    /** ~20 s: pink-ish noise, a gliding tone, clicks, a silent stretch and a quiet tail. */
    private static double[] signal(int n) {
        Random random = new Random(42);
        double[] y = new double[n];
        double brown = 0.0;
        for (int i = 0; i < n; i++) {
            brown = 0.995 * brown + 0.05 * random.nextGaussian();
            double t = i / (double) FS;
            double tone = 0.3 * Math.sin(2 * Math.PI * (220 + 20 * t) * t);
            double click = i % 24_000 < 200 ? 0.8 * random.nextGaussian() : 0.0;
            y[i] = brown + tone + click;
        }
        for (int i = 5 * FS; i < Math.min(n, 6 * FS); i++) {
            y[i] = 0.0;
        }
        for (int i = Math.max(0, n - FS); i < n; i++) {
            y[i] *= 1e-4;
        }
        return y;
    }

    @Test
    void streamEqualsComputeForAnyBlockSize() throws Exception {
        double[] y = signal(20 * FS + 123);
        ForkJoinPool two = new ForkJoinPool(2);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            for (boolean series : new boolean[] {false, true}) {
                List<String> expectedWarnings = new ArrayList<>();
                SpectralBlock.Result expected =
                        two.submit(() -> SpectralBlock.compute(y, series, expectedWarnings)).get();
                for (int block : new int[] {1, 1000, 48_001, y.length}) {
                    for (ForkJoinPool pool : new ForkJoinPool[] {one, two}) {
                        List<String> warnings = new ArrayList<>();
                        SpectralBlock.Result streamed = pool.submit(() -> streamed(y, block, series, warnings)).get();
                        String where = "block " + block + ", series " + series + ", threads " + pool.getParallelism();
                        assertSame(expected.summary(), streamed.summary(), where);
                        if (series) {
                            assertSame(expected.series(), streamed.series(), where);
                        } else {
                            assertEquals(null, streamed.series());
                        }
                        assertEquals(expectedWarnings, warnings, where);
                    }
                }
            }
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    /** Short and silent signals: one frame, a few frames, no pitch, no tuning peak, no onset. */
    @Test
    void edgeCasesMatch() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            for (double[] y : new double[][] {new double[0], {0.25}, signal(1000), new double[3 * FS],
                    signal(2048 * 3 + 511)}) {
                List<String> expectedWarnings = new ArrayList<>();
                SpectralBlock.Result expected =
                        pool.submit(() -> SpectralBlock.compute(y, true, expectedWarnings)).get();
                List<String> warnings = new ArrayList<>();
                SpectralBlock.Result streamed = pool.submit(() -> streamed(y, 777, true, warnings)).get();
                assertSame(expected.summary(), streamed.summary(), "n = " + y.length);
                assertSame(expected.series(), streamed.series(), "n = " + y.length);
                assertEquals(expectedWarnings, warnings);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static SpectralBlock.Result streamed(double[] y, int block, boolean series, List<String> warnings) {
        SpectralBlock.Stream stream = SpectralBlock.stream(y.length, series);
        assertTrue(stream.passes() >= 1);
        for (int pass = 0; pass < stream.passes(); pass++) {
            stream.beginPass(pass);
            // A fresh copy per pass, as a re-decoded file would be.
            double[] copy = y.clone();
            for (int from = 0; from < copy.length; from += block) {
                stream.accept(copy, from, Math.min(block, copy.length - from));
            }
            stream.endPass();
        }
        return stream.result(warnings);
    }

    /** Equal to the bit: maps key by key, arrays element by element (doubles compared by their bits). */
    private static void assertSame(Object expected, Object actual, String where) {
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = assertInstanceOf(Map.class, actual, where);
            assertEquals(e.keySet(), a.keySet(), where);
            for (Object key : e.keySet()) {
                assertSame(e.get(key), a.get(key), where + " " + key);
            }
        } else if (expected instanceof double[] e) {
            assertArrayEquals(e, (double[]) actual, where);
        } else if (expected instanceof double[][] e) {
            double[][] a = (double[][]) actual;
            assertEquals(e.length, a.length, where);
            for (int i = 0; i < e.length; i++) {
                assertArrayEquals(e[i], a[i], where + " [" + i + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
