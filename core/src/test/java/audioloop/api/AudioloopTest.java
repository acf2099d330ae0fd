package audioloop.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.io.WavFormatException;
import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API: its three kinds of input agree, its results are immutable, errors are typed, threads are safe. */
class AudioloopTest {
    @TempDir
    Path dir;

    private static final AnalysisOptions LOUDNESS = new AnalysisOptions(1.0, SoundField.FREE,
            Metric.parseList("loudness"), false);

    /** A 1 kHz tone at 40 dB SPL (0.002 Pa rms), the definition of 1 sone. */
    private static double[] tone40dB(int rate, double seconds) {
        double[] x = new double[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.002 * Math.sqrt(2) * Math.sin(2 * Math.PI * 1000 * i / rate);
        }
        return x;
    }

    @Test
    void samplesGiveTheResultOfTheSameSamplesInAFloatFile() throws Exception {
        double[] x = tone40dB(44_100, 1.0);
        AnalysisResult fromSamples = Audioloop.analyze(x, 44_100, LOUDNESS);
        // 1 kHz, 40 dB: 1 sone (ISO 532-1's reference), within the method's ±1 % here.
        assertEquals(1.0, fromSamples.summary().get("loudness_stationary_sone"), 0.01);
        assertEquals(new AnalysisResult.InputInfo(44_100, 1, 64, "pcm_float", 44_100, 1.0), fromSamples.input());

        Path file = dir.resolve("tone.wav");
        Files.write(file, FloatWav.encode(x, 44_100));
        AnalysisResult fromFile = Audioloop.analyze(file, LOUDNESS);
        assertEquals(fromFile.summary(), fromSamples.summary());
        try (var in = Files.newInputStream(file)) {
            assertEquals(fromFile.summary(), Audioloop.analyze(in, "tone", LOUDNESS).summary());
        }
        try (var in = Files.newInputStream(file)) {
            AnalysisResult unnamed = Audioloop.analyze(in, LOUDNESS);
            assertEquals("stream", unnamed.file());
            assertEquals(fromFile.summary(), unnamed.summary());
        }
    }

    @Test
    void resultsAreUnmodifiable() throws Exception {
        AnalysisResult r = Audioloop.analyze(tone40dB(48_000, 0.5), 48_000, AnalysisOptions.defaults());
        assertThrows(UnsupportedOperationException.class, () -> r.summary().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> r.warnings().add("x"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rms = (Map<String, Object>) r.spectral().get("rms");
        assertThrows(UnsupportedOperationException.class, () -> rms.put("mean", 0.0));
        assertNull(r.series(), "no series unless asked for");
    }

    @Test
    void errorsAreTypedExceptions() throws Exception {
        assertThrows(WavFormatException.class,
                () -> Audioloop.analyze(new ByteArrayInputStream("not a wav file at all".getBytes()), "x", LOUDNESS));
        assertThrows(NoSuchFileException.class, () -> Audioloop.analyze(dir.resolve("missing.wav"), LOUDNESS));
        IOException rate = assertThrows(IOException.class, () -> Audioloop.analyze(new double[100], 999, LOUDNESS));
        assertTrue(rate.getMessage().contains("sample rate 999 Hz not supported"), rate.getMessage());
        IllegalStateException nested = assertThrows(IllegalStateException.class, () -> {
            ForkJoinPool pool = new ForkJoinPool(1);
            try {
                pool.submit(() -> Audioloop.analyze(new double[4800], 48_000, LOUDNESS, pool)).join();
            } catch (RuntimeException e) {
                throw (RuntimeException) e.getCause();
            } finally {
                pool.shutdown();
            }
        });
        assertTrue(nested.getMessage().contains("worker of the pool"), nested.getMessage());
    }

    @Test
    void concurrentCallersGetTheSameNumbersAsOneAtATime() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            double[] x = tone40dB(48_000, 0.6);
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1 + f;
            }
            files.add(WavFiles.pcm16(dir, "t" + f + ".wav", 48_000, 1, x));
        }
        AnalysisOptions all = AnalysisOptions.defaults();
        List<Map<String, Double>> serial = new ArrayList<>();
        for (Path file : files) {
            serial.add(Audioloop.analyze(file, all).summary());
        }
        ExecutorService callers = Executors.newFixedThreadPool(4);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            List<Future<AnalysisResult>> parallel = new ArrayList<>();
            for (Path file : files) {
                parallel.add(callers.submit(() -> Audioloop.analyze(file, all, pool)));
            }
            for (int f = 0; f < files.size(); f++) {
                assertEquals(serial.get(f), parallel.get(f).get().summary());
            }
        } finally {
            callers.shutdown();
            pool.shutdown();
        }
    }

    @Test
    void seriesArraysAreTheAnalysis() throws Exception {
        AnalysisOptions series = new AnalysisOptions(1.0, SoundField.FREE, Metric.parseList("loudness"), true);
        AnalysisResult r = Audioloop.analyze(tone40dB(48_000, 0.5), 48_000, series);
        double[] n = (double[]) r.series().get("loudness_sone");
        assertEquals(250, n.length, "one N every 2 ms");
        double mean = 0;
        for (double v : n) {
            mean += v / n.length;
        }
        assertArrayEquals(new double[] {mean}, new double[] {r.summary().get("loudness_sone")}, 1e-12);
    }
}
