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
        int frames = Stft.frameCount(y.length);
        double[] rate = new double[frames];
        if (y.length == 0) {
            return rate;
        }
        // In padded coordinates (p = original index + 1024), pair position p is the pair (p−1, p).
        // Crossings per block of positions (b·512, b·512 + 512]; frame t owns positions t·512 + 1 … t·512 + 2047,
        // i.e. blocks t … t+3 minus position t·512 + 2048.
        int half = Stft.N_FFT / 2;
        int padded = y.length + Stft.N_FFT;
        int blocksPerFrame = Stft.N_FFT / Stft.HOP;
        int[] blockCrossings = new int[frames + blocksPerFrame];
        boolean previous = negative(y[0]);
        for (int p = 1; p < padded; p++) {
            boolean current = negative(y[Math.min(y.length - 1, Math.max(0, p - half))]);
            if (current != previous) {
                blockCrossings[(p - 1) / Stft.HOP]++;
            }
            previous = current;
        }
        for (int t = 0; t < frames; t++) {
            int count = 0;
            for (int b = t; b < t + blocksPerFrame; b++) {
                count += blockCrossings[b];
            }
            int excluded = t * Stft.HOP + Stft.N_FFT;
            if (excluded < padded && crossingAt(y, excluded - half)) {
                count--;
            }
            rate[t] = count / (double) Stft.N_FFT;
        }
        return rate;
    }

    /** Whether the edge-padded signal changes sign between original positions i−1 and i. */
    private static boolean crossingAt(double[] y, int i) {
        int last = y.length - 1;
        return negative(y[Math.min(last, Math.max(0, i))]) != negative(y[Math.min(last, Math.max(0, i - 1))]);
    }

    /** numpy signbit after librosa's clamp of |x| ≤ threshold to +0. */
    private static boolean negative(double x) {
        return x < -THRESHOLD;
    }
}
