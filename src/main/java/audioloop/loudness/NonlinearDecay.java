package audioloop.loudness;

/**
 * Non-linear temporal decay of the core loudness, ISO 532-1:2017 clause 6.4 / A.4 (two-capacitor network with
 * τ_short = 5 ms, τ_long = 15 ms, τ_var = 75 ms), as MoSQITo 1.2.1 {@code _nl_loudness} runs it (notes/mosqito.md
 * §2 step 5, {@code oracle/scalar_spec.py:nl_decay}): each 2 kHz band signal is virtually upsampled 24× by linear
 * interpolation towards the next sample (built by repeated addition of the step, as MoSQITo does) and the output
 * is taken at the original sample instants.
 *
 * <p>Streams band by band: states persist between calls; bands are independent and may run concurrently. The
 * network starts from rest (both capacitors empty). MoSQITo starts it from its last virtual sample instead
 * (uo_last = x[last]/24 through numpy's index −1, notes/mosqito.md §6.3), which makes the first output frames
 * depend on the end of the file; that wrap-around is not replicated.
 */
final class NonlinearDecay {
    private static final int UPSAMPLING = 24;

    private final double b0;
    private final double b1;
    private final double b2;
    private final double b3;
    private final double b4;
    private final double b5;
    /** Per band: uo_last, u2_last, previous 2 kHz input, and 1 once the first sample has been seen. */
    private final double[][] state;

    NonlinearDecay(int bands) {
        // ISO 532-1 A.4 (f_nl_loudness): coefficients of the network, time step 1/(2000·24) s.
        double tShort = 0.005;
        double tLong = 0.015;
        double tVar = 0.075;
        double deltaT = 1.0 / (2000 * UPSAMPLING);
        double p = (tVar + tLong) / (tVar * tShort);
        double q = 1 / (tShort * tVar);
        double lambda1 = -p / 2 + Math.sqrt(p * p / 4 - q);
        double lambda2 = -p / 2 - Math.sqrt(p * p / 4 - q);
        double den = tVar * (lambda1 - lambda2);
        double e1 = Math.exp(lambda1 * deltaT);
        double e2 = Math.exp(lambda2 * deltaT);
        b0 = (e1 - e2) / den;
        b1 = ((tVar * lambda2 + 1) * e1 - (tVar * lambda1 + 1) * e2) / den;
        b2 = ((tVar * lambda1 + 1) * e1 - (tVar * lambda2 + 1) * e2) / den;
        b3 = (tVar * lambda1 + 1) * (tVar * lambda2 + 1) * (e1 - e2) / den;
        b4 = Math.exp(-deltaT / tLong);
        b5 = Math.exp(-deltaT / tVar);
        state = new double[bands][4];
    }

    /** Replaces {@code values[0 … count)} of one band's 2 kHz core loudness by the decayed loudness, in place. */
    void process(int band, double[] values, int count) {
        double[] st = state[band];
        double uoLast = st[0];
        double u2Last = st[1];
        double previous = st[2];
        boolean started = st[3] != 0;
        for (int k = 0; k < count; k++) {
            double x = values[k];
            if (started) {
                // Virtual samples 1 … 23 between the previous input and this one.
                double step = (x - previous) / UPSAMPLING;
                double u = previous;
                for (int m = 1; m < UPSAMPLING; m++) {
                    u = u + step;
                    double uo = decayed(u, uoLast, u2Last);
                    u2Last = capacitor2(u, uo, uoLast, u2Last);
                    uoLast = uo;
                }
            }
            double uo = decayed(x, uoLast, u2Last);
            u2Last = capacitor2(x, uo, uoLast, u2Last);
            uoLast = uo;
            values[k] = uo;
            previous = x;
            started = true;
        }
        st[0] = uoLast;
        st[1] = u2Last;
        st[2] = previous;
        st[3] = started ? 1 : 0;
    }

    /** Output uo of one virtual sample: the input, unless the discharging network lies above it. */
    private double decayed(double u, double uoLast, double u2Last) {
        double decay = uoLast > u2Last ? uoLast * b2 - u2Last * b3 : uoLast * b4;
        return decay >= u ? decay : u;
    }

    /** State u2 (second capacitor) after one virtual sample, MoSQITo's case table. */
    private double capacitor2(double u, double uo, double uoLast, double u2Last) {
        double u2 = uo;
        if (u < uoLast && uoLast > u2Last) {
            double discharged = uoLast * b0 - u2Last * b1;
            if (discharged <= uo) {
                u2 = discharged;
            }
        }
        if (u >= uoLast && !(Math.abs(u - uoLast) < 1e-5 && uo <= u2Last)) {
            u2 = (u2Last - u) * b5 + u;
        }
        return u2;
    }
}
