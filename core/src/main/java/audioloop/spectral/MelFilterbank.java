package audioloop.spectral;

import java.util.Arrays;

/**
 * librosa {@code filters.mel(sr=48000, n_fft=2048, n_mels=128)} with its defaults (fmin 0, fmax 24 kHz, Slaney mel
 * scale, Slaney area normalisation, float32 weights), built in code (notes/librosa.md §9), stored sparsely: each
 * band's non-zero weights and the bin of the first one.
 */
public final class MelFilterbank {
    public static final int N_MELS = 128;
    /** Slaney mel scale (librosa hz_to_mel, htk=False): linear below 1 kHz, logarithmic above. */
    private static final double LINEAR_HZ_PER_MEL = 200.0 / 3;
    private static final double LOG_REGION_HZ = 1000.0;
    private static final double LOG_REGION_MEL = LOG_REGION_HZ / LINEAR_HZ_PER_MEL;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final double[] bandEdgesHz;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(double[] bandEdgesHz, int[] firstBin, double[][] weights) {
        this.bandEdgesHz = bandEdgesHz;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /** The 128-band bank librosa's melspectrogram uses at 48 kHz with n_fft 2048. */
    public static MelFilterbank librosaDefault() {
        double fmaxHz = FftFrequencies.SAMPLE_RATE_HZ / 2.0;
        double maxMel = hzToMel(fmaxHz);
        int edgeCount = N_MELS + 2;
        // np.linspace(0, maxMel, 130): i·step + start, the last value set to stop.
        double step = maxMel / (edgeCount - 1);
        double[] edges = new double[edgeCount];
        for (int i = 0; i < edgeCount - 1; i++) {
            edges[i] = melToHz(i * step);
        }
        // The last edge is mel_to_hz(hz_to_mel(fmax)) = fmax up to a libm-dependent couple of ulp: 23999.999999999993
        // in the reference (numpy 1.24), 24000.000000000004 with Java and numpy 2.4 here. Only its side of 24000
        // matters — whether the Nyquist bin gets a 6e-18 weight in band 127 — and fmax itself gives the
        // reference's zero.
        edges[edgeCount - 1] = fmaxHz;
        double[] freq = FftFrequencies.hz();
        int[] first = new int[N_MELS];
        double[][] weights = new double[N_MELS][];
        double[] dense = new double[freq.length];
        for (int m = 0; m < N_MELS; m++) {
            double lowerWidth = edges[m + 1] - edges[m];
            double upperWidth = edges[m + 2] - edges[m + 1];
            double slaneyNorm = 2.0 / (edges[m + 2] - edges[m]);
            int lo = freq.length;
            int hi = -1;
            for (int k = 0; k < freq.length; k++) {
                double lower = -(edges[m] - freq[k]) / lowerWidth;
                double upper = (edges[m + 2] - freq[k]) / upperWidth;
                // librosa stores the triangle in a float32 array, then multiplies by the float64 Slaney factor
                // and stores float32 again: replicate both roundings (§9).
                float triangle = (float) Math.max(0.0, Math.min(lower, upper));
                dense[k] = (float) (triangle * slaneyNorm);
                if (dense[k] != 0.0) {
                    lo = Math.min(lo, k);
                    hi = k;
                }
            }
            if (hi < 0) {
                throw new IllegalStateException("empty mel filter " + m);
            }
            first[m] = lo;
            weights[m] = Arrays.copyOfRange(dense, lo, hi + 1);
        }
        return new MelFilterbank(edges, first, weights);
    }

    /** librosa hz_to_mel (Slaney). */
    static double hzToMel(double hz) {
        if (hz >= LOG_REGION_HZ) {
            return LOG_REGION_MEL + Math.log(hz / LOG_REGION_HZ) / LOG_STEP;
        }
        return hz / LINEAR_HZ_PER_MEL;
    }

    /** librosa mel_to_hz (Slaney). */
    static double melToHz(double mel) {
        if (mel >= LOG_REGION_MEL) {
            return LOG_REGION_HZ * Math.exp(LOG_STEP * (mel - LOG_REGION_MEL));
        }
        return LINEAR_HZ_PER_MEL * mel;
    }

    /** The 130 band edges in Hz (band m spans edges m … m+2, peaking at edge m+1). */
    public double[] bandEdgesHz() {
        return bandEdgesHz.clone();
    }

    /** First FFT bin with a non-zero weight in band m. */
    public int firstBin(int band) {
        return firstBin[band];
    }

    /** The non-zero weights of band m (possibly with interior zeros), starting at {@link #firstBin}. */
    public double[] weights(int band) {
        return weights[band].clone();
    }

    /**
     * Mel power spectrogram {@code M[frame][band] = Σ_k W[band,k]·|X[k]|²} (librosa melspectrogram, power 2.0),
     * summed over each band's non-zero weights only.
     */
    public double[][] power(double[][] magnitude) {
        double[] power = new double[Stft.BINS];
        double[][] mel = new double[magnitude.length][N_MELS];
        for (int t = 0; t < magnitude.length; t++) {
            Stft.power(magnitude[t], power);
            frame(power, mel[t]);
        }
        return mel;
    }

    /** One frame: {@code out[band] = Σ_k W[band,k]·power[k]}, power = |X|² ({@link Stft#power}). */
    public void frame(double[] power, double[] out) {
        for (int m = 0; m < N_MELS; m++) {
            double[] w = weights[m];
            int offset = firstBin[m];
            double sum = 0.0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * power[offset + i];
            }
            out[m] = sum;
        }
    }
}
