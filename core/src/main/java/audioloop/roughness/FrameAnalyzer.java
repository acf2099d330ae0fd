package audioloop.roughness;

import static audioloop.roughness.RoughnessModel.CHANNELS;
import static audioloop.roughness.RoughnessModel.FIRST_ENVELOPE_BIN;

import audioloop.dsp.Fft;
import audioloop.dsp.LaneFft;
import audioloop.dsp.RealFft;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Roughness of one 200-ms frame, MoSQITo 1.2.1 {@code _roughness_dw_main_calc} (notes/mosqito.md §5.3), with
 * the exact shortcuts of notes/performance.md. Used by one fork-join task at a time: it owns its FFT plans and work
 * arrays and reuses them for every frame it analyses.
 *
 * <p>Two forms with identical results: one channel at a time, or the 47 channels together as the lanes of one
 * {@link LaneFft} and of the lane form of {@link PrunedEnvelopeDft}, which C2 runs as SIMD code over the channels
 * (where the frame length allows: 9600 at 48 kHz, n/2 with no prime factor above 5 and a power-of-two factor ≥ 64).
 * Per channel the lane form performs the same operations in the same order as the one-channel form, so the choice
 * changes the speed, not a bit of the result. Which is faster depends on the JIT: measured on 20 files of 10 s
 * (roughness only, one thread), lanes 9.5 -> 6.3 s with C2; with C1 only (the launcher's choice for short inputs)
 * lanes were slower, 60 s file 3.52 -> 3.80 s end to end. One channel at a time uses the allocation-free
 * {@link RealFft} where it supports n (8820 at 44.1 kHz), else JTransforms, whose mixed-radix path allocates an
 * n-double scratch array inside every call.
 */
final class FrameAnalyzer {
    private static final double P_REF = 2e-5;
    private static final double LN10 = Math.log(10.0);
    /** Components above 24 Bark (notes/mosqito.md §6.14) are put into the last channel; see {@link #addComponent}. */
    private static final int LAST_CHANNEL = CHANNELS - 1;
    /** rms(hBP)/h0 below which the band-passed envelope is rounding noise (see {@link #channelEnvelope}). */
    private static final double NUMERICALLY_FLAT = 1e-12;

    private final RoughnessModel model;
    /** The frame's real transforms, or null when RealFft does not support n; then {@link #fallbackFft}. */
    private final RealFft realFft;
    private final DoubleFFT_1D fallbackFft;
    private final int n;
    /** Windowed frame, then its packed spectrum; then, one channel at a time, its excitation spectrum and envelope. */
    private final double[] work;

    // Audible components of the current frame, in bin order.
    private int componentCount;
    private final int[] componentBin;
    private final double[] componentRe;
    private final double[] componentIm;
    /**
     * Gain of component k in channel c at [k·47 + c]: 1 in its own channels, slope/|X| elsewhere, 0 if gated. One
     * more row, never written, holds zeros for bins without a component.
     */
    private final double[] gain;
    private final int zeroGainRow;
    /** The component at each bin, or −1 (lane form only: built by {@link #fillChannelSpectra}). */
    private final int[] componentOfBin;
    private final int[] channelFirstComponent = new int[CHANNELS];
    /** The last frame's specific roughness per channel, asper (their sum is the frame's R, up to rounding). */
    final double[] specificRoughness = new double[CHANNELS];
    private final int[] channelLastComponent = new int[CHANNELS];

    // Per-channel envelope results.
    private final double[] meanExcitation = new double[CHANNELS];
    private final double[] envelopeEnergy = new double[CHANNELS];
    /** All channels' excitation transforms at once, or null: then one channel at a time (see the class comment). */
    private final LaneFft channelInverse;
    /** Null when the frame length has no power-of-two factor ≥ 64; then the full forward FFT gives the bins. */
    private final PrunedEnvelopeDft prunedDft;
    /** e^{2πik/n}, k = 0 … n/4: the odd-sample shift of the real/complex split of the channel inverses. */
    private final double[] splitRe;
    private final double[] splitIm;
    /** Sample t of every channel's envelope: pointers into channelInverse's result. */
    private final double[][] envelopeSamples;
    private final double[] excitationSum = new double[CHANNELS];
    private final double[][] lowReLanes;
    private final double[][] lowImLanes;
    /** One channel's envelope bins FIRST_ENVELOPE_BIN …, before the H weighting. */
    private final double[] lowRe;
    private final double[] lowIm;
    private final double[][] envelopeRe;
    private final double[][] envelopeIm;
    private final double[] modulationDepth = new double[CHANNELS];
    private final double[] correlation = new double[CHANNELS];

    /**
     * Frames in which at least one audible component lay above 24 Bark (clamped to the last channel), since the
     * user of the analyser last set it to 0.
     */
    int framesWithComponentsAbove24Bark;

    /** @param lanesWherePossible whether to use the lane form where the frame length allows it */
    FrameAnalyzer(RoughnessModel model, boolean lanesWherePossible) {
        this.model = model;
        this.n = model.frameLength;
        this.realFft = RealFft.supports(n) ? new RealFft(n) : null;
        this.fallbackFft = realFft == null ? Fft.plan(n) : null;
        this.work = new double[n];
        int bins = model.bins;
        componentBin = new int[bins];
        componentRe = new double[bins];
        componentIm = new double[bins];
        gain = new double[(bins + 1) * CHANNELS];
        zeroGainRow = bins * CHANNELS;
        int envelopeBins = model.maxEnvelopeEnd - FIRST_ENVELOPE_BIN;
        lowRe = new double[envelopeBins];
        lowIm = new double[envelopeBins];
        envelopeRe = new double[CHANNELS][envelopeBins];
        envelopeIm = new double[CHANNELS][envelopeBins];
        boolean pruned = Integer.bitCount(model.envelopeBlockLength) == 1;
        boolean lanes = lanesWherePossible && pruned && n % 2 == 0 && LaneFft.supports(n / 2);
        channelInverse = lanes ? new LaneFft(n / 2, CHANNELS, +1) : null;
        prunedDft = pruned ? new PrunedEnvelopeDft(model, lanes ? CHANNELS : 0) : null;
        envelopeSamples = lanes ? new double[n][] : null;
        lowReLanes = lanes ? new double[envelopeBins][CHANNELS] : null;
        lowImLanes = lanes ? new double[envelopeBins][CHANNELS] : null;
        componentOfBin = lanes ? new int[bins] : null;
        splitRe = lanes ? new double[n / 4 + 1] : null;
        splitIm = lanes ? new double[n / 4 + 1] : null;
        if (lanes) {
            for (int k = 0; k < splitRe.length; k++) {
                splitRe[k] = Math.cos(2 * Math.PI * k / n);
                splitIm[k] = Math.sin(2 * Math.PI * k / n);
            }
        }
    }

    /** R in asper of the frame signal[start … start + n − 1] (pascals). */
    double roughness(double[] signal, int start) {
        findAudibleComponents(signal, start);
        if (channelInverse != null) {
            channelEnvelopes();
        } else {
            for (int c = 0; c < CHANNELS; c++) {
                channelEnvelope(c);
            }
        }
        return specificRoughnessSum();
    }

    /**
     * comp_spectrum (Blackman window / sum, FFT, ×1.42), ear weighting a0(z), level in dB and the audibility
     * test L > LTQ_roughness(z); then, per audible component, its channels and excitation slopes.
     */
    private void findAudibleComponents(double[] signal, int start) {
        double[] window = model.window;
        for (int i = 0; i < n; i++) {
            work[i] = signal[start + i] * window[i];
        }
        realForward(work);
        componentCount = 0;
        Arrays.fill(channelFirstComponent, Integer.MAX_VALUE);
        Arrays.fill(channelLastComponent, -1);
        boolean above24Bark = false;
        for (int k = 0; k < model.bins; k++) {
            // JTransforms packing: work[0] = Re(0) (Im(0) = 0), work[2k], work[2k+1] = Re, Im of bin k.
            double re = (k == 0 ? work[0] : work[2 * k]) * model.binEarGain[k];
            double im = (k == 0 ? 0.0 : work[2 * k + 1]) * model.binEarGain[k];
            double moduleSq = re * re + im * im;
            if (moduleSq < model.binInaudibleBelowSq[k]) {
                continue;
            }
            double module = Math.sqrt(moduleSq);
            double levelDb = 20.0 * Math.log10(module / P_REF);
            if (levelDb > model.binThresholdDb[k]) {
                above24Bark |= addComponent(k, re, im, levelDb);
            }
        }
        if (above24Bark) {
            framesWithComponentsAbove24Bark++;
        }
    }

    /**
     * Excitation pattern of one component (MoSQITo stage 1): gains for all 47 channels. Returns whether the
     * component lies above 24 Bark.
     */
    private boolean addComponent(int bin, double re, double im, double levelDb) {
        int k = componentCount++;
        double bark = model.binBark[bin];
        int low = (int) Math.floor(2 * bark) - 1;
        int high = (int) Math.ceil(2 * bark) - 1;
        // notes/mosqito.md §6.14: above 24 Bark (labels ≥ 15.5 kHz) MoSQITo computes channel 47 of 47 and
        // fails with IndexError. We put such a component into the last channel (centre 23.5 Bark): the 47 channels
        // end at 24 Bark, the component's lower slope still excites the channels below at its true Bark position,
        // and the result is continuous with a component just below 24 Bark (low = 46, high = 47 there).
        boolean clamped = low > LAST_CHANNEL;
        if (clamped) {
            low = LAST_CHANNEL;
            high = LAST_CHANNEL;
        }
        componentBin[k] = bin;
        componentRe[k] = re;
        componentIm[k] = im;

        int row = k * CHANNELS;
        Arrays.fill(gain, row, row + CHANNELS, 0.0);
        if (low >= 0) {
            gain[row + low] = 1.0;
        }
        if (high <= LAST_CHANNEL) {
            gain[row + high] = 1.0;
        }
        int first = Math.max(low, 0);
        int last = Math.min(high, LAST_CHANNEL);

        // Channels below the component (c < low) read the lower-slope excitation of channel j = c + 1, the
        // neighbour one step closer to the component (notes/mosqito.md §6.11, replicated):
        // sl = s1·(z − z_j) + L, kept if sl > minExc_j; gain = 2e-5·10^(sl/20)/|X| = 10^(s1·(z − z_j)/20).
        double[] minExc = model.channelMinExcitationDb;
        for (int j = low; j >= 1; j--) {
            double sl = (RoughnessModel.LOWER_SLOPE_DB_PER_BARK * (bark - ((j + 1) * 0.5))) + levelDb;
            if (sl <= model.minExcitationUpTo[j]) {
                break; // sl only falls further toward channel 0; no channel below can pass its threshold
            }
            if (sl > minExc[j]) {
                gain[row + j - 1] = model.binLowerFactor[bin] * model.channelLowerFactor[j];
                first = j - 1;
            }
        }
        // Channels above (c > high) read the upper-slope excitation of channel j = c − 1 (§6.11), Terhardt's
        // level-dependent slope s2 = min(−24 − 230/f + 0.2·L, 0) at the (one-bin-high) label frequency.
        double upperSlope = Math.min(-24 - (230 / model.binLabelHz[bin]) + (0.2 * levelDb), 0);
        if (high < LAST_CHANNEL) {
            // gain_j = 10^(s2·(z_j − z)/20), z_j = (j+1)/2: start at j = high, step ×10^(s2/40) per channel.
            double upperGain = Math.exp(LN10 * 0.05 * upperSlope * ((high + 1) * 0.5 - bark));
            double upperStep = Math.exp(LN10 * 0.025 * upperSlope);
            for (int j = high; j < LAST_CHANNEL; j++) {
                if (j > high) {
                    upperGain *= upperStep;
                }
                double sl = (upperSlope * (((j + 1) * 0.5) - bark)) + levelDb;
                if (sl <= model.minExcitationFrom[j]) {
                    break; // sl only falls further toward channel 46
                }
                if (sl > minExc[j]) {
                    gain[row + j + 1] = upperGain;
                    last = j + 1;
                }
            }
        }
        for (int c = first; c <= last; c++) {
            if (gain[row + c] != 0.0) {
                channelFirstComponent[c] = Math.min(channelFirstComponent[c], k);
                channelLastComponent[c] = k;
            }
        }
        return clamped;
    }

    /**
     * Stage 2 for channel c: specific excitation e_c(t) = |n·Re(IFFT(exc_c))|, its mean h0 and the H_c-weighted
     * envelope spectrum E_c on bins 2 … end − 1 (the only non-zero bins of H_c).
     */
    private void channelEnvelope(int c) {
        int firstComponent = channelFirstComponent[c];
        int lastComponent = channelLastComponent[c];
        if (lastComponent < 0) {
            // No component reaches this channel: e_c ≡ 0, so h0 = 0, m_c = 0 and hBP_c ≡ 0 (k_c = 0).
            meanExcitation[c] = 0.0;
            envelopeEnergy[c] = 0.0;
            return;
        }
        Arrays.fill(work, 0.0);
        for (int k = firstComponent; k <= lastComponent; k++) {
            double g = gain[k * CHANNELS + c];
            if (g != 0.0) {
                int bin = componentBin[k];
                // Only bins 0 … n/2 − 1 are filled (MoSQITo's exc), so n·Re(IFFT(exc)) is the real inverse of the
                // Hermitian spectrum Y_k = exc_k/2, Y_0 = Re(exc_0). We fill Y_k = exc_k and Y_0 = 2·Re(exc_0),
                // i.e. compute 2·e_c: m_c and k_c are ratios, and doubling is exact.
                if (bin == 0) {
                    work[0] = 2.0 * g * componentRe[k];
                } else {
                    work[2 * bin] = g * componentRe[k];
                    work[2 * bin + 1] = g * componentIm[k];
                }
            }
        }
        double h0 = inverseMagnitudes(work) / n;
        lowEnvelopeBins();
        storeEnvelope(c, h0);
    }

    /**
     * DFT bins FIRST_ENVELOPE_BIN … maxEnvelopeEnd − 1 of work (the envelope) into lowRe/lowIm: the
     * pruned transform where the frame splits into power-of-two blocks, otherwise the full forward FFT (work is
     * overwritten then).
     */
    private void lowEnvelopeBins() {
        if (prunedDft != null) {
            prunedDft.lowBins(work, lowRe, lowIm);
            return;
        }
        realForward(work);
        for (int i = 0; i < lowRe.length; i++) {
            int k = i + FIRST_ENVELOPE_BIN;
            lowRe[i] = work[2 * k];
            lowIm[i] = work[2 * k + 1];
        }
    }

    /**
     * Stage 2 for all channels at once, as lane vectors (see the class comment): the same quantities as
     * {@link #channelEnvelope}, to the bit.
     */
    private void channelEnvelopes() {
        fillChannelSpectra();
        channelInverse.transform(channelInverse.inputRe(), channelInverse.inputIm());
        double[][] evenRe = channelInverse.resultRe();
        double[][] oddIm = channelInverse.resultIm();
        // e_c(t) = |x_t| with x_{2s} = Re z_s, x_{2s+1} = Im z_s; h0 = Σ_t e_c(t)/n summed in t order.
        double[] sum = excitationSum;
        Arrays.fill(sum, 0.0);
        int half = n / 2;
        for (int s = 0; s < half; s++) {
            double[] even = evenRe[s];
            double[] odd = oddIm[s];
            for (int c = 0; c < CHANNELS; c++) {
                double e = Math.abs(even[c]);
                double o = Math.abs(odd[c]);
                even[c] = e;
                odd[c] = o;
                sum[c] += e;
                sum[c] += o;
            }
            envelopeSamples[2 * s] = even;
            envelopeSamples[2 * s + 1] = odd;
        }
        for (int c = 0; c < CHANNELS; c++) {
            sum[c] /= n;
        }
        prunedDft.lowBins(envelopeSamples, lowReLanes, lowImLanes);
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < lowRe.length; i++) {
                lowRe[i] = lowReLanes[i][c];
                lowIm[i] = lowImLanes[i][c];
            }
            storeEnvelope(c, sum[c]);
        }
    }

    /**
     * The packed spectra Z (of z_s = x_{2s} + i·x_{2s+1}) of all channels' excitations, as {@link RealFft#inverse}
     * forms them from {@link #channelEnvelope}'s Hermitian fill X (X_k = g_c(k)·P_k at a component's bin k, P its
     * ear-weighted spectrum value, X_0 doubled, 0 elsewhere), with the same operations: Z_k = S + i·w_k·D and
     * Z_{h−k} = conj S + i·conj(w_k·D), S = X_k + conj X_{h−k}, D = X_k − conj X_{h−k}, w_k = e^{2πik/n}, h = n/2.
     * A channel that a component does not reach has gain 0 there, as if the bin were empty.
     */
    private void fillChannelSpectra() {
        double[][] zRe = channelInverse.inputRe();
        double[][] zIm = channelInverse.inputIm();
        Arrays.fill(componentOfBin, -1);
        for (int k = 0; k < componentCount; k++) {
            componentOfBin[componentBin[k]] = k;
        }
        int half = n / 2;
        // Z_0 = (X_0 + X_{n/2}) + i·(X_0 − X_{n/2}), X_{n/2} = 0 (MoSQITo fills bins 0 … n/2 − 1 only).
        int first = componentOfBin[0];
        double dc = first < 0 ? 0.0 : componentRe[first];
        int row0 = first < 0 ? zeroGainRow : first * CHANNELS;
        double[] re0 = zRe[0];
        double[] im0 = zIm[0];
        for (int c = 0; c < CHANNELS; c++) {
            double x0 = 2.0 * gain[row0 + c] * dc;
            re0[c] = x0 + 0.0;
            im0[c] = x0 - 0.0;
        }
        double[] g = gain;
        for (int k = 1; k <= half / 2; k++) {
            int j = half - k;
            int p = componentOfBin[k];
            int q = componentOfBin[j];
            double pRe = p < 0 ? 0.0 : componentRe[p];
            double pIm = p < 0 ? 0.0 : componentIm[p];
            double qRe = q < 0 ? 0.0 : componentRe[q];
            double qIm = q < 0 ? 0.0 : componentIm[q];
            int rowK = p < 0 ? zeroGainRow : p * CHANNELS;
            int rowJ = q < 0 ? zeroGainRow : q * CHANNELS;
            double wRe = splitRe[k];
            double wIm = splitIm[k];
            double[] kRe = zRe[k];
            double[] kIm = zIm[k];
            double[] jRe = zRe[j];
            double[] jIm = zIm[j];
            boolean pair = j != k;
            for (int c = 0; c < CHANNELS; c++) {
                double aRe = g[rowK + c] * pRe;
                double aIm = g[rowK + c] * pIm;
                double bRe = g[rowJ + c] * qRe;
                double bIm = g[rowJ + c] * qIm;
                double sRe = aRe + bRe;
                double sIm = aIm - bIm;
                double dRe = aRe - bRe;
                double dIm = aIm + bIm;
                double wdRe = wRe * dRe - wIm * dIm;
                double wdIm = wRe * dIm + wIm * dRe;
                kRe[c] = sRe - wdIm;
                kIm[c] = sIm + wdRe;
                if (pair) {
                    jRe[c] = sRe + wdIm;
                    jIm[c] = wdRe - sIm;
                }
            }
        }
    }

    /** The H_c-weighted envelope bins of channel c from lowRe/lowIm, and its h0. */
    private void storeEnvelope(int c, double h0) {
        double[] weight = model.channelEnvelopeWeight[c];
        double[] re = envelopeRe[c];
        double[] im = envelopeIm[c];
        double energy = 0.0;
        for (int i = 0; i < weight.length; i++) {
            re[i] = lowRe[i] * weight[i];
            im[i] = lowIm[i] * weight[i];
            energy += re[i] * re[i] + im[i] * im[i];
        }
        meanExcitation[c] = h0;
        // A channel whose band-passed envelope is zero in exact arithmetic (typically a single spectral line:
        // |cos| has harmonics only at multiples of 2f, outside 10–495 Hz) still yields transform rounding noise,
        // rms(hBP)/h0 ≈ 3e-17. MoSQITo correlates that noise (§6.13 only rejects exact zeros), and the resulting
        // k_c — an arbitrary number in [−1, 1] that depends on numpy's FFT internals — multiplies into R'_{c+2}.
        // We treat an envelope below 1e-12·h0 as zero (k = 0); no real modulation is that shallow.
        envelopeEnergy[c] = Math.sqrt(2.0 * energy) / n > NUMERICALLY_FLAT * h0 ? energy : 0.0;
    }

    /** Unscaled forward real FFT of a, in place, JTransforms' packed layout. */
    private void realForward(double[] a) {
        if (realFft != null) {
            realFft.forward(a);
        } else {
            fallbackFft.realForward(a);
        }
    }

    /** a[t] = |x_t| for x the unscaled real inverse of the packed spectrum in a; returns Σ_t |x_t| in t order. */
    private double inverseMagnitudes(double[] a) {
        if (realFft != null) {
            return realFft.inverseMagnitudes(a);
        }
        fallbackFft.realInverse(a, false);
        double sum = 0.0;
        for (int t = 0; t < n; t++) {
            double e = Math.abs(a[t]);
            a[t] = e;
            sum += e;
        }
        return sum;
    }

    /**
     * Stages 2–3 from the envelope spectra (notes/performance.md, Parseval): hBP_c = 2·Re(IFFT(E_c)) has no DC
     * and only bins 2 … 99, so Σ_t hBP_c² = (2/n)·Σ|E_c|², Σ_t hBP_a·hBP_b = (2/n)·Re Σ E_a·conj(E_b), and
     * mean(hBP) = 0. Hence m_c = √(2·Σ|E_c|²)/n / h0 (capped at 1) and the Pearson correlation
     * k_c = Re Σ E_c·conj(E_{c+2}) / √(Σ|E_c|²·Σ|E_{c+2}|²), without transforming back.
     */
    private double specificRoughnessSum() {
        for (int c = 0; c < CHANNELS; c++) {
            double h0 = meanExcitation[c];
            if (h0 > 0) {
                double depth = Math.sqrt(2.0 * envelopeEnergy[c]) / n / h0;
                modulationDepth[c] = Math.min(depth, 1.0);
            } else {
                modulationDepth[c] = 0.0;
            }
        }
        Arrays.fill(correlation, 0.0);
        for (int c = 0; c < CHANNELS - 2; c++) {
            // notes/mosqito.md §6.13: MoSQITo correlates only if no sample of hBP_c and hBP_{c+2} is exactly 0
            // (hBP.all()). A band-limited envelope with any non-zero bin has no exact-zero sample in practice, so
            // the test is "both E are non-zero"; an all-zero E (no excitation, or a constant one) gives k = 0.
            if (envelopeEnergy[c] > 0 && envelopeEnergy[c + 2] > 0) {
                correlation[c] = envelopeCorrelation(c, c + 2);
            }
        }
        double[] g = model.channelG;
        double[] m = modulationDepth;
        double[] k = correlation;
        // R'_c = g_c·(m_c·k_c·k_{c−2})², with MoSQITo's edge rules; R = 0.25·Σ R'_c (summed in channel order).
        double r0 = m[0] * k[0];
        double r1 = m[1] * k[1];
        double sum = specific(0, g[0] * (r0 * r0));
        sum += specific(1, g[1] * (r1 * r1));
        for (int c = 2; c < CHANNELS - 2; c++) {
            double rc = m[c] * k[c] * k[c - 2];
            sum += specific(c, g[c] * (rc * rc));
        }
        double r45 = m[45] * k[43];
        double r46 = m[46] * k[44];
        sum += specific(45, g[45] * (r45 * r45));
        sum += specific(46, g[46] * (r46 * r46));
        return 0.25 * sum;
    }

    /** Keeps channel c's term of the sum as its specific roughness 0.25·R'_c (MoSQITo's R_spec) and returns it. */
    private double specific(int c, double term) {
        specificRoughness[c] = 0.25 * term;
        return term;
    }

    private double envelopeCorrelation(int a, int b) {
        int common = Math.min(model.channelEnvelopeWeight[a].length, model.channelEnvelopeWeight[b].length);
        double[] reA = envelopeRe[a];
        double[] imA = envelopeIm[a];
        double[] reB = envelopeRe[b];
        double[] imB = envelopeIm[b];
        double cross = 0.0;
        for (int i = 0; i < common; i++) {
            cross += reA[i] * reB[i] + imA[i] * imB[i];
        }
        double r = cross / Math.sqrt(envelopeEnergy[a] * envelopeEnergy[b]);
        return Math.max(-1.0, Math.min(1.0, r)); // numpy.corrcoef clips to [−1, 1]
    }
}
