package audioloop.levels;

import java.util.ArrayList;
import java.util.List;

/**
 * A sound level meter after IEC 61672-1:2013 fed block by block: frequency weightings Z, A and C ({@link
 * FrequencyWeighting}), exponential time weightings F (τ = 0.125 s) and S (τ = 1 s) of the A-weighted signal, and
 * the time-averaged (equivalent) levels over the whole signal.
 *
 * <ul>
 *   <li>L_eq = 10·lg(mean of p_w² / p0²), p0 = 20 µPa (the time-averaged sound level of IEC 61672-1), for w = Z,
 *       A, C: the squares summed in sample order, so the block split does not change a bit (rounding: at most
 *       n·2⁻⁵³ relative, 1e-7 dB for an hour, typically far less; pairwise summation, 6 ms per minute of signal for
 *       the three sums, buys nothing a level can show).</li>
 *   <li>Exponential time weighting (the time-weighted sound level of IEC 61672-1), discretised exactly for a sample-and-hold input: y[n] = y[n−1] + (1 − e^{−T/τ})·
 *       (p_A²[n] − y[n−1]), T = 1/fs, from y = 0 at the start (a meter switched on with the signal).
 *       L_AFmax and L_ASmax are the largest values over all samples.</li>
 *   <li>L_Cpeak = 20·lg(max |p_C| / p0) over all samples (the C-weighted peak sound level of IEC 61672-1).</li>
 *   <li>L_AF(t) sampled every 10 ms, at the end of each whole 10 ms interval (t = 10 ms, 20 ms, …); the
 *       statistics of L_AF (percentile levels) are meant for the samples at t ≥ 0.625 s (5τ_F) ({@link
 *       SoundLevels#settledLafDb()}).</li>
 * </ul>
 * Levels of a non-silent input are floored at −140 dB (a mean square below (2·10⁻¹² Pa)², the floor MoSQITo's
 * {@code amp2db} applies to third-octave levels): an F or S detector after a long stretch of digital silence, or
 * subnormal input. An input of zeros only has no level at all: every level is {@code null} with a warning.
 */
public final class SoundLevelMeter {
    public static final double REFERENCE_PRESSURE_PA = 2e-5;
    public static final double FAST_S = 0.125;
    public static final double SLOW_S = 1.0;
    /** Interval of the L_AF(t) samples. */
    public static final double LAF_INTERVAL_S = 0.01;
    /**
     * L_AF(t) samples before this time are left out of its statistics: before 5τ_F the F detector, started from
     * rest, still reads a steady sound more than 0.03 dB low (10·lg(1 − e^{−5})), and such start-up samples would
     * pull L_AF90 down.
     */
    public static final double PERCENTILE_START_S = 5 * FAST_S;
    /** Floor of the reported levels: 20·lg(2·10⁻¹² Pa / 20 µPa). */
    public static final double FLOOR_DB = -140;
    private static final double FLOOR_MEAN_SQUARE_PA2 = 2e-12 * 2e-12;

    private final int samples;
    private final int lafStride;
    private final double fastCoefficient;
    private final double slowCoefficient;
    /** A's sections; C is the output of the first two ({@link FrequencyWeighting#sos}). */
    private final double[][] sos;
    /** z0, z1 of the three sections. */
    private final double[] state = new double[6];
    /** Σ p², Σ p_A², Σ p_C² so far, in sample order (so any block split gives the same sums). */
    private double sumZ;
    private double sumA;
    private double sumC;
    private final double[] lafMeanSquares;
    private int lafCount;
    /** Samples until the next L_AF sample is taken (the end of the current 10 ms). */
    private int untilLaf;
    private double fast;
    private double slow;
    private double fastMax;
    private double slowMax;
    private double peakC;
    private double peakZ;
    private int fed;

    /**
     * @param sampleRateHz the signal's rate; 10 ms must be a whole number of samples
     * @param samples      the length of the signal that will be fed (sizes the L_AF samples; L_eq is over it)
     */
    public SoundLevelMeter(int sampleRateHz, int samples) {
        if (sampleRateHz % 100 != 0) {
            throw new IllegalArgumentException("10 ms must be a whole number of samples at " + sampleRateHz + " Hz");
        }
        this.samples = samples;
        lafStride = sampleRateHz / 100;
        fastCoefficient = -Math.expm1(-1 / (FAST_S * sampleRateHz));
        slowCoefficient = -Math.expm1(-1 / (SLOW_S * sampleRateHz));
        sos = FrequencyWeighting.A.sos(sampleRateHz);
        lafMeanSquares = new double[samples / lafStride];
        untilLaf = lafStride;
    }

    /** Feeds pressurePa[from … from+length), in pascals. */
    public void accept(double[] pressurePa, int from, int length) {
        if (length > samples - fed) {
            throw new IllegalArgumentException("more than the " + samples + " samples announced");
        }
        double[] k0 = sos[0];
        double[] k1 = sos[1];
        double[] k2 = sos[2];
        // Section coefficients and states in locals: three biquads (direct form II transposed, scipy's sosfilt step)
        // run as one pipeline per sample, C after the second section, A after the third.
        double b00 = k0[0], b01 = k0[1], b02 = k0[2], a01 = k0[4], a02 = k0[5];
        double b10 = k1[0], b11 = k1[1], b12 = k1[2], a11 = k1[4], a12 = k1[5];
        double b20 = k2[0], b21 = k2[1], b22 = k2[2], a21 = k2[4], a22 = k2[5];
        double z00 = state[0], z01 = state[1], z10 = state[2], z11 = state[3], z20 = state[4], z21 = state[5];
        double z2Sum = sumZ;
        double a2Sum = sumA;
        double c2Sum = sumC;
        double zPeak = peakZ;
        double cPeak = peakC;
        double f = fast;
        double s = slow;
        double fMax = fastMax;
        double sMax = slowMax;
        // In pieces that end where an L_AF sample is due, so the inner loop has no test but its bound.
        for (int i = from, to = from + length; i < to; ) {
            int end = Math.min(to, i + untilLaf);
            untilLaf -= end - i;
            for (; i < end; i++) {
                double p = pressurePa[i];
                double y0 = b00 * p + z00;
                z00 = (b01 * p - a01 * y0) + z01;
                z01 = b02 * p - a02 * y0;
                double c = b10 * y0 + z10;
                z10 = (b11 * y0 - a11 * c) + z11;
                z11 = b12 * y0 - a12 * c;
                double a = b20 * c + z20;
                z20 = (b21 * c - a21 * a) + z21;
                z21 = b22 * c - a22 * a;
                z2Sum += p * p;
                zPeak = Math.max(zPeak, Math.abs(p));
                cPeak = Math.max(cPeak, Math.abs(c));
                c2Sum += c * c;
                double a2 = a * a;
                a2Sum += a2;
                f += fastCoefficient * (a2 - f);
                s += slowCoefficient * (a2 - s);
                fMax = Math.max(fMax, f);
                sMax = Math.max(sMax, s);
            }
            if (untilLaf == 0) {
                lafMeanSquares[lafCount++] = f;
                untilLaf = lafStride;
            }
        }
        state[0] = z00;
        state[1] = z01;
        state[2] = z10;
        state[3] = z11;
        state[4] = z20;
        state[5] = z21;
        sumZ = z2Sum;
        sumA = a2Sum;
        sumC = c2Sum;
        peakZ = zPeak;
        peakC = cPeak;
        fast = f;
        slow = s;
        fastMax = fMax;
        slowMax = sMax;
        fed += length;
    }

    /** The levels of the signal fed. */
    public SoundLevels finish() {
        if (fed != samples) {
            throw new IllegalStateException(fed + " of " + samples + " samples fed");
        }
        List<String> warnings = new ArrayList<>();
        if (peakZ == 0) {
            warnings.add("levels: the input is digital silence (all samples 0): its sound levels are −∞ dB, reported"
                    + " as null");
            return new SoundLevels(null, null, null, null, null, null, null, 0, LAF_INTERVAL_S, warnings);
        }
        double[] lafDb = new double[lafCount];
        for (int k = 0; k < lafCount; k++) {
            lafDb[k] = levelDb(lafMeanSquares[k]);
        }
        // Sample k is at t = (k + 1)·10 ms: the first at t ≥ 0.625 s is k = 62 (t = 0.63 s).
        int firstSettled = (int) Math.ceil(PERCENTILE_START_S / LAF_INTERVAL_S - 1e-9) - 1;
        return new SoundLevels(levelDb(sumZ / samples), levelDb(sumA / samples),
                levelDb(sumC / samples), levelDb(fastMax), levelDb(slowMax), levelDb(peakC * peakC), lafDb,
                Math.min(firstSettled, lafDb.length), LAF_INTERVAL_S, warnings);
    }

    /** 10·lg(meanSquare / p0²) dB, floored at {@link #FLOOR_DB}. */
    static double levelDb(double meanSquarePa2) {
        return 10 * Math.log10(Math.max(meanSquarePa2, FLOOR_MEAN_SQUARE_PA2) / (REFERENCE_PRESSURE_PA * REFERENCE_PRESSURE_PA));
    }
}
