package audioloop.loudness;

/**
 * Test-only restatement of scipy.signal.resample_poly(x, up, down) with its default Kaiser (β = 5) FIR
 * (scipy 1.17: firwin(2·10·max(up, down) + 1, 1/max(up, down)) · up, zero-padded so the output is centred):
 * how reference/mosqito.json's harness brought the 44.1 kHz roughness WAVs to 48 kHz. Equal to scipy up to
 * rounding; the production resampler is another stage's business.
 */
final class TestResamplePoly {
    private TestResamplePoly() {
    }

    static double[] resample(double[] x, int up, int down) {
        int maxRate = Math.max(up, down);
        int halfLength = 10 * maxRate;
        int taps = 2 * halfLength + 1;
        double cutoff = 1.0 / maxRate;
        double[] h = new double[taps];
        double sum = 0;
        double i0Beta = besselI0(5.0);
        for (int j = 0; j < taps; j++) {
            double m = j - 0.5 * (taps - 1);
            double sinc = m == 0 ? 1.0 : Math.sin(Math.PI * cutoff * m) / (Math.PI * cutoff * m);
            double r = 2.0 * j / (taps - 1) - 1;
            double window = besselI0(5.0 * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[j] = cutoff * sinc * window;
            sum += h[j];
        }
        for (int j = 0; j < taps; j++) {
            h[j] = h[j] / sum * up;
        }
        int prePad = down - halfLength % down;
        int preRemove = (halfLength + prePad) / down;
        long product = (long) x.length * up;
        int outLength = (int) (product / down + (product % down != 0 ? 1 : 0));
        double[] y = new double[outLength];
        for (int k = 0; k < outLength; k++) {
            long m = (long) (k + preRemove) * down - prePad; // index into h for input sample 0
            long iLow = Math.max(0, Math.floorDiv(m - (taps - 1) + up - 1, up));
            long iHigh = Math.min(x.length - 1, Math.floorDiv(m, up));
            double acc = 0;
            for (long i = iLow; i <= iHigh; i++) {
                acc += x[(int) i] * h[(int) (m - i * up)];
            }
            y[k] = acc;
        }
        return y;
    }

    /** Modified Bessel function I0 by its power series (converges fast for the small arguments here). */
    private static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 100 && term > 1e-18 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
