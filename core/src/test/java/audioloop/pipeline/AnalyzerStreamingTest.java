package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spectral block fed block by block (three passes, the file re-read for each) gives the whole-signal block's
 * JSON, series included; so does every pool size, and so do the kernels for a C1-only JVM (roughness one channel
 * at a time instead of as SIMD lanes). 5.3 s of 44.1 kHz stereo: three 2 s blocks, the last partial.
 */
class AnalyzerStreamingTest {
    @TempDir
    Path dir;

    @Test
    void spectralFedInPassesEqualsWholeSignal() throws Exception {
        Random random = new Random(9);
        double[] samples = new double[2 * (5 * 44_100 + 12_345)];
        for (int i = 0; i < samples.length; i++) {
            double t = i / 2 / 44_100.0;
            samples[i] = 0.3 * Math.sin(2 * Math.PI * 440 * t) * (1 + Math.sin(2 * Math.PI * 2 * t)) + 0.05 * random.nextGaussian();
        }
        Path wav = WavFiles.pcm16(dir, "a.wav", 44_100, 2, samples);
        AnalysisOptions options = new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), true);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            FileAnalysis whole = new Analyzer(options, three, Long.MAX_VALUE, Analyzer.MetricStreams.STANDARD).analyze(wav, "a.wav");
            FileAnalysis fed = new Analyzer(options, one, 0, Analyzer.MetricStreams.C1_ONLY).analyze(wav, "a.wav");
            assertNotNull(whole.spectral());
            ObjectMapper json = new ObjectMapper(); // arrays compared by value, doubles to the last digit
            assertEquals(json.writeValueAsString(whole.spectral()), json.writeValueAsString(fed.spectral()));
            assertEquals(json.writeValueAsString(whole.series()), json.writeValueAsString(fed.series()));
            assertEquals(json.writeValueAsString(whole.summary()), json.writeValueAsString(fed.summary()));
            assertEquals(json.writeValueAsString(whole.sections()), json.writeValueAsString(fed.sections()));
            assertEquals(whole.warnings(), fed.warnings());
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }
}
