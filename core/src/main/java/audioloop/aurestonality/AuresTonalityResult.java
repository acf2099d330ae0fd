package audioloop.aurestonality;

import java.util.Arrays;

/**
 * Aures (1985) tonality of a signal, one value per 160-ms frame every 80 ms.
 *
 * @param tonalityTu        T(t), tonality units (t.u.): 1 for a 1 kHz tone at 60 dB SPL
 * @param tonalWeighting    w_T(t), the tonal weighting (SQAT {@code TonalWeighting})
 * @param loudnessWeighting w_Gr(t) = 1 − N_noise/N_total, the loudness weighting (SQAT {@code LoudnessWeighting})
 * @param timeS             each frame's time as SQAT reports it: its first sample, counted from 1/fs
 */
public record AuresTonalityResult(double[] tonalityTu, double[] tonalWeighting, double[] loudnessWeighting,
                                  double[] timeS) {
    /** The mean of T(t) (SQAT {@code Kmean}, no time skip). */
    public double meanTu() {
        double sum = 0;
        for (double t : tonalityTu) {
            sum += t;
        }
        return sum / tonalityTu.length;
    }

    /**
     * T5, the value exceeded in 5 % of the frames (95th percentile), as SQAT's {@code get_exceeded_value(K, 5)}
     * takes it ({@code K5}): the ⌊0.95·n⌋-th smallest value (1-based; the smallest when that is 0), no interpolation.
     */
    public double exceeded5Tu() {
        double[] sorted = tonalityTu.clone();
        Arrays.sort(sorted);
        int index = (int) Math.floor((100 - 5) / 100.0 * sorted.length);
        return sorted[Math.max(index, 1) - 1];
    }
}
