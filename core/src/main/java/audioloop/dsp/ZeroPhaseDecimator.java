package audioloop.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scipy.signal.decimate(x, q)} for several factors at once, fed block by block: the decimated samples are
 * handed to a {@link Sink} in order as the input arrives (the tests check them against the whole-signal form).
 *
 * <p>decimate filters zero-phase ({@code sosfiltfilt}: forward over the odd-extended signal, then backward from its
 * end). The forward pass streams exactly. The backward pass of a stretch of the signal is started {@link
 * #WARM_UP} samples later than the stretch, from the steady state {@code zi·y} of the sample there, instead of
 * from the end of the file; the last stretch runs from the true end, as scipy does. The difference between the two
 * backward states decays with the filter's impulse response and, once below the last bit, vanishes: measured on
 * noise, tones and clicks, the warmed-up backward output is bit-identical to scipy's after at most 687 (q = 2) …
 * 5 088 (q = 10) samples. {@link #WARM_UP} is 1 s, 9× that, so the decimated signal equals the whole-signal
 * decimate bit for bit (the tests check it on the loudness references); were it ever not, the difference would be
 * below ρ^48000 ≈ 1e−150 of the signal (ρ: the filter's slowest pole, ≈ 0.9927 at q = 10).
 *
 * <p>Memory: per factor, one stretch plus the warm-up plus a chunk of the forward output (≈ 5.25 s, 2 MB); not the
 * signal. The forward output lives in chunks of {@link #CHUNK} samples that are recycled once their stretch is done,
 * and the backward pass writes over the stretch it has read; only the warm-up goes to a separate array. Fresh memory
 * is dear on the machine this was measured on (≈ 1.5 ms per MB even with huge pages): the earlier layout, one array
 * per factor grown by half as the signal arrived plus a backward-output copy, allocated 69 of the 119 MB a 10 s
 * file's analysis allocated in all.
 * Not thread-safe.
 */
public final class ZeroPhaseDecimator {
    /** Backward warm-up, samples (1 s at 48 kHz); see the class comment. */
    static final int WARM_UP = 48_000;
    /** Samples whose backward pass runs per warm-up: the warm-up costs a quarter more backward filtering. */
    static final int STRETCH = 4 * WARM_UP;
    /** Forward-output chunk length, samples (0.25 s at 48 kHz). */
    static final int CHUNK = 12_000;

    /** Receives the decimated samples of factor {@code factors[index]}, in order, in pieces. */
    @FunctionalInterface
    public interface Sink {
        void accept(int index, double[] decimated, int from, int length);
    }

    private final int[] factors;
    private final double[][][] zi;
    private final int edge;
    private final SosBank forward;
    private final SosBank backward;
    private final Sink sink;
    /** The first edge + 1 input samples (the front odd extension needs them), then the last edge + 1. */
    private final double[] head;
    private final double[] tail;
    private long inputs;
    /** The input rows of the forward bank: every factor filters the same signal. */
    private final double[][] forwardIn;
    /**
     * Forward output in chunks: chunks.get(i)[c][j] is factor c's output at extended-signal position
     * chunkStart + i·CHUNK + j, for positions below bufferEnd; positions below bufferStart are done with.
     */
    private final List<double[][]> chunks = new ArrayList<>();
    /** Chunks done with, for reuse. */
    private final List<double[][]> spareChunks = new ArrayList<>();
    private long chunkStart;
    private long bufferStart;
    private long bufferEnd;
    /** The backward pass's output over a warm-up (warmUpOut[c][i]: position emitEnd + i), which is discarded. */
    private double[][] warmUpOut;
    private double[] decimated = new double[0];

    public ZeroPhaseDecimator(Sink sink, int... factors) {
        this.factors = factors.clone();
        this.sink = sink;
        double[][][] filters = new double[factors.length][][];
        zi = new double[factors.length][][];
        for (int c = 0; c < factors.length; c++) {
            if (factors[c] < 2) {
                throw new IllegalArgumentException("decimation factor must be at least 2, got " + factors[c]);
            }
            filters[c] = SosFilter.antiAliasing(factors[c]);
            zi[c] = SosFilter.sosfiltZi(filters[c]);
        }
        edge = SosFilter.defaultPadLength(filters[0]);
        for (double[][] sos : filters) {
            if (SosFilter.defaultPadLength(sos) != edge) {
                throw new IllegalStateException("anti-aliasing filters differ in padlen");
            }
        }
        forward = new SosBank(filters);
        backward = new SosBank(filters);
        head = new double[edge + 1];
        tail = new double[edge + 1];
        forwardIn = new double[factors.length][];
    }

    /** Feeds x[from … from+length). */
    public void accept(double[] x, int from, int length) {
        if (inputs < head.length) {
            System.arraycopy(x, from, head, (int) inputs, (int) Math.min(length, head.length - inputs));
        }
        keepTail(x, from, length);
        long before = inputs;
        inputs += length;
        if (before < head.length && inputs >= head.length) {
            // The front extension 2·x[0] − x[edge … 1] is known: start the forward pass from zi·ext[0].
            double[] front = new double[edge];
            for (int i = 0; i < edge; i++) {
                front[i] = 2 * head[0] - head[edge - i];
            }
            for (int c = 0; c < factors.length; c++) {
                forward.setState(c, zi[c], front[0]);
            }
            filterForward(front, 0, edge);
            filterForward(head, 0, head.length);
            filterForward(x, from + head.length - (int) before, (int) (inputs - head.length));
        } else if (before >= head.length) {
            filterForward(x, from, length);
        }
    }

    /**
     * Ends the signal: the back extension 2·x[n−1] − x[n−2 … n−1−edge], then the backward pass from the true end.
     *
     * @throws IllegalArgumentException if the signal is not longer than decimate's padding (27 samples)
     */
    public void finish() {
        if (inputs <= edge) {
            throw new IllegalArgumentException("the signal must be longer than padlen = " + edge + " samples, got "
                    + inputs);
        }
        double[] back = new double[edge];
        double last = tail[edge];
        for (int i = 0; i < edge; i++) {
            back[i] = 2 * last - tail[edge - 1 - i];
        }
        filterForward(back, 0, edge);
        backwardPass(bufferEnd, bufferEnd);
    }

    /** Keeps the last edge + 1 inputs for the back extension (tail[edge] = the latest). */
    private void keepTail(double[] x, int from, int length) {
        int keep = Math.min(length, tail.length);
        System.arraycopy(tail, keep, tail, 0, tail.length - keep);
        System.arraycopy(x, from + length - keep, tail, tail.length - keep, keep);
    }

    /**
     * Runs the forward pass over x[from … from+length) into the chunks (every factor reads the same input), and the
     * backward pass of every stretch that is complete with its warm-up.
     */
    private void filterForward(double[] x, int from, int length) {
        Arrays.fill(forwardIn, x);
        while (length > 0) {
            int offset = (int) (bufferEnd - chunkStart);
            int index = offset / CHUNK;
            int within = offset % CHUNK;
            if (index == chunks.size()) {
                chunks.add(spareChunks.isEmpty() ? new double[factors.length][CHUNK]
                        : spareChunks.remove(spareChunks.size() - 1));
            }
            int piece = Math.min(length, CHUNK - within);
            forward.filter(forwardIn, from, chunks.get(index), within, 1, piece);
            from += piece;
            length -= piece;
            bufferEnd += piece;
            while (bufferEnd - bufferStart >= STRETCH + WARM_UP) {
                backwardPass(bufferStart + STRETCH, bufferStart + STRETCH + WARM_UP);
            }
        }
    }

    /**
     * The backward pass from extended position {@code start − 1} (from the steady state of the forward output
     * there) down to the buffer start; the outputs below {@code emitEnd} are final: their decimated samples go to
     * the sink, and the buffer now starts at emitEnd. Outputs below emitEnd overwrite the forward output they
     * came from; those of the warm-up (emitEnd … start − 1) go to {@link #warmUpOut}, since the next stretch's
     * pass still reads the forward output there.
     */
    private void backwardPass(long emitEnd, long start) {
        for (int c = 0; c < factors.length; c++) {
            backward.setState(c, zi[c], chunkAt(start - 1)[c][within(start - 1)]);
        }
        if (start > emitEnd && warmUpOut == null) {
            warmUpOut = new double[factors.length][WARM_UP];
        }
        // Pieces from start − 1 downwards, each within one chunk and on one side of emitEnd.
        for (long end = start; end > bufferStart; ) {
            double[][] chunk = chunkAt(end - 1);
            int top = within(end - 1);
            long low = Math.max(bufferStart, end - 1 - top);
            if (end > emitEnd) {
                low = Math.max(low, emitEnd);
                backward.filter(chunk, top, warmUpOut, (int) (end - 1 - emitEnd), -1, (int) (end - low));
            } else {
                backward.filter(chunk, top, chunk, top, -1, (int) (end - low));
            }
            end = low;
        }
        long signalEnd = inputs + edge; // extended position after the last signal sample (back extension excluded)
        for (int c = 0; c < factors.length; c++) {
            int q = factors[c];
            // decimated sample k is extended position edge + k·q, k ≥ 0, below min(emitEnd, signalEnd)
            long firstK = Math.max(0, Math.floorDiv(bufferStart - edge + q - 1, q));
            long endK = Math.max(firstK, Math.floorDiv(Math.min(emitEnd, signalEnd) - edge + q - 1, q));
            int count = (int) (endK - firstK);
            if (decimated.length < count) {
                decimated = new double[count];
            }
            for (int k = 0; k < count; k++) {
                long position = edge + (firstK + k) * q;
                decimated[k] = chunkAt(position)[c][within(position)];
            }
            sink.accept(c, decimated, 0, count);
        }
        bufferStart = emitEnd;
        while (!chunks.isEmpty() && chunkStart + CHUNK <= bufferStart) {
            spareChunks.add(chunks.remove(0));
            chunkStart += CHUNK;
        }
    }

    /** The chunk holding extended position p (p ≥ chunkStart). */
    private double[][] chunkAt(long p) {
        return chunks.get((int) ((p - chunkStart) / CHUNK));
    }

    /** Index of extended position p within its chunk. */
    private int within(long p) {
        return (int) ((p - chunkStart) % CHUNK);
    }
}
