package audioloop.spectral;

/**
 * Centre frequencies of the STFT bins at the analysis rate, librosa {@code fft_frequencies(sr=48000, n_fft=2048)}
 * (numpy rfftfreq): {@code f_k = k·48000/2048 = k·23.4375} Hz exactly, k = 0 … 1024 (notes/librosa.md §1).
 */
public final class FftFrequencies {
    /** Every spectral feature runs on the signal resampled to this rate. */
    public static final int SAMPLE_RATE_HZ = 48_000;
    public static final double BIN_HZ = SAMPLE_RATE_HZ / (double) Stft.N_FFT;

    private FftFrequencies() {
    }

    /** A fresh array of the {@link Stft#BINS} bin frequencies in Hz. */
    public static double[] hz() {
        double[] f = new double[Stft.BINS];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * BIN_HZ;
        }
        return f;
    }
}
