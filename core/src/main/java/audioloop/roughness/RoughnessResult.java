package audioloop.roughness;

import java.util.List;

/**
 * Daniel &amp; Weber roughness of a signal, one value per 200-ms frame (hop 100 ms).
 *
 * @param roughnessAsper R(t) in asper, one value per frame
 * @param timeS          frame centre times in seconds, as MoSQITo's {@code time_segmentation}: the mean of the
 *                       frame's sample times
 * @param warnings       human-readable notes on inputs MoSQITo 1.2.1 cannot process (empty when none)
 */
public record RoughnessResult(double[] roughnessAsper, double[] timeS, List<String> warnings) {
    public RoughnessResult {
        warnings = List.copyOf(warnings);
    }

    /** The file-level figure: the mean of R(t) over all frames (MoSQITo reports the series only). */
    public double meanAsper() {
        double sum = 0.0;
        for (double r : roughnessAsper) {
            sum += r;
        }
        return sum / roughnessAsper.length;
    }
}
