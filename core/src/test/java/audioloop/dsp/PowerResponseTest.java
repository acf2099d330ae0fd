package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The closed-form power responses against the designed sections evaluated on the unit circle. */
class PowerResponseTest {
    /** |H(e^{iθ})|² of a cascade of sections {b0, b1, b2, 1, a1, a2}, in complex arithmetic. */
    private static double sectionsPower(double[][] sos, double theta) {
        double power = 1;
        for (double[] s : sos) {
            double c1 = Math.cos(theta);
            double s1 = Math.sin(theta);
            double c2 = Math.cos(2 * theta);
            double s2 = Math.sin(2 * theta);
            double bRe = s[0] + s[1] * c1 + s[2] * c2;
            double bIm = -(s[1] * s1 + s[2] * s2);
            double aRe = s[3] + s[4] * c1 + s[5] * c2;
            double aIm = -(s[4] * s1 + s[5] * s2);
            power *= (bRe * bRe + bIm * bIm) / (aRe * aRe + aIm * aIm);
        }
        return power;
    }

    @Test
    void butterworthBandPassMatchesItsSections() {
        // the 1 kHz and 25 Hz (at 4.8 kHz) third-octave designs: edges fc/α, fc·α over the Nyquist frequency
        double alpha = 1.116_657;
        for (double[] band : new double[][] {{1000, 24_000}, {25.12, 2400}, {19_953, 24_000}}) {
            double low = band[0] / alpha / band[1];
            double high = band[0] * alpha / band[1];
            double[][] sos = IirDesign.butterBandpass(3, low, high);
            PowerResponse response = PowerResponse.butterBandpass(3, low, high);
            double fc = Math.PI * band[0] / band[1];
            assertEquals(1.0, response.at(Math.tan(fc / 2)), 1e-3);
            for (double ratio : new double[] {0.5, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 2.0}) {
                double theta = Math.min(fc * ratio, Math.PI * 0.999);
                double expected = sectionsPower(sos, theta);
                double actual = response.at(Math.tan(theta / 2));
                assertEquals(expected, actual, 1e-9 * expected, band[0] + " Hz band at " + ratio + "·fc");
            }
            double[] edges = ((PowerResponse.ButterworthBandpass) response).tWhere(1e-6);
            assertEquals(1e-6, response.at(edges[0]), 1e-12);
            assertEquals(1e-6, response.at(edges[1]), 1e-12);
        }
    }

    @Test
    void chebyshevLowPassMatchesItsSections() {
        for (int q : new int[] {2, 3, 7, 10}) {
            double[][] sos = SosFilter.antiAliasing(q);
            PowerResponse response = PowerResponse.cheby1Lowpass(8, 0.05, 0.8 / q);
            for (double f = 0; f < 0.99; f += 0.013) {
                double theta = Math.PI * f;
                double expected = sectionsPower(sos, theta);
                double actual = response.at(Math.tan(theta / 2));
                assertTrue(Math.abs(actual - expected) <= 1e-9 * expected + 1e-15,
                        "q = " + q + " at " + f + ": " + actual + " vs " + expected);
            }
        }
    }
}
