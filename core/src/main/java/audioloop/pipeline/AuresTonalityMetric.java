package audioloop.pipeline;

import audioloop.aurestonality.AuresTonality;
import audioloop.aurestonality.AuresTonalityResult;
import audioloop.loudness.SoundField;
import java.util.Locale;

/**
 * Aures (1985) tonality (as SQAT implements it) in the pipeline: the 48 kHz pressure is fed to
 * {@link AuresTonality.Stream} block by block; reports {@code tonality_aures_tu} (mean of T(t)),
 * {@code tonality_aures_t5_tu} (SQAT's K5, exceeded in 5 % of the frames) and, with series,
 * {@code tonality_aures_tu} and {@code tonality_aures_time_s}. Its T(t) goes to {@link MetricOutput#results()} for
 * annoyance. The two loudness evaluations per frame use the run's ISO 532-1 sound field.
 */
final class AuresTonalityMetric implements BlockMetric {
    private final SoundField field;
    private AuresTonality.Stream stream;
    private long samples;
    private AuresTonalityResult result;

    AuresTonalityMetric(SoundField field) {
        this.field = field;
    }

    @Override
    public String stage() {
        return "aures-tonality";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (stream == null) {
            stream = new AuresTonality.Stream(field);
        }
        stream.accept(pressurePa, from, length);
        samples += length;
    }

    @Override
    public void finish() {
        result = stream == null ? null : stream.finish();
    }

    @Override
    public void report(MetricOutput out) {
        if (result == null) {
            out.summary().put("tonality_aures_tu", null);
            out.summary().put("tonality_aures_t5_tu", null);
            out.warnings().add(String.format(Locale.ROOT, "aures-tonality: input of %.3f s is not longer than one"
                    + " 160 ms frame, not computed", samples / (double) AuresTonality.SAMPLE_RATE_HZ));
            return;
        }
        out.summary().put("tonality_aures_tu", result.meanTu());
        out.summary().put("tonality_aures_t5_tu", result.exceeded5Tu());
        out.results().put("tonality_aures_tu", result.tonalityTu());
        if (out.series() != null) {
            out.series().put("tonality_aures_tu", result.tonalityTu());
            out.series().put("tonality_aures_time_s", result.timeS());
        }
    }
}
