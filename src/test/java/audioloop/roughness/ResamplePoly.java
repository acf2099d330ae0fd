package audioloop.roughness;

/**
 * Test-only restatement of scipy 1.17 {@code signal.resample_poly(x, up, down)} with its default
 * {@code window=('kaiser', 5.0)}, which the reference harness used for the 44.1 kHz files (notes/mosqito.md
 * §1.3): a firwin low-pass of 20·max(up, down) + 1 taps, cutoff 1/max(up, down), scaled by up, applied as
 * upfirdn with the same padding and delay removal.
 */
final class ResamplePoly {
    private ResamplePoly() {
    }

    static double[] resample(double[] x, int up, int down) {
        int maxRate = Math.max(up, down);
        int halfLength = 10 * maxRate;
        double[] h = lowPass(2 * halfLength + 1, 1.0 / maxRate, 5.0);
        for (int i = 0; i < h.length; i++) {
            h[i] *= up;
        }
        long outLength = ((long) x.length * up + down - 1) / down;
        int prePad = down - halfLength % down;
        int preRemove = (halfLength + prePad) / down;
        // y[m] = Σ_j hp[m·down − j·up]·x[j], hp = h delayed by prePad zeros; keep m = preRemove … + outLength.
        double[] y = new double[(int) outLength];
        for (int i = 0; i < y.length; i++) {
            long pos = (long) (preRemove + i) * down - prePad;
            long jLow = Math.max(0, Math.floorDiv(pos - h.length + up, up));
            long jHigh = Math.min(x.length - 1, Math.floorDiv(pos, up));
            double sum = 0.0;
            for (long j = jLow; j <= jHigh; j++) {
                sum += h[(int) (pos - j * up)] * x[(int) j];
            }
            y[i] = sum;
        }
        return y;
    }

    /** scipy firwin(numtaps, cutoff, window=('kaiser', beta)) with fs = 2: windowed sinc, unit gain at DC. */
    private static double[] lowPass(int taps, double cutoff, double beta) {
        double alpha = 0.5 * (taps - 1);
        double[] h = new double[taps];
        double sum = 0.0;
        for (int i = 0; i < taps; i++) {
            double m = i - alpha;
            double x = cutoff * m;
            double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = (i - alpha) / alpha;
            h[i] = cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
            sum += h[i];
        }
        for (int i = 0; i < taps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    private static double besselI0(double x) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 60; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
