package audioloop.hearingmodel;

/**
 * The 53 half-overlapping critical bands of the Sottek Hearing Model (ECMA-418-2:2025, 3rd edition, Section 5.1.4.1):
 * band rate z = 0.5, 1.0 … 26.5 Bark_HMS, centre frequency F(z) = (Δf₀/c)·sinh(c·z) (Equation 9) and bandwidth
 * Δf(z) = √(Δf₀² + (c·F(z))²) (Equation 10), with Δf₀ = 81.9289 Hz and c = 0.1618.
 */
public final class CriticalBands {
    /** Sample rate the model is defined at (Section 5.1.1). */
    public static final double SAMPLE_RATE_HZ = 48_000.0;
    public static final int COUNT = 53;
    /** Band spacing Δz on the critical band rate scale (Bark_HMS). */
    public static final double BAND_STEP_BARK = 0.5;
    private static final double DELTA_F0_HZ = 81.9289;
    private static final double C = 0.1618;

    private static final double[] CENTRE_HZ = new double[COUNT];
    private static final double[] BANDWIDTH_HZ = new double[COUNT];

    static {
        for (int band = 0; band < COUNT; band++) {
            double z = 0.5 + band * BAND_STEP_BARK;
            CENTRE_HZ[band] = (DELTA_F0_HZ / C) * Math.sinh(C * z);
            BANDWIDTH_HZ[band] = Math.sqrt(DELTA_F0_HZ * DELTA_F0_HZ + (C * CENTRE_HZ[band]) * (C * CENTRE_HZ[band]));
        }
    }

    private CriticalBands() {
    }

    /** F(z) of band index 0 … 52 (z = 0.5 + 0.5·band), Hz. */
    public static double centreHz(int band) {
        return CENTRE_HZ[band];
    }

    /** Δf(z) of band index 0 … 52, Hz. */
    public static double bandwidthHz(int band) {
        return BANDWIDTH_HZ[band];
    }

    /** All 53 centre frequencies, a fresh copy. */
    public static double[] centresHz() {
        return CENTRE_HZ.clone();
    }
}
