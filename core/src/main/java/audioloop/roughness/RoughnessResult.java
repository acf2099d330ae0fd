package audioloop.roughness;

import java.util.List;

/**
 * Daniel &amp; Weber roughness of a signal, one value per 200-ms frame (hop 100 ms).
 *
 * @param roughnessAsper R(t) in asper, one value per frame
 * @param timeS          frame centre times in seconds, as MoSQITo's {@code time_segmentation}: the mean of the
 *                       frame's sample times
 * @param specificRoughnessAsper R'(z) averaged over the frames, one value per channel at {@link #channelBark()}
 *                       (MoSQITo's {@code R_spec}: a frame's values sum to its R)
 * @param warnings       human-readable notes on inputs MoSQITo 1.2.1 cannot process (empty when none)
 */
public record RoughnessResult(double[] roughnessAsper, double[] timeS, double[] specificRoughnessAsper,
                              List<String> warnings) {
    public RoughnessResult {
        warnings = List.copyOf(warnings);
    }

    /** Centres of the 47 channels, z = 0.5 … 23.5 Bark in steps of 0.5 (MoSQITo's {@code bark_axis}). */
    public static double[] channelBark() {
        double[] z = new double[RoughnessModel.CHANNELS];
        for (int c = 0; c < z.length; c++) {
            z[c] = RoughnessModel.channelBark(c);
        }
        return z;
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
