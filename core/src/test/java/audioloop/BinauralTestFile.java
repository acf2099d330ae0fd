package audioloop;

import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Analyzer;
import audioloop.pipeline.FileAnalysis;
import audioloop.pipeline.Metric;
import audioloop.sii.SpeechLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

/**
 * The two-channel test file of the binaural ECMA-418-2 tests, made by docs/oracle/ecma/binaural.py: pinkish noise and
 * a 700 Hz tone on the left, quieter noise and a 1.5 kHz tone from 0.45 s on the right, 0.9 s at 48 kHz.
 */
public final class BinauralTestFile {
    public static final Path PATH = Path.of("testdata/ecma_binaural_stereo.wav");

    private BinauralTestFile() {
    }

    /** The file analysed with {@code --ecma-binaural --series} at 1 Pa per full scale, free field, on two threads. */
    public static FileAnalysis analyzeBinaural(String metrics) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AnalysisOptions options = new AnalysisOptions(1.0, SoundField.FREE, Metric.parseList(metrics), true,
                    SpeechLevel.NORMAL, false, true);
            return new Analyzer(options, pool).analyze(PATH, "stereo");
        } finally {
            pool.shutdown();
        }
    }
}
