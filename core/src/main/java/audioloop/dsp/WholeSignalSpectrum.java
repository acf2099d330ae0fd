package audioloop.dsp;

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
 * <p>The DFT is a {@link FourStepDft}, in place in the signal's array.
 */
public final class WholeSignalSpectrum {
    /** MoSQITo's one-sided amplitude factor (comp_spectrum: {@code fft(...)[0:nfft//2] * 1.42}). */
    private static final double ONE_SIDED_FACTOR = 1.42;
    private static final int TABLE_BITS = 10;

    /** numpy's symmetric windows (numpy 2.x {@code hanning}, {@code blackman}). */
    public enum Window {
        HANN, BLACKMAN;

        /** The m-point window's values, evaluated on demand (see {@link Values}). */
        Values values(int m) {
            return new Values(this, m);
        }
    }

    /**
     * Values of an m-point window at t &lt; ⌈m/2⌉ (the second half mirrors them), evaluated on demand rather than
     * stored: a stored half of a 60 s window is 11.5 MB, and the tonality and SII hold one each at the same time
     * (measured: peak RSS of a 60 s analysis 394 -> 406 MB when the window became an array of its own).
     * numpy evaluates 0.5 + 0.5·cos(π·x/(m − 1)) (Hann) and 0.42 + 0.5·cos(π·x/(m − 1)) + 0.08·cos(2π·x/(m − 1))
     * (Blackman) at x = 2t − (m − 1), where cos(π·x/(m − 1)) = −cos θ_t with θ_t = 2πt/(m − 1) and cos(2π·x/(m − 1))
     * = 2cos²θ_t − 1. cos θ_t comes from two small tables of exact cosines and sines, cos(a + b) = cos a·cos b −
     * sin a·sin b with t = 1024·h + l, a = θ_{1024h}, b = θ_l: within a few units in the last place of numpy's
     * values. Why not one Math.cos per sample: that was 20 % of the SII's time for a 60 s file (JFR, 2.88 M samples,
     * two cosines each for Blackman).
     */
    static final class Values {
        private final Window window;
        private final int length;
        private final double[] cosLow = new double[1 << TABLE_BITS];
        private final double[] sinLow = new double[1 << TABLE_BITS];
        private final double[] cosHigh;
        private final double[] sinHigh;

        Values(Window window, int m) {
            this.window = window;
            this.length = m;
            double period = m - 1;
            for (int l = 0; l < cosLow.length; l++) {
                cosLow[l] = Math.cos(2 * Math.PI * l / period);
                sinLow[l] = Math.sin(2 * Math.PI * l / period);
            }
            int highSize = ((m + 1) / 2 >> TABLE_BITS) + 1;
            cosHigh = new double[highSize];
            sinHigh = new double[highSize];
            for (int h = 0; h < highSize; h++) {
                cosHigh[h] = Math.cos(2 * Math.PI * ((double) h * cosLow.length) / period);
                sinHigh[h] = Math.sin(2 * Math.PI * ((double) h * cosLow.length) / period);
            }
        }

        /** The value at sample t, 0 ≤ t &lt; ⌈m/2⌉. */
        double at(int t) {
            if (length == 1) {
                return 1.0;
            }
            int h = t >>> TABLE_BITS;
            int l = t & ((1 << TABLE_BITS) - 1);
            double c = -(cosHigh[h] * cosLow[l] - sinHigh[h] * sinLow[l]);
            return switch (window) {
                case HANN -> 0.5 + 0.5 * c;
                case BLACKMAN -> 0.42 + 0.5 * c + 0.08 * (2 * c * c - 1);
            };
        }
    }

    private final int length;
    /** Bin spacing fs/n, the factor of MoSQITo's frequency labels. */
    private final double binHz;
    private final FourStepDft dft;
    /** MoSQITo's one-sided factor 1.42, applied to |X|. */
    private final double amplitudeScale;

    /**
     * Transforms {@code signal} (its contents are overwritten: for even n it holds the transform afterwards).
     *
     * @param signal       the whole signal, n ≥ 1 samples
     * @param sampleRateHz its sampling rate
     * @param window       the analysis window
     */
    public WholeSignalSpectrum(double[] signal, double sampleRateHz, Window window) {
        this(signal, sampleRateHz, window, 0, 0, null);
    }

    /**
     * Transforms {@code signal} as {@link #WholeSignalSpectrum(double[], double, Window)} does and writes
     * {@link #levelsDb}(fromBin, toBin) into levelsDb[0 … toBin − fromBin): the same values, their lines read while
     * the transform's last pass has them in cache ({@link FourStepDft#FourStepDft(double[], int, int, double[])}).
     */
    public WholeSignalSpectrum(double[] signal, double sampleRateHz, Window window, int fromBin, int toBin,
                               double[] levelsDb) {
        int n = signal.length;
        if (n < 1) {
            throw new IllegalArgumentException("empty signal");
        }
        this.length = n;
        this.binHz = sampleRateHz / n;
        // comp_spectrum divides the window by the builtin (sequential) sum of its values, then multiplies. The same
        // operations in the same order: for pure tones the spectrum away from the tone is rounding noise, which the
        // TNR's band-minus-tone difference and the PR's neighbour bands read (measured: the same sum in four running
        // sums, a few ulp off, moved the TNR of iso532-1_b3_02 by 0.024 dB). The symmetric window is evaluated once
        // per pair (both halves are bitwise equal in numpy too: cos is even).
        Values windowValues = window.values(n);
        double windowSum = 0;
        for (int t = 0; t < n; t++) {
            windowSum += windowValues.at(Math.min(t, n - 1 - t));
        }
        for (int t = 0; t < (n + 1) / 2; t++) {
            double scaled = windowValues.at(t) / windowSum;
            signal[t] *= scaled;
            if (n - 1 - t != t) {
                signal[n - 1 - t] *= scaled;
            }
        }
        this.amplitudeScale = ONE_SIDED_FACTOR;
        if (levelsDb == null) {
            dft = new FourStepDft(signal);
        } else {
            if (fromBin < 0 || toBin > n / 2 || fromBin > toBin) {
                throw new IndexOutOfBoundsException("lines " + fromBin + " … " + toBin + " of " + n / 2);
            }
            dft = new FourStepDft(signal, fromBin, toBin, levelsDb);
            magnitudesToLevelsDb(levelsDb, toBin - fromBin);
        }
    }

    /** Heap a spectrum of n points takes at its peak beyond the caller's n-double signal, in bytes (estimate). */
    public static long extraHeapBytes(int n) {
        // + the window's tables, 2 doubles per 1024 points
        return FourStepDft.extraHeapBytes(n) + 8 * ((n >> TABLE_BITS) * 2 + 2048);
    }

    /** Number of one-sided bins, n/2 (integer division, MoSQITo's {@code nfft//2}). */
    public int bins() {
        return length / 2;
    }

    /** MoSQITo's label of bin k: (k + 1)·fs/n, numpy's {@code arange(1, nfft//2 + 1) * (fs / nfft)}. */
    public double frequencyHz(int k) {
        return (k + 1) * binHz;
    }

    /** {@link #frequencyHz} of the spectrum of n samples at sampleRateHz, before it is made. */
    public static double frequencyHz(int k, int n, double sampleRateHz) {
        return (k + 1) * (sampleRateHz / n);
    }

    /** 1.42·|X_k| in pascals, k &lt; n/2. */
    public double amplitudePa(int k) {
        double[] one = new double[1];
        magnitudesSquared(k, k + 1, one);
        return amplitudeScale * Math.sqrt(one[0]);
    }

    /** 1.42·|X_k| in pascals for k = from … to − 1, into out[0 … to − from). */
    public void amplitudesPa(int from, int to, double[] out) {
        magnitudesSquared(from, to, out);
        for (int i = 0; i < to - from; i++) {
            out[i] = amplitudeScale * Math.sqrt(out[i]);
        }
    }

    /**
     * (1.42·|X_k|)² in Pa² for k = from … to − 1, into out[0 … to − from): the amplitudes squared without their square
     * roots (band powers).
     */
    public void powersPa2(int from, int to, double[] out) {
        magnitudesSquared(from, to, out);
        for (int i = 0; i < to - from; i++) {
            out[i] *= amplitudeScale * amplitudeScale;
        }
    }

    /** |X_k|² for k = from … to − 1 &lt;= n/2. */
    private void magnitudesSquared(int from, int to, double[] out) {
        if (from < 0 || to > bins() || from > to) {
            throw new IndexOutOfBoundsException("lines " + from + " … " + to + " of " + bins());
        }
        dft.magnitudesSquared(from, to, out);
    }

    /** MoSQITo's {@code amp2db(|X|, ref=2e-5)}: 20·log10(a / 20 µPa), a zero amplitude replaced by 2e-12 Pa. */
    public double levelDb(int k) {
        double a = amplitudePa(k);
        return 20 * Math.log10((a == 0 ? 2e-12 : a) / 2e-5);
    }

    /** {@link #levelDb} of lines k = from … to − 1, into out[0 … to − from). */
    public void levelsDb(int from, int to, double[] out) {
        magnitudesSquared(from, to, out);
        magnitudesToLevelsDb(out, to - from);
    }

    /** |X|² → {@link #amplitudesPa}'s amplitudes → {@link #levelDb}'s levels, in place (two loops: the first one vectorises). */
    private void magnitudesToLevelsDb(double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = amplitudeScale * Math.sqrt(out[i]);
        }
        for (int i = 0; i < count; i++) {
            double a = out[i];
            out[i] = 20 * Math.log10((a == 0 ? 2e-12 : a) / 2e-5);
        }
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
