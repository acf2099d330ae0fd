package audioloop.pipeline;

import java.util.Arrays;

/**
 * The whole calibrated signal, kept for a metric whose reference transforms it in one DFT (MoSQITo's stationary
 * tonality and SII): a DFT bin of the whole signal depends on every sample, and the result has as many bins as the
 * signal has samples, so no bounded state can give the same numbers. The buffer is sized from the header's length
 * and only taken when {@code bytesPerSample × length} fits the heap budget the metric was given.
 */
final class WholeSignal {
    private final long budgetBytes;
    private final int bytesPerSample;
    private final int expectedSamples;
    private double[] samples;
    private int length;
    private boolean overBudget;

    /**
     * @param expectedSamples the signal's length at 48 kHz from the header
     * @param bytesPerSample  heap the metric needs per sample while it computes (buffer plus transform)
     * @param budgetBytes     heap the metric may take
     */
    WholeSignal(int expectedSamples, int bytesPerSample, long budgetBytes) {
        this.expectedSamples = expectedSamples;
        this.bytesPerSample = bytesPerSample;
        this.budgetBytes = budgetBytes;
    }

    void accept(double[] pressurePa, int from, int count) {
        if (overBudget) {
            return;
        }
        long needed = (long) length + count;
        if ((long) bytesPerSample * Math.max(needed, expectedSamples) > budgetBytes) {
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

    /** Seconds of 48 kHz signal that fit the budget, for the warning. */
    long maxSeconds() {
        return budgetBytes / bytesPerSample / 48_000;
    }
}
