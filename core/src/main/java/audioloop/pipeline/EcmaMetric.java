package audioloop.pipeline;

import audioloop.ecmaloudness.EcmaLoudness;
import audioloop.ecmaloudness.EcmaLoudnessResult;
import audioloop.ecmaroughness.EcmaRoughness;
import audioloop.ecmaroughness.EcmaRoughnessResult;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.ecmatonality.EcmaTonalityResult;
import audioloop.hearingmodel.CriticalBands;
import audioloop.hearingmodel.RectifiedBands;
import audioloop.loudness.SoundField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECMA-418-2:2025 (Sottek Hearing Model) loudness, tonality and roughness of the mono signal: one pass of the
 * hearing model's front end ({@link RectifiedBands}: ear filter, 53 band filters) feeds whichever of them the run
 * asks for — loudness and tonality through {@link ComponentLoudness}, roughness through {@link EcmaRoughness}.
 * Summary {@code loudness_ecma_sone} (power average, sone_HMS), {@code tonality_ecma_tu} (time average, tu_HMS) and
 * {@code roughness_ecma_asper} (90th percentile, asper_HMS); section {@code ecma} with the statistics of N(l), T(l)
 * and R(l₅₀) over the frames the standard averages (t ≥ 0.304 s; roughness t ≥ 0.32 s), the specific overall values
 * per band and the bands' centre frequencies; under --series N(l) and T(l) every 1/187.5 s, R(l₅₀) every 1/50 s.
 */
final class EcmaMetric implements BlockMetric {
    private final boolean diffuseField;
    private final boolean wantsLoudness;
    private final boolean wantsTonality;
    private final boolean wantsRoughness;
    private RectifiedBands bands;
    private ComponentLoudness components;
    private EcmaLoudness loudness;
    private EcmaTonality tonality;
    private EcmaRoughness roughness;
    private boolean constant = true;
    private double firstSample = Double.NaN;
    private EcmaLoudnessResult loudnessResult;
    private EcmaTonalityResult tonalityResult;
    private EcmaRoughnessResult roughnessResult;

    EcmaMetric(AnalysisOptions options) {
        diffuseField = options.field() == SoundField.DIFFUSE;
        wantsLoudness = options.wants(Metric.ECMA_LOUDNESS);
        wantsTonality = options.wants(Metric.ECMA_TONALITY);
        wantsRoughness = options.wants(Metric.ECMA_ROUGHNESS);
    }

    @Override
    public String stage() {
        return "ecma";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (bands == null) {
            boolean wantsComponents = wantsLoudness || wantsTonality;
            bands = new RectifiedBands(diffuseField,
                    wantsComponents ? ComponentLoudness.keepSamples() : new int[CriticalBands.COUNT],
                    wantsRoughness ? EcmaRoughness.rawKeepSamples() : new int[CriticalBands.COUNT]);
            loudness = wantsLoudness ? new EcmaLoudness() : null;
            tonality = wantsTonality ? new EcmaTonality() : null;
            if (wantsComponents) {
                components = new ComponentLoudness(bands, (frame, tonal, noise) -> {
                    if (loudness != null) {
                        loudness.frame(frame, tonal, noise);
                    }
                    if (tonality != null) {
                        tonality.frame(frame, tonal, noise);
                    }
                });
            }
            roughness = wantsRoughness ? new EcmaRoughness(bands, false) : null;
        }
        for (int i = from; i < from + length && constant; i++) {
            if (Double.isNaN(firstSample)) {
                firstSample = pressurePa[i];
            }
            constant = pressurePa[i] == firstSample;
        }
        for (int done = 0; done < length; ) {
            int n = Math.min(RectifiedBands.maxAppend(), length - done);
            bands.append(pressurePa, from + done, n);
            if (components != null) {
                components.advance();
            }
            if (roughness != null) {
                roughness.advance();
            }
            done += n;
        }
    }

    private long inputSamples() {
        return bands == null ? 0 : bands.inputSamples();
    }

    @Override
    public void finish() {
        if (inputSamples() < ComponentLoudness.MINIMUM_SAMPLES || constant) {
            return;
        }
        // roughness first: it reads the signal's end, before the end padding of loudness and tonality is appended
        if (roughness != null && inputSamples() >= EcmaRoughness.MINIMUM_SAMPLES) {
            roughnessResult = roughness.finish();
        }
        if (components != null) {
            components.finish();
        }
        loudnessResult = loudness == null ? null : loudness.result();
        tonalityResult = tonality == null ? null : tonality.result();
    }

    @Override
    public void report(MetricOutput out) {
        List<String> keys = new ArrayList<>();
        if (wantsLoudness) {
            keys.add("loudness_ecma_sone");
        }
        if (wantsTonality) {
            keys.add("tonality_ecma_tu");
        }
        if (wantsRoughness) {
            keys.add("roughness_ecma_asper");
        }
        String allNull = String.join(" and ", keys) + (keys.size() > 1 ? " are null" : " is null");
        String problem = null;
        if (inputSamples() < ComponentLoudness.MINIMUM_SAMPLES) {
            problem = "ecma: ECMA-418-2 needs more than 300 ms of signal; " + allNull;
        } else if (constant) {
            problem = "ecma: the signal is constant (silence or DC), which has no ECMA-418-2 loudness, tonality or "
                    + "roughness; " + allNull;
        } else if (!finite(loudnessResult, tonalityResult)) {
            problem = "ecma: the hearing model produced non-finite values; " + allNull;
        }
        if (problem != null) {
            out.warnings().add(problem);
            loudnessResult = null;
            tonalityResult = null;
            roughnessResult = null;
        } else if (wantsRoughness && roughnessResult == null) {
            out.warnings().add("ecma: ECMA-418-2 roughness averages from 0.32 s on and needs at least "
                    + EcmaRoughness.MINIMUM_SAMPLES + " samples (0.32 s); roughness_ecma_asper is null");
        } else if (roughnessResult != null && !finite(roughnessResult)) {
            out.warnings().add("ecma: the roughness model produced non-finite values; roughness_ecma_asper is null");
            roughnessResult = null;
        }
        if (wantsLoudness) {
            out.summary().put("loudness_ecma_sone", loudnessResult == null ? null : loudnessResult.loudnessSone());
        }
        if (wantsTonality) {
            out.summary().put("tonality_ecma_tu", tonalityResult == null ? null : tonalityResult.tonalityTu());
        }
        if (wantsRoughness) {
            out.summary().put("roughness_ecma_asper",
                    roughnessResult == null ? null : roughnessResult.roughnessAsper());
        }
        if (problem != null || (loudnessResult == null && tonalityResult == null && roughnessResult == null)) {
            return;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("standard", "ECMA-418-2:2025");
        section.put("sound_field", diffuseField ? "diffuse" : "free_frontal");
        if (components != null) {
            section.put("time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        }
        section.put("band_centre_hz", CriticalBands.centresHz());
        if (loudnessResult != null) {
            Map<String, Object> n = stats("loudness_sone", loudnessResult.loudnessSoneSeries(),
                    EcmaLoudness.FIRST_AVERAGED_FRAME);
            n.put("loudness_sone", loudnessResult.loudnessSone());
            n.put("specific_loudness_sone_per_bark", loudnessResult.specificLoudnessSone());
            section.put("loudness", n);
        }
        if (tonalityResult != null) {
            Map<String, Object> t = stats("tonality_tu", tonalityResult.tonalityTuSeries(),
                    EcmaLoudness.FIRST_AVERAGED_FRAME);
            t.put("tonality_tu", tonalityResult.tonalityTu());
            t.put("specific_tonality_tu_per_bark", tonalityResult.specificTonalityTu());
            section.put("tonality", t);
        }
        if (roughnessResult != null) {
            Map<String, Object> r = stats("roughness_asper", roughnessResult.roughnessAsperSeries(),
                    EcmaRoughness.FIRST_AVERAGED_FRAME);
            r.put("roughness_asper", roughnessResult.roughnessAsper());
            r.put("specific_roughness_asper_per_bark", roughnessResult.specificRoughnessAsper());
            r.put("time_step_s", roughnessResult.timeStepS());
            section.put("roughness", r);
        }
        out.sections().put("ecma", section);
        if (out.series() != null) {
            if (loudnessResult != null) {
                out.series().put("loudness_ecma_sone", loudnessResult.loudnessSoneSeries());
            }
            if (tonalityResult != null) {
                out.series().put("tonality_ecma_tu", tonalityResult.tonalityTuSeries());
            }
            if (components != null) {
                out.series().put("ecma_time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
            }
            if (roughnessResult != null) {
                out.series().put("roughness_ecma_asper", roughnessResult.roughnessAsperSeries());
                out.series().put("ecma_roughness_time_step_s", roughnessResult.timeStepS());
            }
        }
    }

    /** Mean, max, 5 % and 10 % exceedance levels of a time-dependent value over the frames the standard averages. */
    private static Map<String, Object> stats(String key, double[] series, int firstAveragedFrame) {
        double[] averaged = Arrays.copyOfRange(series, firstAveragedFrame, series.length);
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

    private static boolean finite(EcmaRoughnessResult r) {
        return allFinite(r.roughnessAsperSeries()) && allFinite(r.specificRoughnessAsper())
                && Double.isFinite(r.roughnessAsper());
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }
}
