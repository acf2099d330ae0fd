package audioloop.loudness;

/**
 * ISO 532-1:2017 Annex A.2 third-octave filter bank of the time-varying method at 48 kHz, with the squaring,
 * smoothing and 2 kHz level decimation of clause 6.3 (MoSQITo 1.2.1 {@code _third_octave_levels},
 * {@code _square_and_smooth}; notes/mosqito.md §2 steps 1–3). Streams: the filter states persist between calls,
 * so a signal can be fed chunk by chunk.
 *
 * <p>Why the loops look as they do: per sample, the bands' recurrences are independent, so the stages run as
 * loops over the bands, with every quantity a row of one array indexed by band. Loops that small and that simple
 * are what C2's superword pass turns into SIMD code (4 or 8 bands per instruction); one loop doing all stages is
 * too large for it to unroll and stays scalar. Two loops (sections 1–2; section 3 and the smoothing, with the
 * second section's output handed over in a row) are the split that is fast under both JITs the launcher uses.
 * The bands form {@link #GROUPS} independent groups of 14, each padded to 16 lanes (whole vectors), so that two
 * threads share the bank: with one group the interpreted start of a short file ran on one core, and a 1 s file
 * took 1.06–1.19 s end to end instead of 0.78–0.85 s. Measured on 60 s of noise at 48 kHz, one thread,
 * C2 / C1-only, CPU time for all bands: the previous layout (four groups of 7 bands, one loop each) 323 / 484 ms;
 * one group of 28 in one loop per stage 148 / 630 ms (prototype), in the two loops 167 / 489 ms; two groups of
 * 16 lanes in the two loops (this class) 191 / 540 ms. Vector and scalar instructions round alike (Java never
 * fuses a multiply and an add), and every band's operations are unchanged, so the levels are bit-identical to a
 * band-by-band filter.
 */
final class ThirdOctaveFilterBank {
    static final int BANDS = CoreLoudness.THIRD_OCTAVE_BANDS;
    /** Independent groups of bands: one task each. */
    static final int GROUPS = 2;
    private static final int BANDS_PER_GROUP = BANDS / GROUPS;
    /** 48 kHz samples per 2 kHz level sample. */
    static final int DECIMATION = 24;

    /**
     * ISO 532-1:2017 Table A.2 / MoSQITo 1.2.1 _third_octave_levels.py, third_octave_filter: per band, the
     * differences (a1, a2) of the three sections' denominators to the reference rows of Table A.1
     * (denominator [1, −2, 1]); the numerator differences are all 0. Section k: d1, d2 at indices 2k, 2k+1.
     */
    static final double[][] DENOMINATOR_DIFFERENCE = {
        {-6.70260e-04, 6.59453e-04, -3.75071e-04, 3.61926e-04, -3.06523e-04, 2.97634e-04},
        {-8.47258e-04, 8.30131e-04, -4.76448e-04, 4.55616e-04, -3.88773e-04, 3.74685e-04},
        {-1.07210e-03, 1.04496e-03, -6.06567e-04, 5.73553e-04, -4.94004e-04, 4.71677e-04},
        {-1.35836e-03, 1.31535e-03, -7.74327e-04, 7.22007e-04, -6.29154e-04, 5.93771e-04},
        {-1.72380e-03, 1.65564e-03, -9.91780e-04, 9.08866e-04, -8.03529e-04, 7.47455e-04},
        {-2.19188e-03, 2.08388e-03, -1.27545e-03, 1.14406e-03, -1.02976e-03, 9.40900e-04},
        {-2.79386e-03, 2.62274e-03, -1.64828e-03, 1.44006e-03, -1.32520e-03, 1.18438e-03},
        {-3.57182e-03, 3.30071e-03, -2.14252e-03, 1.81258e-03, -1.71397e-03, 1.49082e-03},
        {-4.58305e-03, 4.15355e-03, -2.80413e-03, 2.28135e-03, -2.23006e-03, 1.87646e-03},
        {-5.90655e-03, 5.22622e-03, -3.69947e-03, 2.87118e-03, -2.92205e-03, 2.36178e-03},
        {-7.65243e-03, 6.57493e-03, -4.92540e-03, 3.61318e-03, -3.86007e-03, 2.97240e-03},
        {-1.00023e-02, 8.29610e-03, -6.63788e-03, 4.55999e-03, -5.15982e-03, 3.75306e-03},
        {-1.31230e-02, 1.04220e-02, -9.02274e-03, 5.73132e-03, -6.94543e-03, 4.71734e-03},
        {-1.73693e-02, 1.30947e-02, -1.24176e-02, 7.20526e-03, -9.46002e-03, 5.93145e-03},
        {-2.31934e-02, 1.64308e-02, -1.73009e-02, 9.04761e-03, -1.30358e-02, 7.44926e-03},
        {-3.13292e-02, 2.06370e-02, -2.44342e-02, 1.13731e-02, -1.82108e-02, 9.36778e-03},
        {-4.28261e-02, 2.59325e-02, -3.49619e-02, 1.43046e-02, -2.57855e-02, 1.17912e-02},
        {-5.91733e-02, 3.25054e-02, -5.06072e-02, 1.79513e-02, -3.69401e-02, 1.48094e-02},
        {-8.26348e-02, 4.05894e-02, -7.40348e-02, 2.24476e-02, -5.34977e-02, 1.85371e-02},
        {-1.17018e-01, 5.08116e-02, -1.09516e-01, 2.81387e-02, -7.85097e-02, 2.32872e-02},
        {-1.67714e-01, 6.37872e-02, -1.63378e-01, 3.53729e-02, -1.16419e-01, 2.93723e-02},
        {-2.42528e-01, 7.98576e-02, -2.45161e-01, 4.43370e-02, -1.73972e-01, 3.70015e-02},
        {-3.53142e-01, 9.96330e-02, -3.69163e-01, 5.53535e-02, -2.61399e-01, 4.65428e-02},
        {-5.16316e-01, 1.24177e-01, -5.55473e-01, 6.89403e-02, -3.93998e-01, 5.86715e-02},
        {-7.56635e-01, 1.55023e-01, -8.34281e-01, 8.58123e-02, -5.94547e-01, 7.43960e-02},
        {-1.10165e+00, 1.91713e-01, -1.23939e+00, 1.05243e-01, -8.91666e-01, 9.40354e-02},
        {-1.58477e+00, 2.39049e-01, -1.80505e+00, 1.28794e-01, -1.32500e+00, 1.21333e-01},
        {-2.50630e+00, 1.42308e-01, -2.19464e+00, 2.76470e-01, -1.90231e+00, 1.47304e-01},
    };

    /** ISO 532-1:2017 Table A.2 / MoSQITo 1.2.1 _third_octave_levels.py, filter_gain: gain per band. */
    static final double[] GAIN = {
        4.30764e-11, 8.59340e-11, 1.71424e-10, 3.41944e-10, 6.82035e-10, 1.36026e-09, 2.71261e-09, 5.40870e-09,
        1.07826e-08, 2.14910e-08, 4.28228e-08, 8.54316e-08, 1.70009e-07, 3.38215e-07, 6.71990e-07, 1.33531e-06,
        2.65172e-06, 5.25477e-06, 1.03780e-05, 2.04870e-05, 4.05198e-05, 7.97914e-05, 1.56511e-04, 3.04954e-04,
        5.99157e-04, 1.16544e-03, 2.27488e-03, 3.91006e-03};

    /** ISO 532-1 6.3: intensity floor added before the logarithm, and the reference intensity (20 µPa)². */
    private static final double TINY_INTENSITY = 1e-12;
    private static final double REFERENCE_INTENSITY = 4e-10;

    /*
     * Per group, one coefficient and one state array, each holding a row of W lanes per quantity (lane = band −
     * group·14), rows at the constant offsets below: with one array and constant offsets the JIT checks bounds once
     * per loop, not per quantity. Lanes 14 and 15 are padding: all their coefficients are 0, so they filter the
     * signal into finite values that nothing reads.
     */
    private static final int W = 16;
    // Coefficient rows: denominators (a1, a2) of the three sections, gain, smoothing pole a and feed 1 − a.
    private static final int A11 = 0;
    private static final int A12 = W;
    private static final int A21 = 2 * W;
    private static final int A22 = 3 * W;
    private static final int A31 = 4 * W;
    private static final int A32 = 5 * W;
    private static final int BAND_GAIN = 6 * W;
    private static final int POLE = 7 * W;
    private static final int FEED = 8 * W;
    private static final int COEFFICIENT_LENGTH = 9 * W;
    /*
     * Per group, one state array: the rows below, with a cache line (8 doubles) unused at each end. Both groups'
     * tasks write their states every sample, and without the margin the two arrays, allocated side by side,
     * shared cache lines: 2 threads ran slower than 1 (JMH, 60 s: 845 ± 214 ms on 2 threads, 594 on 1).
     */
    private static final int MARGIN = 8;
    // State rows: DF-II-transposed states (two per section), the outputs of the three low-passes, and the second
    // section's output of the current sample, handed from the first loop to the second.
    private static final int Z10 = MARGIN;
    private static final int Z11 = MARGIN + W;
    private static final int Z20 = MARGIN + 2 * W;
    private static final int Z21 = MARGIN + 3 * W;
    private static final int Z30 = MARGIN + 4 * W;
    private static final int Z31 = MARGIN + 5 * W;
    private static final int SMOOTH1 = MARGIN + 6 * W;
    private static final int SMOOTH2 = MARGIN + 7 * W;
    private static final int SMOOTH3 = MARGIN + 8 * W;
    private static final int SECTION2 = MARGIN + 9 * W;
    private static final int STATE_LENGTH = MARGIN + 10 * W + MARGIN;

    private final double[][] coefficients = new double[GROUPS][COEFFICIENT_LENGTH];
    private final double[][] state = new double[GROUPS][STATE_LENGTH];

    ThirdOctaveFilterBank() {
        for (int band = 0; band < BANDS; band++) {
            double[] c = coefficients[band / BANDS_PER_GROUP];
            int lane = band % BANDS_PER_GROUP;
            // Table A.1 reference denominator [1, -2, 1] minus the Table A.2 differences.
            double[] difference = DENOMINATOR_DIFFERENCE[band];
            c[A11 + lane] = -2 - difference[0];
            c[A12 + lane] = 1 - difference[1];
            c[A21 + lane] = -2 - difference[2];
            c[A22 + lane] = 1 - difference[3];
            c[A31 + lane] = -2 - difference[4];
            c[A32 + lane] = 1 - difference[5];
            c[BAND_GAIN + lane] = GAIN[band];
            // ISO 532-1 6.3: time constant 2/(3·fc) up to 1 kHz, 2/3 ms above; exact centre fc = 1000·10^((i−16)/10).
            double centreHz = Math.pow(10, (band - 16) / 10.0) * 1000;
            double tau = centreHz <= 1000 ? 2 / (3 * centreHz) : 2 / (3 * 1000.0);
            c[POLE + lane] = Math.exp(-1 / (48000 * tau));
            c[FEED + lane] = 1 - c[POLE + lane];
        }
    }

    /**
     * Filters samples [from, to) of {@code pressurePa} (48 kHz) through the bands of one group and writes the
     * level (dB) of every sample whose index is a multiple of 24 to {@code levelsOut[band]}, starting at index 0
     * for the first such sample; {@code from} must be a multiple of 24. Raises {@code maxLevelOut[band]} to the
     * largest level written. Touches only the group's own bands, so groups may run concurrently.
     *
     * <p>Per sample and band: the three biquads in transposed direct form II, in scipy sosfilt's operation order
     * (numerators [1, 2, 1], [1, 0, −1], [1, −2, 1], Table A.1, so the products with ±1, ±2, 0 are exact and left
     * out; −(a·b) + c is written c − a·b, the same rounding); then band gain, squaring and three first-order
     * low-passes y[n] = (1 − a)·x[n] + a·y[n−1] (ISO 532-1 6.3).
     */
    void process(int group, double[] pressurePa, int from, int to, double[][] levelsOut, double[] maxLevelOut) {
        double[] c = coefficients[group];
        double[] z = state[group];
        int firstBand = group * BANDS_PER_GROUP;
        int frame = 0;
        for (int s = from; s < to; s++) {
            double x = pressurePa[s];
            for (int lane = 0; lane < W; lane++) {
                double y1 = x + z[Z10 + lane];
                z[Z10 + lane] = 2 * x - c[A11 + lane] * y1 + z[Z11 + lane];
                z[Z11 + lane] = x - c[A12 + lane] * y1;
                double y2 = y1 + z[Z20 + lane];
                z[Z20 + lane] = z[Z21 + lane] - c[A21 + lane] * y2;
                z[Z21 + lane] = -(y1 + c[A22 + lane] * y2);
                z[SECTION2 + lane] = y2;
            }
            for (int lane = 0; lane < W; lane++) {
                double y2 = z[SECTION2 + lane];
                double y3 = y2 + z[Z30 + lane];
                z[Z30 + lane] = z[Z31 + lane] - (2 * y2 + c[A31 + lane] * y3);
                z[Z31 + lane] = y2 - c[A32 + lane] * y3;
                double a = c[POLE + lane];
                double b = c[FEED + lane];
                double v = c[BAND_GAIN + lane] * y3;
                v = v * v;
                double s1 = b * v + a * z[SMOOTH1 + lane];
                double s2 = b * s1 + a * z[SMOOTH2 + lane];
                double s3 = b * s2 + a * z[SMOOTH3 + lane];
                z[SMOOTH1 + lane] = s1;
                z[SMOOTH2 + lane] = s2;
                z[SMOOTH3 + lane] = s3;
            }
            if ((s - from) % DECIMATION == 0) {
                for (int lane = 0; lane < BANDS_PER_GROUP; lane++) {
                    double level = 10 * Math.log10((z[SMOOTH3 + lane] + TINY_INTENSITY) / REFERENCE_INTENSITY);
                    levelsOut[firstBand + lane][frame] = level;
                    maxLevelOut[firstBand + lane] = Math.max(maxLevelOut[firstBand + lane], level);
                }
                frame++;
            }
        }
    }
}
