package audioloop.bench;

import audioloop.loudness.SoundField;
import audioloop.sii.SpeechLevel;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Analyzer;
import audioloop.pipeline.FileAnalysis;
import audioloop.pipeline.Metric;
import audioloop.plot.FigureFormat;
import audioloop.plot.Figures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The figures of {@code --plot} for one file, as the CLI makes them after its analysis: built from the analysis
 * (every metric; done once in set-up) and rendered at the default 1600 × 900, one pool task per figure. The
 * one-time costs of a cold JVM (class loading, JIT) are not included: the CLI's end-to-end figures cover them.
 */
@State(Scope.Benchmark)
public class FigureBenchmark extends WavFileBenchmark {
    @Param({"png", "svg"})
    public String format;

    private FileAnalysis analysis;

    @Override
    protected void prepare() throws IOException {
        super.prepare();
        analysis = new Analyzer(new AnalysisOptions(1.0, SoundField.FREE, EnumSet.allOf(Metric.class), false,
                SpeechLevel.NORMAL, true),
                pool).analyze(file, "bench.wav");
    }

    @Benchmark
    public int render() {
        FigureFormat figureFormat = FigureFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        return onPool(() -> {
            List<ForkJoinTask<byte[]>> tasks = new ArrayList<>();
            for (Figures.Figure figure : Figures.of(analysis, 1600, 900)) {
                tasks.add(ForkJoinTask.adapt(() -> figureFormat.render(figure.chart(), 1600, 900)).fork());
            }
            int bytes = 0;
            for (ForkJoinTask<byte[]> task : tasks) {
                bytes += task.join().length;
            }
            return bytes;
        });
    }
}
