package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension point for new metric families: a {@link BlockMetric} sees every calibrated 48 kHz sample once, in
 * order, in blocks; its finish comes after the last block; it reports after the built-in metrics (so it can read their
 * summary keys); its sections appear in the analysis; and its failure fails the file in words naming its stage.
 */
class BlockMetricTest {
    @TempDir
    Path dir;

    /** Sums the pressure and records the calls, to check order and completeness. */
    static final class Recording implements BlockMetric {
        final List<String> calls = new ArrayList<>();
        double sumPa;
        long samples;
        final boolean fail;

        Recording(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String stage() {
            return "recording";
        }

        @Override
        public void accept(double[] pressurePa, int from, int length) {
            calls.add("accept");
            for (int i = from; i < from + length; i++) {
                sumPa += pressurePa[i];
            }
            samples += length;
        }

        @Override
        public void finish() {
            calls.add("finish");
            if (fail) {
                throw new IllegalStateException("broken on purpose");
            }
        }

        @Override
        public void report(MetricOutput out) {
            calls.add("report");
            out.summary().put("recording_samples", samples);
            out.summary().put("recording_saw_loudness", out.summary().containsKey("loudness_sone"));
            out.sections().put("recording", Map.of("sum_pa", sumPa));
            out.warnings().add("recording: reported");
        }
    }

    private static Analyzer.MetricStreams with(BlockMetric metric) {
        return new Analyzer.MetricStreams() {
            @Override
            public List<BlockMetric> blockMetrics(AnalysisOptions options, int samples48k) {
                return List.of(metric);
            }
        };
    }

    @Test
    void seesEveryCalibratedSampleInOrderAndReportsAfterTheBuiltInMetrics() throws Exception {
        // 5 s at 48 kHz: three 2 s blocks, the last one short.
        double[] samples = new double[5 * 48_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.25 + 0.1 * Math.sin(2 * Math.PI * 440 * i / 48_000.0);
        }
        Path wav = WavFiles.pcm16(dir, "dc.wav", 48_000, 1, samples);
        double expectedSum = 0;
        for (double s : samples) {
            expectedSum += Math.round(s * 32768) / 32768.0 * 2.0;
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Recording recording = new Recording(false);
            AnalysisOptions options = new AnalysisOptions(2.0, SoundField.FREE, EnumSet.of(Metric.LOUDNESS), false);
            FileAnalysis result = new Analyzer(options, pool, Long.MAX_VALUE, with(recording)).analyze(wav, "dc.wav");
            assertEquals(List.of("accept", "accept", "accept", "finish", "report"), recording.calls);
            assertEquals((long) samples.length, result.summary().get("recording_samples"));
            assertEquals(true, result.summary().get("recording_saw_loudness"));
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) result.sections().get("recording");
            assertEquals(expectedSum, (Double) section.get("sum_pa"), 1e-6 * Math.abs(expectedSum));
            assertTrue(result.warnings().contains("recording: reported"));
            assertTrue(result.timingMs().containsKey("recording"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingBlockMetricFailsTheFileNamingItsStage() throws Exception {
        double[] samples = new double[48_000];
        Path wav = WavFiles.pcm16(dir, "silence.wav", 48_000, 1, samples);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AnalysisOptions options = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.of(Metric.SPECTRAL), false);
            MetricException e = assertThrows(MetricException.class, () -> new Analyzer(options, pool, Long.MAX_VALUE,
                    with(new Recording(true))).analyze(wav, "silence.wav"));
            assertTrue(e.getMessage().contains("recording") && e.getMessage().contains("broken on purpose"),
                    e.getMessage());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theStandardRunHasNoSectionsWhenNoBlockMetricIsAsked() throws Exception {
        Path wav = WavFiles.pcm16(dir, "short.wav", 48_000, 1, new double[4800]);
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            AnalysisOptions options = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.of(Metric.LOUDNESS), false);
            FileAnalysis result = new Analyzer(options, pool).analyze(wav, "short.wav");
            assertArrayEquals(new Object[0], result.sections().keySet().toArray());
        } finally {
            pool.shutdown();
        }
    }
}
