package audioloop.loudness;

/**
 * Non-linear temporal decay of the core loudness, ISO 532-1:2017 clause 6.4 / A.4 (two-capacitor network with
 * τ_short = 5 ms, τ_long = 15 ms, τ_var = 75 ms), as MoSQITo 1.2.1 {@code _nl_loudness} runs it (notes/mosqito.md
 * §2 step 5, {@code oracle/scalar_spec.py:nl_decay}): each 2 kHz band signal is virtually upsampled 24× by linear
 * interpolation towards the next sample (built by repeated addition of the step, as MoSQITo does) and the output
 * is taken at the original sample instants.
 *
 * <p>Streams: states persist between calls. Bands are decayed in pairs; pairs are independent and may run
 * concurrently. One band's virtual sample is a chain of dependent operations (≈ 10 cycles); the two bands of a
 * pair run side by side in one loop, all state in locals, so the CPU overlaps their chains. Each band's
 * operations are unchanged, so the output is bit-identical to one band at a time. Measured on the core loudness
 * of 60 s of the bench signal, 20 bands, one thread (median of 15 passes, load average ≈ 10 on 2 cores, three
 * JVMs): 280 / 266 / 200 ms one band per loop, 217 / 196 / 151 ms in pairs. Five bands per loop with the states
 * in arrays (as {@link ThirdOctaveFilterBank}) measured no faster than one band per loop, and {@code Math.max}
 * for the output's select (branch-free) slower: the branches are well predicted, the chains are the cost. The
 * network's two outputs are plain locals updated by two helpers, not a returned value pair: C1, which the
 * launcher uses for short inputs, does not scalar-replace records and allocated two per virtual sample (60 s,
 * one thread: C1 728 → 257 ms; C2 unchanged at ≈ 100 ms).
 *
 * <p>The network starts from rest (both capacitors empty). MoSQITo starts it from its last virtual sample instead
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

    /** @param bands number of bands, even (they are decayed in pairs) */
    NonlinearDecay(int bands) {
        if (bands % 2 != 0) {
            throw new IllegalArgumentException("bands are decayed in pairs: need an even count, got " + bands);
        }
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

    int pairs() {
        return state.length / 2;
    }

    /**
     * Replaces {@code values[band][0 … count)} of bands 2·pair and 2·pair + 1 (their 2 kHz core loudness) by the
     * decayed loudness, in place. Touches only the pair's own bands.
     */
    void process(int pair, double[][] values, int count) {
        int bandA = 2 * pair;
        double[] a = values[bandA];
        double[] b = values[bandA + 1];
        double[] stateA = state[bandA];
        double[] stateB = state[bandA + 1];
        double uoA = stateA[0];
        double u2A = stateA[1];
        double previousA = stateA[2];
        double uoB = stateB[0];
        double u2B = stateB[1];
        double previousB = stateB[2];
        boolean started = stateA[3] != 0;
        for (int k = 0; k < count; k++) {
            double xA = a[k];
            double xB = b[k];
            if (started) {
                // Virtual samples 1 … 23 between the previous input and this one.
                double stepA = (xA - previousA) / UPSAMPLING;
                double stepB = (xB - previousB) / UPSAMPLING;
                double uA = previousA;
                double uB = previousB;
                for (int m = 1; m < UPSAMPLING; m++) {
                    uA = uA + stepA;
                    uB = uB + stepB;
                    double nextA = decayed(uA, uoA, u2A);
                    u2A = capacitor2(uA, nextA, uoA, u2A);
                    uoA = nextA;
                    double nextB = decayed(uB, uoB, u2B);
                    u2B = capacitor2(uB, nextB, uoB, u2B);
                    uoB = nextB;
                }
            }
            // The input itself, as virtual sample 24. Folding it into the loop above (u = m < 24 ? u + step : x,
            // m up to 24) is bit-identical but measured slower: 60 s, 20 bands, medians of 12 passes, C2 149 -> 162 ms,
            // C1 277 -> 294 ms.
            double nextA = decayed(xA, uoA, u2A);
            u2A = capacitor2(xA, nextA, uoA, u2A);
            uoA = nextA;
            double nextB = decayed(xB, uoB, u2B);
            u2B = capacitor2(xB, nextB, uoB, u2B);
            uoB = nextB;
            a[k] = uoA;
            b[k] = uoB;
            previousA = xA;
            previousB = xB;
            started = true;
        }
        store(stateA, uoA, u2A, previousA, started);
        store(stateB, uoB, u2B, previousB, started);
    }

    private static void store(double[] st, double uoLast, double u2Last, double previous, boolean started) {
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
