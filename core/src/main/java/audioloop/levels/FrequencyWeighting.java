package audioloop.levels;

/**
 * Frequency weightings A and C of IEC 61672-1:2013 (Z is no filter), from the standard's analogue design (Annex E)
 * and digitised for a given sample rate.
 *
 * <p>Analogue (Annex E): C(s) ∝ s² / ((s + ω1)²(s + ω4)²), A(s) ∝ s⁴ / ((s + ω1)²(s + ω2)(s + ω3)(s +
 * ω4)²), ω = 2πf, with f1 ≈ 20.6 Hz and f4 ≈ 12 194 Hz from the −3 dB points f_L = 10^1.5 Hz, f_H = 10^3.9 Hz
 * (D² = 1/2) and f2, f3 = (3 ∓ √5)/2 · 10^2.45 Hz; normalised to 0 dB at 1 kHz (what the constants A1000 = −2.000 dB,
 * C1000 = −0.062 dB stand for, to 3 decimals).
 *
 * <p>Digital: the bilinear transform maps the zeros at s = 0 and the low poles f1, f2, f3 (its frequency warping is
 * below 0.005 dB under 2.5 kHz, where these shape the response), and the double pole at f4 is a second-order
 * section matched in magnitude (Vicanek, "Matched second order digital filters", 2016): its poles are the
 * impulse-invariant e^{−ω4/fs}, its numerator b0 + b1·z⁻¹ is fitted to the analogue magnitude at 0 Hz and at f4.
 * Measured at 48 kHz against the analogue response (docs/levels.md): within 0.021 dB up to 12.5 kHz, +0.16 dB at
 * 16 kHz, +0.80 dB at 20 kHz, class 1 (IEC 61672-1 Table 3) everywhere from 10 Hz to 20 kHz. The plain bilinear
 * design is −1.2 dB at 10 kHz, −6.2 dB at 16 kHz and −15.7 dB at 20 kHz (class 1 only because the lower limits open
 * up there); matched-z throughout is +2.8 dB at 16 kHz and +4.5 dB at 20 kHz, outside class 1.
 */
public enum FrequencyWeighting {
    A(4, new double[] {AnnexE.POLE_1_HZ, AnnexE.POLE_1_HZ, AnnexE.POLE_2_HZ, AnnexE.POLE_3_HZ}),
    C(2, new double[] {AnnexE.POLE_1_HZ, AnnexE.POLE_1_HZ});

    private static final double REFERENCE_HZ = 1000;

    /** Zeros at s = 0. */
    private final int zerosAtDc;
    /** The real poles below f4 (Hz), digitised with the bilinear transform. */
    private final double[] lowPolesHz;

    FrequencyWeighting(int zerosAtDc, double[] lowPolesHz) {
        this.zerosAtDc = zerosAtDc;
        this.lowPolesHz = lowPolesHz;
    }

    /** The analogue weighting's response at {@code frequencyHz}, dB re its value at 1 kHz (Annex E). */
    public double analogueDb(double frequencyHz) {
        return analogueGainDb(frequencyHz) - analogueGainDb(REFERENCE_HZ);
    }

    private double analogueGainDb(double f) {
        double f2 = f * f;
        double db = 20 * zerosAtDc / 2.0 * Math.log10(f2);
        for (double p : lowPolesHz) {
            db -= 10 * Math.log10(f2 + p * p);
        }
        return db + 20 * Math.log10(AnnexE.POLE_4_HZ * AnnexE.POLE_4_HZ / (f2 + AnnexE.POLE_4_HZ * AnnexE.POLE_4_HZ));
    }

    /**
     * The digital filter at {@code sampleRateHz} as second-order sections, rows {b0, b1, b2, 1, a1, a2}, 0 dB at
     * 1 kHz. C is [f1 double pole with two zeros at 0 Hz; f4 double pole]; A is C's two sections, the same numbers,
     * followed by [f2, f3 with two zeros at 0 Hz] (A(s) = C(s)·s²/((s + ω2)(s + ω3)) up to gain), so one filter
     * chain gives both.
     */
    public double[][] sos(double sampleRateHz) {
        double[][] c = {lowSection(AnnexE.POLE_1_HZ, AnnexE.POLE_1_HZ, sampleRateHz),
            matchedDoublePole(AnnexE.POLE_4_HZ, sampleRateHz)};
        normalise(c, 0, sampleRateHz);
        if (this == C) {
            return c;
        }
        double[][] a = {c[0], c[1], lowSection(AnnexE.POLE_2_HZ, AnnexE.POLE_3_HZ, sampleRateHz)};
        normalise(a, 2, sampleRateHz);
        return a;
    }

    /** Two zeros at s = 0 → z = 1, two real poles p → (2fs + p)/(2fs − p), p = −2πf (bilinear transform). */
    private static double[] lowSection(double pole1Hz, double pole2Hz, double sampleRateHz) {
        double z1 = bilinearPole(pole1Hz, sampleRateHz);
        double z2 = bilinearPole(pole2Hz, sampleRateHz);
        return new double[] {1, -2, 1, 1, -(z1 + z2), z1 * z2};
    }

    /** Scales section {@code row}'s numerator so that the cascade is 0 dB at 1 kHz. */
    private static void normalise(double[][] sos, int row, double sampleRateHz) {
        double gain = 1 / magnitude(sos, REFERENCE_HZ, sampleRateHz);
        for (int k = 0; k < 3; k++) {
            sos[row][k] *= gain;
        }
    }

    private static double bilinearPole(double poleHz, double sampleRateHz) {
        double p = -2 * Math.PI * poleHz;
        return (2 * sampleRateHz + p) / (2 * sampleRateHz - p);
    }

    /**
     * ω²/(s + ω)² as b0 + b1·z⁻¹ over 1 + a1·z⁻¹ + a2·z⁻² (after Vicanek 2016): a1 = −2e^{−w}, a2 = e^{−2w}, w = 2πf/fs;
     * |B|² = B0·φ0 + B1·φ1 with φ0 = cos²(Ω/2), φ1 = sin²(Ω/2), B0 = (b0 + b1)², B1 = (b0 − b1)², and likewise |A|² =
     * A0·φ0 + A1·φ1 + A2·φ2 with φ2 = 4φ0φ1, A0 = (1 + a1 + a2)², A1 = (1 − a1 + a2)², A2 = −4a2. B0 = A0 gives
     * 0 dB at DC; B1 is chosen so that |B/A|² equals the analogue |H|² = 1/4 at Ω = w.
     */
    private static double[] matchedDoublePole(double poleHz, double sampleRateHz) {
        double w = 2 * Math.PI * poleHz / sampleRateHz;
        double a1 = -2 * Math.exp(-w);
        double a2 = Math.exp(-2 * w);
        double bigA0 = (1 + a1 + a2) * (1 + a1 + a2);
        double bigA1 = (1 - a1 + a2) * (1 - a1 + a2);
        double bigA2 = -4 * a2;
        double phi1 = Math.sin(w / 2) * Math.sin(w / 2);
        double phi0 = 1 - phi1;
        double phi2 = 4 * phi0 * phi1;
        double analoguePower = 0.25;
        double bigB0 = bigA0;
        double bigB1 = (analoguePower * (bigA0 * phi0 + bigA1 * phi1 + bigA2 * phi2) - bigB0 * phi0) / phi1;
        double b0 = 0.5 * (Math.sqrt(bigB0) + Math.sqrt(bigB1));
        double b1 = Math.sqrt(bigB0) - b0;
        return new double[] {b0, b1, 0, 1, a1, a2};
    }

    /** |H(e^{jΩ})| of a cascade at {@code frequencyHz}. */
    static double magnitude(double[][] sos, double frequencyHz, double sampleRateHz) {
        double omega = 2 * Math.PI * frequencyHz / sampleRateHz;
        double c1 = Math.cos(omega);
        double s1 = Math.sin(omega);
        double c2 = Math.cos(2 * omega);
        double s2 = Math.sin(2 * omega);
        double magnitude = 1;
        for (double[] row : sos) {
            // H = (b0 + b1 e^{−jΩ} + b2 e^{−2jΩ}) / (1 + a1 e^{−jΩ} + a2 e^{−2jΩ})
            double nr = row[0] + row[1] * c1 + row[2] * c2;
            double ni = -row[1] * s1 - row[2] * s2;
            double dr = row[3] + row[4] * c1 + row[5] * c2;
            double di = -row[4] * s1 - row[5] * s2;
            magnitude *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
        }
        return magnitude;
    }

    /** The pole frequencies of IEC 61672-1:2013 Annex E (a class of its own: enum constants are made first). */
    static final class AnnexE {
        /** Annex E: the −3 dB frequencies of the C weighting and D² = 1/2. */
        private static final double LOW_HZ = Math.pow(10, 1.5);
        private static final double HIGH_HZ = Math.pow(10, 3.9);
        /** Annex E: b and c of the quadratic whose roots are f1² and f4². */
        private static final double D = Math.sqrt(0.5);
        private static final double B = (1 / (1 - D)) * (REFERENCE_HZ * REFERENCE_HZ
                + LOW_HZ * LOW_HZ * HIGH_HZ * HIGH_HZ / (REFERENCE_HZ * REFERENCE_HZ) - D * (LOW_HZ * LOW_HZ + HIGH_HZ * HIGH_HZ));
        private static final double QUADRATIC_C = LOW_HZ * LOW_HZ * HIGH_HZ * HIGH_HZ;
        /** Annex E: f1 ≈ 20.599 Hz, f4 ≈ 12 194.2 Hz. */
        static final double POLE_1_HZ = Math.sqrt((-B - Math.sqrt(B * B - 4 * QUADRATIC_C)) / 2);
        static final double POLE_4_HZ = Math.sqrt((-B + Math.sqrt(B * B - 4 * QUADRATIC_C)) / 2);
        /** Annex E: f_A = 10^2.45 Hz, f2 = (3 − √5)/2·f_A ≈ 107.65 Hz, f3 = (3 + √5)/2·f_A ≈ 737.86 Hz. */
        private static final double A_HZ = Math.pow(10, 2.45);
        static final double POLE_2_HZ = (3 - Math.sqrt(5)) / 2 * A_HZ;
        static final double POLE_3_HZ = (3 + Math.sqrt(5)) / 2 * A_HZ;

        private AnnexE() {
        }
    }
}
