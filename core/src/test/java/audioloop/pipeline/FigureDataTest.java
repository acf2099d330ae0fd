package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import audioloop.sii.SpeechLevel;
import audioloop.loudness.SpecificLoudnessSink;
import audioloop.loudness.TimeVaryingLoudness;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the figures draw is kept only when asked for, reduced by max-pooling as the frames come, and independent of
 * how the file is read: whole or fed spectral block, one or three threads.
 */
class FigureDataTest {
    @TempDir
    Path dir;

    @Test
    void columnsAreTheMaximaOfRunsOfFramesInAnyOrder() {
        int frames = 1001;
        double[][] pattern = new double[frames][3];
        Random random = new Random(4);
        for (double[] frame : pattern) {
            for (int r = 0; r < frame.length; r++) {
                frame[r] = random.nextGaussian();
            }
        }
        ColumnMaxPool inOrder = new ColumnMaxPool(frames, 3, 100);
        ColumnMaxPool reversed = new ColumnMaxPool(frames, 3, 100);
        for (int t = 0; t < frames; t++) {
            inOrder.accept(t, pattern[t]);
            reversed.accept(frames - 1 - t, pattern[frames - 1 - t]);
        }
        assertEquals(100, inOrder.columns().length);
        assertEquals(frames, inOrder.firstFrame(100));
        for (int c = 0; c < 100; c++) {
            int from = inOrder.firstFrame(c);
            int to = inOrder.firstFrame(c + 1);
            assertTrue(to - from == 10 || to - from == 11, "run of " + (to - from) + " frames");
            for (int r = 0; r < 3; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int t = from; t < to; t++) {
                    max = Math.max(max, pattern[t][r]);
                }
                assertEquals(max, inOrder.columns()[c][r]);
            }
            assertArrayEquals(inOrder.columns()[c], reversed.columns()[c]);
        }
        // Fewer frames than columns: one column per frame.
        ColumnMaxPool short1 = new ColumnMaxPool(7, 3, 100);
        assertEquals(7, short1.columns().length);
    }

    @Test
    void keptOnlyForFiguresAndTheSameForAnyReadingAndPool() throws Exception {
        Random random = new Random(9);
        double[] samples = new double[5 * 44_100 + 12_345];
        for (int i = 0; i < samples.length; i++) {
            double t = i / 44_100.0;
            samples[i] = 0.3 * Math.sin(2 * Math.PI * 440 * t) * (1 + Math.sin(2 * Math.PI * 2 * t))
                    + 0.05 * random.nextGaussian();
        }
        Path wav = WavFiles.pcm16(dir, "a.wav", 44_100, 1, samples);
        AnalysisOptions figures = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), false,
                SpeechLevel.NORMAL, true);
        AnalysisOptions plain = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), false);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            FileAnalysis none = new Analyzer(plain, three).analyze(wav, "a.wav");
            assertNull(none.figureData());
            assertNull(none.series());
            FileAnalysis whole = new Analyzer(figures, three, Long.MAX_VALUE, Analyzer.MetricStreams.STANDARD)
                    .analyze(wav, "a.wav");
            FileAnalysis fed = new Analyzer(figures, one, 0, Analyzer.MetricStreams.C1_ONLY).analyze(wav, "a.wav");
            ObjectMapper json = new ObjectMapper();
            assertEquals(json.writeValueAsString(whole.figureData()), json.writeValueAsString(fed.figureData()));
            // The series the figures draw are there without --series, and the JSON's numbers are unchanged.
            assertTrue(whole.series().get("loudness_sone") instanceof double[]);
            assertTrue(whole.series().get("roughness_asper") instanceof double[]);
            assertNull(whole.series().get("spectral"), "the spectral frame series are not kept for figures");
            assertEquals(json.writeValueAsString(none.summary()), json.writeValueAsString(whole.summary()));
            assertEquals(json.writeValueAsString(none.spectral()), json.writeValueAsString(whole.spectral()));

            @SuppressWarnings("unchecked")
            Map<String, Object> specific = (Map<String, Object>) whole.figureData().get("specific_loudness");
            double[][] columns = (double[][]) specific.get("values");
            double[] bark = (double[]) specific.get("rows");
            assertEquals(240, bark.length);
            assertEquals(0.1, bark[0], 1e-12);
            assertEquals(24.0, bark[239], 1e-12);
            int frames = ((double[]) whole.series().get("loudness_sone")).length;
            assertEquals(Math.min(frames, Analyzer.FIGURE_COLUMNS), columns.length);
            assertEquals(frames * 0.002, (Double) specific.get("duration_s"), 1e-12);
            // The columns are the max-pool of N'(z, t) computed on its own (whole signal in Pa at 48 kHz).
            ColumnMaxPool expected = new ColumnMaxPool(frames, 240, Analyzer.FIGURE_COLUMNS);
            double[] pressure = resampledPressure(wav);
            TimeVaryingLoudness.compute(pressure, SoundField.FREE, (SpecificLoudnessSink) expected::accept);
            assertArrayEquals(expected.columns(), columns);

            @SuppressWarnings("unchecked")
            Map<String, Object> mel = (Map<String, Object>) whole.figureData().get("melspectrogram_db");
            double[][] melColumns = (double[][]) mel.get("values");
            assertEquals(128, melColumns[0].length);
            // Every column's maximum is at most the band's maximum over the file, and some column reaches it.
            @SuppressWarnings("unchecked")
            double[] bandMax = (double[]) ((Map<String, Object>) whole.spectral().get("melspectrogram_db")).get("max");
            for (int m = 0; m < 128; m++) {
                double highest = Double.NEGATIVE_INFINITY;
                for (double[] column : melColumns) {
                    highest = Math.max(highest, column[m]);
                }
                assertEquals(bandMax[m], highest);
            }
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    /** The file as the analysis sees it: decoded, resampled to 48 kHz (calibration 1 Pa). */
    private static double[] resampledPressure(Path wav) throws Exception {
        try (audioloop.io.WavStream stream = audioloop.io.WavDecoder.open(wav)) {
            double[] mono = new double[(int) stream.frames()];
            int n = stream.readMono(mono, 0, mono.length);
            audioloop.dsp.PolyphaseResampler.Stream resampler =
                    new audioloop.dsp.PolyphaseResampler.Stream(stream.format().sampleRateHz());
            double[] head = resampler.accept(mono, 0, n);
            double[] tail = resampler.finish();
            double[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            return all;
        }
    }
}
