package audioloop.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * scipy 1.17.1 {@code zpk2sos(z, p, k)} for digital filters with the default {@code pairing='nearest'}
 * ({@code _filter_design.py}): the pole closest to the unit circle is paired with its nearest zero and goes
 * into the last section, then the next, and so on; the gain goes into the first section's numerator.
 * Section order and pairing decide the rounding of every filtered sample, so they are reproduced exactly,
 * including numpy's tie-breaking (first index wins).
 *
 * <p>Only real zeros are supported: Butterworth and Chebyshev-I designs have none in the analog prototype,
 * and the band transforms and the bilinear map put all of theirs at z = +1 and z = −1.
 */
final class SectionPairing {
    /** _cplxreal's tolerance, 100·eps of float64: what counts as real, and as a conjugate pair. */
    private static final double TOLERANCE = 100 * Math.ulp(1.0);

    private SectionPairing() {
    }

    static double[][] zpk2sos(IirDesign.Zpk zpk) {
        List<Complex> zeroRoots = new ArrayList<>(List.of(zpk.zeros()));
        List<Complex> poleRoots = new ArrayList<>(List.of(zpk.poles()));
        // Same number of poles and zeros (extra ones at the origin), and an even count.
        while (poleRoots.size() < zeroRoots.size()) {
            poleRoots.add(Complex.real(0.0));
        }
        while (zeroRoots.size() < poleRoots.size()) {
            zeroRoots.add(Complex.real(0.0));
        }
        if (poleRoots.size() % 2 == 1) {
            poleRoots.add(Complex.real(0.0));
            zeroRoots.add(Complex.real(0.0));
        }
        int sections = poleRoots.size() / 2;
        List<Complex> zeros = complexThenReal(zeroRoots);
        for (Complex z : zeros) {
            if (!z.isReal()) {
                throw new IllegalArgumentException("complex zeros are not supported: " + z);
            }
        }
        List<Complex> poles = complexThenReal(poleRoots);

        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            Complex p1 = poles.remove(worst(poles, false));
            if (p1.isReal() && worst(poles, true) < 0) {
                // Special case (1): the last real pole; a first-order section padded with a pole and zero at 0.
                Complex z1 = zeros.remove(nearestReal(zeros, p1));
                sos[si] = section(z1, Complex.real(0.0), p1, Complex.real(0.0));
            } else {
                Complex p2 = p1.isReal() ? poles.remove(worst(poles, true)) : p1.conj();
                Complex z1 = zeros.remove(nearestReal(zeros, p1));
                Complex z2 = zeros.remove(nearestReal(zeros, p1));
                sos[si] = section(z1, z2, p1, p2);
            }
        }
        for (int j = 0; j < 3; j++) {
            sos[0][j] *= zpk.gain();
        }
        return sos;
    }

    /**
     * _cplxreal followed by concatenation: one entry per conjugate pair (positive imaginary part, the pair's
     * average), sorted by real part then |imaginary part|, followed by the real roots sorted by value.
     */
    static List<Complex> complexThenReal(List<Complex> roots) {
        List<Complex> sorted = new ArrayList<>(roots);
        sorted.sort(Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<Complex> real = new ArrayList<>();
        List<Complex> upper = new ArrayList<>();
        List<Complex> lower = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im()) <= TOLERANCE * c.abs()) {
                real.add(Complex.real(c.re()));
            } else if (c.im() > 0) {
                upper.add(c);
            } else {
                lower.add(c);
            }
        }
        if (upper.size() != lower.size()) {
            throw new IllegalArgumentException("complex root without a conjugate");
        }
        // Runs whose real parts agree within the tolerance are ordered by |imaginary part| alone.
        int start = 0;
        while (start < upper.size()) {
            int stop = start + 1;
            while (stop < upper.size()
                    && upper.get(stop).re() - upper.get(stop - 1).re() <= TOLERANCE * upper.get(stop - 1).abs()) {
                stop++;
            }
            Comparator<Complex> byImag = Comparator.comparingDouble(c -> Math.abs(c.im()));
            upper.subList(start, stop).sort(byImag);
            lower.subList(start, stop).sort(byImag);
            start = stop;
        }
        List<Complex> out = new ArrayList<>();
        Complex two = Complex.real(2);
        for (int i = 0; i < upper.size(); i++) {
            Complex zp = upper.get(i);
            Complex zn = lower.get(i);
            if (zp.minus(zn.conj()).abs() > TOLERANCE * zn.abs()) {
                throw new IllegalArgumentException("complex root without a conjugate: " + zp);
            }
            out.add(zp.plus(zn.conj()).dividedBy(two));
        }
        out.addAll(real);
        return out;
    }

    /** Index of the root closest to the unit circle (first on ties), only among real roots if asked; −1 if none. */
    private static int worst(List<Complex> roots, boolean realOnly) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < roots.size(); i++) {
            Complex r = roots.get(i);
            if (realOnly && !r.isReal()) {
                continue;
            }
            double distance = Math.abs(1 - r.abs());
            if (distance < bestDistance || best < 0) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** _nearest_real_complex_idx(zeros, pole, 'real'): the closest real zero, first on ties. */
    private static int nearestReal(List<Complex> zeros, Complex pole) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < zeros.size(); i++) {
            double distance = zeros.get(i).minus(pole).abs();
            if (distance < bestDistance || best < 0) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** _single_zpksos: numerator poly(z1, z2), denominator poly(p1, p2), each [1, −(r1 + r2), r1·r2]. */
    private static double[] section(Complex z1, Complex z2, Complex p1, Complex p2) {
        return new double[] {1.0, -z2.re() + -z1.re(), z1.re() * z2.re(),
                1.0, denominatorLinear(p1, p2), p1.negate().times(p2.negate()).re()};
    }

    /** −p2 + (−p1): np.convolve's sum for the z⁻¹ coefficient, real part (the imaginary parts cancel). */
    private static double denominatorLinear(Complex p1, Complex p2) {
        return -p2.re() + -p1.re();
    }
}
