package audioloop.bench;

import audioloop.levels.SoundLevelMeter;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;
import audioloop.tonality.EcmaTonality;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * CPU time (of the one worker thread that runs it) of the levels section's work, and of the whole-file tonality and
 * SII, on 60 s of {@link TestSignal} at 48 kHz: the figure that stays meaningful on a machine shared with other work,
 * where JMH's wall-clock averages are inflated by the load. Median of 9 runs after 8 warm-up runs, ms (the
 * third-octave DFT path is many methods; after 3 warm-up runs it still read 4 to 10 ms above its compiled speed).
 * Run: {@code java -XX:+UseSerialGC -cp bench/target/benchmarks.jar audioloop.bench.LevelsCpuTime}.
 */
public final class LevelsCpuTime {
    private static final int FS = 48_000;
    private static final int BLOCK = 2 * FS;

    private LevelsCpuTime() {
    }

    public static void main(String[] args) {
        double[] signal = TestSignal.mono(FS, 60, 1);
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            // The whole-file metrics, each on its own copy of the signal as its pipeline stage transforms it.
            System.out.printf("ECMA-74 tonality:         %.1f ms%n", median(pool,
                    () -> EcmaTonality.analyze(signal.clone(), FS).tnrTones().size()));
            System.out.printf("SII:                      %.1f ms%n", median(pool,
                    () -> (long) (1e6 * SpeechIntelligibilityIndex.ofNoise(signal.clone(), FS, SpeechLevel.NORMAL))));
            System.out.printf("sound level meter:        %.1f ms%n", median(pool, () -> {
                SoundLevelMeter meter = new SoundLevelMeter(FS, signal.length);
                for (int from = 0; from < signal.length; from += BLOCK) {
                    meter.accept(signal, from, Math.min(BLOCK, signal.length - from));
                }
                return meter.finish().lafDb().length;
            }));
            System.out.printf("third-octave, 30 bands, one DFT (the pipeline's path from 6.4 s): %.1f ms%n",
                    median(pool, () -> {
                        double[] buffer = java.util.Arrays.copyOf(signal,
                                ThirdOctaveSpectrum.transformLength(signal.length, FS, 25, 20_000));
                        return ThirdOctaveSpectrum.levelsDbInPlace(buffer, signal.length, FS, 25, 20_000).length;
                    }));
            System.out.printf("third-octave, 30 bands, the band filters:   %.1f ms%n",
                    median(pool, () -> bands(signal, 25, 20_000)));
        } finally {
            pool.shutdown();
        }
    }

    private static long bands(double[] signal, double minHz, double maxHz) {
        ThirdOctaveSpectrum.Stream stream = new ThirdOctaveSpectrum.Stream(FS, signal.length, minHz, maxHz);
        for (int from = 0; from < signal.length; from += BLOCK) {
            stream.accept(signal, from, Math.min(BLOCK, signal.length - from));
        }
        return stream.finish().length;
    }

    /** Median CPU time of {@code work} on the pool's single worker (9 runs after 8), ms. */
    private static double median(ForkJoinPool pool, LongSupplier work) {
        return WorkerCpuTime.median(pool, 8, 9, work::getAsLong);
    }
}
