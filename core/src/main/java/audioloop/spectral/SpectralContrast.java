package audioloop.spectral;

import java.util.Arrays;

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

    /** Largest q of any band: the size of the scratch arrays {@link #frame} needs. */
    static final int MAX_QUANTILE_BINS = Arrays.stream(QUANTILE_BINS).max().getAsInt();

    /**
     * Mean peak and valley magnitude of each band of one frame (before the dB conversion, which needs every
     * frame); smallest and largest are scratch of {@link #MAX_QUANTILE_BINS}.
     */
    static void frame(double[] magnitude, double[] peak, double[] valley, double[] smallest, double[] largest) {
        for (int band = 0; band < BANDS; band++) {
            int q = QUANTILE_BINS[band];
            extremes(magnitude, FIRST_BIN[band], LAST_BIN[band], q, smallest, largest);
            // numpy averages the sorted slices in ascending order of the values.
            double valleySum = 0.0;
            double peakSum = 0.0;
            for (int i = 0; i < q; i++) {
                valleySum += smallest[i];
                peakSum += largest[q - 1 - i];
            }
            valley[band] = valleySum / q;
            peak[band] = peakSum / q;
        }
    }

    /**
     * The contrast in dB from every frame's {@link #frame} values, which it overwrites: element-wise but for each
     * matrix's global floor, so the arrays may be {@code [frame][band]} or {@code [band][frame]}.
     */
    static double[][] fromPeaksAndValleys(double[][] peak, double[][] valley) {
        PowerToDb.inPlace(peak);
        PowerToDb.inPlace(valley);
        double[][] contrast = peak;
        for (int i = 0; i < peak.length; i++) {
            for (int j = 0; j < peak[i].length; j++) {
                contrast[i][j] = peak[i][j] - valley[i][j];
            }
        }
        return contrast;
    }

    /**
     * The q smallest values of {@code s[first … last]} in ascending order and the q largest in descending order,
     * the values librosa's sort-then-slice averages, by one pass with two sorted buffers of q entries instead of a
     * sort of the band.
     */
    private static void extremes(double[] s, int first, int last, int q, double[] smallest, double[] largest) {
        Arrays.fill(smallest, 0, q, Double.POSITIVE_INFINITY);
        Arrays.fill(largest, 0, q, Double.NEGATIVE_INFINITY);
        for (int k = first; k <= last; k++) {
            double v = s[k];
            if (v < smallest[q - 1]) {
                int i = q - 1;
                while (i > 0 && smallest[i - 1] > v) {
                    smallest[i] = smallest[i - 1];
                    i--;
                }
                smallest[i] = v;
            }
            if (v > largest[q - 1]) {
                int i = q - 1;
                while (i > 0 && largest[i - 1] < v) {
                    largest[i] = largest[i - 1];
                    i--;
                }
                largest[i] = v;
            }
        }
    }
}
