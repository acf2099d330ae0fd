package audioloop.fluctuation;

import java.util.Arrays;

/**
 * The fixed parts of the Osses et al. (2016) fluctuation-strength model for one frame length at 48 kHz: window,
 * ear-transmission design, the critical-band rate and threshold of every audible FFT bin, and the channel
 * weightings. Immutable; shared by the frame analysers.
 *
 * <p>Reference: Osses, A., García, R. &amp; Kohlrausch, A. (2016), "Modelling the sensation of fluctuation
 * strength", Proc. Meetings on Acoustics 28, 050005 (doi:10.1121/2.0000410), as SQAT
 * ({@code FluctuationStrength_Osses2016}, SQAT 1.x) implements it; docs/fluctuation-annoyance.md describes the
 * correspondence.
 */
final class OssesModel {
    static final int SAMPLE_RATE_HZ = 48_000;
    /** Critical-band channels 1 … 47, centred at z_i = 0.5·i Bark. */
    static final int CHANNELS = 47;
    /** Channel spacing Δz, Bark: F = Δz·Σ F′(z_i). */
    static final double CHANNEL_STEP_BARK = 0.5;
    /** Cosine ramps at both ends of every frame, ms (SQAT {@code attackrelease = 50}). */
    static final double RAMP_MS = 50;
    /** Level of a 1 Pa RMS signal, dB SPL: the pipeline's pascals (SQAT {@code dBFS = 94}). */
    static final double DB_FULL_SCALE = 94;
    /** Slope of the excitation below a component, dB/Bark (Terhardt; S1 = −27). */
    static final double LOWER_SLOPE_DB_PER_BARK = -27;
    /** Calibration of the model: 60 dB SPL 1 kHz 100 % AM at 4 Hz gives 1 vacil (SQAT {@code cal = 0.4980}). */
    static final double CALIBRATION = 0.4980;
    /** Exponents of g(z), m′ and k′ in F′ = g·m^{p_m}·k^{p_k} (p_g = 1, p_m = p_k = 1.7). */
    static final double MODULATION_EXPONENT = 1.7;
    static final double CORRELATION_EXPONENT = 1.7;
    /** Modulation depths above this are compressed: m ← 0.7 + (1 − 0.7)(m − 0.7) ("version 3", better for FM). */
    static final double DEPTH_KNEE = 0.7;

    /**
     * The modulation-weighting band-pass H_weight as second-order sections {b0, b1, b2, 1, a1, a2}: a 2nd-order
     * Butterworth high-pass then a 4th-order Butterworth low-pass (SQAT {@code Get_Hweight_fluctuation}; the
     * sections SQAT ships for 48 kHz are reproduced to 1 ulp, {@code OssesModelTest}).
     */
    static final double[][] MODULATION_WEIGHTING = modulationWeighting(SAMPLE_RATE_HZ);

    /**
     * H_weight from its specification in SQAT's {@code Get_Hweight_fluctuation} (MATLAB {@code designfilt},
     * design method Butterworth, which matches the stop band exactly): high-pass stop 0.5 Hz at 17.5 dB, pass
     * 3.1 Hz with 3 dB ripple (order 2); low-pass pass 12 Hz with 3 dB ripple, stop 20 Hz at 14 dB (order 4).
     * Bilinear transform with pre-warping: the analog cut-off is set so that the attenuation at the stop-band edge
     * is the specified one, K = tan(π·f_stop/fs)·(10^{A/10} − 1)^{±1/(2n)}; each conjugate pole pair of damping
     * ζ_k = sin((2k − 1)π/(2n)) becomes the section a = (1, 2(K² − 1), 1 − 2ζK + K²)/(1 + 2ζK + K²) with numerator
     * (1, ±2, 1)·g, g = K²/(1 + 2ζK + K²) (low-pass) or 1/(1 + 2ζK + K²) (high-pass): unit gain in the pass band.
     * Sections in MATLAB's order: high-pass, then the low-pass pairs from the least damped.
     */
    static double[][] modulationWeighting(int sampleRateHz) {
        double highK = Math.tan(Math.PI * 0.5 / sampleRateHz) * Math.pow(Math.pow(10, 17.5 / 10) - 1, 1.0 / 4);
        double lowK = Math.tan(Math.PI * 20 / sampleRateHz) / Math.pow(Math.pow(10, 14.0 / 10) - 1, 1.0 / 8);
        return new double[][] {
            butterworthSection(highK, Math.sin(Math.PI / 4), true),
            butterworthSection(lowK, Math.sin(Math.PI / 8), false),
            butterworthSection(lowK, Math.sin(3 * Math.PI / 8), false),
        };
    }

    private static double[] butterworthSection(double k, double damping, boolean highPass) {
        double a0 = 1 + 2 * damping * k + k * k;
        double a1 = 2 * (k * k - 1) / a0;
        double a2 = (1 - 2 * damping * k + k * k) / a0;
        double g = highPass ? 1 / a0 : k * k / a0;
        return new double[] {g, (highPass ? -2 : 2) * g, g, 1, a1, a2};
    }

    final int frameLength;
    final double[] window;
    final double[] earTaps;
    /** First and last FFT bin of the audible range (20 Hz … 20 kHz, rounded to bins). */
    final int firstBin;
    final int lastBin;
    final double binHz;
    /** Critical-band rate and threshold-in-quiet excitation level of each bin, from firstBin. */
    final double[] binBark;
    final double[] binThresholdDb;
    /** Threshold at the channel rates 0.5·k Bark, k = 0 … 49 (index 0 unused): the slopes' cut-off (MinBf). */
    final double[] channelThresholdDb;
    /** g(z_i), i = 1 … 47 at index i − 1. */
    final double[] channelWeight;

    /** @param frameLength samples per frame; even, with frameLength/2 free of prime factors above 7 */
    OssesModel(int frameLength) {
        this.frameLength = frameLength;
        window = cosineRamps(frameLength, SAMPLE_RATE_HZ, RAMP_MS);
        earTaps = EarTransmission.taps(SAMPLE_RATE_HZ);
        binHz = SAMPLE_RATE_HZ / (double) frameLength;
        firstBin = (int) Math.round(20 / binHz);
        lastBin = (int) Math.round(20e3 / binHz);
        binBark = new double[lastBin - firstBin + 1];
        binThresholdDb = new double[binBark.length];
        for (int i = 0; i < binBark.length; i++) {
            binBark[i] = BarkTables.barkOf((firstBin + i) * binHz);
            binThresholdDb[i] = BarkTables.interpolate(BarkTables.THRESHOLD_Z, BarkTables.THRESHOLD_DB, binBark[i]);
        }
        // The threshold at the bins nearest the table's frequencies 50 Hz … 20 kHz, which sit at 0.5 … 24.5 Bark.
        channelThresholdDb = new double[BarkTables.BARK_TABLE_HZ.length];
        for (int k = 1; k < channelThresholdDb.length; k++) {
            int bin = (int) Math.round(BarkTables.BARK_TABLE_HZ[k] / binHz);
            channelThresholdDb[k] = binThresholdDb[bin - firstBin];
        }
        channelWeight = new double[CHANNELS];
        for (int i = 1; i <= CHANNELS; i++) {
            double g = BarkTables.interpolate(BarkTables.WEIGHT_Z, BarkTables.WEIGHT, CHANNEL_STEP_BARK * i);
            channelWeight[i - 1] = Double.isNaN(g) ? BarkTables.WEIGHT[BarkTables.WEIGHT.length - 1] : g;
        }
    }

    /**
     * Raised-cosine ramps of {@code rampMs} at both ends (SQAT {@code cos_ramp} with attack = release =
     * round(fs·t)): r_i = ½(1 − cos(π·i/a)) for i = 1 … a and r_i ·= ½(1 − cos(π·(i − n)/a)) for i = n − a … n
     * (1-based), so the last sample is 0 and the first is not.
     */
    static double[] cosineRamps(int n, int sampleRateHz, double rampMs) {
        int a = (int) Math.round(sampleRateHz * rampMs / 1000);
        if (a >= n) {
            a = (int) Math.round((n - 1) / 2.0);
        }
        double[] ramp = new double[n];
        Arrays.fill(ramp, 1.0);
        for (int i = 1; i <= a; i++) {
            ramp[i - 1] *= 0.5 * (1 - Math.cos(Math.PI * i / a));
        }
        for (int i = n - a; i <= n; i++) {
            ramp[i - 1] *= 0.5 * (1 - Math.cos(Math.PI * (i - n) / a));
        }
        return ramp;
    }
}
