package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * librosa {@code feature.spectral_bandwidth} with p = 2, norm = True (notes/librosa.md §5):
 * {@code sqrt(Σ_k (S[k]/L)·(f_k − centroid)²)}, with the centroid's silent-frame rule (bandwidth 0).
 */
public final class SpectralBandwidth {
    private SpectralBandwidth() {
    }

    /** Bandwidth in Hz per frame, from the magnitudes and the centroids {@link SpectralCentroid#frames} gave. */
    public static double[] frames(double[][] magnitude, double[] centroid) {
        double[] freq = FftFrequencies.hz();
        double[] weighted = new double[Stft.BINS];
        double[] bandwidth = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            double[] s = magnitude[t];
            bandwidth[t] = frame(s, SpectralCentroid.l1Norm(s), centroid[t], freq, weighted);
        }
        return bandwidth;
    }

    /** Bandwidth of one frame, given its {@link SpectralCentroid#l1Norm} and centroid; weighted is scratch. */
    static double frame(double[] magnitude, double norm, double centroid, double[] freq, double[] weighted) {
        for (int k = 0; k < weighted.length; k++) {
            double deviation = freq[k] - centroid;
            weighted[k] = (magnitude[k] / norm) * (deviation * deviation);
        }
        return Math.sqrt(PairwiseSum.sum(weighted));
    }
}
