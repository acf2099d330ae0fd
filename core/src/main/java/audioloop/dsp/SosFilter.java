package audioloop.dsp;

/**
 * scipy 1.17.1 second-order-section pieces ({@code scipy/signal/_signaltools.py}) that {@link ZeroPhaseDecimator}
 * builds {@code decimate}'s IIR zero-phase default from: {@code sosfilt_zi}, sosfiltfilt's default padlen and odd
 * extension, decimate's anti-aliasing design. (The whole-signal {@code sosfilt}, {@code sosfiltfilt} and
 * {@code decimate}, checked against scipy to the bit, are the tests' reference: {@code ScipyFiltering}.)
 * {@code sosfilt_zi} solves its 2×2 systems by hand rather than with LAPACK; it matched scipy to the bit for all
 * 40 filters checked (the 28 zwst band-passes, decimate's filters for q = 2 … 13).
 */
public final class SosFilter {
    /** decimate's anti-aliasing filter: {@code cheby1(8, 0.05, 0.8/q, output='sos')}. */
    private static final int DECIMATE_ORDER = 8;
    private static final double DECIMATE_RIPPLE_DB = 0.05;
    private static final double DECIMATE_CUTOFF = 0.8;

    private SosFilter() {
    }

    /**
     * {@code sosfilt_zi(sos)}: per section the state {z0, z1} of a unit step's steady state, each section's
     * state scaled by the DC gain of the sections before it. Row s is lfilter_zi(b_s, a_s), the solution of
     * (I − Aᵀ)·zi = b[1:] − a[1:]·b0 with A the companion matrix of a.
     */
    public static double[][] sosfiltZi(double[][] sos) {
        double[][] zi = new double[sos.length][];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            double[] row = sos[s];
            double b0 = row[0];
            double b1 = row[1];
            double b2 = row[2];
            double a1 = row[4];
            double a2 = row[5];
            double[] section = solve2x2(1 + a1, -1, a2, 1, b1 - a1 * b0, b2 - a2 * b0);
            zi[s] = new double[] {scale * section[0], scale * section[1]};
            // numpy's sums of three values are left to right
            scale *= ((b0 + b1) + b2) / ((row[3] + a1) + a2);
        }
        return zi;
    }

    /** [m00 m01; m10 m11]·x = r by Gaussian elimination with partial pivoting (LAPACK getrf/getrs order). */
    private static double[] solve2x2(double m00, double m01, double m10, double m11, double r0, double r1) {
        if (Math.abs(m10) > Math.abs(m00)) {
            return solve2x2(m10, m11, m00, m01, r1, r0);
        }
        double l = m10 * (1.0 / m00);
        double u11 = m11 - l * m01;
        double y1 = r1 - l * r0;
        double x1 = y1 / u11;
        double x0 = (r0 - m01 * x1) / m00;
        return new double[] {x0, x1};
    }

    /** scipy's default padlen for sosfiltfilt: 3·(2·sections + 1 − min(#(b2 = 0), #(a2 = 0))). */
    static int defaultPadLength(double[][] sos) {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] row : sos) {
            zeroB2 += row[2] == 0 ? 1 : 0;
            zeroA2 += row[5] == 0 ? 1 : 0;
        }
        return 3 * (2 * sos.length + 1 - Math.min(zeroB2, zeroA2));
    }

    /** The SOS decimate designs for factor q. */
    static double[][] antiAliasing(int q) {
        return IirDesign.cheby1Lowpass(DECIMATE_ORDER, DECIMATE_RIPPLE_DB, DECIMATE_CUTOFF / q);
    }

    /** |H|² of {@link #antiAliasing}(q) in closed form. */
    public static PowerResponse antiAliasingResponse(int q) {
        return PowerResponse.cheby1Lowpass(DECIMATE_ORDER, DECIMATE_RIPPLE_DB, DECIMATE_CUTOFF / q);
    }

    /** The largest pole radius of {@link #antiAliasing}(q): its impulse response decays as ρ^n. */
    public static double antiAliasingPoleRadius(int q) {
        return largestPoleRadius(antiAliasing(q));
    }

    /** The largest |p| over the poles of a cascade (roots of z² + a1·z + a2 per section). */
    public static double largestPoleRadius(double[][] sos) {
        double largest = 0;
        for (double[] row : sos) {
            double a1 = row[4];
            double a2 = row[5];
            double discriminant = a1 * a1 - 4 * a2;
            double radius = discriminant < 0 ? Math.sqrt(a2)
                    : Math.max(Math.abs(-a1 + Math.sqrt(discriminant)), Math.abs(-a1 - Math.sqrt(discriminant))) / 2;
            largest = Math.max(largest, radius);
        }
        return largest;
    }

    /** scipy's odd_ext into ext (length n + 2·edge): 2·x[0] − x[edge … 1], x, 2·x[n−1] − x[n−2 … n−1−edge]. */
    static void oddExtension(double[] x, int edge, double[] ext) {
        int n = x.length;
        double left = 2 * x[0];
        double right = 2 * x[n - 1];
        for (int i = 0; i < edge; i++) {
            ext[i] = left - x[edge - i];
            ext[n + edge + i] = right - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, edge, n);
    }
}
