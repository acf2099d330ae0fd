package audioloop.spectral;

/**
 * Base-2 logarithm close to C's correctly rounded {@code log2} (what numpy's {@code np.log2} calls). Java has
 * no log2, and {@code Math.log(x) / Math.log(2)} is off by up to a few ulp; librosa feeds log2 into float32
 * casts (chroma filterbank) and histogram bins (tuning), where an ulp can flip a value. Splitting off the
 * binary exponent exactly leaves a logarithm of a mantissa in [√½, √2), whose absolute error is far below one
 * ulp of the result.
 */
final class Log2 {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);
    private static final double SQRT2 = Math.sqrt(2.0);

    private Log2() {
    }

    static double of(double x) {
        int exponent = Math.getExponent(x);
        double mantissa = Math.scalb(x, -exponent);
        if (mantissa > SQRT2) {
            mantissa *= 0.5;
            exponent++;
        }
        return exponent + Math.log(mantissa) * INV_LN2;
    }
}
