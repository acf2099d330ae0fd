package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import audioloop.roughness.RoughnessDw;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric that fails (here roughness, whose state cannot be made) fails its file with a message naming the metric,
 * does not hang the analysis, and leaves the pool working: the next file on the same pool is analysed, and a run
 * that does not ask for the failing metric is not touched by it.
 */
class FailingMetricTest {
    @TempDir
    Path dir;

    private static final Analyzer.MetricStreams ROUGHNESS_FAILS = new Analyzer.MetricStreams() {
        @Override
        public RoughnessDw.Stream roughness() {
            throw new IllegalStateException("roughness state broken on purpose");
        }
    };

    @Test
    void aFailingMetricFailsItsFileOnlyAndThePoolGoesOn() throws Exception {
        double[] samples = new double[2 * 48_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.2 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0);
        }
        Path wav = WavFiles.pcm16(dir, "tone.wav", 48_000, 1, samples);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AnalysisOptions all = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), false);
            Analyzer failing = new Analyzer(all, pool, Long.MAX_VALUE, ROUGHNESS_FAILS);
            MetricException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(MetricException.class, () -> failing.analyze(wav, "tone.wav")));
            assertTrue(e.getMessage().contains("roughness") && e.getMessage().contains("broken on purpose"),
                    e.getMessage());
            FileFailure failure = Batch.failure("tone.wav", e, Runtime.getRuntime().maxMemory());
            assertTrue(failure.internal(), "a failing metric is a bug of ours: exit code 3");
            assertEquals(e.getMessage(), failure.message());

            // Without roughness the same streams analyse the file; the standard ones, all of it, on the same pool.
            AnalysisOptions noRoughness = new AnalysisOptions(1.0, SoundField.FREE,
                    EnumSet.complementOf(EnumSet.of(Metric.ROUGHNESS)), false);
            FileAnalysis withoutRoughness = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new Analyzer(noRoughness, pool, Long.MAX_VALUE, ROUGHNESS_FAILS).analyze(wav, "tone.wav"));
            assertNull(withoutRoughness.summary().get("roughness_asper"));
            assertNotNull(withoutRoughness.summary().get("loudness_sone"));
            FileAnalysis standard = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new Analyzer(all, pool, Long.MAX_VALUE, Analyzer.MetricStreams.STANDARD).analyze(wav, "tone.wav"));
            Map<String, Object> summary = standard.summary();
            assertEquals(0.0, (Double) summary.get("roughness_asper"), 0.05, "an unmodulated tone is not rough");
        } finally {
            pool.shutdown();
        }
    }
}
