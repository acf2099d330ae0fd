package audioloop.sii;

import audioloop.dsp.PairwiseSum;
import audioloop.dsp.WholeSignalSpectrum;

/**
 * The Speech Intelligibility Index of ANSI S3.5-1997 for a noise and a standard speech spectrum, as MoSQITo 1.2.1
 * {@code sii_ansi(noise, fs, 'critical', speech_level)} computes it with no hearing threshold:
 * <ol>
 *   <li>noise band levels N_i: one Blackman-windowed DFT of the whole signal ({@link WholeSignalSpectrum}), the
 *       power of the lines between the bands' nearest labels summed per band (MoSQITo {@code freq_band_synthesis});</li>
 *   <li>§4.3.2 spread of masking: V_i = E′_i − 24, B_i = max(N_i, V_i), C_i = −80 + 0.6·(B_i + 10·log10(h_i − l_i)),
 *       Z_i = 10·log10(10^(N_i/10) + Σ_k 10^((B_k + 3.32·C_k·log10(F_i/F_k))/10)), Z_1 = B_1;</li>
 *   <li>§4.4–4.7: D_i = max(Z_i, X′_i), level distortion L_i = min(1, 1 − (E′_i − U_i − 10)/160) (U_i the normal
 *       effort spectrum), audibility K_i = clip((E′_i − D_i + 15)/30, 0, 1), SII = Σ I_i·L_i·K_i.</li>
 * </ol>
 * Two MoSQITo details that change numbers are kept for parity and described in docs/tonality.md: the noise enters
 * as band levels (MoSQITo's conversion to spectrum levels, N_i − 10·log10(h_i − l_i), never runs: it tests the
 * method name against "critical_bands"), and the masking sum runs over k ≤ i − 2, not k ≤ i − 1.
 */
public final class SpeechIntelligibilityIndex {
    /** Shortest signal taken: with fewer lines the spectrum's first label (fs/n) lies above the 100 Hz band edge. */
    public static final int MIN_SAMPLES_48K = 480;
    /** (20 µPa)². */
    private static final double REFERENCE_POWER_PA2 = 4e-10;
    /** MoSQITo's amp2db replaces a zero amplitude by 2e-12 Pa. */
    private static final double ZERO_LINE_POWER_PA2 = 2e-12 * 2e-12;

    private SpeechIntelligibilityIndex() {
    }

    /**
     * SII of speech at a standard vocal effort in the given noise, critical-band procedure.
     *
     * @param noisePa      the whole noise signal in pascals, at least {@link #MIN_SAMPLES_48K} samples at 48 kHz;
     *                     overwritten (the DFT runs in place)
     * @param sampleRateHz its sampling rate
     */
    public static double ofNoise(double[] noisePa, double sampleRateHz, SpeechLevel level) {
        if (noisePa.length * 100.0 < sampleRateHz) {
            throw new IllegalArgumentException("SII needs at least 10 ms of noise, got " + noisePa.length
                    + " samples");
        }
        WholeSignalSpectrum spectrum = new WholeSignalSpectrum(noisePa, sampleRateHz,
                WholeSignalSpectrum.Window.BLACKMAN);
        BandProcedure procedure = BandProcedure.CRITICAL;
        return index(procedure, procedure.speechDb(level), noiseBandLevelsDb(spectrum, procedure));
    }

    /**
     * Band levels of the spectrum (MoSQITo {@code freq_band_synthesis}): band i sums the lines from the label nearest
     * its lower edge up to (not including) the line nearest the next band's lower edge, the last band up to the line
     * nearest its upper edge; the power of a line is (1.42·|X_k| / 20 µPa)² (a zero line MoSQITo's 2e-12 Pa).
     */
    static double[] noiseBandLevelsDb(WholeSignalSpectrum spectrum, BandProcedure procedure) {
        int bands = procedure.bands();
        int[] edges = new int[bands + 1];
        for (int i = 0; i < bands; i++) {
            edges[i] = spectrum.nearestBin(procedure.lowerHz[i], 0, spectrum.bins());
        }
        edges[bands] = spectrum.nearestBin(procedure.upperHz[bands - 1], 0, spectrum.bins());
        double[] levels = new double[bands];
        // One band's lines at a time: all of them at once were 4.6 MB more at the peak of a 60 s analysis.
        int widest = 0;
        for (int i = 0; i < bands; i++) {
            widest = Math.max(widest, edges[i + 1] - edges[i]);
        }
        double[] powers = new double[widest];
        for (int i = 0; i < bands; i++) {
            spectrum.powersPa2(edges[i], edges[i + 1], powers);
            double sum = 0;
            for (int k = edges[i]; k < edges[i + 1]; k++) {
                double power = powers[k - edges[i]];
                sum += (power == 0 ? ZERO_LINE_POWER_PA2 : power) / REFERENCE_POWER_PA2;
            }
            levels[i] = 10 * Math.log10(sum);
        }
        return levels;
    }

    /** MoSQITo {@code _main_sii} without hearing threshold (T_i = 0): SII from the speech and noise band levels. */
    static double index(BandProcedure procedure, double[] speechDb, double[] noiseDb) {
        int bands = procedure.bands();
        double[] disturbanceDb = new double[bands];
        if (procedure == BandProcedure.OCTAVE) {
            // The octave procedure has no spread of masking (§4.3.1 applies to the finer procedures only).
            System.arraycopy(noiseDb, 0, disturbanceDb, 0, bands);
        } else {
            double[] maskingDb = new double[bands];
            double[] slope = new double[bands];
            for (int i = 0; i < bands; i++) {
                maskingDb[i] = Math.max(noiseDb[i], speechDb[i] - 24);
                slope[i] = -80 + 0.6 * (maskingDb[i] + 10 * Math.log10(procedure.upperHz[i] - procedure.lowerHz[i]));
            }
            for (int i = 0; i < bands; i++) {
                double spread = 0;
                for (int k = 0; k < i - 1; k++) {
                    spread += Math.pow(10, 0.1 * (maskingDb[k]
                            + 3.32 * slope[k] * Math.log10(procedure.centreHz[i] / procedure.centreHz[k])));
                }
                disturbanceDb[i] = 10 * Math.log10(Math.pow(10, 0.1 * noiseDb[i]) + spread);
            }
            disturbanceDb[0] = maskingDb[0];
        }
        double[] normalSpeechDb = procedure.speechDb(SpeechLevel.NORMAL);
        double[] weighted = new double[bands];
        for (int i = 0; i < bands; i++) {
            double equivalentDb = Math.max(disturbanceDb[i], procedure.internalNoiseDb[i]);
            double distortion = Math.min(1, 1 - (speechDb[i] - normalSpeechDb[i] - 10) / 160);
            double audibility = Math.min(1, Math.max(0, (speechDb[i] - equivalentDb + 15) / 30));
            weighted[i] = procedure.importance[i] * (distortion * audibility);
        }
        return PairwiseSum.sum(weighted);
    }
}
