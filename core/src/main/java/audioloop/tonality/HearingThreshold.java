package audioloop.tonality;

/**
 * The lower threshold of hearing L_TH(f) of ECMA-74 Annex D.7.1: a quartic in the normalised frequency
 * (f − f_mean)/f_std per frequency range, coefficients as MoSQITo 1.2.1 {@code _LTH.py} transcribes them.
 */
final class HearingThreshold {
    private HearingThreshold() {
    }

    /** L_TH in dB SPL at f (20 Hz ≤ f &lt; 22050 Hz); NaN outside, where the standard gives no value. */
    static double levelDb(double f) {
        double mean;
        double std;
        double a1;
        double a2;
        double a3;
        double a4;
        double a5;
        if (f >= 20 && f < 305) {
            mean = 167.5;
            std = 87.3212;
            a1 = 1.415532;
            a2 = -2.451068;
            a3 = 1.498869;
            a4 = -6.983224;
            a5 = 8.621226;
        } else if (f >= 305 && f < 2230) {
            mean = 1157.5;
            std = 488.582;
            a1 = 0.397994;
            a2 = -0.891839;
            a3 = -0.815138;
            a4 = -1.221319;
            a5 = -7.600754;
        } else if (f >= 2230 && f < 14000) {
            mean = 7250;
            std = 3033.25;
            a1 = 1.584978;
            a2 = -2.766599;
            a3 = -6.9061912;
            a4 = 10.138553;
            a5 = -3.149339;
        } else if (f >= 14000 && f < 22050) {
            mean = 16990.0;
            std = 4049.0;
            a1 = -5.775593;
            a2 = -9.200034;
            a3 = 26.59115;
            a4 = 52.16712;
            a5 = 15.61552048;
        } else {
            return Double.NaN;
        }
        double x = (f - mean) / std;
        return a1 * Math.pow(x, 4) + a2 * Math.pow(x, 3) + a3 * Math.pow(x, 2) + a4 * x + a5;
    }
}
