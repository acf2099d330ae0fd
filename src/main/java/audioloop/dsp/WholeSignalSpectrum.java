package audioloop.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The one-sided amplitude spectrum of a whole signal in one DFT, as MoSQITo 1.2.1 {@code comp_spectrum(signal, fs,
 * nfft='default', window=…)} computes it for its stationary tonality (Hann) and SII (Blackman) metrics: the n-sample
 * signal times numpy's symmetric window divided by the window's sum, one n-point DFT, bins k = 0 … n/2 − 1 scaled by
 * 1.42 (MoSQITo's rounded √2, so that a sine's bin reads about its RMS value).
 *
 * <p>MoSQITo labels bin k with the frequency (k + 1)·fs/n, one bin above the frequency the DFT bin belongs to;
 * {@link #frequencyHz} reproduces that label because the metrics built on it (band limits, tone frequencies, critical
 * bands) use the labels, and parity needs the same numbers. The shift is documented in docs/tonality.md.
 *
 * <p>Memory: the transform runs in place on the caller's array (n doubles) plus the JTransforms plan.
 */
public final class WholeSignalSpectrum {
    /** MoSQITo's one-sided amplitude factor (comp_spectrum: {@code fft(...)[0:nfft//2] * 1.42}). */
    private static final double ONE_SIDED_FACTOR = 1.42;
    /**
     * Heap a caller needs per signal sample while a spectrum is computed and read, the signal included: the
     * transformed signal, JTransforms' plan tables (measured 6 doubles per point for 2 880 000 points) and the
     * metrics' own per-line arrays.
     */
    public static final int HEAP_DOUBLES_PER_SAMPLE = 8;

    /** numpy's symmetric windows, evaluated with numpy's own expressions (numpy 2.x {@code hanning}, {@code blackman}). */
    public enum Window {
        HANN, BLACKMAN;

        /** Value at sample t of an m-point window: numpy evaluates it at x = t·2 − (m − 1) over π·x/(m − 1). */
        double at(int t, int m) {
            if (m == 1) {
                return 1.0;
            }
            double x = 2.0 * t + (1.0 - m);
            double c = Math.cos(Math.PI * x / (m - 1));
            return switch (this) {
                case HANN -> 0.5 + 0.5 * c;
                case BLACKMAN -> 0.42 + 0.5 * c + 0.08 * Math.cos(2.0 * Math.PI * x / (m - 1));
            };
        }
    }

    private final int length;
    private final double sampleRateHz;
    /** Bin spacing fs/n, the factor of MoSQITo's frequency labels. */
    private final double binHz;
    /** The windowed signal's DFT in JTransforms' packed real layout (Re, Im of bin k at 2k, 2k + 1 for 0 &lt; k &lt; n/2). */
    private final double[] packed;

    /**
     * Transforms {@code signal} in place (its contents are overwritten with the packed DFT).
     *
     * @param signal       the whole signal, n ≥ 1 samples
     * @param sampleRateHz its sampling rate
     * @param window       the analysis window
     */
    public WholeSignalSpectrum(double[] signal, double sampleRateHz, Window window) {
        int n = signal.length;
        if (n < 1) {
            throw new IllegalArgumentException("empty signal");
        }
        this.length = n;
        this.sampleRateHz = sampleRateHz;
        this.binHz = sampleRateHz / n;
        // comp_spectrum divides the window by the builtin (sequential) sum of its values.
        double windowSum = 0;
        for (int t = 0; t < n; t++) {
            windowSum += window.at(t, n);
        }
        for (int t = 0; t < n; t++) {
            signal[t] *= window.at(t, n) / windowSum;
        }
        if (n > 1) {
            DoubleFFT_1D fft = Fft.plan(n);
            fft.realForward(signal);
        }
        this.packed = signal;
    }

    /** Number of one-sided bins, n/2 (integer division, MoSQITo's {@code nfft//2}). */
    public int bins() {
        return length / 2;
    }

    /** MoSQITo's label of bin k: (k + 1)·fs/n, numpy's {@code arange(1, nfft//2 + 1) * (fs / nfft)}. */
    public double frequencyHz(int k) {
        return (k + 1) * binHz;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** 1.42·|X_k| in pascals, k &lt; n/2. */
    public double amplitudePa(int k) {
        double re;
        double im;
        if (k == 0) {
            re = packed[0];
            im = 0;
        } else {
            // For even n, bin n/2 sits at [1]; for odd n, Im of bin (n−1)/2 does — neither is below n/2 here.
            re = packed[2 * k];
            im = packed[2 * k + 1];
        }
        return ONE_SIDED_FACTOR * Math.sqrt(re * re + im * im);
    }

    /** MoSQITo's {@code amp2db(|X|, ref=2e-5)}: 20·log10(a / 20 µPa), a zero amplitude replaced by 2e-12 Pa. */
    public double levelDb(int k) {
        double a = amplitudePa(k);
        return 20 * Math.log10((a == 0 ? 2e-12 : a) / 2e-5);
    }

    /**
     * Index of the label nearest to {@code frequencyHz} among bins {@code from} … {@code to − 1}, the first one on a
     * tie: numpy's {@code argmin(abs(freqs − f))} over that slice, returned relative to {@code from}.
     */
    public int nearestBin(double frequencyHz, int from, int to) {
        int guess = (int) Math.max(Math.min(Math.round(frequencyHz / binHz) - 1, (long) to - 1), from);
        int first = Math.max(from, guess - 2);
        int last = Math.min(to - 1, guess + 2);
        int best = first;
        double bestDistance = Math.abs(frequencyHz(first) - frequencyHz);
        for (int k = first + 1; k <= last; k++) {
            double distance = Math.abs(frequencyHz(k) - frequencyHz);
            if (distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best - from;
    }
}
