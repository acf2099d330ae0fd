package audioloop.dsp;

/**
 * Piecewise cubic Hermite interpolation that preserves monotonicity (Fritsch–Carlson, with the one-sided end
 * slopes of Moler's {@code pchiptx}), as scipy's {@code PchipInterpolator} computes it: the node slopes of
 * {@code _find_derivatives} and {@code _edge_case}, the cubic's coefficients of {@code CubicHermiteSpline} and
 * {@code PPoly}'s evaluation (interval closed on the left, the last one on both sides; extrapolation with the end
 * cubics), in scipy's order of operations.
 *
 * <p>Evaluation keeps the last interval found, so evaluating at increasing points costs O(1) each.
 */
public final class Pchip {
    private final double[] x;
    private final double[] y;
    private final double[] slope;
    private int interval;

    /** @param x strictly increasing nodes (at least two); @param y the values at the nodes */
    public Pchip(double[] x, double[] y) {
        if (x.length < 2 || x.length != y.length) {
            throw new IllegalArgumentException("PCHIP needs at least two nodes and one value per node");
        }
        this.x = x;
        this.y = y;
        slope = derivatives(x, y);
    }

    private static double[] derivatives(double[] x, double[] y) {
        int n = x.length;
        double[] h = new double[n - 1];
        double[] m = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            h[k] = x[k + 1] - x[k];
            m[k] = (y[k + 1] - y[k]) / h[k];
        }
        double[] d = new double[n];
        if (n == 2) {
            d[0] = m[0];
            d[1] = m[0];
            return d;
        }
        for (int k = 1; k < n - 1; k++) {
            if (Math.signum(m[k]) != Math.signum(m[k - 1]) || m[k] == 0 || m[k - 1] == 0) {
                d[k] = 0;
            } else {
                // weighted harmonic mean of the neighbouring secants
                double w1 = 2 * h[k] + h[k - 1];
                double w2 = h[k] + 2 * h[k - 1];
                d[k] = 1.0 / ((w1 / m[k - 1] + w2 / m[k]) / (w1 + w2));
            }
        }
        d[0] = edge(h[0], h[1], m[0], m[1]);
        d[n - 1] = edge(h[n - 2], h[n - 3], m[n - 2], m[n - 3]);
        return d;
    }

    /** One-sided three-point slope at an end, limited to keep the shape. */
    private static double edge(double h0, double h1, double m0, double m1) {
        double d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        if (Math.signum(d) != Math.signum(m0)) {
            return 0;
        }
        if (Math.signum(m0) != Math.signum(m1) && Math.abs(d) > 3. * Math.abs(m0)) {
            return 3. * m0;
        }
        return d;
    }

    /** The interpolant at xv. */
    public double value(double xv) {
        int i = find(xv);
        double dx = x[i + 1] - x[i];
        double secant = (y[i + 1] - y[i]) / dx;
        double t = (slope[i] + slope[i + 1] - 2 * secant) / dx;
        double c0 = t / dx;
        double c1 = (secant - slope[i]) / dx - t;
        double s = xv - x[i];
        // PPoly's evaluate_poly1: Σ c_{3−j}·s^j with the powers built by repeated multiplication
        double res = 0.0;
        res = res + y[i];
        res = res + slope[i] * s;
        double z = s * s;
        res = res + c1 * z;
        z = z * s;
        res = res + c0 * z;
        return res;
    }

    /** scipy's find_interval: x[i] ≤ xv &lt; x[i+1], the last interval closed, outside the nodes the end ones. */
    private int find(double xv) {
        int last = x.length - 2;
        if (xv < x[0]) {
            return 0;
        }
        if (xv >= x[last + 1]) {
            return last;
        }
        if (xv < x[interval]) {
            interval = 0;
        }
        while (interval < last && xv >= x[interval + 1]) {
            interval++;
        }
        return interval;
    }
}
