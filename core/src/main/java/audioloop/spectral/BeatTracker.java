package audioloop.spectral;

import audioloop.dsp.Fft;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * librosa {@code beat_track(start_bpm=120, tightness=100, trim=True)} on a 48 kHz / hop 512 onset envelope
 * (notes/librosa.md §13.2): the global tempo of {@code feature.tempo} (mean Hann-windowed autocorrelation
 * tempogram with a log-normal prior around 120 BPM), then Ellis' dynamic programme and librosa's trim of weak
 * leading and trailing beats.
 */
public final class BeatTracker {
    static final double SAMPLE_RATE = 48000.0;
    /** Onset frames per second, sr / hop. */
    private static final double FRAME_RATE = SAMPLE_RATE / Stft.HOP;
    /** tempo ac_size = 8 s → win_length = ⌊⌊8·sr⌋ / hop⌋ = 750 frames. */
    static final int WINDOW = (int) (8 * (long) SAMPLE_RATE / Stft.HOP);
    /** Autocorrelation transform length: ≥ 2·750 − 1 (librosa uses next_fast_len = 1500), a power of two. */
    private static final int AC_FFT = 2048;
    private static final double START_BPM = 120.0;
    private static final double STD_BPM = 1.0;
    private static final double MAX_TEMPO = 320.0;
    private static final double TIGHTNESS = 100.0;
    private static final double TINY = Double.MIN_NORMAL;
    private static final int FRAMES_PER_TASK = 256;

    private BeatTracker() {
    }

    /**
     * Tempo and beats from the median-aggregated onset envelope ({@link OnsetStrength.Aggregate#MEDIAN}), as
     * {@code beat_track(y=…)} computes them. An all-zero envelope gives tempo 0 and no beats.
     *
     * @param onsetMedian one value per frame; not modified
     */
    public static Beats track(double[] onsetMedian) {
        boolean any = false;
        for (double v : onsetMedian) {
            any |= v != 0.0;
        }
        if (!any) {
            return new Beats(0.0, new int[0]);
        }
        double tempoBpm = tempo(onsetMedian);
        return new Beats(tempoBpm, beatFrames(onsetMedian, tempoBpm));
    }

    /**
     * {@code feature.tempo(onset_envelope=…)}: argmax over lags of log1p(10⁶·tg) + log-normal prior, with tg the
     * tempogram averaged over frames. Always 60·sr/(hop·lag) for an integer lag, e.g. 119.68… (lag 47). Unlike
     * {@link #track}, an all-zero envelope is not special-cased: the prior alone then picks 119.68 BPM, as in librosa.
     *
     * @param onset at least one frame
     */
    public static double tempo(double[] onset) {
        if (onset.length == 0) {
            throw new IllegalArgumentException("tempo of an empty onset envelope");
        }
        double[] meanAutocorrelation = meanTempogram(onset);
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = 0;
        boolean belowMaxTempo = false;
        for (int lag = 1; lag < WINDOW; lag++) {
            // Lags up to the first one slower than max_tempo keep a prior of −∞ (lag 0, bpm = ∞, included).
            belowMaxTempo |= bpmOfLag(lag) < MAX_TEMPO;
            if (!belowMaxTempo) {
                continue;
            }
            double z = (Log2.of(bpmOfLag(lag)) - Log2.of(START_BPM)) / STD_BPM;
            double score = Math.log1p(1e6 * meanAutocorrelation[lag]) + -0.5 * (z * z);
            if (score > best) {
                best = score;
                bestLag = lag;
            }
        }
        return bpmOfLag(bestLag);
    }

    /** tempo_frequencies: 60·sr / (hop·lag); lag 0 is ∞. */
    private static double bpmOfLag(int lag) {
        return 60.0 * SAMPLE_RATE / (Stft.HOP * (double) lag);
    }

    /**
     * {@code tempogram(win_length=750)} averaged over its frames. librosa pads the envelope by 375 frames of
     * {@code np.pad(mode='linear_ramp')} on each side, takes for every frame t the 750 values centred on it times
     * a periodic Hann, their linear autocorrelation a_t[lag] for lags 0..749 (rfft of 1500, |·|², irfft), scales
     * each column by its largest |value| and averages over t.
     *
     * <p>Computed here with one forward transform per frame and a single inverse: the largest |a_t| is a_t[0]
     * (Cauchy–Schwarz, strictly for a non-zero column), the energy Σ (w·x)² computed in the time domain, and the
     * inverse transform is linear, so mean_t a_t / a_t[0] = IFFT(Σ_t |FFT(w·x_t)|² / a_t[0]) / T. Any transform
     * length ≥ 2·750 − 1 gives the linear (not circular) autocorrelation; 2048 is the fast one. A column with
     * a_t[0] below tiny stays unscaled, as util.normalize leaves it. Chunks of frames sum their spectra in order
     * and the chunk sums are added in chunk order, so the result does not depend on the pool.
     */
    static double[] meanTempogram(double[] onset) {
        int frames = onset.length;
        int half = WINDOW / 2;
        double[] padded = new double[frames + WINDOW];
        // linear_ramp to 0: left np.linspace(0, env[0], 375, endpoint=False); right the same towards
        // env[T−1], reversed.
        double leftStep = onset[0] / half;
        double rightStep = onset[frames - 1] / half;
        for (int j = 0; j < half; j++) {
            padded[j] = j * leftStep;
            padded[half + frames + j] = (half - 1 - j) * rightStep;
        }
        System.arraycopy(onset, 0, padded, half, frames);
        double[] window = Stft.periodicHann(WINDOW);

        int bins = AC_FFT / 2 + 1;
        int chunks = FrameChunks.chunkCount(frames, FRAMES_PER_TASK);
        double[][] chunkSpectra = new double[chunks][bins];
        FrameChunks.forEach(frames, FRAMES_PER_TASK, (chunk, from, to) -> {
            DoubleFFT_1D fft = Fft.plan(AC_FFT);
            double[] buf = new double[AC_FFT];
            double[] spectrum = chunkSpectra[chunk];
            for (int t = from; t < to; t++) {
                double energy = 0.0;
                for (int n = 0; n < WINDOW; n++) {
                    double v = padded[t + n] * window[n];
                    buf[n] = v;
                    energy += v * v;
                }
                if (energy == 0.0) {
                    continue; // an all-zero window adds an all-zero spectrum
                }
                Arrays.fill(buf, WINDOW, AC_FFT, 0.0);
                fft.realForward(buf);
                double scale = energy < TINY ? 1.0 : energy;
                // JTransforms packing (even n): buf[0] = Re X_0, buf[1] = Re X_{n/2}, buf[2k], buf[2k+1] = X_k.
                spectrum[0] += buf[0] * buf[0] / scale;
                spectrum[bins - 1] += buf[1] * buf[1] / scale;
                for (int k = 1; k < bins - 1; k++) {
                    spectrum[k] += (buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1]) / scale;
                }
            }
        });
        double[] packed = new double[AC_FFT];
        for (double[] spectrum : chunkSpectra) {
            packed[0] += spectrum[0];
            packed[1] += spectrum[bins - 1];
            for (int k = 1; k < bins - 1; k++) {
                packed[2 * k] += spectrum[k];
            }
        }
        Fft.plan(AC_FFT).realInverse(packed, true);
        double[] mean = new double[WINDOW];
        for (int lag = 0; lag < WINDOW; lag++) {
            mean[lag] = packed[lag] / frames;
        }
        return mean;
    }

    /** librosa beat.py __beat_tracker: local score, DP, last beat, backtrack, trim. */
    static int[] beatFrames(double[] onset, double tempoBpm) {
        int frames = onset.length;
        // np.round(frame_rate·60 / bpm), half to even; equals the tempo's lag.
        double framesPerBeat = Math.rint(FRAME_RATE * 60.0 / tempoBpm);
        double[] localScore = localScore(normalizedOnsets(onset), framesPerBeat);
        int[] backlink = new int[frames];
        double[] cumScore = new double[frames];
        dynamicProgramme(localScore, framesPerBeat, backlink, cumScore);

        boolean[] beats = new boolean[frames];
        for (int n = lastBeat(cumScore); n >= 0; n = backlink[n]) {
            beats[n] = true;
        }
        trim(localScore, beats);
        int count = 0;
        for (boolean b : beats) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        for (int n = 0, i = 0; n < frames; n++) {
            if (beats[n]) {
                out[i++] = n;
            }
        }
        return out;
    }

    /** __normalize_onsets: envelope / (std(envelope, ddof=1) + tiny). */
    private static double[] normalizedOnsets(double[] onset) {
        int n = onset.length;
        double sum = 0.0;
        for (double v : onset) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0.0;
        for (double v : onset) {
            double d = v - mean;
            squares += d * d;
        }
        double norm = Math.sqrt(squares / (n - 1)) + TINY;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = onset[i] / norm;
        }
        return x;
    }

    /**
     * __beat_local_score: the envelope convolved ('same') with a Gaussian of 2·fpb + 1 taps,
     * exp(−0.5·(d·32/fpb)²) for d = −fpb..fpb. Summed in librosa's order (kernel index ascending); its loop
     * bounds never reach x[0].
     */
    private static double[] localScore(double[] x, double framesPerBeat) {
        int n = x.length;
        int radius = (int) framesPerBeat;
        int taps = 2 * radius + 1;
        double[] kernel = new double[taps];
        for (int k = 0; k < taps; k++) {
            double d = (-framesPerBeat + k) * 32.0 / framesPerBeat;
            kernel[k] = Math.exp(-0.5 * (d * d));
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = Math.max(0, i + radius - n + 1); k < Math.min(i + radius, taps); k++) {
                s += kernel[k] * x[i + radius - k];
            }
            score[i] = s;
        }
        return score;
    }

    /**
     * __beat_track_dp: cum[i] = ls[i] + max over loc = i − round(fpb/2) … i − 2·fpb (descending, first strict
     * maximum) of cum[loc] − tightness·(ln(i − loc) − ln fpb)². Back-links stay −1 until the first frame whose
     * local score reaches 1 % of the maximum.
     */
    private static void dynamicProgramme(double[] localScore, double framesPerBeat, int[] backlink,
            double[] cumScore) {
        int n = localScore.length;
        double maxScore = Double.NEGATIVE_INFINITY;
        for (double v : localScore) {
            maxScore = Math.max(maxScore, v);
        }
        double scoreThreshold = 0.01 * maxScore;
        int nearest = (int) Math.rint(framesPerBeat / 2);
        int farthest = (int) (2 * framesPerBeat);
        // Penalty by interval i − loc, the same value librosa recomputes inside its loop.
        double logFramesPerBeat = Math.log(framesPerBeat);
        double[] penalty = new double[farthest + 1];
        for (int interval = nearest; interval <= farthest; interval++) {
            double d = Math.log(interval) - logFramesPerBeat;
            penalty[interval] = TIGHTNESS * (d * d);
        }
        boolean firstBeat = true;
        for (int i = 0; i < n; i++) {
            double bestScore = Double.NEGATIVE_INFINITY;
            int beatLocation = -1;
            for (int loc = i - nearest; loc >= i - farthest && loc >= 0; loc--) {
                double score = cumScore[loc] - penalty[i - loc];
                if (score > bestScore) {
                    bestScore = score;
                    beatLocation = loc;
                }
            }
            cumScore[i] = beatLocation >= 0 ? localScore[i] + bestScore : localScore[i];
            if (firstBeat && localScore[i] < scoreThreshold) {
                backlink[i] = -1;
            } else {
                backlink[i] = beatLocation;
                firstBeat = false;
            }
        }
    }

    /**
     * __last_beat: the last local maximum of the cumulative score (util.localmax: never frame 0; the last frame
     * if it rises) that reaches half the median of all local maxima; the last frame if there is none.
     */
    private static int lastBeat(double[] cumScore) {
        int n = cumScore.length;
        boolean[] isMax = new boolean[n];
        double[] maxima = new double[n];
        int count = 0;
        for (int i = 1; i < n; i++) {
            isMax[i] = cumScore[i] > cumScore[i - 1] && (i == n - 1 || cumScore[i] >= cumScore[i + 1]);
            if (isMax[i]) {
                maxima[count++] = cumScore[i];
            }
        }
        if (count == 0) {
            return n - 1;
        }
        double threshold = 0.5 * Median.ofFirst(maxima, count);
        for (int i = n - 1; i >= 0; i--) {
            if (isMax[i] && cumScore[i] >= threshold) {
                return i;
            }
        }
        return n - 1;
    }

    /**
     * __trim_beats with trim = True. The beat local scores are smoothed with np.hanning(5) = [0, ½, 1, ½, 0] and
     * librosa slices the full convolution as [2 : T + 2] rather than [2 : beats + 2]: the 'same' part plus two
     * trailing values (½·last, 0) enter the RMS. Frames — beats or not — are then cleared from each end while
     * their local score is ≤ half that RMS.
     */
    private static void trim(double[] localScore, boolean[] beats) {
        int frames = localScore.length;
        int count = 0;
        double[] v = new double[frames];
        for (int n = 0; n < frames; n++) {
            if (beats[n]) {
                v[count++] = localScore[n];
            }
        }
        double[] hann5 = {0.0, 0.5, 1.0, 0.5, 0.0};
        int smoothed = Math.min(count + 2, frames);
        double squares = 0.0;
        for (int q = 2; q < 2 + smoothed; q++) {
            double s = 0.0;
            for (int i = Math.max(0, q - 4); i <= Math.min(count - 1, q); i++) {
                s += v[i] * hann5[q - i];
            }
            squares += s * s;
        }
        double threshold = 0.5 * Math.sqrt(squares / smoothed);
        for (int n = 0; n < frames && localScore[n] <= threshold; n++) {
            beats[n] = false;
        }
        for (int n = frames - 1; n >= 0 && localScore[n] <= threshold; n--) {
            beats[n] = false;
        }
    }
}
