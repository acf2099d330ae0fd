package audioloop.dsp;

import java.util.Arrays;

/**
 * Digital IIR filter design as second-order sections, reproducing scipy 1.17.1
 * ({@code scipy/signal/_filter_design.py}: {@code iirfilter} → analog prototype → {@code lp2bp_zpk} /
 * {@code lp2lp_zpk} → {@code bilinear_zpk} with fs = 2 → {@code zpk2sos}). Frequencies are normalised to the
 * Nyquist frequency (1 = fs/2), as scipy's {@code Wn} without {@code fs}. Every step keeps scipy's order of
 * operations, so coefficients agree with scipy to the last bit or within a few ulps where Java's and numpy's
 * transcendental functions (tan, sinh) round differently.
 *
 * <p>SOS rows are {@code {b0, b1, b2, a0 = 1, a1, a2}}, scipy's layout.
 */
public final class IirDesign {
    /** scipy's {@code fs = 2.0} for digital designs: bilinear with 2·fs = 4 and pre-warping 4·tan(π·Wn/2). */
    private static final double BILINEAR_FS = 2.0;

    private IirDesign() {
    }

    /** Zeros, poles and gain of a transfer function (scipy's zpk). */
    record Zpk(Complex[] zeros, Complex[] poles, double gain) {
    }

    /**
     * {@code scipy.signal.butter(order, [low, high], 'bandpass', output='sos')}: a digital Butterworth
     * band-pass with 2·order poles, {@code order} sections.
     */
    public static double[][] butterBandpass(int order, double low, double high) {
        requireOrder(order);
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException("band edges must satisfy 0 < low < high < 1, got " + low + ", " + high);
        }
        double warpedLow = prewarp(low);
        double warpedHigh = prewarp(high);
        // iirfilter: bw = warped[1] − warped[0], wo = sqrt(warped[0]·warped[1])
        Zpk analog = lowpassToBandpass(butterworthPrototype(order), Math.sqrt(warpedLow * warpedHigh),
                warpedHigh - warpedLow);
        return SectionPairing.zpk2sos(bilinear(analog));
    }

    /**
     * {@code scipy.signal.cheby1(order, rippleDb, cutoff, output='sos')}: a digital Chebyshev type I low-pass
     * with {@code rippleDb} of pass-band ripple and its ripple band ending at {@code cutoff}.
     */
    public static double[][] cheby1Lowpass(int order, double rippleDb, double cutoff) {
        requireOrder(order);
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("cutoff must satisfy 0 < cutoff < 1, got " + cutoff);
        }
        if (!(rippleDb > 0)) {
            throw new IllegalArgumentException("pass-band ripple must be positive, got " + rippleDb);
        }
        Zpk analog = lowpassToLowpass(chebyshev1Prototype(order, rippleDb), prewarp(cutoff));
        return SectionPairing.zpk2sos(bilinear(analog));
    }

    private static void requireOrder(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("filter order must be at least 1, got " + order);
        }
    }

    /** iirfilter's pre-warping for fs = 2: warped = 2·fs·tan(π·Wn/fs). */
    private static double prewarp(double wn) {
        return 2 * BILINEAR_FS * Math.tan(Math.PI * wn / BILINEAR_FS);
    }

    /** buttap: poles −e^(iπm/(2N)), m = −N+1, −N+3, …, N−1; no zeros; gain 1. */
    static Zpk butterworthPrototype(int order) {
        Complex[] poles = new Complex[order];
        // numpy evaluates 1j·π·m/(2N) in complex arithmetic: its division by the real 2N is a
        // multiplication by the reciprocal 1/(2N) (Smith's method with a zero imaginary part).
        double reciprocal = 1.0 / (2 * order);
        for (int i = 0; i < order; i++) {
            double m = -order + 1 + 2 * i;
            poles[i] = Complex.expImaginary(Math.PI * m * reciprocal).negate();
        }
        return new Zpk(new Complex[0], poles, 1.0);
    }

    /** cheb1ap: poles −sinh(μ + iθ_m), θ_m = πm/(2N), μ = asinh(1/ε)/N, ε = sqrt(10^(rp/10) − 1). */
    static Zpk chebyshev1Prototype(int order, double rippleDb) {
        double eps = Math.sqrt(Math.pow(10, 0.1 * rippleDb) - 1.0);
        double mu = 1.0 / order * asinh(1 / eps);
        Complex[] poles = new Complex[order];
        for (int i = 0; i < order; i++) {
            double m = -order + 1 + 2 * i;
            double theta = Math.PI * m / (2 * order);
            poles[i] = Complex.sinh(mu, theta).negate();
        }
        // k = Re(prod(−p)), a left-to-right product as numpy's multiply.reduce
        Complex product = poles[0].negate();
        for (int i = 1; i < order; i++) {
            product = product.times(poles[i].negate());
        }
        double gain = product.re();
        if (order % 2 == 0) {
            // even orders have a DC gain of −rp dB
            gain = gain / Math.sqrt(1 + eps * eps);
        }
        return new Zpk(new Complex[0], poles, gain);
    }

    /** lp2lp_zpk: scale zeros and poles by wo; gain × wo^(relative degree). */
    static Zpk lowpassToLowpass(Zpk zpk, double wo) {
        Complex scale = Complex.real(wo);
        int degree = relativeDegree(zpk);
        return new Zpk(scaleAll(zpk.zeros(), scale), scaleAll(zpk.poles(), scale),
                zpk.gain() * Math.pow(wo, degree));
    }

    /**
     * lp2bp_zpk: each root r (scaled by bw/2) becomes r ± sqrt(r² − wo²); the relative degree's worth of
     * zeros go to the origin; gain × bw^(relative degree).
     */
    static Zpk lowpassToBandpass(Zpk zpk, double wo, double bw) {
        int degree = relativeDegree(zpk);
        Complex[] zeros = Arrays.copyOf(shiftToBand(zpk.zeros(), wo, bw), 2 * zpk.zeros().length + degree);
        Arrays.fill(zeros, 2 * zpk.zeros().length, zeros.length, Complex.real(0.0));
        return new Zpk(zeros, shiftToBand(zpk.poles(), wo, bw), zpk.gain() * Math.pow(bw, degree));
    }

    private static Complex[] shiftToBand(Complex[] roots, double wo, double bw) {
        int n = roots.length;
        Complex[] out = new Complex[2 * n];
        Complex bandwidth = Complex.real(bw);
        Complex two = Complex.real(2);
        Complex woSquared = Complex.real(wo * wo);
        for (int i = 0; i < n; i++) {
            Complex lp = roots[i].times(bandwidth).dividedBy(two); // z·bw/2, evaluated left to right
            Complex root = lp.times(lp).minus(woSquared).sqrt();
            out[i] = lp.plus(root);
            out[n + i] = lp.minus(root);
        }
        return out;
    }

    /**
     * bilinear_zpk with fs = 2: r → (4 + r)/(4 − r); zeros at infinity go to −1 (Nyquist); gain ×
     * Re(∏(4 − z) / ∏(4 − p)).
     */
    static Zpk bilinear(Zpk zpk) {
        Complex fs2 = Complex.real(2.0 * BILINEAR_FS);
        int degree = relativeDegree(zpk);
        Complex[] zeros = new Complex[zpk.zeros().length + degree];
        Complex[] poles = new Complex[zpk.poles().length];
        for (int i = 0; i < zpk.zeros().length; i++) {
            zeros[i] = fs2.plus(zpk.zeros()[i]).dividedBy(fs2.minus(zpk.zeros()[i]));
        }
        Arrays.fill(zeros, zpk.zeros().length, zeros.length, Complex.real(-1.0));
        for (int i = 0; i < poles.length; i++) {
            poles[i] = fs2.plus(zpk.poles()[i]).dividedBy(fs2.minus(zpk.poles()[i]));
        }
        double gain = zpk.gain() * product(fs2, zpk.zeros()).dividedBy(product(fs2, zpk.poles())).re();
        return new Zpk(zeros, poles, gain);
    }

    /** ∏(c − r) as numpy's multiply.reduce (left to right; 1 for no roots). */
    private static Complex product(Complex c, Complex[] roots) {
        if (roots.length == 0) {
            return Complex.real(1.0);
        }
        Complex p = c.minus(roots[0]);
        for (int i = 1; i < roots.length; i++) {
            p = p.times(c.minus(roots[i]));
        }
        return p;
    }

    private static Complex[] scaleAll(Complex[] roots, Complex scale) {
        Complex[] out = new Complex[roots.length];
        for (int i = 0; i < roots.length; i++) {
            out[i] = scale.times(roots[i]);
        }
        return out;
    }

    private static int relativeDegree(Zpk zpk) {
        return zpk.poles().length - zpk.zeros().length;
    }

    /** asinh as fdlibm/glibc s_asinh.c (Java has none): the branch formulas keep full precision. */
    static double asinh(double x) {
        double ax = Math.abs(x);
        double w;
        if (ax > 0x1p28) {
            w = Math.log(ax) + Math.log(2);
        } else if (ax > 2) {
            w = Math.log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
        } else if (ax < 0x1p-28) {
            return x;
        } else {
            double t = x * x;
            w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(w, x);
    }
}
