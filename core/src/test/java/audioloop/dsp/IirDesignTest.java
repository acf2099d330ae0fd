package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IirDesignTest {
    /** ANSI S1.11 order-3 edge ratio for third octaves, as MoSQITo computes it for the 1 kHz band. */
    private static final double ALPHA = 1.1166569068918488;

    /**
     * Coefficients printed by scipy 1.17.1 on this project's reference machine:
     * {@code butter(3, (1000/24000/α, 1000/24000·α), 'bandpass', output='sos')}, the 1 kHz band at 48 kHz.
     */
    private static final double[][] SCIPY_BAND_1KHZ = {
        {2.945568385160561e-06, 5.891136770321122e-06, 2.945568385160561e-06, 1.0, -1.9545982234926798, 0.9714655620260414},
        {1.0, 0.0, -1.0, 1.0, -1.9637265793744665, 0.9842795676615174},
        {1.0, -2.0, 1.0, 1.0, -1.9729472504506618, 0.9869873205545299},
    };

    /** scipy 1.17.1: the 25.1 Hz band after decimation by 10 (fs = 4800 Hz), α as MoSQITo computes it there. */
    private static final double[][] SCIPY_BAND_25HZ_Q10 = {
        {4.769770615497433e-08, 9.539541230994867e-08, 4.769770615497433e-08, 1.0, -1.9916784246246344, 0.992755544594883},
        {1.0, 0.0, -1.0, 1.0, -1.9947190811564306, 0.996025653948385},
        {1.0, -2.0, 1.0, 1.0, -1.9958257593206743, 0.9967169380174834},
    };

    /** scipy 1.17.1: {@code cheby1(8, 0.05, 0.8/10, output='sos')}, decimate's filter for q = 10. */
    private static final double[][] SCIPY_CHEBY1_Q10 = {
        {3.5863243209995223e-09, 7.172648641999045e-09, 3.5863243209995223e-09, 1.0, -1.8204968644767618, 0.8308597403796137},
        {1.0, 2.0, 1.0, 1.0, -1.8289505620176847, 0.8553173710387741},
        {1.0, 2.0, 1.0, 1.0, -1.8517334482627625, 0.9015161055713813},
        {1.0, 2.0, 1.0, 1.0, -1.8965395961864169, 0.9644245584642932},
    };

    @Test
    void butterworthBandPassMatchesScipy() {
        assertSosEquals(SCIPY_BAND_1KHZ, IirDesign.butterBandpass(3, 1000.0 / 24000 / ALPHA, 1000.0 / 24000 * ALPHA));
        double fc = 25.118864315095777;
        double alpha = 1.116656906891849;
        double halfFs = 4800.0 / 2;
        assertSosEquals(SCIPY_BAND_25HZ_Q10, IirDesign.butterBandpass(3, fc / halfFs / alpha, fc / halfFs * alpha));
    }

    @Test
    void chebyshevLowPassMatchesScipy() {
        assertSosEquals(SCIPY_CHEBY1_Q10, IirDesign.cheby1Lowpass(8, 0.05, 0.8 / 10));
    }

    @Test
    void butterworthBandPassIsFlatAtCentreAndThreeDbDownAtItsEdges() {
        double low = 0.1;
        double high = 0.2;
        double[][] sos = IirDesign.butterBandpass(3, low, high);
        // digital centre: the geometric mean of the pre-warped edges, mapped back
        double centre = 2 / Math.PI * Math.atan(Math.sqrt(Math.tan(Math.PI * low / 2) * Math.tan(Math.PI * high / 2)));
        assertEquals(0.0, gainDb(sos, centre), 1e-9);
        assertEquals(-10 * Math.log10(2), gainDb(sos, low), 1e-9);
        assertEquals(-10 * Math.log10(2), gainDb(sos, high), 1e-9);
        // sixth order: 36 dB per octave far from the band
        assertTrue(gainDb(sos, 0.01) < -55);
    }

    @Test
    void chebyshevRippleStaysWithinItsBound() {
        double ripple = 0.05;
        double[][] sos = IirDesign.cheby1Lowpass(8, ripple, 0.3);
        double min = 0;
        double max = -1;
        for (int i = 0; i <= 3000; i++) {
            double g = gainDb(sos, 0.3 * i / 3000);
            min = Math.min(min, g);
            max = Math.max(max, g);
        }
        assertEquals(0.0, max, 1e-5, "ripple peaks touch 0 dB (sampled on a grid)");
        assertEquals(-ripple, min, 1e-9);
        assertEquals(-ripple, gainDb(sos, 0.0), 1e-12, "even order: DC sits at the bottom of the ripple");
        assertEquals(-ripple, gainDb(sos, 0.3), 1e-9, "the ripple band ends at the cutoff");
        assertTrue(gainDb(sos, 0.5) < -40);
    }

    @Test
    void asinhInvertsSinh() {
        for (double x : new double[] {-30, -2.5, -1, -1e-3, 0, 1e-9, 0.5, 2, 9.29, 1e10}) {
            double a = IirDesign.asinh(x);
            // an error of 2 ulps in a moves sinh(a) by cosh(a)·2·ulp(a)
            assertEquals(x, Math.sinh(a), 4 * Math.ulp(x) + Math.cosh(a) * 2 * Math.ulp(a), "x = " + x);
        }
    }

    @Test
    void rejectsImpossibleSpecifications() {
        assertThrows(IllegalArgumentException.class, () -> IirDesign.butterBandpass(3, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> IirDesign.butterBandpass(3, 0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> IirDesign.butterBandpass(0, 0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> IirDesign.cheby1Lowpass(8, 0.05, 1.5));
        assertThrows(IllegalArgumentException.class, () -> IirDesign.cheby1Lowpass(8, 0, 0.5));
    }

    /** |H(e^{iπw})| in dB, w normalised to Nyquist. */
    static double gainDb(double[][] sos, double w) {
        double omega = Math.PI * w;
        double gain = 1;
        for (double[] s : sos) {
            gain *= magnitude(s[0], s[1], s[2], omega) / magnitude(s[3], s[4], s[5], omega);
        }
        return 20 * Math.log10(gain);
    }

    private static double magnitude(double c0, double c1, double c2, double omega) {
        double re = c0 + c1 * Math.cos(omega) + c2 * Math.cos(2 * omega);
        double im = -c1 * Math.sin(omega) - c2 * Math.sin(2 * omega);
        return Math.hypot(re, im);
    }

    /** Equal to a few ulps of each row's largest coefficient: Java's and numpy's tan/sinh may differ in the last bit. */
    private static void assertSosEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, "sections");
        for (int s = 0; s < expected.length; s++) {
            for (int half = 0; half < 2; half++) {
                double scale = 0;
                for (int j = 0; j < 3; j++) {
                    scale = Math.max(scale, Math.abs(expected[s][3 * half + j]));
                }
                for (int j = 0; j < 3; j++) {
                    int col = 3 * half + j;
                    assertEquals(expected[s][col], actual[s][col], 4e-16 * scale, "section " + s + ", column " + col);
                }
            }
        }
    }
}
