package audioloop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * CPU time of work run on a pool's worker thread: the figure that stays meaningful on a machine shared with other
 * work, where JMH's wall-clock averages are inflated by the load.
 */
final class WorkerCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WorkerCpuTime() {
    }

    /** Median CPU time of {@code runs} runs of {@code work} on a worker of {@code pool} after {@code warmUps}, ms. */
    static double median(ForkJoinPool pool, int warmUps, int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int run = -warmUps; run < runs; run++) {
            double cpu = pool.submit(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                work.run();
                return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
            }).join();
            if (run >= 0) {
                ms[run] = cpu;
            }
        }
        Arrays.sort(ms);
        return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    }
}
