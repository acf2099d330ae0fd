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
 * @param figures            keep what the figures of {@code --plot} / {@code --report} draw: the series (in {@link
 *                           FileAnalysis#series()} even without {@code series}) and the reduced N′(z, t) and mel
 *                           spectrogram ({@link FileAnalysis#figureData()})
 */
public record AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series,
                              boolean figures) {
    /**
     * Largest calibration taken: 1e6 Pa at full scale is already a 214 dB SPL peak (sound in air ends near
     * 194 dB); larger factors can only be a unit mistake, and they would let the squared pressures of the metrics
     * overflow.
     */
    public static final double MAX_CALIBRATION_PA_PER_FS = 1e6;

    public AnalysisOptions {
        if (!(calibrationPaPerFs > 0 && calibrationPaPerFs <= MAX_CALIBRATION_PA_PER_FS)) {
            throw new IllegalArgumentException("calibration must be a positive number of pascals up to 1e6, got "
                    + calibrationPaPerFs);
        }
        metrics = Set.copyOf(metrics);
    }

    /** Options without figures. */
    public AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series) {
        this(calibrationPaPerFs, field, metrics, series, false);
    }

    /** Whether the metrics are asked for their series: for the JSON or for the figures. */
    public boolean keepsSeries() {
        return series || figures;
    }

    public boolean wants(Metric metric) {
        return metrics.contains(metric);
    }
}
