package audioloop.pipeline;

import audioloop.loudness.SoundField;
import audioloop.sii.SpeechLevel;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What to compute for every file.
 *
 * @param calibrationPaPerFs pascals per digital full scale (sample value 1.0 = this many Pa)
 * @param field              ISO 532-1 sound field
 * @param metrics            metric groups to compute (sharpness already implies loudness)
 * @param series             keep the time series for the output
 * @param siiSpeechLevel     ANSI S3.5 vocal effort of the speech the SII assumes in the file's noise
 * @param figures            keep what the figures of {@code --plot} / {@code --report} draw: the series (in {@link
 *                           FileAnalysis#series()} even without {@code series}) and the reduced N′(z, t) and mel
 *                           spectrogram ({@link FileAnalysis#figureData()})
 * @param ecmaBinaural       ECMA-418-2 of a two-channel file per ear, combined as the standard's binaural values
 *                           ({@code --ecma-binaural}); otherwise, and for other channel counts, of the mono mix
 *                           <p>Serializable: a distributed job (the Spark module) ships the options to its executors.
 */
public record AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series,
                              SpeechLevel siiSpeechLevel, boolean figures, boolean ecmaBinaural)
        implements Serializable {
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
        Objects.requireNonNull(siiSpeechLevel, "siiSpeechLevel");
    }

    /** Options with the SII's default vocal effort (normal), without figures. */
    public AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series) {
        this(calibrationPaPerFs, field, metrics, series, SpeechLevel.NORMAL, false, false);
    }

    /** Options without figures. */
    public AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series,
                           SpeechLevel siiSpeechLevel) {
        this(calibrationPaPerFs, field, metrics, series, siiSpeechLevel, false, false);
    }

    /** Options with ECMA-418-2 of the mono mix. */
    public AnalysisOptions(double calibrationPaPerFs, SoundField field, Set<Metric> metrics, boolean series,
                           SpeechLevel siiSpeechLevel, boolean figures) {
        this(calibrationPaPerFs, field, metrics, series, siiSpeechLevel, figures, false);
    }

    /**
     * The command line's defaults: 1 Pa per full scale, free field, the default metrics ({@link Metric#DEFAULT_LIST}),
     * no series. Change one setting with the record's constructor, e.g.
     * {@code new AnalysisOptions(2.83, d.field(), d.metrics(), true)}.
     */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(1.0, SoundField.FREE, Metric.parseList(Metric.DEFAULT_LIST), false);
    }

    /** Whether the metrics are asked for their series: for the JSON or for the figures. */
    public boolean keepsSeries() {
        return series || figures;
    }

    public boolean wants(Metric metric) {
        return metrics.contains(metric);
    }
}
