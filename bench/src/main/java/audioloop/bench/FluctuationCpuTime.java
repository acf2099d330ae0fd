package audioloop.bench;

import audioloop.fluctuation.FluctuationStrength;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * CPU time of fluctuation strength on one pool thread, per 60 s of audio: {@link FluctuationStrength#compute} of
 * {@code seconds} (default 6) of {@link TestSignal} at 48 kHz, scaled by the frame count to the 291 frames of 60 s
 * (the meaningful figure on a shared machine, where wall clock is inflated by the load). Median of 3 runs after 2
 * warm-up runs. Run: {@code java -cp bench/target/benchmarks.jar audioloop.bench.FluctuationCpuTime [seconds]}.
 */
public final class FluctuationCpuTime {
    private static final int FS = 48_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FluctuationCpuTime() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
        double[] signal = TestSignal.mono(FS, seconds, 1);
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            double[] ms = new double[3];
            int frames = 0;
            for (int run = -2; run < ms.length; run++) {
                double[] result = pool.submit(() -> {
                    long start = THREADS.getCurrentThreadCpuTime();
                    int count = FluctuationStrength.compute(signal).fluctuationVacil().length;
                    return new double[] {(THREADS.getCurrentThreadCpuTime() - start) / 1e6, count};
                }).join();
                if (run >= 0) {
                    ms[run] = result[0];
                    frames = (int) result[1];
                }
            }
            Arrays.sort(ms);
            double perFrame = ms[1] / frames;
            System.out.printf("fluctuation: %d frames, %.2f ms CPU per frame, %.0f ms per 60 s (291 frames)%n",
                    frames, perFrame, 291 * perFrame);
        } finally {
            pool.shutdown();
        }
    }
}
