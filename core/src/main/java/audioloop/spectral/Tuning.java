package audioloop.spectral;

import java.util.Arrays;

/**
 * librosa {@code estimate_tuning(S=|X|², sr=48000, bins_per_octave=12)} as {@code chroma_stft} calls it
 * (notes/librosa.md §12.1): {@code piptrack} peaks between 150 and 4000 Hz on the power spectrogram, the
 * magnitudes above their file-wide median, and the fullest bin of a 0.01-semitone histogram of their deviation
 * from equal temperament. The estimator's bias (parabolic fit on power, 23 Hz bins) is librosa's and is kept.
 */
public final class Tuning {
    /** piptrack fmin = 150 Hz, fmax = 4000 Hz: bins with 150 ≤ k·sr/n_fft < 4000 are k = 7..170 at 48 kHz. */
    private static final int FIRST_BIN = 7;
    private static final int LAST_BIN = 170;
    /** piptrack threshold: a bin counts only where P > 0.1 · max_k P of its frame. */
    private static final double THRESHOLD = 0.1;
    /** pitch_tuning resolution 0.01 → np.linspace(−0.5, 0.5, 101): 100 bins. */
    private static final int HISTOGRAM_BINS = 100;

    private Tuning() {
    }

    /**
     * Tuning offset in fractions of a semitone, a multiple of 0.01 in [−0.5, 0.5) computed as librosa's
     * histogram edge (e.g. 0.07999999999999996); 0.0 when no spectral peak exists (silence).
     *
     * @param magnitude {@link Stft#magnitude} output, {@code [frame][1025]}; not modified
     */
    public static double estimate(double[][] magnitude) {
        Peaks peaks = new Peaks();
        double[] power = new double[Stft.BINS];
        for (double[] frame : magnitude) {
            Stft.power(frame, power);
            framePeaks(frame, power, peaks);
        }
        return fromPeaks(peaks);
    }

    /** The piptrack peaks of a file (or of a run of its frames), in frame order: frequency and magnitude. */
    static final class Peaks {
        private double[] pitchHz = new double[64];
        private double[] magnitude = new double[64];
        private int count;

        void add(double hz, double peakMagnitude) {
            if (count == pitchHz.length) {
                pitchHz = Arrays.copyOf(pitchHz, 2 * count);
                magnitude = Arrays.copyOf(magnitude, 2 * count);
            }
            pitchHz[count] = hz;
            magnitude[count] = peakMagnitude;
            count++;
        }

        void addAll(Peaks other) {
            for (int i = 0; i < other.count; i++) {
                add(other.pitchHz[i], other.magnitude[i]);
            }
        }

        int count() {
            return count;
        }

        double pitchHz(int i) {
            return pitchHz[i];
        }

        double magnitude(int i) {
            return magnitude[i];
        }

        void clear() {
            count = 0;
        }
    }

    /**
     * The piptrack peaks of one frame into out.
     *
     * @param magnitude |X| of the frame, {@link Stft#BINS} values
     * @param power     its {@link Stft#power}
     */
    static void framePeaks(double[] magnitude, double[] power, Peaks out) {
        double maxMagnitude = 0.0;
        for (double m : magnitude) {
            maxMagnitude = Math.max(maxMagnitude, m);
        }
        // Squaring is monotone in floating point, so max_k P = (max_k |X|)² exactly.
        double ref = THRESHOLD * (maxMagnitude * maxMagnitude);
        for (int k = FIRST_BIN; k <= LAST_BIN; k++) {
            // util.localmax of P·(P > ref): strictly above the lower neighbour, at least the upper one.
            double here = thresholded(power[k], ref);
            if (!(here > thresholded(power[k - 1], ref) && here >= thresholded(power[k + 1], ref))) {
                continue;
            }
            // core/pitch.py _pi_stencil on the unthresholded power; np.gradient = (P[k+1] − P[k−1]) / 2.
            double a = power[k + 1] + power[k - 1] - 2 * power[k];
            double b = (power[k + 1] - power[k - 1]) / 2;
            double shift = Math.abs(b) >= Math.abs(a) ? 0.0 : -b / a;
            out.add((k + shift) * 48000.0 / Stft.N_FFT, power[k] + 0.5 * b * shift);
        }
    }

    /** The estimate from every peak of the file. */
    static double fromPeaks(Peaks peaks) {
        int n = peaks.count();
        if (n == 0) {
            return 0.0;
        }
        // estimate_tuning: keep peaks whose magnitude reaches the median over all peaks of the file
        // (every pitch here is > 0: k ≥ 7 and |shift| < 1).
        double threshold = Median.ofFirst(Arrays.copyOf(peaks.magnitude, n), n);
        int[] counts = new int[HISTOGRAM_BINS];
        for (int i = 0; i < n; i++) {
            if (peaks.magnitude(i) >= threshold) {
                counts[residualBin(peaks.pitchHz(i))]++;
            }
        }
        return fromHistogram(counts);
    }

    /**
     * {@link #fromPeaks} for a file whose peaks are too many to keep (tens of millions an hour), over two passes
     * that see the same peaks: the first counts them per key of the top 20 bits of their magnitude (ordered as
     * the magnitudes are), which locates the key range holding the median's order statistics; the second keeps
     * only the peaks in that range and counts the ones above it per histogram bin. The median, and so the
     * estimate, are then exactly those of {@link #fromPeaks}.
     */
    static final class TwoPassEstimate {
        private static final int KEY_BITS = 20;
        private final int[] peaksPerKey = new int[1 << KEY_BITS];
        private final int[] countsAbove = new int[HISTOGRAM_BINS];
        private final Peaks middle = new Peaks();
        private int total;
        private int lowKey;
        private int highKey;
        private int below;

        /** The first pass's peaks, in any grouping. */
        void first(Peaks peaks) {
            for (int i = 0; i < peaks.count(); i++) {
                peaksPerKey[key(peaks.magnitude(i))]++;
            }
            total += peaks.count();
        }

        /** After the first pass: the keys of the median's order statistics h − 1 (even counts) and h. */
        void endFirst() {
            if (total == 0) {
                return;
            }
            int h = total / 2;
            highKey = keyOfRank(h);
            lowKey = total % 2 == 0 ? keyOfRank(h - 1) : highKey;
            for (int k = 0; k < lowKey; k++) {
                below += peaksPerKey[k];
            }
        }

        /** The second pass's peaks (the same as the first pass's, in any grouping). */
        void second(Peaks peaks) {
            for (int i = 0; i < peaks.count(); i++) {
                int key = key(peaks.magnitude(i));
                if (key > highKey) {
                    countsAbove[residualBin(peaks.pitchHz(i))]++; // above the median's range: at or above it
                } else if (key >= lowKey) {
                    middle.add(peaks.pitchHz(i), peaks.magnitude(i));
                }
            }
        }

        /** The estimate, after the second pass. */
        double estimate() {
            if (total == 0) {
                return 0.0;
            }
            double[] sorted = Arrays.copyOf(middle.magnitude, middle.count());
            Arrays.sort(sorted);
            int h = total / 2;
            double upper = sorted[h - below];
            double threshold = total % 2 == 1 ? upper : (sorted[h - 1 - below] + upper) / 2;
            int[] counts = countsAbove.clone();
            for (int i = 0; i < middle.count(); i++) {
                if (middle.magnitude(i) >= threshold) {
                    counts[residualBin(middle.pitchHz(i))]++;
                }
            }
            return fromHistogram(counts);
        }

        private int keyOfRank(int rank) {
            int seen = 0;
            for (int k = 0; ; k++) {
                seen += peaksPerKey[k];
                if (seen > rank) {
                    return k;
                }
            }
        }

        /** Top bits of the magnitude's bit pattern, made to order as the (positive) magnitudes do. */
        private static int key(double magnitude) {
            long bits = Double.doubleToRawLongBits(magnitude);
            bits ^= (bits >> 63) | Long.MIN_VALUE;
            return (int) (bits >>> (Long.SIZE - KEY_BITS));
        }
    }

    /** The histogram bin of a peak's deviation from equal temperament. */
    static int residualBin(double pitchHz) {
        return histogramBin(semitoneResidual(pitchHz));
    }

    /** The estimate from the counts per {@link #residualBin} of the peaks at or above the median magnitude. */
    static double fromHistogram(int[] counts) {
        int fullest = 0;
        for (int i = 1; i < HISTOGRAM_BINS; i++) {
            if (counts[i] > counts[fullest]) {
                fullest = i;
            }
        }
        return histogramEdge(fullest);
    }

    private static double thresholded(double power, double ref) {
        return power > ref ? power : 0.0;
    }

    /** pitch_tuning: residual = (12·log2(f / 27.5)) mod 1, moved to [−0.5, 0.5). */
    static double semitoneResidual(double frequencyHz) {
        double residual = (12 * Log2.of(frequencyHz / (440.0 / 16))) % 1.0;
        return residual >= 0.5 ? residual - 1.0 : residual;
    }

    /** np.linspace(−0.5, 0.5, 101)[i] = i·0.01 + (−0.5), the last edge set to 0.5 exactly. */
    static double histogramEdge(int i) {
        return i == HISTOGRAM_BINS ? 0.5 : i * 0.01 + -0.5;
    }

    /** np.histogram bin: edge_i ≤ r < edge_{i+1}, last bin closed; found by the edges themselves, as numpy does. */
    static int histogramBin(double residual) {
        int i = (int) Math.floor((residual + 0.5) * HISTOGRAM_BINS);
        i = Math.max(0, Math.min(HISTOGRAM_BINS - 1, i));
        if (residual < histogramEdge(i) && i > 0) {
            i--;
        } else if (residual >= histogramEdge(i + 1) && i < HISTOGRAM_BINS - 1) {
            i++;
        }
        return i;
    }
}
