package audioloop.spectral;

/**
 * librosa {@code feature.rms(y)} (notes/librosa.md §2): frames of 2048 samples every 512, centred with 1024 zeros
 * of padding on each side, no window; {@code rms[t] = sqrt(mean(x²))}. librosa computes in float32; this is the
 * double-precision value (≈ 1e-7 relative from librosa's).
 */
public final class Rms {
    private Rms() {
    }

    /** One value per STFT frame ({@link Stft#frameCount}). */
    public static double[] frames(double[] y) {
        Accumulator rms = new Accumulator(y.length);
        rms.accept(y, 0, y.length);
        return rms.frames();
    }

    /**
     * The signal fed in order, in pieces of any size: sums of squares of its 512-sample blocks, each summed
     * sequentially from its first sample whatever the pieces; frame t covers blocks t−2 … t+1.
     */
    static final class Accumulator {
        private final long length;
        private final double[] blockEnergy;
        private long position;

        /** @param length the signal's length in samples */
        Accumulator(long length) {
            this.length = length;
            this.blockEnergy = new double[(int) ((length + Stft.HOP - 1) / Stft.HOP)];
        }

        void accept(double[] y, int from, int count) {
            int i = from;
            int end = from + count;
            while (i < end) {
                int block = (int) (position / Stft.HOP);
                int offset = (int) (position % Stft.HOP);
                int stop = Math.min(end, i + Stft.HOP - offset);
                // The block's sum so far: complete once its last sample has been fed.
                double e = offset == 0 ? 0.0 : blockEnergy[block];
                position += stop - i;
                for (; i < stop; i++) {
                    e += y[i] * y[i];
                }
                blockEnergy[block] = e;
            }
        }

        /** One value per STFT frame, once all {@code length} samples were fed. */
        double[] frames() {
            int blocks = blockEnergy.length;
            int blocksPerFrame = Stft.N_FFT / Stft.HOP;
            double[] rms = new double[Stft.frameCount((int) length)];
            for (int t = 0; t < rms.length; t++) {
                double e = 0.0;
                // Blocks outside the signal are zeros and are left out.
                for (int b = t - blocksPerFrame / 2, end = b + blocksPerFrame; b < end; b++) {
                    if (b >= 0 && b < blocks) {
                        e += blockEnergy[b];
                    }
                }
                rms[t] = Math.sqrt(e / Stft.N_FFT);
            }
            return rms;
        }
    }
}
