package audioloop.spectral;

/**
 * librosa {@code chroma_stft} at 48 kHz / n_fft 2048 with its defaults (notes/librosa.md §12): the
 * {@code filters.chroma} bank (ctroct 5, octwidth 2, norm 2, base_c, float32) applied to the power spectrogram,
 * then each frame divided by its largest chroma value. Row 0 is C, row 11 is B.
 */
public final class Chroma {
    public static final int N_CHROMA = 12;
    private static final double SAMPLE_RATE = 48000.0;
    /** filters.chroma: Gaussian octave weighting centred at ctroct = 5 octaves above A/16, σ = octwidth = 2. */
    private static final double CENTER_OCTAVE = 5.0;
    private static final double OCTAVE_WIDTH = 2.0;
    private static final double TINY = Double.MIN_NORMAL;
    private static final int FRAMES_PER_TASK = 512;

    private Chroma() {
    }

    /**
     * Normalised chroma, {@code [frame][12]}.
     *
     * @param magnitude {@link Stft#magnitude} output, {@code [frame][1025]}; not modified
     * @param tuning    semitone offset from {@link Tuning#estimate} (librosa estimates it on every call)
     */
    public static double[][] stft(double[][] magnitude, double tuning) {
        double[][] bank = filterbank(tuning);
        double[][] chroma = new double[magnitude.length][];
        FrameChunks.forEach(magnitude.length, FRAMES_PER_TASK, (chunk, from, to) -> {
            double[] power = new double[Stft.BINS];
            for (int t = from; t < to; t++) {
                chroma[t] = frame(magnitude[t], bank, power);
            }
        });
        return chroma;
    }

    /**
     * §12.2 then §12.3 for one frame: raw = W·P (float32 W promoted to double), then ∞-norm unless < tiny.
     *
     * @param bank  {@link #filterbank} of the file's tuning
     * @param power scratch of {@link Stft#BINS}
     */
    static double[] frame(double[] magnitude, double[][] bank, double[] power) {
        Stft.power(magnitude, power);
        double[] raw = new double[N_CHROMA];
        double max = 0.0;
        for (int c = 0; c < N_CHROMA; c += 2) {
            dotPair(bank[c], bank[c + 1], power, raw, c);
            max = Math.max(max, Math.max(raw[c], raw[c + 1]));
        }
        if (max >= TINY) {
            for (int c = 0; c < N_CHROMA; c++) {
                raw[c] /= max;
            }
        }
        return raw;
    }

    /**
     * out[i] = Σ a·b and out[i + 1] = Σ c·b, each with four interleaved partial sums, so consecutive additions do
     * not wait on each other (numpy's einsum/BLAS product has its own summation order; the difference is
     * rounding, ~1e-15 relative). Two rows per sweep read each power value once for both: measured 27 → 23 ms
     * per minute of audio against one row per sweep, with the same sums.
     */
    private static void dotPair(double[] a, double[] c, double[] b, double[] out, int i) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double r0 = 0.0;
        double r1 = 0.0;
        double r2 = 0.0;
        double r3 = 0.0;
        int n = b.length;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
            r0 += c[k] * b[k];
            r1 += c[k + 1] * b[k + 1];
            r2 += c[k + 2] * b[k + 2];
            r3 += c[k + 3] * b[k + 3];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
            r0 += c[k] * b[k];
        }
        out[i] = (s0 + s1) + (s2 + s3);
        out[i + 1] = (r0 + r1) + (r2 + r3);
    }

    /**
     * librosa {@code filters.chroma(sr=48000, n_fft=2048, tuning=tuning)}, {@code [chroma][1025]}, each weight
     * rounded to float32 as librosa returns it (dtype float32). Operation order follows librosa/filters.py so the
     * doubles before the cast match numpy's.
     */
    public static double[][] filterbank(double tuning) {
        int nFft = Stft.N_FFT;
        // hz_to_octs: octaves above A440/16, A440 moved by the tuning; bins 1..n_fft−1 (the full circle).
        double a440 = 440.0 * Math.pow(2.0, tuning / N_CHROMA);
        double[] frqBins = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double frequency = k * (SAMPLE_RATE / nFft);
            frqBins[k] = N_CHROMA * Log2.of(frequency / (a440 / 16));
        }
        // The 0 Hz bin is placed 1.5 octaves below bin 1 ("50 % rotated, broad").
        frqBins[0] = frqBins[1] - 1.5 * N_CHROMA;
        double[] binWidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            binWidth[k] = Math.max(frqBins[k + 1] - frqBins[k], 1.0);
        }
        binWidth[nFft - 1] = 1.0;

        double[][] weights = new double[N_CHROMA][nFft];
        double half = N_CHROMA / 2;
        for (int k = 0; k < nFft; k++) {
            double sumSquares = 0.0;
            for (int c = 0; c < N_CHROMA; c++) {
                // Distance to chroma c projected into [−6, 6); the +120 keeps the remainder's argument positive.
                double d = (frqBins[k] - c + half + 10 * N_CHROMA) % N_CHROMA - half;
                double z = 2 * d / binWidth[k];
                double w = Math.exp(-0.5 * (z * z));
                weights[c][k] = w;
                sumSquares += w * w;
            }
            // util.normalize(norm=2, axis=0): columns with a norm below tiny are left as they are.
            double length = Math.sqrt(sumSquares);
            if (length < TINY) {
                length = 1.0;
            }
            double octave = (frqBins[k] / N_CHROMA - CENTER_OCTAVE) / OCTAVE_WIDTH;
            double octaveWeight = Math.exp(-0.5 * (octave * octave));
            for (int c = 0; c < N_CHROMA; c++) {
                weights[c][k] = weights[c][k] / length * octaveWeight;
            }
        }
        // base_c: np.roll by −3 so that row 0 is C; keep bins 0..n_fft/2; cast to float32.
        double[][] bank = new double[N_CHROMA][Stft.BINS];
        for (int c = 0; c < N_CHROMA; c++) {
            double[] source = weights[(c + 3) % N_CHROMA];
            for (int k = 0; k < Stft.BINS; k++) {
                bank[c][k] = (float) source[k];
            }
        }
        return bank;
    }
}
