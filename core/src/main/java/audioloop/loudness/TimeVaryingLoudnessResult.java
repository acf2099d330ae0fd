package audioloop.loudness;

import java.util.List;

/**
 * ISO 532-1 time-varying loudness.
 *
 * @param loudnessSone N(t), sone, temporally weighted, one value every {@code timeStepS} from t = 0
 * @param timeStepS    0.002 s
 * @param warnings     conditions under which the standard is not valid but a value was computed anyway
 */
public record TimeVaryingLoudnessResult(double[] loudnessSone, double timeStepS, List<String> warnings) {
}
