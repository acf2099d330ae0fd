package audioloop.fluctuation;

import audioloop.dsp.RealFft;
import audioloop.dsp.SosBank;
import java.util.Arrays;

/**
 * Fluctuation strength of one frame (Osses et al. 2016, §2; SQAT {@code FluctuationStrength_Osses2016}, one
 * iteration of its frame loop): window, ear transmission, Terhardt excitation patterns in 47 channels, modulation
 * depth of each channel's envelope after the H_weight band-pass, correlation of channels two apart, and
 * F = Δz·Σ cal·g(z_i)·m_i^{1.7}·k_i^{1.7}.
 *
 * <p>The model scales every channel's excitation by one common factor so that their sum keeps the frame's level
 * (SQAT's {@code gain_factor}); modulation depth (RMS of the band-passed envelope over its mean) and correlation
 * are ratios that a common positive factor does not change, so the channels are analysed without it and one at a
 * time: 47 channels of a 2-s frame are never held together.
 *
 * <p>Holds its work arrays and FFT plans: one per task, reused for all its frames; not thread-safe.
 */
final class FrameAnalyzer {
    private static final double[][] ZERO_STATE = new double[OssesModel.MODULATION_WEIGHTING.length][2];
    /** SQAT's {@code corr = dBFS + 3}: a component's amplitude X_k/N is taken as an RMS level 3 dB above it. */
    private static final double SPECTRUM_SCALE = Math.pow(10, (OssesModel.DB_FULL_SCALE + 3) / 20);

    private final OssesModel model;
    private final int n;
    private final EarTransmission ear;
    private final RealFft fft;
    private final SosBank pairFilter;
    private final SosBank singleFilter;
    private final double[] frame;
    private final double[] spectrum;
    /** Band-passed envelopes of the last four channels, channel c in slot c % 4 (the correlation needs c − 2). */
    private final double[][] bands = new double[4][];
    private final double[] bandMean = new double[OssesModel.CHANNELS];
    private final double[] bandVariance = new double[OssesModel.CHANNELS];
    private final double[] modulationDepth = new double[OssesModel.CHANNELS];
    /** Correlation of channel i with channel i + 2 (SQAT's ki(1, i)), then extrapolated to the last two. */
    private final double[] correlationUp = new double[OssesModel.CHANNELS];

    // Audible components above threshold: bin, |X|, level, rate, floor/ceil(2z) and upper slope.
    private int components;
    private int[] componentBin = new int[0];
    private double[] componentAmplitude = new double[0];
    private double[] componentLevelDb = new double[0];
    private double[] componentBark = new double[0];
    private int[] componentLowChannel = new int[0];
    private int[] componentHighChannel = new int[0];
    private double[] componentUpperSlope = new double[0];

    FrameAnalyzer(OssesModel model) {
        this.model = model;
        n = model.frameLength;
        ear = new EarTransmission(model.earTaps, n);
        fft = new RealFft(n);
        pairFilter = new SosBank(OssesModel.MODULATION_WEIGHTING, OssesModel.MODULATION_WEIGHTING);
        singleFilter = new SosBank(OssesModel.MODULATION_WEIGHTING);
        frame = new double[n];
        spectrum = new double[n];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = new double[n];
        }
    }

    /** F of the frame x[offset … offset + frameLength) in pascals, vacil: Δz·Σ F′(z_i). */
    double fluctuation(double[] x, int offset) {
        for (int i = 0; i < n; i++) {
            frame[i] = model.window[i] * x[offset + i];
        }
        ear.apply(frame, spectrum);
        fft.forward(spectrum);
        findComponents();
        if (components == 0) {
            // No component above threshold: SQAT's excitation is silence, every channel's depth and correlation 0.
            return 0.0;
        }
        analyseChannels();
        extrapolateCorrelations();
        double sum = 0;
        for (int i = 0; i < OssesModel.CHANNELS; i++) {
            sum += OssesModel.CALIBRATION * specificUncalibrated(i);
        }
        return OssesModel.CHANNEL_STEP_BARK * sum;
    }

    /**
     * The bins of 20 Hz … 20 kHz whose level 20·lg|X_k·10^{97/20}/N| exceeds the threshold in quiet at their rate
     * (SQAT {@code TerhardtExcitationPatterns}: {@code whichL}); X is scaled in place.
     */
    private void findComponents() {
        int count = model.lastBin - model.firstBin + 1;
        if (componentBin.length < count) {
            componentBin = new int[count];
            componentAmplitude = new double[count];
            componentLevelDb = new double[count];
            componentBark = new double[count];
            componentLowChannel = new int[count];
            componentHighChannel = new int[count];
            componentUpperSlope = new double[count];
        }
        components = 0;
        for (int k = model.firstBin; k <= model.lastBin; k++) {
            double re = SPECTRUM_SCALE * spectrum[2 * k] / n;
            double im = SPECTRUM_SCALE * spectrum[2 * k + 1] / n;
            spectrum[2 * k] = re;
            spectrum[2 * k + 1] = im;
            double amplitude = Math.sqrt(re * re + im * im);
            double levelDb = 20 * Math.log10(amplitude);
            if (levelDb > model.binThresholdDb[k - model.firstBin]) {
                int c = components++;
                double z = model.binBark[k - model.firstBin];
                double frequencyHz = k * model.binHz;
                double steep = -24 - 230 / frequencyHz + 0.2 * levelDb;
                componentBin[c] = k;
                componentAmplitude[c] = amplitude;
                componentLevelDb[c] = levelDb;
                componentBark[c] = z;
                componentLowChannel[c] = (int) Math.floor(2 * z);
                componentHighChannel[c] = (int) Math.ceil(2 * z);
                componentUpperSlope[c] = steep < 0 ? steep : 0;
            }
        }
    }

    /**
     * Gain of component c in channel i (1-based), SQAT's ExcAmp: 1 in the channels that hold its rate (⌊2z⌋, ⌈2z⌉);
     * elsewhere the Terhardt slope level at the neighbouring channel towards the component (i + 1 below it, i − 1
     * above), L − 27·(z − z_k) below and L + S₂·(z_k − z) above with S₂ = min(0, −24 − 230/f + 0.2·L), as an
     * amplitude relative to the component's, and 0 where that level is not above the threshold at z_k.
     */
    private double excitationGain(int c, int i) {
        int low = componentLowChannel[c];
        int high = componentHighChannel[c];
        if (i == low || i == high) {
            return 1;
        }
        int k;
        if (i != OssesModel.CHANNELS && high > i) {
            k = i + 1;
        } else if (i != 1) {
            k = i - 1;
        } else {
            return 0;
        }
        double z = componentBark[c];
        double zk = 0.5 * k;
        double level = componentLevelDb[c];
        double slopeLevel = k >= high
                ? componentUpperSlope[c] * (zk - z) + level
                : OssesModel.LOWER_SLOPE_DB_PER_BARK * (z - zk) + level;
        if (!(slopeLevel > model.channelThresholdDb[k])) {
            return 0;
        }
        return Math.pow(10, slopeLevel / 20) / componentAmplitude[c];
    }

    /**
     * Channels in pairs through the H_weight bank: envelope, modulation depth and correlation with channel i − 2.
     * A silent channel (no component reaches it) has a zero envelope, which the filter leaves zero: its depth,
     * variance and correlations are 0 without filtering it.
     */
    private void analyseChannels() {
        double[][] pairIn = new double[2][];
        double[][] singleIn = new double[1][];
        double[] mean = new double[2];
        boolean[] audible = new boolean[2];
        for (int first = 0; first < OssesModel.CHANNELS; first += 2) {
            int count = first + 1 < OssesModel.CHANNELS ? 2 : 1;
            for (int j = 0; j < count; j++) {
                mean[j] = envelope(first + j, bands[(first + j) % 4]);
                audible[j] = mean[j] > 0;
            }
            if (count == 2 && audible[0] && audible[1]) {
                pairIn[0] = bands[first % 4];
                pairIn[1] = bands[(first + 1) % 4];
                pairFilter.setState(0, ZERO_STATE, 0);
                pairFilter.setState(1, ZERO_STATE, 0);
                pairFilter.filter(pairIn, 0, pairIn, 0, 1, n);
            } else {
                for (int j = 0; j < count; j++) {
                    if (audible[j]) {
                        singleIn[0] = bands[(first + j) % 4];
                        singleFilter.setState(0, ZERO_STATE, 0);
                        singleFilter.filter(singleIn, 0, singleIn, 0, 1, n);
                    }
                }
            }
            for (int j = 0; j < count; j++) {
                bandStatistics(first + j, audible[j] ? mean[j] : 0);
            }
        }
    }

    /**
     * One pass over channel c's band-passed envelope y: its mean, its variance Σ(y − ȳ)²/(n − 1) = (Σy² − ȳ·Σy)/(n −
     * 1), the modulation depth m = RMS(y)/h0 (0 where the channel is silent) and, when c ≥ 2, the Pearson correlation
     * with channel c − 2 (SQAT: cov, then c₁₂/√(c₁₁·c₂₂)), covariance (Σxy − n·x̄·ȳ)/(n − 1).
     */
    private void bandStatistics(int channel, double envelopeMean) {
        int partner = channel - 2;
        boolean correlate = partner >= 0 && envelopeMean > 0 && bandVariance[partner] > 0;
        if (envelopeMean <= 0) {
            bandMean[channel] = 0;
            bandVariance[channel] = 0;
            modulationDepth[channel] = 0;
        } else {
            double[] y = bands[channel % 4];
            double sum = 0;
            double squares = 0;
            double cross = 0;
            if (correlate) {
                double[] x = bands[partner % 4];
                for (int t = 0; t < n; t++) {
                    double v = y[t];
                    sum += v;
                    squares += v * v;
                    cross += x[t] * v;
                }
            } else {
                for (int t = 0; t < n; t++) {
                    double v = y[t];
                    sum += v;
                    squares += v * v;
                }
            }
            double meanValue = sum / n;
            bandMean[channel] = meanValue;
            bandVariance[channel] = (squares - meanValue * sum) / (n - 1);
            // m = RMS of the band-passed envelope / its mean h0.
            modulationDepth[channel] = Math.sqrt(squares / n) / envelopeMean;
            if (correlate) {
                double covariance = (cross - n * bandMean[partner] * meanValue) / (n - 1);
                double scale = Math.sqrt(bandVariance[partner] * bandVariance[channel]);
                correlationUp[partner] = scale > 0 ? covariance / scale : 0;
                return;
            }
        }
        if (partner >= 0) {
            correlationUp[partner] = 0;
        }
    }

    /**
     * The channel's excitation e_i(t) = real IFFT of the components' spectrum times their gains, taken as |e_i(t)|
     * minus its mean h0 into {@code band}; returns h0.
     */
    private double envelope(int channel, double[] band) {
        Arrays.fill(band, 0.0);
        int i = channel + 1;
        boolean any = false;
        for (int c = 0; c < components; c++) {
            double gain = excitationGain(c, i);
            if (gain != 0) {
                int k = componentBin[c];
                band[2 * k] = gain * spectrum[2 * k];
                band[2 * k + 1] = gain * spectrum[2 * k + 1];
                any = true;
            }
        }
        if (!any) {
            return 0;
        }
        double mean = fft.inverseMagnitudes(band) / n;
        for (int t = 0; t < n; t++) {
            band[t] -= mean;
        }
        return mean;
    }

    /**
     * The two correlation factors of channel i: k₁ = ρ(i, i + 2) and k₂ = ρ(i − 2, i); the last two k₁ and the first
     * two k₂ have no partner channel and are extrapolated linearly from their neighbours (SQAT's two-point
     * {@code interp1(…, 'spline')}, which is a straight line).
     */
    private void extrapolateCorrelations() {
        int last = OssesModel.CHANNELS - 1;
        correlationUp[last - 1] = line(0, 0.5, correlationUp[last - 3], correlationUp[last - 2], 1);
        correlationUp[last] = line(0, 0.5, correlationUp[last - 2], correlationUp[last - 1], 1);
    }

    private double correlationDown(int channel) {
        if (channel >= 2) {
            return correlationUp[channel - 2];
        }
        return channel == 1
                ? line(0.5, 1, correlationUp[2], correlationUp[3], 0)
                : line(0.5, 1, correlationUp[1], correlationUp[2], 0);
    }

    /** The line through (x0, y0) and (x1, y1) at x, as Octave's piecewise polynomial evaluates it. */
    private static double line(double x0, double x1, double y0, double y1, double x) {
        return (y1 - y0) / (x1 - x0) * (x - x0) + y0;
    }

    /** g(z_i)·m_i^{1.7}·|k_i|^{1.7}·sign(k_i) with m compressed above 0.7 and capped at 1, k = k₁·k₂. */
    private double specificUncalibrated(int channel) {
        double depth = modulationDepth[channel];
        if (depth > OssesModel.DEPTH_KNEE) {
            depth = OssesModel.DEPTH_KNEE + (1 - OssesModel.DEPTH_KNEE) * (depth - OssesModel.DEPTH_KNEE);
        }
        depth = Math.min(depth, 1);
        double k = correlationUp[channel] * correlationDown(channel);
        return model.channelWeight[channel] * Math.pow(depth, OssesModel.MODULATION_EXPONENT)
                * Math.pow(Math.abs(k), OssesModel.CORRELATION_EXPONENT) * Math.signum(k);
    }
}
