package audioloop.levels;

/**
 * Nominal mid-band frequencies of the one-third-octave bands, 10 Hz … 20 kHz (IEC 61260-1:2014;
 * the frequencies of IEC 61672-1:2013 Table 3): the labels of exact base-10 centres 1000·10^(k/10) Hz, k = −20 … 13.
 */
public final class ThirdOctaveBands {
    /** Band number k of 10 Hz, the first entry. */
    public static final int FIRST_BAND_NUMBER = -20;
    private static final double[] NOMINAL_HZ = {10, 12.5, 16, 20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250,
        315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000,
        20000};

    private ThirdOctaveBands() {
    }

    /** The nominal frequencies of band numbers {@code firstBand} … {@code lastBand} (k = 0 is 1 kHz). */
    public static double[] nominalHz(int firstBand, int lastBand) {
        double[] hz = new double[lastBand - firstBand + 1];
        System.arraycopy(NOMINAL_HZ, firstBand - FIRST_BAND_NUMBER, hz, 0, hz.length);
        return hz;
    }

    /** The exact base-10 mid-band frequency of band number k, 1000·10^(k/10) Hz (IEC 61260-1 eq. 1). */
    public static double exactHz(int band) {
        return 1000 * Math.pow(10, band / 10.0);
    }
}
