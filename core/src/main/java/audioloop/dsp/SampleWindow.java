package audioloop.dsp;

import java.util.Arrays;

/**
 * The part of a sample stream a block-fed computation still needs: samples {@code [start, end)} of a stream that
 * arrives in blocks of any size. Stream indices are longs (an hour at 768 kHz exceeds an int); the window itself
 * is small (a block plus the history a filter or frame still reads), so indices into {@link #array()} are ints.
 *
 * <p>{@link #of} wraps a whole signal without copying it, so the whole-array entry points of the streaming
 * computations ("feed everything, finish") cost no extra memory; such a window copies only when it is appended
 * to or trimmed, and never writes into the caller's array.
 */
public final class SampleWindow {
    private double[] data;
    private long start;
    private int count;
    /** {@code data} is the caller's array: read only. */
    private boolean borrowed;

    public SampleWindow() {
        data = new double[0];
    }

    private SampleWindow(double[] whole) {
        data = whole;
        count = whole.length;
        borrowed = true;
    }

    /** A window holding all of {@code signal} (stream indices 0 … length−1), sharing the array. */
    public static SampleWindow of(double[] signal) {
        return new SampleWindow(signal);
    }

    /** Appends x[from … from+length) as the next samples of the stream. */
    public void append(double[] x, int from, int length) {
        if (borrowed || count + length > data.length) {
            // Grow by half again so that block-by-block appends do not copy the history every time.
            int capacity = Math.max(count + length, borrowed ? 0 : data.length + (data.length >> 1));
            data = Arrays.copyOf(data, capacity);
            borrowed = false;
        }
        System.arraycopy(x, from, data, count, length);
        count += length;
    }

    /** Forgets the samples before stream index {@code index} (clamped to the window). */
    public void discardBefore(long index) {
        int drop = (int) Math.min(count, Math.max(0, index - start));
        if (drop == 0) {
            return;
        }
        if (borrowed) {
            data = Arrays.copyOfRange(data, drop, count);
            borrowed = false;
        } else {
            System.arraycopy(data, drop, data, 0, count - drop);
        }
        count -= drop;
        start += drop;
    }

    /** The samples: stream index i is at {@code array()[offset(i)]}. Valid until the next append or discard. */
    public double[] array() {
        return data;
    }

    public int offset(long index) {
        return Math.toIntExact(index - start);
    }

    /** Stream index of the first sample held. */
    public long start() {
        return start;
    }

    /** Stream index after the last sample held: the number of samples appended so far. */
    public long end() {
        return start + count;
    }
}
