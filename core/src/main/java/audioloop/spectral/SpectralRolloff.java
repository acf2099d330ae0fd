package audioloop.spectral;

/**
 * librosa {@code feature.spectral_rolloff} with roll_percent 0.85 (notes/librosa.md §6): the frequency of the
 * lowest bin whose cumulative magnitude (numpy cumsum from DC, sequential) reaches 0.85 of the frame's total.
 * Always a multiple of 23.4375 Hz; a silent frame gives 0 Hz.
 */
public final class SpectralRolloff {
    static final double ROLL_PERCENT = 0.85;

    private SpectralRolloff() {
    }

    /** Roll-off of one frame; cumulative is scratch of {@link Stft#BINS}. */
    static double frame(double[] magnitude, double[] cumulative) {
        double sum = 0.0;
        for (int k = 0; k < cumulative.length; k++) {
            sum += magnitude[k];
            cumulative[k] = sum;
        }
        double threshold = ROLL_PERCENT * sum;
        int k = 0;
        while (cumulative[k] < threshold) {
            k++;
        }
        return k * FftFrequencies.BIN_HZ;
    }
}
