package audioloop.dsp;

/**
 * A complex number for filter design (never in a sample loop). The operations follow the formulas numpy
 * and glibc use, in the same order of rounding, so that designs agree with scipy to the last bit or
 * within a few ulps where the two libms differ (tan, sinh, hypot).
 */
record Complex(double re, double im) {
    static Complex real(double re) {
        return new Complex(re, 0.0);
    }

    boolean isReal() {
        return im == 0.0;
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    /** numpy complex multiply: (ar·br − ai·bi, ar·bi + ai·br). */
    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /** numpy's complex division (Smith's method, numpy/core loops "nc_quot"). */
    Complex dividedBy(Complex o) {
        double absRe = Math.abs(o.re);
        double absIm = Math.abs(o.im);
        if (absRe >= absIm) {
            double rat = o.im / o.re;
            double scl = 1.0 / (o.re + o.im * rat);
            return new Complex((re + im * rat) * scl, (im - re * rat) * scl);
        }
        double rat = o.re / o.im;
        double scl = 1.0 / (o.im + o.re * rat);
        return new Complex((re * rat + im) * scl, (im * rat - re) * scl);
    }

    /** |z| as numpy's {@code abs} (hypot). */
    double abs() {
        return Math.hypot(re, im);
    }

    /** Principal square root, glibc csqrt's formulation (uses 2·Re·Im = Im z to avoid cancellation). */
    Complex sqrt() {
        if (im == 0.0) {
            return re < 0 ? new Complex(0.0, Math.copySign(Math.sqrt(-re), im))
                    : new Complex(Math.sqrt(re), Math.copySign(0.0, im));
        }
        if (re == 0.0) {
            double r = Math.sqrt(0.5 * Math.abs(im));
            return new Complex(r, Math.copySign(r, im));
        }
        double d = Math.hypot(re, im);
        double r;
        double s;
        if (re > 0) {
            r = Math.sqrt(0.5 * (d + re));
            s = 0.5 * (im / r);
        } else {
            s = Math.sqrt(0.5 * (d - re));
            r = Math.abs(0.5 * (im / s));
        }
        return new Complex(r, Math.copySign(s, im));
    }

    /** e^(iθ) as glibc cexp computes it for a zero real part. */
    static Complex expImaginary(double theta) {
        return new Complex(Math.cos(theta), Math.sin(theta));
    }

    /** sinh(x + iy) as glibc csinh: (sinh x · cos y, cosh x · sin y). */
    static Complex sinh(double x, double y) {
        return new Complex(Math.sinh(x) * Math.cos(y), Math.cosh(x) * Math.sin(y));
    }
}
