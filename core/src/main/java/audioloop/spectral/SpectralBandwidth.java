package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * librosa {@code feature.spectral_bandwidth} with p = 2, norm = True (notes/librosa.md §5):
 * {@code sqrt(Σ_k (S[k]/L)·(f_k − centroid)²)}, with the centroid's silent-frame rule (bandwidth 0).
 */
public final class SpectralBandwidth {
    private SpectralBandwidth() {
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
