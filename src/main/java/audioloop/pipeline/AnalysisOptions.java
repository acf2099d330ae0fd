package audioloop.pipeline;

import audioloop.loudness.SoundField;
import java.util.Set;

/**
 * What to compute for every file.
 *
 * @param calibrationPaPerFs pascals per digital full scale (sample value 1.0 = this many Pa)
 * @param field              ISO 532-1 sound field
 * @param metrics            metric groups to compute (sharpness already implies loudness)
 * @param series             keep the time series for the output
 */
public record AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series) {
    public AnalysisOptions {
        if (!(calibrationPaPerFs > 0) || Double.isInfinite(calibrationPaPerFs)) {
            throw new IllegalArgumentException("calibration must be a positive number of pascals, got " + calibrationPaPerFs);
        }
        metrics = Set.copyOf(metrics);
    }

    public boolean wants(Metric metric) {
        return metrics.contains(metric);
    }
}
