package audioloop.bench;

import audioloop.ecmaroughness.EcmaRoughness;
import audioloop.hearingmodel.CriticalBands;
import audioloop.hearingmodel.RectifiedBands;
import java.util.concurrent.ForkJoinPool;

/**
 * CPU time of ECMA-418-2 roughness on one pool thread, per 60 s of audio: the shared front end alone (ear filter and
 * 53 band filters keeping the raw band signals, {@link RectifiedBands}) and the whole of {@link EcmaRoughness}, on
 * {@code seconds} (default 10) of {@link TestSignal} at 48 kHz, scaled to 60 s (the meaningful figure on a shared
 * machine, where wall clock is inflated by the load). Median of 3 runs after 2 warm-up runs. Run:
 * {@code java -cp bench/target/benchmarks.jar audioloop.bench.EcmaRoughnessCpuTime [seconds]}.
 */
public final class EcmaRoughnessCpuTime {
    private static final int FS = 48_000;

    private EcmaRoughnessCpuTime() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double[] signal = TestSignal.mono(FS, seconds, 1);
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            double frontEnd = median(pool, () -> {
                RectifiedBands bands = new RectifiedBands(false, new int[CriticalBands.COUNT],
                        EcmaRoughness.rawKeepSamples());
                for (int from = 0; from < signal.length; from += RectifiedBands.maxAppend()) {
                    bands.append(signal, from, Math.min(RectifiedBands.maxAppend(), signal.length - from));
                }
            });
            double whole = median(pool, () -> {
                EcmaRoughness roughness = new EcmaRoughness(false, false);
                roughness.accept(signal, 0, signal.length);
                roughness.finish();
            });
            double scale = 60 / seconds;
            System.out.printf("ECMA-418-2 roughness, CPU per 60 s of audio on one thread: front end %.0f ms, "
                    + "whole %.0f ms (roughness proper %.0f ms)%n", frontEnd * scale, whole * scale,
                    (whole - frontEnd) * scale);
        } finally {
            pool.shutdown();
        }
    }

    /** Median CPU time of 3 runs after 2, ms. */
    private static double median(ForkJoinPool pool, Runnable work) {
        return WorkerCpuTime.median(pool, 2, 3, work);
    }
}
