package audioloop.roughness;

import static audioloop.roughness.RoughnessTables.interp;

/**
 * Everything of the Daniel &amp; Weber model that depends on the sample rate but not on the signal: frame
 * geometry, window, per-bin Bark position, ear weighting and threshold, per-channel threshold, envelope
 * weightings H and Aures' g. Immutable; shared read-only by all frame workers.
 */
final class RoughnessModel {
    /** 47 overlapping 1-Bark-wide channels, centres z_c = (c+1)/2 Bark (Daniel &amp; Weber 1997, §2). */
    static final int CHANNELS = 47;

    /** Centre of channel c, z = 0.5 … 23.5 Bark in steps of 0.5 (MoSQITo's {@code bark_axis}). */
    static double channelBark(int c) {
        return (c + 1) / 2.0;
    }
    /** Lower excitation slope s1, dB/Bark (Terhardt; MoSQITo {@code s1 = -27}). */
    static final double LOWER_SLOPE_DB_PER_BARK = -27.0;
    /** First envelope bin of every H: MoSQITo's {@code cut = 2} (bins 0 and 1, i.e. DC and 5 Hz, are not weighted). */
    static final int FIRST_ENVELOPE_BIN = 2;
    private static final double P_REF = 2e-5;
    /** comp_spectrum's amplitude correction: |X|·1.42 is about the rms of a sine (MoSQITo comp_spectrum.py). */
    private static final double SPECTRUM_SCALE = 1.42;

    final int frameLength;
    final int hop;
    /** Bins MoSQITo keeps: 0 … frameLength/2 − 1 (comp_spectrum {@code [0:nfft//2]}; the Nyquist bin is dropped). */
    final int bins;
    /** numpy.blackman(n) / sum, times comp_spectrum's 1.42. */
    final double[] window;
    final double[] binBark;
    final double[] binLabelHz;
    final double[] binEarGain;
    final double[] binThresholdDb;
    /** Squared amplitude at the threshold, shrunk by 1e-9 relative: below it a bin is certainly inaudible. */
    final double[] binInaudibleBelowSq;
    /** 10^(s1·z_bin/20): with {@link #channelLowerFactor} the lower-slope gain 10^(s1·(z_bin − z_j)/20). */
    final double[] binLowerFactor;
    final double[] channelLowerFactor;
    final double[] channelMinExcitationDb;
    /** min of channelMinExcitationDb over channels 0 … j (the lower slope falls toward channel 0). */
    final double[] minExcitationUpTo;
    /** min of channelMinExcitationDb over channels j … 46 (the upper slope falls toward channel 46). */
    final double[] minExcitationFrom;
    /** Exclusive end of the non-zero H bins of each channel. */
    final int[] channelEnvelopeEnd;
    /** H of each channel at envelope bins FIRST_ENVELOPE_BIN … end − 1 (index 0 = FIRST_ENVELOPE_BIN). */
    final double[][] channelEnvelopeWeight;
    final int maxEnvelopeEnd;
    final double[] channelG;
    /**
     * Envelope bins FIRST_ENVELOPE_BIN … maxEnvelopeEnd − 1 are computed as a pruned DFT ({@link PrunedEnvelopeDft},
     * notes/performance.md) over blocks of envelopeBlockLength: the largest power of two dividing n (128 at 48 kHz,
     * so 75 blocks), or n itself (one block, the full FFT) when that power is below 64 and the twiddle sum would
     * cost more than it saves.
     */
    final int envelopeBlockLength;
    final int envelopeBlocks;

    RoughnessModel(int sampleRateHz) {
        frameLength = RoughnessDw.frameLength(sampleRateHz);
        int n = frameLength;
        // time_segmentation takes the overlap argument as the hop (notes/mosqito.md §6.10); 0.5 → hop n/2.
        int h = (int) (0.5 * n);
        hop = h == 0 ? n : h;
        bins = n / 2;

        window = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            // numpy.blackman: k = 1 − M … M − 1 in steps of 2, 0.42 + 0.5·cos(πk/(M−1)) + 0.08·cos(2πk/(M−1)).
            double k = 1 - n + 2.0 * i;
            window[i] = 0.42 + 0.5 * Math.cos(Math.PI * k / (n - 1)) + 0.08 * Math.cos(2.0 * Math.PI * k / (n - 1));
            sum += window[i];
        }
        for (int i = 0; i < n; i++) {
            window[i] = window[i] / sum * SPECTRUM_SCALE;
        }

        double binWidthHz = (double) sampleRateHz / n;
        binBark = new double[bins];
        binLabelHz = new double[bins];
        binEarGain = new double[bins];
        binThresholdDb = new double[bins];
        binInaudibleBelowSq = new double[bins];
        binLowerFactor = new double[bins];
        for (int k = 0; k < bins; k++) {
            // notes/mosqito.md §6.9: MoSQITo labels bin k with (k+1)·fs/n, one bin high; every per-bin quantity
            // (Bark position, ear weighting, threshold, upper slope, channel) is read at that label. Replicated.
            binLabelHz[k] = (k + 1) * binWidthHz;
            binBark[k] = interp(binLabelHz[k], RoughnessTables.ZWICKER_FREQ_HZ, RoughnessTables.ZWICKER_BARK);
            binEarGain[k] = Math.pow(10.0, 0.05
                * interp(binBark[k], RoughnessTables.EAR_FILTER_BARK, RoughnessTables.EAR_FILTER_DB));
            binThresholdDb[k] = interp(binBark[k], RoughnessTables.LTQ_BARK, RoughnessTables.LTQ_DB);
            double thresholdAmp = P_REF * Math.pow(10.0, binThresholdDb[k] / 20.0);
            binInaudibleBelowSq[k] = thresholdAmp * thresholdAmp * (1.0 - 1e-9);
            binLowerFactor[k] = Math.pow(10.0, 0.05 * LOWER_SLOPE_DB_PER_BARK * binBark[k]);
        }

        channelLowerFactor = new double[CHANNELS];
        channelMinExcitationDb = new double[CHANNELS];
        channelG = new double[CHANNELS];
        double[] binIndexFromOne = new double[bins];
        for (int k = 0; k < bins; k++) {
            binIndexFromOne[k] = k + 1;
        }
        for (int c = 0; c < CHANNELS; c++) {
            double z = channelBark(c);
            channelLowerFactor[c] = Math.pow(10.0, -0.05 * LOWER_SLOPE_DB_PER_BARK * z);
            // MoSQITo: minExcitDB = interp(bark2freq(zi)·n/fs, 1 … n/2, threshold): the threshold read at the
            // channel centre on the (one-bin-high) label scale.
            double centreBin = interp(z, RoughnessTables.ZWICKER_BARK, RoughnessTables.ZWICKER_FREQ_HZ) * n
                / sampleRateHz;
            channelMinExcitationDb[c] = interp(centreBin, binIndexFromOne, binThresholdDb);
            channelG[c] = interp(z, RoughnessTables.GZI_BARK, RoughnessTables.GZI);
        }
        minExcitationUpTo = new double[CHANNELS];
        minExcitationFrom = new double[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            minExcitationUpTo[c] = c == 0 ? channelMinExcitationDb[0]
                : Math.min(minExcitationUpTo[c - 1], channelMinExcitationDb[c]);
        }
        for (int c = CHANNELS - 1; c >= 0; c--) {
            minExcitationFrom[c] = c == CHANNELS - 1 ? channelMinExcitationDb[c]
                : Math.min(minExcitationFrom[c + 1], channelMinExcitationDb[c]);
        }

        channelEnvelopeEnd = new int[CHANNELS];
        channelEnvelopeWeight = new double[CHANNELS][];
        int maxEnd = FIRST_ENVELOPE_BIN;
        for (int c = 0; c < CHANNELS; c++) {
            RoughnessTables.HShape shape = RoughnessTables.HShape.forChannel(c);
            // _H_weighting: last = floor(limit/fs·n); H is set on bins 2 … last − 1 at f = j·fs/n, 0 elsewhere
            // (including every negative frequency).
            int end = (int) Math.floor(shape.limitHz / sampleRateHz * n);
            double[] weight = new double[Math.max(0, end - FIRST_ENVELOPE_BIN)];
            for (int j = FIRST_ENVELOPE_BIN; j < end; j++) {
                weight[j - FIRST_ENVELOPE_BIN] = interp((double) ((long) j * sampleRateHz) / n, shape.freqHz,
                    shape.weight);
            }
            channelEnvelopeEnd[c] = end;
            channelEnvelopeWeight[c] = weight;
            maxEnd = Math.max(maxEnd, end);
        }
        maxEnvelopeEnd = maxEnd;
        int powerOfTwo = Integer.lowestOneBit(n);
        envelopeBlockLength = powerOfTwo >= 64 ? powerOfTwo : n;
        envelopeBlocks = n / envelopeBlockLength;
        // The Parseval shortcut for m_c and k_c (FrameAnalyzer) needs two weighted bins never to add up to a
        // multiple of n, i.e. the weighted band below n/2 with room to spare; true for fs ≥ 1 kHz.
        if (2 * (maxEnvelopeEnd - 1) >= n) {
            throw new IllegalArgumentException("sample rate too low for the roughness model: " + sampleRateHz
                + " Hz");
        }
    }
}
