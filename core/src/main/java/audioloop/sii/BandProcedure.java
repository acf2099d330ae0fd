package audioloop.sii;

/**
 * The constants of two SII band procedures of ANSI S3.5-1997, as MoSQITo 1.2.1 transcribes them
 * ({@code _band_procedure_data.py}, {@code _speech_data.py}): band centre and edge frequencies, band importance
 * I_i, the reference internal noise spectrum X′_i, and the standard speech spectrum levels E′_i for the four vocal
 * efforts (all in dB re 20 µPa).
 */
enum BandProcedure {
    /** Critical-band procedure (ANSI S3.5-1997 §3.4 and Table 1; speech spectra of Table 3), 21 bands. */
    CRITICAL(
            new double[] {150, 250, 350, 450, 570, 700, 840, 1000, 1170, 1370, 1600, 1850, 2150, 2500, 2900, 3400,
                4000, 4800, 5800, 7000, 8500},
            new double[] {100, 200, 300, 400, 510, 630, 770, 920, 1080, 1270, 1480, 1720, 2000, 2320, 2700, 3150,
                3700, 4400, 5300, 6400, 7700},
            new double[] {200, 300, 400, 510, 630, 770, 920, 1080, 1270, 1480, 1720, 2000, 2320, 2700, 3150, 3700,
                4400, 5300, 6400, 7700, 9500},
            new double[] {0.0103, 0.0261, 0.0419, 0.0577, 0.0577, 0.0577, 0.0577, 0.0577, 0.0577, 0.0577, 0.0577,
                0.0577, 0.0577, 0.0577, 0.0577, 0.0577, 0.0577, 0.0460, 0.0343, 0.0226, 0.0110},
            new double[] {1.50, -3.90, -7.20, -8.90, -10.30, -11.40, -12.00, -12.50, -13.20, -14.00, -15.40, -16.90,
                -18.80, -21.20, -23.20, -24.90, -25.90, -24.20, -19.00, -11.70, -6.00},
            new double[][] {
                {31.44, 34.75, 34.14, 34.58, 33.17, 30.64, 27.59, 25.01, 23.52, 22.28, 20.15, 18.29, 16.37, 13.80,
                    12.21, 11.09, 9.33, 5.84, 3.47, 1.78, -0.14},
                {34.06, 38.98, 38.62, 39.84, 39.44, 37.99, 35.85, 33.86, 32.56, 30.91, 28.58, 26.37, 24.34, 22.35,
                    21.04, 19.56, 16.78, 12.14, 9.04, 6.36, 3.44},
                {34.21, 41.55, 43.68, 44.08, 45.34, 45.22, 43.60, 42.16, 41.07, 39.68, 37.70, 35.62, 33.17, 30.98,
                    29.01, 27.71, 25.41, 19.20, 15.37, 12.61, 9.62},
                {28.69, 42.50, 47.14, 48.46, 50.17, 51.68, 51.43, 51.31, 49.40, 49.03, 47.65, 45.47, 43.13, 40.80,
                    39.15, 37.30, 34.41, 29.01, 25.17, 22.08, 18.76}}),
    /** Octave-band procedure (ANSI S3.5-1997 octave-band table), 6 bands; used for the Annex example. */
    OCTAVE(
            new double[] {250, 500, 1000, 2000, 4000, 8000},
            new double[] {177, 355, 710, 1420, 2840, 5680},
            new double[] {355, 710, 1420, 2840, 5680, 11360},
            new double[] {0.0617, 0.1671, 0.2373, 0.2648, 0.2142, 0.0549},
            new double[] {-3.90, -9.70, -12.50, -17.70, -25.90, -7.10},
            new double[][] {
                {34.75, 34.27, 25.01, 17.32, 9.33, 1.13},
                {38.98, 40.15, 33.86, 25.32, 16.78, 5.07},
                {41.55, 44.85, 42.16, 34.39, 25.41, 11.39},
                {42.50, 49.24, 51.31, 44.32, 34.41, 20.72}});

    final double[] centreHz;
    final double[] lowerHz;
    final double[] upperHz;
    final double[] importance;
    final double[] internalNoiseDb;
    /** Standard speech spectrum level per {@link SpeechLevel} ordinal. */
    private final double[][] speechDb;

    BandProcedure(double[] centreHz, double[] lowerHz, double[] upperHz, double[] importance, double[] internalNoiseDb,
                  double[][] speechDb) {
        this.centreHz = centreHz;
        this.lowerHz = lowerHz;
        this.upperHz = upperHz;
        this.importance = importance;
        this.internalNoiseDb = internalNoiseDb;
        this.speechDb = speechDb;
    }

    int bands() {
        return centreHz.length;
    }

    /** The standard speech spectrum level of a vocal effort (a copy). */
    double[] speechDb(SpeechLevel level) {
        return speechDb[level.ordinal()].clone();
    }
}
