package audioloop.pipeline;

import audioloop.dsp.WholeSignalSpectrum;
import java.util.Arrays;

/**
 * The whole calibrated signal, kept for a metric whose reference transforms it in one DFT (MoSQITo's stationary
 * tonality and SII): a DFT bin of the whole signal depends on every sample, and the result has as many bins as the
 * signal has samples, so no bounded state can give the same numbers. The buffer is sized from the header's length
 * and only taken when the signal, the transform's work ({@link WholeSignalSpectrum#extraHeapBytes}) and the metric's
 * own per-sample arrays fit the heap budget the metric was given.
 */
final class WholeSignal {
    private final long budgetBytes;
    private final int metricBytesPerSample;
    private final int expectedSamples;
    private double[] samples;
    private int length;
    private boolean overBudget;

    /**
     * @param expectedSamples      the signal's length at 48 kHz from the header
     * @param metricBytesPerSample heap the metric's own arrays take per sample beside the signal and transform
     * @param budgetBytes          heap the metric may take
     */
    WholeSignal(int expectedSamples, int metricBytesPerSample, long budgetBytes) {
        this.expectedSamples = expectedSamples;
        this.metricBytesPerSample = metricBytesPerSample;
        this.budgetBytes = budgetBytes;
    }

    /** Heap the metric takes for n samples at its peak. */
    private long heapBytes(long n) {
        return (8L + metricBytesPerSample) * n + WholeSignalSpectrum.extraHeapBytes((int) Math.min(n, Integer.MAX_VALUE - 8));
    }

    void accept(double[] pressurePa, int from, int count) {
        if (overBudget) {
            return;
        }
        long needed = (long) length + count;
        if (needed > Integer.MAX_VALUE - 8 || heapBytes(Math.max(needed, expectedSamples)) > budgetBytes) {
            overBudget = true;
            samples = null;
            return;
        }
        if (samples == null) {
            samples = new double[Math.max(expectedSamples, count)];
        } else if (needed > samples.length) {
            samples = Arrays.copyOf(samples, (int) Math.max(needed, 2L * samples.length));
        }
        System.arraycopy(pressurePa, from, samples, length, count);
        length += count;
    }

    /** Whether the signal was too long for the budget (then {@link #take} is null). */
    boolean overBudget() {
        return overBudget;
    }

    int length() {
        return length;
    }

    /** The samples, exactly {@link #length()} of them, handed over (this object forgets them). */
    double[] take() {
        if (overBudget) {
            return null;
        }
        double[] out = samples == null ? new double[0]
                : samples.length == length ? samples : Arrays.copyOf(samples, length);
        samples = null;
        return out;
    }

    /** Seconds of 48 kHz signal that fit the budget (about: the transform's share depends on n), for the warning. */
    long maxSeconds() {
        return budgetBytes / (8L + metricBytesPerSample + 8) / 48_000;
    }
}
