package audioloop.spectral;

/**
 * librosa {@code feature.spectral_contrast} with fmin 200 Hz, n_bands 6, quantile 0.02, linear False
 * (notes/librosa.md §8). Seven octave bands with edges {@code [0, 200, 400, …, 12800]} Hz; per frame and band the
 * mean of the q smallest magnitudes (valley) and of the q largest (peak);
 * {@code contrast = power_to_db(peak) − power_to_db(valley)} where power_to_db takes the magnitudes as they are
 * (10·log10) and floors each matrix at its own global maximum − 80 dB, so a frame's value depends on the file.
 */
public final class SpectralContrast {
    public static final int BANDS = 7;
    static final double FMIN_HZ = 200.0;
    static final double QUANTILE = 0.02;

    /** First and last bin (inclusive) of each band and its q, from librosa's selection rule. */
    private static final int[] FIRST_BIN = new int[BANDS];
    private static final int[] LAST_BIN = new int[BANDS];
    private static final int[] QUANTILE_BINS = new int[BANDS];

    static {
        // librosa: bins with lo ≤ f ≤ hi; for k > 0 also the bin just below; for the last band every bin up to
        // Nyquist; for k < n_bands the topmost selected bin is dropped; q = max(1, rint(quantile · count before
        // the drop)).
        double[] freq = FftFrequencies.hz();
        for (int band = 0; band < BANDS; band++) {
            double lo = band == 0 ? 0.0 : FMIN_HZ * Math.pow(2.0, band - 1);
            double hi = FMIN_HZ * Math.pow(2.0, band);
            int first = 0;
            while (freq[first] < lo) {
                first++;
            }
            int last = first;
            while (last + 1 < freq.length && freq[last + 1] <= hi) {
                last++;
            }
            if (band > 0) {
                first--;
            }
            if (band == BANDS - 1) {
                last = freq.length - 1;
            }
            QUANTILE_BINS[band] = (int) Math.max(1.0, Math.rint(QUANTILE * (last - first + 1)));
            FIRST_BIN[band] = first;
            LAST_BIN[band] = band < BANDS - 1 ? last - 1 : last;
        }
    }

    private SpectralContrast() {
    }

    /** Contrast per frame and band, {@code [frame][band]}, in dB of magnitude. */
    public static double[][] frames(double[][] magnitude) {
        int frames = magnitude.length;
        double[][] peak = new double[frames][BANDS];
        double[][] valley = new double[frames][BANDS];
        int maxQ = 0;
        for (int q : QUANTILE_BINS) {
            maxQ = Math.max(maxQ, q);
        }
        double[] kept = new double[maxQ];
        for (int t = 0; t < frames; t++) {
            double[] s = magnitude[t];
            for (int band = 0; band < BANDS; band++) {
                int q = QUANTILE_BINS[band];
                valley[t][band] = meanOfExtremes(s, FIRST_BIN[band], LAST_BIN[band], q, 1.0, kept);
                peak[t][band] = meanOfExtremes(s, FIRST_BIN[band], LAST_BIN[band], q, -1.0, kept);
            }
        }
        PowerToDb.inPlace(peak);
        PowerToDb.inPlace(valley);
        double[][] contrast = peak;
        for (int t = 0; t < frames; t++) {
            for (int band = 0; band < BANDS; band++) {
                contrast[t][band] = peak[t][band] - valley[t][band];
            }
        }
        return contrast;
    }

    /**
     * Mean of the q smallest (sign +1) or q largest (sign −1) of {@code s[first … last]}: the q smallest values of
     * {@code sign·s} are kept in a sorted buffer instead of sorting the band, then averaged in ascending order of s,
     * as numpy averages librosa's sorted slice.
     */
    private static double meanOfExtremes(double[] s, int first, int last, int q, double sign, double[] kept) {
        int count = 0;
        for (int k = first; k <= last; k++) {
            double v = sign * s[k];
            if (count == q && v >= kept[q - 1]) {
                continue;
            }
            int i = count < q ? count++ : q - 1;
            while (i > 0 && kept[i - 1] > v) {
                kept[i] = kept[i - 1];
                i--;
            }
            kept[i] = v;
        }
        double sum = 0.0;
        for (int j = 0; j < q; j++) {
            sum += sign * kept[sign > 0 ? j : q - 1 - j];
        }
        return sum / q;
    }
}
