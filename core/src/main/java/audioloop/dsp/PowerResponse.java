package audioloop.dsp;

/**
 * |H(e^{iθ})|² of the digital filters {@link IirDesign} makes, in closed form, as a function of t = tan(θ/2).
 * scipy designs them in the analog domain and maps them with the pre-warped bilinear transform for fs = 2, under
 * which the unit circle's e^{iθ} is the analog frequency Ω = 4·tan(θ/2); so the digital power response is the analog
 * prototype's at that Ω, exactly (the rounding of the coefficients moves it by ~1e−13 relative in the pass-band).
 * The closed form is accurate in deep stop-bands too, where a sum of coefficient products would cancel.
 */
public sealed interface PowerResponse {
    /** |H|² at t = tan(θ/2), t ≥ 0 (θ in [0, π]; t = +∞ at θ = π). */
    double at(double t);

    /**
     * {@code butter(order, [low, high], 'bandpass')}: Butterworth prototype |H|² = 1/(1 + ν^{2N}) with the
     * low-pass-to-band-pass variable ν = (Ω² − Ω_l·Ω_h)/(Ω·(Ω_h − Ω_l)), Ω_l,h the pre-warped edges.
     */
    static PowerResponse butterBandpass(int order, double low, double high) {
        double tl = Math.tan(Math.PI * low / 2);
        double th = Math.tan(Math.PI * high / 2);
        return new ButterworthBandpass(order, tl * th, th - tl, Math.sqrt(tl * th));
    }

    /**
     * {@code cheby1(order, rippleDb, cutoff)} low-pass: |H|² = 1/(1 + ε²·T_N²(Ω/Ω_c)), ε² = 10^(rp/10) − 1
     * (scipy scales even orders to 1/(1 + ε²) at DC, which the formula gives since T_N(0)² = 1).
     */
    static PowerResponse cheby1Lowpass(int order, double rippleDb, double cutoff) {
        return new ChebyshevLowpass(order, Math.pow(10, rippleDb / 10) - 1, Math.tan(Math.PI * cutoff / 2));
    }

    /** t at the centre of the pass-band (band-pass: √(t_l·t_h), where |H|² = 1), or 0 for a low-pass. */
    double peakT();

    /** The band-pass response: centreSquared = t_l·t_h, width = t_h − t_l. */
    record ButterworthBandpass(int order, double centreSquared, double width, double peakT) implements PowerResponse {
        @Override
        public double at(double t) {
            if (t == 0 || Double.isInfinite(t)) {
                return 0; // the zeros at z = ±1
            }
            double nu = (t * t - centreSquared) / (t * width);
            double nu2 = nu * nu;
            double power = 1;
            for (int i = 0; i < order; i++) {
                power *= nu2;
            }
            return 1 / (1 + power);
        }

        /** The two values of t (lower, upper) where |H|² = weight (0 &lt; weight ≤ 1): ν^{2N} = 1/weight − 1. */
        public double[] tWhere(double weight) {
            double nu = Math.pow(1 / weight - 1, 1.0 / (2 * order));
            // t² − ν·w·t − c = 0 (upper) and t² + ν·w·t − c = 0 (lower), positive roots
            double half = nu * width / 2;
            double root = Math.sqrt(half * half + centreSquared);
            return new double[] {root - half, root + half};
        }
    }

    /** The low-pass response: epsilonSquared = ε², cutoffT = tan(π·cutoff/2). */
    record ChebyshevLowpass(int order, double epsilonSquared, double cutoffT) implements PowerResponse {
        @Override
        public double at(double t) {
            if (Double.isInfinite(t)) {
                return 0;
            }
            double x = t / cutoffT;
            // T_N(x) by the three-term recurrence (|x| ≤ 1: bounded by 1; beyond: growing, relatively exact)
            double previous = 1;
            double current = x;
            for (int k = 1; k < order; k++) {
                double next = 2 * x * current - previous;
                previous = current;
                current = next;
            }
            return 1 / (1 + epsilonSquared * current * current);
        }

        @Override
        public double peakT() {
            return 0;
        }
    }
}
