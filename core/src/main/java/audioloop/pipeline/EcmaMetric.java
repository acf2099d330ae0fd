package audioloop.pipeline;

import audioloop.ecmaloudness.EcmaLoudness;
import audioloop.ecmaloudness.EcmaLoudnessResult;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.ecmatonality.EcmaTonalityResult;
import audioloop.hearingmodel.CriticalBands;
import audioloop.loudness.SoundField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ECMA-418-2:2025 (Sottek Hearing Model) loudness and tonality of the mono signal: one pass of the hearing model
 * ({@link ComponentLoudness}) feeds whichever of the two the run asks for. Summary {@code loudness_ecma_sone}
 * (power average, sone_HMS) and {@code tonality_ecma_tu} (time average, tu_HMS); section {@code ecma} with the
 * statistics of N(l) and T(l) over the frames the standard averages (t ≥ 0.304 s), the specific overall values per
 * band and the bands' centre frequencies; under --series N(l) and T(l) every 1/187.5 s.
 */
final class EcmaMetric implements BlockMetric {
    private final boolean diffuseField;
    private final boolean wantsLoudness;
    private final boolean wantsTonality;
    private ComponentLoudness components;
    private EcmaLoudness loudness;
    private EcmaTonality tonality;
    private boolean constant = true;
    private double firstSample = Double.NaN;
    private EcmaLoudnessResult loudnessResult;
    private EcmaTonalityResult tonalityResult;

    EcmaMetric(AnalysisOptions options) {
        diffuseField = options.field() == SoundField.DIFFUSE;
        wantsLoudness = options.wants(Metric.ECMA_LOUDNESS);
        wantsTonality = options.wants(Metric.ECMA_TONALITY);
    }

    @Override
    public String stage() {
        return "ecma";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (components == null) {
            loudness = wantsLoudness ? new EcmaLoudness() : null;
            tonality = wantsTonality ? new EcmaTonality() : null;
            components = new ComponentLoudness(diffuseField, (frame, tonal, noise) -> {
                if (loudness != null) {
                    loudness.frame(frame, tonal, noise);
                }
                if (tonality != null) {
                    tonality.frame(frame, tonal, noise);
                }
            });
        }
        for (int i = from; i < from + length && constant; i++) {
            if (Double.isNaN(firstSample)) {
                firstSample = pressurePa[i];
            }
            constant = pressurePa[i] == firstSample;
        }
        components.accept(pressurePa, from, length);
    }

    @Override
    public void finish() {
        if (components == null || components.inputSamples() < ComponentLoudness.MINIMUM_SAMPLES || constant) {
            return;
        }
        components.finish();
        loudnessResult = loudness == null ? null : loudness.result();
        tonalityResult = tonality == null ? null : tonality.result();
    }

    @Override
    public void report(MetricOutput out) {
        String problem = null;
        if (components == null || components.inputSamples() < ComponentLoudness.MINIMUM_SAMPLES) {
            problem = "ecma: ECMA-418-2 needs more than 300 ms of signal; loudness_ecma_sone and tonality_ecma_tu "
                    + "are null";
        } else if (constant) {
            problem = "ecma: the signal is constant (silence or DC), which has no ECMA-418-2 loudness or tonality; "
                    + "loudness_ecma_sone and tonality_ecma_tu are null";
        } else if (!finite(loudnessResult, tonalityResult)) {
            problem = "ecma: the hearing model produced non-finite values; loudness_ecma_sone and tonality_ecma_tu "
                    + "are null";
        }
        if (problem != null) {
            out.warnings().add(problem);
            loudnessResult = null;
            tonalityResult = null;
        }
        if (wantsLoudness) {
            out.summary().put("loudness_ecma_sone", loudnessResult == null ? null : loudnessResult.loudnessSone());
        }
        if (wantsTonality) {
            out.summary().put("tonality_ecma_tu", tonalityResult == null ? null : tonalityResult.tonalityTu());
        }
        if (problem != null) {
            return;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("standard", "ECMA-418-2:2025");
        section.put("sound_field", diffuseField ? "diffuse" : "free_frontal");
        section.put("time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        section.put("band_centre_hz", CriticalBands.centresHz());
        if (loudnessResult != null) {
            Map<String, Object> n = stats("loudness_sone", loudnessResult.loudnessSoneSeries());
            n.put("loudness_sone", loudnessResult.loudnessSone());
            n.put("specific_loudness_sone_per_bark", loudnessResult.specificLoudnessSone());
            section.put("loudness", n);
        }
        if (tonalityResult != null) {
            Map<String, Object> t = stats("tonality_tu", tonalityResult.tonalityTuSeries());
            t.put("tonality_tu", tonalityResult.tonalityTu());
            t.put("specific_tonality_tu_per_bark", tonalityResult.specificTonalityTu());
            section.put("tonality", t);
        }
        out.sections().put("ecma", section);
        if (out.series() != null) {
            if (loudnessResult != null) {
                out.series().put("loudness_ecma_sone", loudnessResult.loudnessSoneSeries());
            }
            if (tonalityResult != null) {
                out.series().put("tonality_ecma_tu", tonalityResult.tonalityTuSeries());
            }
            out.series().put("ecma_time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        }
    }

    /** Mean, max, 5 % and 10 % exceedance levels of a time-dependent value over the frames the standard averages. */
    private static Map<String, Object> stats(String key, double[] series) {
        double[] averaged = Arrays.copyOfRange(series, EcmaLoudness.FIRST_AVERAGED_FRAME, series.length);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put(key + "_mean", Summaries.mean(averaged));
        stats.put(key + "_max", Summaries.max(averaged));
        stats.put(key + "_p5", Summaries.percentile(averaged, 95));
        stats.put(key + "_p10", Summaries.percentile(averaged, 90));
        return stats;
    }

    private static boolean finite(EcmaLoudnessResult n, EcmaTonalityResult t) {
        if (n != null && !(allFinite(n.loudnessSoneSeries()) && allFinite(n.specificLoudnessSone())
                && Double.isFinite(n.loudnessSone()))) {
            return false;
        }
        return t == null || (allFinite(t.tonalityTuSeries()) && allFinite(t.specificTonalityTu())
                && Double.isFinite(t.tonalityTu()));
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }
}
