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
        int frames = Stft.frameCount(y.length);
        // Sums of squares of the 512-sample blocks; frame t covers blocks t−2 … t+1 (blocks outside the signal are 0).
        int blocks = (y.length + Stft.HOP - 1) / Stft.HOP;
        double[] blockEnergy = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double e = 0.0;
            for (int i = b * Stft.HOP, end = Math.min(y.length, i + Stft.HOP); i < end; i++) {
                e += y[i] * y[i];
            }
            blockEnergy[b] = e;
        }
        int blocksPerFrame = Stft.N_FFT / Stft.HOP;
        double[] rms = new double[frames];
        for (int t = 0; t < frames; t++) {
            double e = 0.0;
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
