package audioloop.loudness;

import java.util.Arrays;

/**
 * ISO 532-1:2017 stationary loudness of a signal at 48 kHz in pascals, computed the way the standard's reference
 * program (Annex A.4, {@code ISO_532-1.c}, method "stationary from an audio signal") does it, and with it SQAT's
 * {@code Loudness_ISO532_1(x, 48000, field, 1, tSkip)}, which Aures tonality calls twice per frame:
 * <ol>
 *   <li>third-octave levels: each Table A.2 band-pass (three biquads from rest, then the band gain), squared and
 *   summed from sample ⌊tSkip·fs⌋ (1-based; at least 1) to the last but one, divided by the signal length
 *   (SQAT: {@code sum(x²(NumSkip:len−1)/len)}), L = 10·lg((P + 10⁻¹²)/(4·10⁻¹⁰));</li>
 *   <li>core loudness: {@link CoreLoudness} (clause 5, A.3);</li>
 *   <li>total loudness: the reference program's slope integration ({@code f_calc_slopes}, with its
 *   ZUP + 0.0001 offset), which differs from MoSQITo's procedure in {@link SpecificLoudnessSlopes} (notes/mosqito.md
 *   §6.6) and needs no specific-loudness grid;</li>
 *   <li>rounding as SQAT writes it: N + 0.0005 up to 16 sone, N + 0.005 above ({@code (N·1000 + 0.5)/1000}, the
 *   reference program's {@code floor} left out).</li>
 * </ol>
 * The filter recursions run in the operation order of GNU Octave's {@code filter} (transposed direct form II), the
 * oracle SQAT is checked under. Not thread-safe: one instance per task (it keeps its work arrays and filter states).
 */
public final class SignalStationaryLoudness {
    private static final int BANDS = CoreLoudness.THIRD_OCTAVE_BANDS;
    /** ISO 532-1 A.4: intensity floor added before the logarithm, and the reference intensity (20 µPa)². */
    private static final double TINY_INTENSITY = 1e-12;
    private static final double REFERENCE_INTENSITY = 4e-10;
    /** ISO 532-1 A.4 f_calc_slopes: the upper band limits are compared with an offset of 0.0001 Bark. */
    private static final double BAND_LIMIT_OFFSET_BARK = 0.0001;

    /**
     * Section denominators (a1, a2 of the three biquads: Table A.1 reference [1, −2, 1] minus the Table A.2
     * differences) and gains per band, padded with zero coefficients to {@link #LANES}; numerators [1, 2, 1],
     * [1, 0, −1], [1, −2, 1].
     */
    private static final int LANES = 32;
    private static final double[] A11 = new double[LANES];
    private static final double[] A12 = new double[LANES];
    private static final double[] A21 = new double[LANES];
    private static final double[] A22 = new double[LANES];
    private static final double[] A31 = new double[LANES];
    private static final double[] A32 = new double[LANES];
    private static final double[] GAIN = new double[LANES];

    static {
        for (int band = 0; band < BANDS; band++) {
            double[] d = ThirdOctaveFilterBank.DENOMINATOR_DIFFERENCE[band];
            A11[band] = -2 - d[0];
            A12[band] = 1 - d[1];
            A21[band] = -2 - d[2];
            A22[band] = 1 - d[3];
            A31[band] = -2 - d[4];
            A32[band] = 1 - d[5];
            GAIN[band] = ThirdOctaveFilterBank.GAIN[band];
        }
    }

    private final double[] z10 = new double[LANES];
    private final double[] z11 = new double[LANES];
    private final double[] z20 = new double[LANES];
    private final double[] z21 = new double[LANES];
    private final double[] z30 = new double[LANES];
    private final double[] z31 = new double[LANES];
    private final double[] power = new double[LANES];
    /** The second section's output of the current sample, handed from the first lane loop to the second. */
    private final double[] section2 = new double[LANES];
    private final double[] levelsDb = new double[BANDS];
    private final double[] coreLoudness = new double[CoreLoudness.CRITICAL_BANDS];

    /**
     * Total loudness N (sone, SQAT's rounding) of {@code x[from … from+length)}.
     *
     * @param skipSamples ⌊tSkip·fs⌋, the samples left out at the start (0 counts as 1, as in SQAT)
     */
    public double loudnessSone(double[] x, int from, int length, int skipSamples, SoundField field) {
        bandPowers(x, from, length, Math.max(skipSamples, 1) - 1);
        for (int band = 0; band < BANDS; band++) {
            levelsDb[band] = 10 * Math.log10((power[band] + TINY_INTENSITY) / REFERENCE_INTENSITY);
        }
        CoreLoudness.compute(levelsDb, field, coreLoudness);
        return roundAsSqat(totalLoudness(coreLoudness));
    }

    /**
     * Per band, Σ (g·y)²/length over samples [first, length − 1) of the band-pass output y (from rest). All bands
     * advance together, in loops over the band lanes per sample which C2 vectorises: sections 1–2 in one loop,
     * section 3 and the power in a second (one loop over all three sections is too large for the superword pass and
     * ran 2.2× slower: 1.0 s against 0.46 s CPU for the 1496 evaluations of 60 s of Aures tonality). Each lane's
     * operations are those of a band-by-band filter, in the order of Octave's {@code filter()}: y = z0 + b0·x;
     * z0 = z1 − a1·y + b1·x; z1 = b2·x − a2·y (terms with b = 0 left out, ±1 and ±2 products exact).
     */
    private void bandPowers(double[] x, int from, int length, int first) {
        Arrays.fill(z10, 0);
        Arrays.fill(z11, 0);
        Arrays.fill(z20, 0);
        Arrays.fill(z21, 0);
        Arrays.fill(z30, 0);
        Arrays.fill(z31, 0);
        Arrays.fill(power, 0);
        int end = length - 1;
        for (int n = 0; n < end; n++) {
            double x0 = x[from + n];
            for (int b = 0; b < LANES; b++) {
                double y1 = z10[b] + x0;
                z10[b] = z11[b] - A11[b] * y1 + 2 * x0;
                z11[b] = x0 - A12[b] * y1;
                double y2 = z20[b] + y1;
                z20[b] = z21[b] - A21[b] * y2;
                z21[b] = -y1 - A22[b] * y2;
                section2[b] = y2;
            }
            if (n < first) {
                for (int b = 0; b < LANES; b++) {
                    double y2 = section2[b];
                    double y3 = z30[b] + y2;
                    z30[b] = z31[b] - A31[b] * y3 - 2 * y2;
                    z31[b] = y2 - A32[b] * y3;
                }
            } else {
                for (int b = 0; b < LANES; b++) {
                    double y2 = section2[b];
                    double y3 = z30[b] + y2;
                    z30[b] = z31[b] - A31[b] * y3 - 2 * y2;
                    z31[b] = y2 - A32[b] * y3;
                    double v = GAIN[b] * y3;
                    power[b] += v * v / length;
                }
            }
        }
    }

    /**
     * ISO 532-1 A.4 {@code f_calc_slopes}, total loudness only: each critical band either lies at its own core
     * loudness or under the falling upper slope of a louder band below, whose steepness (Table A.4 USL) depends on
     * the loudness range (RNS) and the band; N is the area under the resulting curve over 0 … 24 Bark.
     */
    static double totalLoudness(double[] core) {
        double[] rns = SpecificLoudnessSlopes.RANGE_LOUDNESS;
        double[][] usl = SpecificLoudnessSlopes.UPPER_SLOPE;
        int lastRange = rns.length - 1;
        double total = 0;
        double z1 = 0;
        double n1 = 0;
        int j = lastRange;
        for (int i = 0; i < SpecificLoudnessSlopes.BAND_UPPER_BARK.length; i++) {
            double bandTop = SpecificLoudnessSlopes.BAND_UPPER_BARK[i] + BAND_LIMIT_OFFSET_BARK;
            double nm = core[i];
            // Slope column: the band below this one (ig = i − 1 in the C code), the last column beyond the 8th.
            int group = Math.min(i - 1, usl[0].length - 1);
            while (z1 < bandTop) {
                double z2;
                double n2;
                if (n1 <= nm) {
                    if (n1 < nm) {
                        j = 0;
                        while (rns[j] > nm && j < lastRange) {
                            j++;
                        }
                    }
                    z2 = bandTop;
                    n2 = nm;
                    total += n2 * (z2 - z1);
                } else {
                    n2 = Math.max(rns[j], nm);
                    double slope = usl[j][group];
                    double dz = (n1 - n2) / slope;
                    z2 = z1 + dz;
                    if (z2 > bandTop) {
                        z2 = bandTop;
                        dz = z2 - z1;
                        n2 = n1 - dz * slope;
                    }
                    total += dz * (n1 + n2) / 2;
                }
                if (n2 <= rns[j] && j < lastRange) {
                    j++;
                }
                z1 = z2;
                n1 = n2;
            }
        }
        return total;
    }

    /** SQAT's rounding of N: negative → 0, then (N·1000 + 0.5)/1000 up to 16 sone, (N·100 + 0.5)/100 above. */
    static double roundAsSqat(double loudnessSone) {
        double n = loudnessSone < 0 ? 0.0 : loudnessSone;
        return n <= 16 ? (n * 1000 + .5) / 1000 : (n * 100 + .5) / 100;
    }
}
