package audioloop.aurestonality;

import audioloop.dsp.RealFft;
import audioloop.loudness.SignalStationaryLoudness;
import audioloop.loudness.SoundField;

/**
 * Aures tonality of one 160-ms frame, SQAT's {@code Tonality_Aures1985} loop body step by step (Aures 1985,
 * Acustica 59, 130–141; tonal components after Terhardt, Stoll &amp; Seewann 1982, JASA 71, 679–688):
 * <ol>
 *   <li>level spectrum of the Hann-windowed frame (amplitude-corrected: √2/(N·mean(w)));</li>
 *   <li>tonal components between 20 Hz and 5 kHz: local maxima at least 7 dB above the bins 2 and 3 away on both
 *   sides (Terhardt's criterion), level above 0 dB; each one's bandwidth between the points where the level
 *   falls below 0.707 times its level in dB (SQAT's criterion, linear interpolation), 1 Hz if that is 0 or
 *   undefined;</li>
 *   <li>loudness weighting w_Gr = 1 − N(frame without tones)/N(frame) (Aures eq. 9), both ISO 532-1 stationary
 *   loudness of the signal ({@link SignalStationaryLoudness}, 8 ms skipped); the tones are removed from the
 *   unwindowed frame's spectrum by giving their bins the mean magnitude of the two neighbouring bins and
 *   pseudo-random phases ({@link #phaseFraction}), 0 if negative;</li>
 *   <li>level excess ΔL of the tones over the masking by noise in their critical band, by the other tones and by
 *   the threshold in quiet (Terhardt eq. 4), and the tonal weighting w_T = √Σ (w1'·w2'·w3')² of the bandwidth,
 *   frequency and level-excess weightings (Aures eqs. 5–8);</li>
 *   <li>T = 1.125·w_T^0.29·w_Gr^0.79, the constant set by SQAT so that a 1 kHz tone at 60 dB SPL gives 1.</li>
 * </ol>
 * Two of SQAT's own choices are kept because they are the reference's: the level criterion 0.707·L (a factor on
 * decibels, not −3 dB), and in the level excess, every tone's ΔL that is positive is written to the first
 * element (SQAT resets its counter inside the loop), so only one excess, the last positive one, enters w3, paired
 * with the first tone's bandwidth and frequency. Not thread-safe: one analyser per task.
 */
final class FrameAnalyzer {
    static final int FRAME_LENGTH = AuresTonality.FRAME_LENGTH;
    private static final int HALF = FRAME_LENGTH / 2;
    private static final double FS = AuresTonality.SAMPLE_RATE_HZ;
    /** SQAT: tone search from ceil(1 + 20·N/fs) to ceil(1 + 5000·N/fs) (1-based bins), i.e. 25 Hz … 5 kHz. */
    private static final int FIRST_BIN = (int) Math.ceil(1 + 20 * (FRAME_LENGTH / FS)) - 1;
    private static final int LAST_BIN = (int) Math.ceil(1 + 5000 * (FRAME_LENGTH / FS)) - 1;
    private static final int SEARCH_BINS = LAST_BIN - FIRST_BIN + 1;
    /** Bin spacing, Hz. */
    private static final double BIN_HZ = FS / FRAME_LENGTH;
    /** Terhardt's criterion: a tonal component stands this far (dB) above the bins 2 and 3 away. */
    private static final double PEAK_PROMINENCE_DB = 7;
    /** SQAT: the band edges of a tone are where the level falls below this factor times its level in dB. */
    private static final double BANDWIDTH_LEVEL_FACTOR = 0.707;
    private static final double REFERENCE_INTENSITY = 4e-10;
    private static final double TINY_ENERGY = 1e-99;
    /** SQAT: reference pressure as it enters the noise intensities of the level excess. */
    private static final double REFERENCE_PRESSURE_PA = 2e-5;
    /** Aures' tonality constant as SQAT sets it (1 kHz at 60 dB SPL gives 1 t.u.; 1.09 in the paper). */
    private static final double TONALITY_CONSTANT = 1.125;
    /** The exponents of the weightings in T = C·w_T^0.29·w_Gr^0.79 (Aures eq. 10). */
    private static final double TONAL_EXPONENT = 0.29;
    private static final double LOUDNESS_EXPONENT = 0.79;
    /** SQAT: loudness of a frame with 5 % of the frame length (8 ms) left out at the start. */
    private static final int LOUDNESS_SKIP_SAMPLES = (int) Math.floor(AuresTonality.FRAME_SECONDS * 0.05 * FS);
    /** Weyl-sequence constants of the tone-replacement phases: the golden ratio's fraction and √2 − 1. */
    private static final double PHASE_PER_SQUARED_BIN = 0.6180339887498949;
    private static final double PHASE_PER_FRAME = 0.41421356237309515;

    /** Symmetric Hann window (MATLAB/Octave {@code hann(N)}). */
    private static final double[] WINDOW = new double[FRAME_LENGTH];
    /** √2/(N·mean(w)): the spectrum's amplitude correction (SQAT {@code fftgain}). */
    private static final double FFT_GAIN;
    /** Critical-band rate (Bark) of each searched bin. */
    private static final double[] SEARCH_BARK = new double[SEARCH_BINS];

    static {
        double sum = 0;
        for (int n = 0; n < FRAME_LENGTH; n++) {
            WINDOW[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / (FRAME_LENGTH - 1));
            sum += WINDOW[n];
        }
        FFT_GAIN = Math.pow(2, 0.5) / (FRAME_LENGTH * (sum / FRAME_LENGTH));
        for (int i = 0; i < SEARCH_BINS; i++) {
            SEARCH_BARK[i] = bark(binHz(FIRST_BIN + i));
        }
    }

    private final SoundField field;
    private final RealFft fft = new RealFft(FRAME_LENGTH);
    private final SignalStationaryLoudness loudness = new SignalStationaryLoudness();
    private final double[] work = new double[FRAME_LENGTH];
    /** Level (dB SPL) of every bin of the two-sided spectrum. */
    private final double[] levelDb = new double[FRAME_LENGTH];
    private final double[] spectrum = new double[FRAME_LENGTH];
    private final int[] toneBin = new int[SEARCH_BINS];
    private final double[] toneBandwidthHz = new double[SEARCH_BINS];
    private final double[] levelExcessDb = new double[SEARCH_BINS];

    /** Tonal weighting and loudness weighting of the last frame analysed. */
    double tonalWeighting;
    double loudnessWeighting;

    FrameAnalyzer(SoundField field) {
        this.field = field;
    }

    /** Bin k's frequency, fs·k/N (SQAT's {@code Freq}). */
    private static double binHz(int k) {
        return FS * k / FRAME_LENGTH;
    }

    /** Critical-band rate after Terhardt: z = 13·atan(0.76 f/kHz) + 3.5·atan((f/7.5 kHz)²). */
    static double bark(double hz) {
        double f = hz / 1000;
        double r = f / 7.5;
        return 13 * Math.atan(0.76 * f) + 3.5 * Math.atan(r * r);
    }

    /** Threshold in quiet after Terhardt (1979), dB SPL. */
    static double thresholdDb(double hz) {
        double f = hz / 1000;
        double d = f - 3.3;
        return 3.64 * Math.pow(f, -0.8) - 6.5 * Math.exp(-0.6 * (d * d)) + 1e-3 * Math.pow(f, 4);
    }

    /**
     * The phase of bin k of frame j as a fraction of a turn, frac(φ·k² + (√2 − 1)·j): SQAT draws these phases
     * with {@code rand}, so its tonality varies from run to run; here they are a fixed function of bin and frame
     * (identical for any block split), quadratic in k so that the replaced bins do not add up to a pulse. The
     * oracle's {@code rand} shim returns the same numbers.
     */
    static double phaseFraction(int bin, long frame) {
        double v = PHASE_PER_SQUARED_BIN * ((double) bin * bin) + PHASE_PER_FRAME * frame;
        return v - Math.floor(v);
    }

    /** T of the frame x[at … at+N) with frame index {@code frame}; sets the two weightings. */
    double tonality(double[] x, int at, long frame) {
        int tones = findTones(x, at);
        if (tones == 0) {
            tonalWeighting = 0;
            loudnessWeighting = 0;
            return 0;
        }
        loudnessWeighting = loudnessWeighting(x, at, tones, frame);
        tonalWeighting = tonalWeighting(tones);
        return Math.abs(TONALITY_CONSTANT * Math.pow(tonalWeighting, TONAL_EXPONENT)
                * Math.pow(loudnessWeighting, LOUDNESS_EXPONENT));
    }

    /** Level spectrum, tonal components with level above 0 dB and their bandwidths; returns their number. */
    private int findTones(double[] x, int at) {
        for (int n = 0; n < FRAME_LENGTH; n++) {
            work[n] = WINDOW[n] * x[at + n] * FFT_GAIN;
        }
        fft.forward(work);
        levelDb[0] = level(work[0] * work[0]);
        levelDb[HALF] = level(work[1] * work[1]);
        for (int k = 1; k < HALF; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            levelDb[k] = level(re * re + im * im);
            levelDb[FRAME_LENGTH - k] = levelDb[k];
        }
        int tones = 0;
        for (int k = FIRST_BIN + 3; k <= LAST_BIN - 3; k++) {
            double l = levelDb[k];
            if (l > levelDb[k - 1] && l >= levelDb[k + 1]
                    && l - levelDb[k - 3] >= PEAK_PROMINENCE_DB && l - levelDb[k - 2] >= PEAK_PROMINENCE_DB
                    && l - levelDb[k + 2] >= PEAK_PROMINENCE_DB && l - levelDb[k + 3] >= PEAK_PROMINENCE_DB
                    && l > 0) {
                toneBin[tones] = k;
                toneBandwidthHz[tones] = bandwidthHz(k);
                tones++;
            }
        }
        return tones;
    }

    private static double level(double energy) {
        return 10 * Math.log10((energy + TINY_ENERGY) / REFERENCE_INTENSITY);
    }

    /**
     * SQAT's bandwidth of the tone at bin k: from the last bin at or below k whose level is below 0.707·L (bin 3 at
     * the lowest) to the first one above k, each edge interpolated linearly between that bin and its neighbour
     * towards the tone; 1 Hz when the width is 0 or undefined.
     */
    private double bandwidthHz(int k) {
        double edgeDb = levelDb[k] * BANDWIDTH_LEVEL_FACTOR;
        int low = -1;
        for (int m = k; m >= 0; m--) {
            if (levelDb[m] < edgeDb) {
                low = m;
                break;
            }
        }
        if (low < 3) {
            low = 3;
        }
        int high = -1;
        for (int m = k + 1; m < FRAME_LENGTH; m++) {
            if (levelDb[m] < edgeDb) {
                high = m;
                break;
            }
        }
        double lowHz = interpolate(levelDb[low], levelDb[low + 1], binHz(low), binHz(low + 1), edgeDb);
        double highHz = high < 0 ? Double.NaN
                : interpolate(levelDb[high - 1], levelDb[high], binHz(high - 1), binHz(high), edgeDb);
        double bandwidth = highHz - lowHz;
        return bandwidth == 0 || !Double.isFinite(bandwidth) ? 1 : bandwidth;
    }

    /**
     * Octave's {@code interp1([x1 x2], [y1 y2], x)}, linear: NaN outside [min, max] or for equal abscissae,
     * else slope·(x − x_left) + y_left with the points in increasing x.
     */
    private static double interpolate(double x1, double x2, double y1, double y2, double x) {
        if (x1 > x2) {
            return interpolate(x2, x1, y2, y1, x);
        }
        if (!(x1 < x2) || x < x1 || !(x <= x2)) {
            return Double.NaN;
        }
        return (y2 - y1) / (x2 - x1) * (x - x1) + y1;
    }

    /** w_Gr = 1 − N(tones removed)/N(frame), 0 if negative. */
    private double loudnessWeighting(double[] x, int at, int tones, long frame) {
        System.arraycopy(x, at, spectrum, 0, FRAME_LENGTH);
        fft.forward(spectrum);
        for (int t = 0; t < tones; t++) {
            double hz = binHz(toneBin[t]);
            double halfWidth = toneBandwidthHz[t] / 2;
            int low = firstBinAtOrAbove(hz - halfWidth, 0);
            int high = firstBinAtOrAbove(hz + halfWidth, HALF);
            // SQAT: the mean magnitude of the bins just outside the band (the first bin itself at DC).
            double magnitude = 0.5 * (magnitude(low == 0 ? 0 : low - 1) + magnitude(Math.min(high + 1, HALF)));
            for (int k = low; k <= high; k++) {
                double phase = (phaseFraction(k, frame) - 0.5) * Math.PI * 2;
                setBin(k, magnitude * Math.cos(phase), magnitude * Math.sin(phase));
            }
        }
        // Inverse transform of the Hermitian spectrum (MATLAB ifft 'symmetric': the imaginary parts at DC and
        // Nyquist do not enter), scaled by 1/N.
        fft.inverse(spectrum);
        for (int n = 0; n < FRAME_LENGTH; n++) {
            spectrum[n] /= FRAME_LENGTH;
        }
        double total = loudness.loudnessSone(x, at, FRAME_LENGTH, LOUDNESS_SKIP_SAMPLES, field);
        double withoutTones = loudness.loudnessSone(spectrum, 0, FRAME_LENGTH, LOUDNESS_SKIP_SAMPLES, field);
        // Aures: filtering the tones out can raise the noise slightly; a sound that is nearly all noise is not tonal.
        return Math.max(1 - withoutTones / total, 0);
    }

    /**
     * The first bin 0 … N/2 whose frequency is at least {@code hz} (SQAT: {@code find(f >= hz, 1, 'first')}), or
     * {@code otherwise} if none: ⌈hz/Δf⌉, corrected by the exact comparison for a rounded quotient.
     */
    private static int firstBinAtOrAbove(double hz, int otherwise) {
        if (!(binHz(HALF) >= hz)) {
            return otherwise;
        }
        int k = (int) Math.max(0, Math.min(HALF, Math.ceil(hz / BIN_HZ)));
        while (k > 0 && binHz(k - 1) >= hz) {
            k--;
        }
        while (binHz(k) < hz) {
            k++;
        }
        return k;
    }

    /** |X_k| of the packed spectrum (hypot, as Octave's abs). */
    private double magnitude(int k) {
        if (k == 0) {
            return Math.abs(spectrum[0]);
        }
        if (k == HALF) {
            return Math.abs(spectrum[1]);
        }
        return Math.hypot(spectrum[2 * k], spectrum[2 * k + 1]);
    }

    private void setBin(int k, double re, double im) {
        if (k == 0) {
            spectrum[0] = re;
        } else if (k == HALF) {
            spectrum[1] = re;
        } else {
            spectrum[2 * k] = re;
            spectrum[2 * k + 1] = im;
        }
    }

    /**
     * w_T after Aures eqs. 5–8: per tone w1 = 0.13/(Δz + 0.13) (bandwidth, Δz as SQAT divides it by the bin
     * spacing squared), w2 = (1 + 0.2·(f/700 + 700/f)²)^−0.5 (frequency), w3 = 1 − e^{−ΔL/15} (level excess, see
     * {@link #levelExcess}); w_T = √Σ (w1·w2·w3)². SQAT raises each to 0.29 and back to 1/0.29; kept for parity.
     */
    private double tonalWeighting(int tones) {
        levelExcess(tones);
        double sum = 0;
        for (int t = 0; t < tones; t++) {
            double hz = binHz(toneBin[t]);
            double halfWidth = toneBandwidthHz[t] / 2;
            double dz = (bark(hz + halfWidth) - bark(hz - halfWidth)) / (BIN_HZ * BIN_HZ);
            double w1 = 0.13 / (dz + 0.13);
            double ratio = hz / 700 + 700 / hz;
            double w2 = Math.pow(1 / Math.sqrt(1 + 0.2 * (ratio * ratio)), TONAL_EXPONENT);
            double w3 = Math.pow(1 - Math.exp(-levelExcessDb[t] / 15), TONAL_EXPONENT);
            double product = Math.pow(w1, 1 / TONAL_EXPONENT) * Math.pow(w2, 1 / TONAL_EXPONENT)
                    * Math.pow(w3, 1 / TONAL_EXPONENT);
            sum += product * product;
        }
        return Math.sqrt(sum);
    }

    /**
     * Level excess ΔL_i = L_i − 10·lg(A_EK² + E_Gr + E_HS) (Terhardt et al. 1982 eq. 4): E_Gr the noise intensity
     * in the critical band around the tone (bins from round(z − 0.5) to round(z + 0.5) Bark, the five around the tone
     * left out), A_EK the sum of the other tones' excitation amplitudes at the tone (slopes −27 dB/Bark from above,
     * −24 − 230/f + 0.2·L dB/Bark from below), E_HS the threshold in quiet; A_EK² left out for a single tone.
     * As in SQAT, each positive ΔL overwrites the first element and the others stay 0.
     */
    private void levelExcess(int tones) {
        for (int t = 0; t < tones; t++) {
            levelExcessDb[t] = 0;
        }
        for (int i = 0; i < tones; i++) {
            int bin = toneBin[i];
            double li = levelDb[bin];
            double zi = SEARCH_BARK[bin - FIRST_BIN];
            double lowBark = Math.round(zi - 0.5);
            double highBark = Math.round(zi + 0.5);
            double noise = 0;
            for (int s = 0; s < SEARCH_BINS; s++) {
                int k = FIRST_BIN + s;
                if (SEARCH_BARK[s] >= lowBark && SEARCH_BARK[s] <= highBark && Math.abs(k - bin) > 2) {
                    noise += REFERENCE_PRESSURE_PA * Math.pow(10, levelDb[k] / 10);
                }
            }
            double below = 1e-99;
            double above = 1e-99;
            for (int j = 0; j < tones; j++) {
                double lj = levelDb[toneBin[j]];
                double zj = SEARCH_BARK[toneBin[j] - FIRST_BIN];
                if (j < i) {
                    double slope = -24 - 230 / binHz(toneBin[j]) + 0.2 * lj;
                    below += Math.pow(10, (lj - slope * (zj - zi)) / 20);
                } else if (j > i) {
                    above += Math.pow(10, (lj - 27 * (zj - zi)) / 20);
                }
            }
            double others = below + above;
            double threshold = Math.pow(10, thresholdDb(binHz(bin)) / 10);
            double excess = tones == 1 ? li - 10 * Math.log10(noise + threshold)
                    : li - 10 * Math.log10(others * others + noise + threshold);
            if (excess > 0) {
                levelExcessDb[0] = excess;
            }
        }
    }
}
