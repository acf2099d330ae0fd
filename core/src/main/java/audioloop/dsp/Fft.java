package audioloop.dsp;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The one entry point to JTransforms. Its own thread pool is switched off once, here: the pipeline's
 * ForkJoinPool is the only parallelism, and two pools on two cores fight (notes/performance.md).
 */
public final class Fft {
    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Fft() {
    }

    /** A JTransforms plan for transforms of length n; plans are not thread-safe for concurrent use of work arrays, keep one per thread. */
    public static DoubleFFT_1D plan(int n) {
        return new DoubleFFT_1D(n);
    }
}
