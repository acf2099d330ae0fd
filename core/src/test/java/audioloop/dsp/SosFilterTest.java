package audioloop.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SosFilterTest {
    private static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** scipy's _sosfilt written out plainly: per sample, each section in turn, state in arrays. */
    private static double[] plainSosfilt(double[][] sos, double[] x) {
        double[][] z = new double[sos.length][2];
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double cur = x[n];
            for (int s = 0; s < sos.length; s++) {
                double next = sos[s][0] * cur + z[s][0];
                z[s][0] = sos[s][1] * cur - sos[s][4] * next + z[s][1];
                z[s][1] = sos[s][2] * cur - sos[s][5] * next;
                cur = next;
            }
            y[n] = cur;
        }
        return y;
    }

    private static double[] reversed(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }

    @Test
    void bankIsBitIdenticalToThePlainRecursionWhateverItRunsAlongside() {
        double[] x = noise(5000, 1);
        double[][] three = IirDesign.butterBandpass(3, 0.01, 0.02);
        double[][] four = IirDesign.cheby1Lowpass(8, 0.05, 0.1);
        double[][] six = IirDesign.butterBandpass(6, 0.2, 0.3);
        double[][] one = IirDesign.butterBandpass(1, 0.4, 0.5);
        double[][][] cascades = {three, four, six, one, three};
        double[][] out = new double[cascades.length][x.length];
        double[][] in = {x, x, x, x, x};
        new SosBank(cascades).filter(in, 0, out, 0, 1, x.length);
        for (int c = 0; c < cascades.length; c++) {
            double[] expected = plainSosfilt(cascades[c], x);
            assertArrayEquals(expected, out[c], "cascade " + c);
            assertArrayEquals(expected, ScipyFiltering.sosfilt(cascades[c], x), "alone, cascade " + c);
        }
    }

    @Test
    void stateCarriesOverAndBackwardStepsFilterTheReversedSignal() {
        double[] x = noise(3001, 2);
        double[][] sos = IirDesign.cheby1Lowpass(8, 0.05, 0.2);
        double[] whole = ScipyFiltering.sosfilt(sos, x);
        SosBank bank = new SosBank(sos);
        double[] pieces = new double[x.length];
        bank.filter(new double[][] {x}, 0, new double[][] {pieces}, 0, 1, 1000);
        bank.filter(new double[][] {x}, 1000, new double[][] {pieces}, 1000, 1, x.length - 1000);
        assertArrayEquals(whole, pieces);

        // pieces of 1 … 7 samples: shorter and longer than the kernel's pipeline, for 3, 4 and 6 sections
        double[][][] cascades = {IirDesign.butterBandpass(3, 0.1, 0.2), sos, IirDesign.butterBandpass(6, 0.1, 0.2)};
        SosBank small = new SosBank(cascades);
        double[][] out = new double[3][x.length];
        Random lengths = new Random(3);
        for (int start = 0; start < x.length; ) {
            int length = Math.min(1 + lengths.nextInt(7), x.length - start);
            small.filter(new double[][] {x, x, x}, start, out, start, 1, length);
            start += length;
        }
        for (int c = 0; c < cascades.length; c++) {
            assertArrayEquals(plainSosfilt(cascades[c], x), out[c], "cascade " + c);
        }

        double[] inPlace = x.clone();
        new SosBank(sos).filter(new double[][] {inPlace}, x.length - 1, new double[][] {inPlace}, x.length - 1, -1, x.length);
        assertArrayEquals(reversed(ScipyFiltering.sosfilt(sos, reversed(x))), inPlace);
    }

    @Test
    void ziStartsAStepResponseInSteadyState() {
        double[][] sos = IirDesign.cheby1Lowpass(8, 0.05, 0.25);
        double level = 3.5;
        SosBank bank = new SosBank(sos);
        bank.setState(0, SosFilter.sosfiltZi(sos), level);
        double[] step = new double[200];
        java.util.Arrays.fill(step, level);
        double[] y = new double[step.length];
        bank.filter(new double[][] {step}, 0, new double[][] {y}, 0, 1, step.length);
        double dcGain = Math.pow(10, IirDesignTest.gainDb(sos, 0.0) / 20);
        for (double v : y) {
            assertEquals(level * dcGain, v, 1e-12);
        }
    }

    @Test
    void sosfiltfiltHasZeroPhaseAndSquaredGain() {
        double[][] sos = IirDesign.butterBandpass(3, 0.1, 0.2);
        double w = 0.13;
        double[] x = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(Math.PI * w * i + 0.4);
        }
        double[] y = ScipyFiltering.sosfiltfilt(sos, x);
        double gain = Math.pow(10, 2 * IirDesignTest.gainDb(sos, w) / 20);
        for (int i = 1000; i < 3000; i++) {
            assertEquals(gain * x[i], y[i], 1e-9, "sample " + i);
        }
    }

    @Test
    void decimateKeepsLowFrequenciesAndStartsAtSampleZero() {
        int q = 7;
        double w = 0.02; // far inside the pass band 0 … 0.8/q
        double[] x = new double[7001];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(Math.PI * w * i);
        }
        double[] y = ScipyFiltering.decimate(x, q);
        assertEquals(1001, y.length);
        double gain = Math.pow(10, 2 * IirDesignTest.gainDb(SosFilter.antiAliasing(q), w) / 20);
        for (int k = 100; k < 900; k++) {
            assertEquals(gain * x[k * q], y[k], 1e-9, "output " + k);
        }
        double[][] both = ScipyFiltering.decimateEach(x, q, 3);
        assertArrayEquals(y, both[0]);
        assertArrayEquals(ScipyFiltering.decimate(x, 3), both[1]);
    }

    @Test
    void padLengthAndOddExtensionFollowScipy() {
        assertEquals(27, SosFilter.defaultPadLength(SosFilter.antiAliasing(10)));
        // a first-order section (b2 = a2 = 0) counts one tap less
        assertEquals(6, SosFilter.defaultPadLength(new double[][] {{1, 0.5, 0, 1, -0.5, 0}}));
        double[] ext = new double[9];
        SosFilter.oddExtension(new double[] {1, 2, 4, 7, 11}, 2, ext);
        assertArrayEquals(new double[] {-2, 0, 1, 2, 4, 7, 11, 15, 18}, ext);
        assertThrows(IllegalArgumentException.class, () -> ScipyFiltering.decimate(new double[27], 2));
        assertEquals(14, ScipyFiltering.decimate(new double[28], 2).length);
    }
}
