package audioloop.bench;

import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Analyzer;
import audioloop.pipeline.FileAnalysis;
import audioloop.pipeline.Metric;
import java.io.IOException;
import java.util.EnumSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The whole per-file pipeline as the CLI runs it by default (every metric, no series) on a 44.1 kHz stereo 16-bit
 * WAV: decode, resample, and the metrics forked on the pool. The JVM start and the JSON output are not included
 * (bench/run.sh times the CLI end to end).
 */
@State(Scope.Benchmark)
public class PipelineBenchmark extends WavFileBenchmark {
    private Analyzer analyzer;

    @Override
    protected void prepare() throws IOException {
        super.prepare();
        analyzer = new Analyzer(new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), false), pool);
    }

    /** Analyzer waits for the pool's tasks itself, so it is called from the benchmark thread, not on the pool. */
    @Benchmark
    public FileAnalysis analyze() throws IOException {
        return analyzer.analyze(file, "bench.wav");
    }
}
