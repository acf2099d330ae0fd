package audioloop.fluctuation;

import org.junit.jupiter.api.Test;

class FastlCurvesProbe {
    @Test
    void probe() {
        double[] fm = {0.25, 0.5, 1, 2, 4, 8, 16, 32};
        for (double m : fm) {
            double am = FluctuationStrength.compute(Signals.amTone(1000, m, 1, 70, 4)).meanVacil();
            double fmt = FluctuationStrength.compute(Signals.fmTone(1500, m, 700, 70, 4)).meanVacil();
            double bbn = FluctuationStrength.compute(Signals.amBandNoise(20, 16000, m, 1, 60, 4, 7)).meanVacil();
            System.out.printf("fm %5.2f  AM %.3f  FM %.3f  BBN %.3f%n", m, am, fmt, bbn);
        }
        for (double level : new double[] {30, 40, 50, 60, 70, 80, 90}) {
            double am = FluctuationStrength.compute(Signals.amTone(1000, 4, 1, level, 2.2)).meanVacil();
            System.out.printf("level %.0f AM %.3f%n", level, am);
        }
    }
}
