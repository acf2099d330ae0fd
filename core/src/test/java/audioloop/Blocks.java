package audioloop;

/**
 * Feeds a signal to a block-fed stream the way reads of a file might cut it: in blocks whose sizes cycle through a
 * list (zero-length blocks included), the last one cut to what is left.
 */
public final class Blocks {
    /** Receives samples [from, from + length) of the signal. */
    @FunctionalInterface
    public interface Consumer {
        void accept(int from, int length);
    }

    private Blocks() {
    }

    public static void feed(int total, int[] sizes, Consumer consumer) {
        int from = 0;
        for (int b = 0; from < total; b++) {
            int length = Math.min(sizes[b % sizes.length], total - from);
            consumer.accept(from, length);
            from += length;
        }
    }
}
