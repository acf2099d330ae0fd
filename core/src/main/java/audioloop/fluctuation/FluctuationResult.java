package audioloop.fluctuation;

import java.util.Arrays;

/**
 * Fluctuation strength F(t) of a signal after Osses et al. (2016), one value per 2-s frame every 0.2 s.
 *
 * @param fluctuationVacil F(t), vacil
 * @param timeS            each frame's time as SQAT reports it: the time of its first sample, counted from 1/fs
 *                         (SQAT {@code t_b = (1:N)/fs}, frame start)
 */
public record FluctuationResult(double[] fluctuationVacil, double[] timeS) {
    /** The mean of F(t) (SQAT {@code FSmean} without time skip). */
    public double meanVacil() {
        double sum = 0;
        for (double f : fluctuationVacil) {
            sum += f;
        }
        return sum / fluctuationVacil.length;
    }

    /**
     * F5, the value exceeded in 5 % of the frames, as SQAT's {@code get_exceeded_value(F, 5)} takes it: the
     * ⌊0.95·n⌋-th smallest value (1-based; the smallest when that is 0), an order statistic without interpolation.
     */
    public double exceeded5Vacil() {
        double[] sorted = fluctuationVacil.clone();
        Arrays.sort(sorted);
        int index = (int) Math.floor((100 - 5) / 100.0 * sorted.length);
        return sorted[Math.max(index, 1) - 1];
    }
}
