package audioloop.spectral;

/**
 * librosa {@code feature.zero_crossing_rate(y)} (notes/librosa.md §3): the signal is padded by repeating its
 * first and last sample 1024 times ({@code mode='edge'}), framed 2048 / 512; samples with |x| ≤ 1e-10 count as
 * +0; a crossing is a sign-bit change between neighbours inside the frame (2047 pairs; the frame's first sample
 * has none); the rate is crossings / 2048.
 */
public final class ZeroCrossingRate {
    /** librosa zero_crossings threshold. */
    static final double THRESHOLD = 1e-10;

    private ZeroCrossingRate() {
    }

    /** One value per STFT frame ({@link Stft#frameCount}); all 0 for an empty signal. */
    public static double[] frames(double[] y) {
        Accumulator zcr = new Accumulator(y.length);
        zcr.accept(y, 0, y.length);
        return zcr.frames();
    }

    /**
     * The signal fed in order, in pieces of any size. The edge padding repeats the end samples, so only the
     * pairs (i−1, i) of the signal itself can cross. In padded coordinates (p = i + 1024) pair position p is the
     * pair (p−1, p); crossings are counted per block of positions (b·512, b·512 + 512]. Frame t owns positions
     * t·512 + 1 … t·512 + 2047, i.e. blocks t … t+3 minus position t·512 + 2048 (signal index t·512 + 1024, the
     * last pair of block t + 3), whose crossing is marked separately. Counts are integers: any feeding gives the
     * same rates.
     */
    static final class Accumulator {
        private static final int HALF = Stft.N_FFT / 2;
        private static final int BLOCKS_PER_FRAME = Stft.N_FFT / Stft.HOP;
        private final int frames;
        private final int[] blockCrossings;
        private final boolean[] crossingAtFrameEnd;
        private long position;
        private boolean previousNegative;

        /** @param length the signal's length in samples */
        Accumulator(long length) {
            frames = Stft.frameCount((int) length);
            blockCrossings = new int[frames + BLOCKS_PER_FRAME];
            crossingAtFrameEnd = new boolean[frames];
        }

        void accept(double[] y, int from, int count) {
            int k = from;
            int end = from + count;
            if (position == 0 && k < end) {
                previousNegative = negative(y[k++]); // the first sample has no pair
                position = 1;
            }
            while (k < end) {
                // Pair i lies in block (i + 1023) / 512: a run of the pairs of one block, counted without
                // branches (sign changes of noise are unpredictable: measured 9 → 7 ms per minute of audio).
                long padded = position + HALF - 1;
                int block = (int) (padded / Stft.HOP);
                int stop = (int) Math.min(end, k + (Stft.HOP - padded % Stft.HOP));
                boolean previous = previousNegative;
                boolean crossed = false;
                int crossings = 0;
                position += stop - k;
                for (; k < stop; k++) {
                    boolean current = negative(y[k]);
                    crossed = current != previous;
                    crossings += crossed ? 1 : 0;
                    previous = current;
                }
                previousNegative = previous;
                blockCrossings[block] += crossings;
                boolean blockComplete = (position + HALF - 1) % Stft.HOP == 0;
                int frame = block - (BLOCKS_PER_FRAME - 1);
                if (blockComplete && frame >= 0 && frame < frames) {
                    crossingAtFrameEnd[frame] = crossed;
                }
            }
        }

        /** One value per STFT frame, once the whole signal was fed; all 0 for an empty signal. */
        double[] frames() {
            double[] rate = new double[frames];
            for (int t = 0; t < frames; t++) {
                int crossings = crossingAtFrameEnd[t] ? -1 : 0;
                for (int b = t; b < t + BLOCKS_PER_FRAME; b++) {
                    crossings += blockCrossings[b];
                }
                rate[t] = crossings / (double) Stft.N_FFT;
            }
            return rate;
        }
    }

    /** numpy signbit after librosa's clamp of |x| ≤ threshold to +0. */
    private static boolean negative(double x) {
        return x < -THRESHOLD;
    }
}
