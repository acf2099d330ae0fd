package audioloop.dsp;

import java.util.Arrays;

/**
 * The whole-signal scipy 1.17.1 filters the block-fed code is checked against: {@code sosfilt}, {@code sosfiltfilt}
 * (odd padding, default padlen) and {@code decimate} with its IIR zero-phase default, bit-identical to scipy's for
 * the same SOS coefficients ({@link SosFilterTest} holds scipy's own outputs). Built from {@link SosBank} and
 * {@link SosFilter}'s pieces; the application itself only runs {@link ZeroPhaseDecimator}.
 */
final class ScipyFiltering {
    private ScipyFiltering() {
    }

    /** {@code sosfilt(sos, x)}: the cascade run over x from zero state. */
    static double[] sosfilt(double[][] sos, double[] x) {
        double[] y = new double[x.length];
        new SosBank(sos).filter(new double[][] {x}, 0, new double[][] {y}, 0, 1, x.length);
        return y;
    }

    /** {@code sosfiltfilt(sos, x)} with padtype 'odd' and the default padlen. */
    static double[] sosfiltfilt(double[][] sos, double[] x) {
        int edge = SosFilter.defaultPadLength(sos);
        double[] padded = forwardBackward(new double[][][] {sos}, x, edge)[0];
        return Arrays.copyOfRange(padded, edge, edge + x.length);
    }

    /** {@code decimate(x, q)}: IIR zero-phase anti-aliasing (Chebyshev I, order 8), then every q-th sample from 0. */
    static double[] decimate(double[] x, int q) {
        return decimateEach(x, q)[0];
    }

    /**
     * {@code decimate(x, q)} for several factors at once: one pass over the signal runs all anti-aliasing
     * filters side by side (faster than one call per factor, identical results).
     */
    static double[][] decimateEach(double[] x, int... factors) {
        double[][][] filters = new double[factors.length][][];
        for (int c = 0; c < factors.length; c++) {
            if (factors[c] < 2) {
                throw new IllegalArgumentException("decimation factor must be at least 2, got " + factors[c]);
            }
            filters[c] = SosFilter.antiAliasing(factors[c]);
        }
        int edge = SosFilter.defaultPadLength(filters[0]);
        for (double[][] sos : filters) {
            if (SosFilter.defaultPadLength(sos) != edge) {
                throw new IllegalStateException("anti-aliasing filters differ in padlen");
            }
        }
        double[][] padded = forwardBackward(filters, x, edge);
        double[][] out = new double[factors.length][];
        for (int c = 0; c < factors.length; c++) {
            int q = factors[c];
            double[] y = new double[(x.length + q - 1) / q];
            for (int k = 0; k < y.length; k++) {
                y[k] = padded[c][edge + k * q];
            }
            out[c] = y;
        }
        return out;
    }

    /**
     * sosfiltfilt's core for several cascades on the same input: per cascade, x with an odd extension of
     * {@code edge} samples at both ends, filtered forward from zi·ext[0], then backward from zi·y[last],
     * in place. The zero-phase output of cascade c is {@code result[c][edge … edge + x.length)}.
     */
    private static double[][] forwardBackward(double[][][] filters, double[] x, int edge) {
        int n = x.length;
        if (n <= edge) {
            throw new IllegalArgumentException("the signal must be longer than padlen = " + edge + " samples, got " + n);
        }
        int cascades = filters.length;
        double[][] work = new double[cascades][];
        double[][][] zi = new double[cascades][][];
        SosBank bank = new SosBank(filters);
        for (int c = 0; c < cascades; c++) {
            work[c] = new double[n + 2 * edge];
            SosFilter.oddExtension(x, edge, work[c]);
            zi[c] = SosFilter.sosfiltZi(filters[c]);
            bank.setState(c, zi[c], work[c][0]);
        }
        int last = n + 2 * edge - 1;
        bank.filter(work, 0, work, 0, 1, last + 1);
        for (int c = 0; c < cascades; c++) {
            bank.setState(c, zi[c], work[c][last]);
        }
        bank.filter(work, last, work, last, -1, last + 1);
        return work;
    }
}
