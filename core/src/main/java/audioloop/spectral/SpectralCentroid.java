package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * librosa {@code feature.spectral_centroid} (notes/librosa.md §4): {@code Σ_k f_k·S[k]/L} with
 * {@code L = Σ_k S[k]} on the magnitude spectrum; a frame with {@code L < tiny} (digital silence) is left
 * unnormalised, so its centroid is 0. Sums run in numpy's pairwise order along frequency, as librosa's
 * frequency-contiguous (Fortran-ordered) STFT makes numpy do.
 */
public final class SpectralCentroid {
    private SpectralCentroid() {
    }

    /**
     * Centroid of one frame.
     *
     * @param norm     {@link #l1Norm} of the frame
     * @param freq     {@link FftFrequencies#hz}
     * @param weighted scratch of {@link Stft#BINS}
     */
    static double frame(double[] magnitude, double norm, double[] freq, double[] weighted) {
        for (int k = 0; k < weighted.length; k++) {
            weighted[k] = freq[k] * (magnitude[k] / norm);
        }
        return PairwiseSum.sum(weighted);
    }

    /**
     * The divisor librosa's {@code util.normalize(S, norm=1)} uses for one frame: Σ|S|, or 1 where that is below
     * the smallest normal double ({@code np.finfo(float64).tiny}).
     */
    static double l1Norm(double[] magnitude) {
        double length = PairwiseSum.sum(magnitude);
        return length < Double.MIN_NORMAL ? 1.0 : length;
    }
}
