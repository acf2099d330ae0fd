package audioloop.spectral;

import audioloop.dsp.PairwiseSum;

/**
 * librosa {@code feature.spectral_flatness} (notes/librosa.md §7): on the power spectrum floored at amin = 1e-10,
 * over all 1025 bins, geometric mean / arithmetic mean = {@code exp(mean(ln P')) / mean(P')}. A silent frame
 * gives 0.9999999999999994, not 1 (rounding of exp(ln 1e-10) and of the mean); the reference shows
 * 0.9999999999999993 because numpy 1.24's exp was one ulp low there (numpy 2.4 agrees with Java).
 */
public final class SpectralFlatness {
    static final double AMIN = 1e-10;

    private SpectralFlatness() {
    }

    /** Flatness of one frame; power and logPower are scratch of {@link Stft#BINS}. */
    static double frame(double[] magnitude, double[] power, double[] logPower) {
        for (int k = 0; k < power.length; k++) {
            double p = Math.max(AMIN, magnitude[k] * magnitude[k]);
            power[k] = p;
            logPower[k] = Math.log(p);
        }
        double geometricMean = Math.exp(PairwiseSum.sum(logPower) / Stft.BINS);
        double arithmeticMean = PairwiseSum.sum(power) / Stft.BINS;
        return geometricMean / arithmeticMean;
    }
}
