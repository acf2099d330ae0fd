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
 * <p>Method, for memory: one JTransforms plan of n points keeps 6n doubles of tables (15n when n has a large prime
 * factor; measured), three to eight times the signal. Here the n-point DFT is a "four-step" DFT (Bailey 1990) done
 * in place in the signal's own array: for even n the real signal is read as L = n/2 complex points
 * z_s = x_{2s} + i·x_{2s+1} (the array's own interleaving), L = L1·L2 with L1 the largest divisor ≤ √L, L1 column
 * DFTs of L2 points, twiddles e^{−2πi·s1·k2/L}, L2 row DFTs of L1 points; X_k is then
 * ½(Z_k + conj Z_{L−k}) − ½i·e^{−2πik/n}(Z_k − conj Z_{L−k}). Twiddles come from two small tables
 * (e^{−2πij/n} = T_hi[j ≫ 10]·T_lo[j &amp; 1023]). Odd n take a complex copy (2n doubles) and the same steps.
 */
public final class WholeSignalSpectrum {
    /** MoSQITo's one-sided amplitude factor (comp_spectrum: {@code fft(...)[0:nfft//2] * 1.42}). */
    private static final double ONE_SIDED_FACTOR = 1.42;
    /** Transforms up to this many complex points are one JTransforms plan (small tables). */
    private static final int SINGLE_PLAN_POINTS = 1 << 13;
    /** Columns gathered together in the column pass, so each strided read fetches whole cache lines. */
    private static final int COLUMN_GROUP = 8;
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
    /** Whether the signal was read as n/2 complex points (even n). */
    private final boolean paired;
    /** The complex DFT Z of the transformed sequence, interleaved, Z_k at position l1·(k mod l2) + k / l2. */
    private final double[] data;
    private final int points;
    private final int l1;
    private final int l2;
    /** e^{−2πij/n} = (hiRe + i·hiIm)[j ≫ TABLE_BITS] · (loRe + i·loIm)[j &amp; mask]. */
    private final double[] hiRe;
    private final double[] hiIm;
    private final double[] loRe;
    private final double[] loIm;
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
        int tableSize = 1 << TABLE_BITS;
        int hiSize = (n >> TABLE_BITS) + 1;
        hiRe = new double[hiSize];
        hiIm = new double[hiSize];
        loRe = new double[tableSize];
        loIm = new double[tableSize];
        for (int j = 0; j < hiSize; j++) {
            double angle = -2 * Math.PI * ((double) j * tableSize) / n;
            hiRe[j] = Math.cos(angle);
            hiIm[j] = Math.sin(angle);
        }
        for (int j = 0; j < tableSize; j++) {
            double angle = -2 * Math.PI * j / n;
            loRe[j] = Math.cos(angle);
            loIm[j] = Math.sin(angle);
        }
        paired = n % 2 == 0;
        if (paired) {
            data = signal;
            points = n / 2;
        } else {
            data = new double[2 * n];
            for (int t = 0; t < n; t++) {
                data[2 * t] = signal[t];
            }
            points = n;
        }
        l1 = points <= SINGLE_PLAN_POINTS ? 1 : largestDivisorUpToRoot(points);
        l2 = points / l1;
        fourStep();
    }

    /** Heap a spectrum of n points takes at its peak beyond the caller's n-double signal, in bytes (estimate). */
    public static long extraHeapBytes(int n) {
        long points = n % 2 == 0 ? n / 2 : n;
        long copy = n % 2 == 0 ? 0 : 2L * n;
        long l1 = points <= SINGLE_PLAN_POINTS ? 1 : largestDivisorUpToRoot((int) points);
        long longest = Math.max(l1, points / l1);
        // JTransforms' plan and work of the longest sub-transform: at most ~40 doubles per point (Bluestein).
        // + the window's and the twiddles' tables, 2 + 2 doubles per 1024 points.
        return 8 * (copy + 40 * longest + 2 * COLUMN_GROUP * longest + (n >> TABLE_BITS) * 4 + 4096);
    }

    private static int largestDivisorUpToRoot(int m) {
        for (int d = (int) Math.sqrt(m); d > 1; d--) {
            if (m % d == 0) {
                return d;
            }
        }
        return 1;
    }

    /** e^{−2πij/n} for 0 ≤ j &lt; n, into out[0], out[1]. */
    private void twiddle(long j, double[] out) {
        int hi = (int) (j >>> TABLE_BITS);
        int lo = (int) (j & ((1 << TABLE_BITS) - 1));
        out[0] = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
        out[1] = hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo];
    }

    /**
     * Z_{k2 + l2·k1} = Σ_{s1} e^{−2πi·s1·k1/l1} · [e^{−2πi·s1·k2/L} · Σ_{s2} z_{s1 + l1·s2} e^{−2πi·s2·k2/l2}],
     * in place: after the column pass position s1 + l1·k2 holds the bracket, after the row pass position
     * l1·k2 + k1 holds Z_{k2 + l2·k1}.
     */
    private void fourStep() {
        DoubleFFT_1D columnPlan = Fft.plan(l2);
        if (l1 > 1) {
            int stepToN = paired ? 2 : 1; // e^{−2πi·m/L} = e^{−2πi·(m·stepToN)/n}
            double[][] columns = new double[COLUMN_GROUP][2 * l2];
            double[] w = new double[2];
            for (int s1 = 0; s1 < l1; s1 += COLUMN_GROUP) {
                int group = Math.min(COLUMN_GROUP, l1 - s1);
                for (int s2 = 0; s2 < l2; s2++) {
                    int base = 2 * (s1 + l1 * s2);
                    for (int c = 0; c < group; c++) {
                        columns[c][2 * s2] = data[base + 2 * c];
                        columns[c][2 * s2 + 1] = data[base + 2 * c + 1];
                    }
                }
                for (int c = 0; c < group; c++) {
                    double[] column = columns[c];
                    columnPlan.complexForward(column);
                    int column1 = s1 + c;
                    long exponent = 0; // column1·k2 mod L, stepped without a division per element
                    for (int k2 = 1; k2 < l2; k2++) {
                        exponent += column1;
                        if (exponent >= points) {
                            exponent -= points;
                        }
                        twiddle(exponent * stepToN, w);
                        double re = column[2 * k2];
                        double im = column[2 * k2 + 1];
                        column[2 * k2] = re * w[0] - im * w[1];
                        column[2 * k2 + 1] = re * w[1] + im * w[0];
                    }
                }
                for (int k2 = 0; k2 < l2; k2++) {
                    int base = 2 * (s1 + l1 * k2);
                    for (int c = 0; c < group; c++) {
                        data[base + 2 * c] = columns[c][2 * k2];
                        data[base + 2 * c + 1] = columns[c][2 * k2 + 1];
                    }
                }
            }
            DoubleFFT_1D rowPlan = Fft.plan(l1);
            for (int k2 = 0; k2 < l2; k2++) {
                rowPlan.complexForward(data, 2 * l1 * k2);
            }
        } else {
            columnPlan.complexForward(data);
        }
    }

    /** Number of one-sided bins, n/2 (integer division, MoSQITo's {@code nfft//2}). */
    public int bins() {
        return length / 2;
    }

    /** MoSQITo's label of bin k: (k + 1)·fs/n, numpy's {@code arange(1, nfft//2 + 1) * (fs / nfft)}. */
    public double frequencyHz(int k) {
        return (k + 1) * binHz;
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

    /**
     * |X_k|² for k = from … to − 1. Z_k sits at l1·(k mod l2) + k / l2; both indices (and the mirror's, L − k) are
     * stepped rather than divided: four integer divisions per line were 40 % of this loop's time.
     */
    private void magnitudesSquared(int from, int to, double[] out) {
        if (from < 0 || to > bins() || from > to) {
            throw new IndexOutOfBoundsException("lines " + from + " … " + to + " of " + bins());
        }
        int row = from % l2;
        int column = from / l2;
        int mirrorRow = 0;
        int mirrorColumn = 0;
        if (from > 0) {
            mirrorRow = (points - from) % l2;
            mirrorColumn = (points - from) / l2;
        }
        for (int k = from; k < to; k++) {
            int position = 2 * (l1 * row + column);
            double zRe = data[position];
            double zIm = data[position + 1];
            if (!paired) {
                out[k - from] = zRe * zRe + zIm * zIm;
            } else {
                // the mirror line L − k (0 for k = 0)
                int mirror = 2 * (l1 * mirrorRow + mirrorColumn);
                double mRe = data[mirror];
                double mIm = data[mirror + 1];
                // E = (Z_k + conj Z_{L−k})/2 and D = (Z_k − conj Z_{L−k})/2: X_k = E − i·e^{−2πik/n}·D.
                double eRe = 0.5 * (zRe + mRe);
                double eIm = 0.5 * (zIm - mIm);
                double dRe = 0.5 * (zRe - mRe);
                double dIm = 0.5 * (zIm + mIm);
                int hi = k >>> TABLE_BITS;
                int lo = k & ((1 << TABLE_BITS) - 1);
                double wRe = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
                double wIm = hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo];
                double re = eRe + (wRe * dIm + wIm * dRe);
                double im = eIm - (wRe * dRe - wIm * dIm);
                out[k - from] = re * re + im * im;
            }
            if (++row == l2) {
                row = 0;
                column++;
            }
            // L − (k + 1): one line down from L − k, which for k = 0 is L itself (row 0, column l1)
            if (k == 0) {
                mirrorRow = 0;
                mirrorColumn = l1;
            }
            if (--mirrorRow < 0) {
                mirrorRow = l2 - 1;
                mirrorColumn--;
            }
        }
    }

    /** MoSQITo's {@code amp2db(|X|, ref=2e-5)}: 20·log10(a / 20 µPa), a zero amplitude replaced by 2e-12 Pa. */
    public double levelDb(int k) {
        double a = amplitudePa(k);
        return 20 * Math.log10((a == 0 ? 2e-12 : a) / 2e-5);
    }

    /** {@link #levelDb} of lines k = from … to − 1, into out[0 … to − from). */
    public void levelsDb(int from, int to, double[] out) {
        amplitudesPa(from, to, out);
        for (int i = 0; i < to - from; i++) {
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
