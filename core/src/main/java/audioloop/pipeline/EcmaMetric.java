package audioloop.pipeline;

import audioloop.ecmaloudness.BinauralLoudness;
import audioloop.ecmaloudness.EcmaLoudness;
import audioloop.ecmaloudness.EcmaLoudnessResult;
import audioloop.ecmatonality.ComponentLoudness;
import audioloop.ecmatonality.EcmaTonality;
import audioloop.ecmatonality.EcmaTonalityResult;
import audioloop.hearingmodel.CriticalBands;
import audioloop.loudness.SoundField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECMA-418-2:2025 (Sottek Hearing Model) loudness and tonality of the mono signal, or with {@code --ecma-binaural} of
 * a two-channel file's two ears: one pass of the hearing model ({@link ComponentLoudness}) per channel feeds whichever
 * of the two the run asks for. Binaural loudness combines the ears' specific loudness (Section 8.1.5,
 * {@link BinauralLoudness}); the standard combines no tonality, so each ear's is reported and the summary takes the
 * higher. Summary {@code loudness_ecma_sone}
 * (power average, sone_HMS) and {@code tonality_ecma_tu} (time average, tu_HMS); section {@code ecma} with the
 * statistics of N(l) and T(l) over the frames the standard averages (t ≥ 0.304 s), the specific overall values per
 * band and the bands' centre frequencies; under --series N(l) and T(l) every 1/187.5 s.
 */
final class EcmaMetric implements BlockMetric {
    private static final String[] EAR_NAMES = {"left", "right"};
    private final boolean diffuseField;
    private final boolean wantsLoudness;
    private final boolean wantsTonality;
    private final boolean binauralAsked;
    /** One hearing model per channel analysed: the mono mix, or the left and right ears; null before the first block. */
    private ComponentLoudness[] components;
    private EcmaLoudness loudness;
    private BinauralLoudness binauralLoudness;
    private EcmaTonality[] tonality;
    private boolean[] constant;
    private double[] firstSample;
    private EcmaLoudnessResult loudnessResult;
    private EcmaLoudnessResult[] earLoudness;
    private EcmaTonalityResult[] tonalityResults;

    EcmaMetric(AnalysisOptions options) {
        diffuseField = options.field() == SoundField.DIFFUSE;
        wantsLoudness = options.wants(Metric.ECMA_LOUDNESS);
        wantsTonality = options.wants(Metric.ECMA_TONALITY);
        binauralAsked = options.ecmaBinaural();
    }

    @Override
    public String stage() {
        return "ecma";
    }

    @Override
    public boolean wantsEars() {
        return binauralAsked;
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (components == null) {
            start(1);
        }
        feed(0, pressurePa, from, length);
    }

    @Override
    public void acceptEars(double[] leftPa, double[] rightPa, int from, int length) {
        if (components == null) {
            start(2);
        }
        feed(0, leftPa, from, length);
        feed(1, rightPa, from, length);
    }

    private boolean binaural() {
        return components != null && components.length == 2;
    }

    private void start(int channels) {
        components = new ComponentLoudness[channels];
        tonality = new EcmaTonality[channels];
        constant = new boolean[channels];
        firstSample = new double[channels];
        Arrays.fill(constant, true);
        Arrays.fill(firstSample, Double.NaN);
        if (wantsLoudness && channels == 2) {
            binauralLoudness = new BinauralLoudness();
        } else if (wantsLoudness) {
            loudness = new EcmaLoudness();
        }
        for (int c = 0; c < channels; c++) {
            EcmaTonality t = wantsTonality ? new EcmaTonality() : null;
            ComponentLoudness.FrameSink n = binauralLoudness != null ? binauralLoudness.ear(c) : loudness;
            tonality[c] = t;
            components[c] = new ComponentLoudness(diffuseField, (frame, tonal, noise) -> {
                if (n != null) {
                    n.frame(frame, tonal, noise);
                }
                if (t != null) {
                    t.frame(frame, tonal, noise);
                }
            });
        }
    }

    private void feed(int channel, double[] pressurePa, int from, int length) {
        for (int i = from; i < from + length && constant[channel]; i++) {
            if (Double.isNaN(firstSample[channel])) {
                firstSample[channel] = pressurePa[i];
            }
            constant[channel] = pressurePa[i] == firstSample[channel];
        }
        components[channel].accept(pressurePa, from, length);
    }

    /** Whether every channel is constant (silence or DC): then there is nothing to hear. */
    private boolean allConstant() {
        for (boolean c : constant) {
            if (!c) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void finish() {
        if (components == null || components[0].inputSamples() < ComponentLoudness.MINIMUM_SAMPLES || allConstant()) {
            return;
        }
        for (ComponentLoudness c : components) {
            c.finish();
        }
        if (binauralLoudness != null) {
            loudnessResult = binauralLoudness.result();
            earLoudness = new EcmaLoudnessResult[] {binauralLoudness.earResult(0), binauralLoudness.earResult(1)};
        } else if (loudness != null) {
            loudnessResult = loudness.result();
        }
        if (wantsTonality) {
            tonalityResults = new EcmaTonalityResult[tonality.length];
            for (int c = 0; c < tonality.length; c++) {
                tonalityResults[c] = tonality[c].result();
            }
        }
    }

    /** The channel whose overall tonality is reported in the summary: the higher ear's (the first on a tie). */
    private int tonalityChannel() {
        return tonalityResults.length == 2 && tonalityResults[1].tonalityTu() > tonalityResults[0].tonalityTu() ? 1 : 0;
    }

    @Override
    public void report(MetricOutput out) {
        if (binauralAsked && components != null && !binaural()) {
            out.warnings().add("ecma: --ecma-binaural needs a two-channel file; this one was analysed as its mono mix");
        }
        String problem = null;
        if (components == null || components[0].inputSamples() < ComponentLoudness.MINIMUM_SAMPLES) {
            problem = "ecma: ECMA-418-2 needs more than 300 ms of signal; loudness_ecma_sone and tonality_ecma_tu "
                    + "are null";
        } else if (allConstant()) {
            problem = "ecma: the signal is constant (silence or DC), which has no ECMA-418-2 loudness or tonality; "
                    + "loudness_ecma_sone and tonality_ecma_tu are null";
        } else if (!finite()) {
            problem = "ecma: the hearing model produced non-finite values; loudness_ecma_sone and tonality_ecma_tu "
                    + "are null";
        }
        if (problem != null) {
            out.warnings().add(problem);
            loudnessResult = null;
            tonalityResults = null;
        }
        EcmaTonalityResult tonalityResult = tonalityResults == null ? null : tonalityResults[tonalityChannel()];
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
        section.put("channels", binaural() ? "binaural" : "mono_mix");
        section.put("time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        section.put("band_centre_hz", CriticalBands.centresHz());
        if (loudnessResult != null) {
            section.put("loudness", loudnessBlock(loudnessResult));
        }
        if (tonalityResult != null) {
            Map<String, Object> t = tonalityBlock(tonalityResult);
            if (binaural()) {
                t.put("ear", EAR_NAMES[tonalityChannel()]);
            }
            section.put("tonality", t);
        }
        if (binaural()) {
            Map<String, Object> ears = new LinkedHashMap<>();
            for (int c = 0; c < 2; c++) {
                Map<String, Object> ear = new LinkedHashMap<>();
                if (earLoudness != null) {
                    ear.put("loudness", loudnessBlock(earLoudness[c]));
                }
                if (tonalityResults != null) {
                    ear.put("tonality", tonalityBlock(tonalityResults[c]));
                }
                ears.put(EAR_NAMES[c], ear);
            }
            section.put("ears", ears);
        }
        out.sections().put("ecma", section);
        if (out.series() != null) {
            if (loudnessResult != null) {
                out.series().put("loudness_ecma_sone", loudnessResult.loudnessSoneSeries());
            }
            if (tonalityResult != null) {
                out.series().put("tonality_ecma_tu", tonalityResult.tonalityTuSeries());
            }
            if (binaural()) {
                for (int c = 0; c < 2; c++) {
                    if (earLoudness != null) {
                        out.series().put("loudness_ecma_" + EAR_NAMES[c] + "_sone", earLoudness[c].loudnessSoneSeries());
                    }
                    if (tonalityResults != null) {
                        out.series().put("tonality_ecma_" + EAR_NAMES[c] + "_tu", tonalityResults[c].tonalityTuSeries());
                    }
                }
            }
            out.series().put("ecma_time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        }
    }

    private static Map<String, Object> loudnessBlock(EcmaLoudnessResult result) {
        Map<String, Object> n = stats("loudness_sone", result.loudnessSoneSeries());
        n.put("loudness_sone", result.loudnessSone());
        n.put("specific_loudness_sone_per_bark", result.specificLoudnessSone());
        return n;
    }

    private static Map<String, Object> tonalityBlock(EcmaTonalityResult result) {
        Map<String, Object> t = stats("tonality_tu", result.tonalityTuSeries());
        t.put("tonality_tu", result.tonalityTu());
        t.put("specific_tonality_tu_per_bark", result.specificTonalityTu());
        return t;
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

    private boolean finite() {
        List<EcmaLoudnessResult> loudnessResults = new ArrayList<>();
        if (loudnessResult != null) {
            loudnessResults.add(loudnessResult);
        }
        if (earLoudness != null) {
            loudnessResults.addAll(List.of(earLoudness));
        }
        for (EcmaLoudnessResult n : loudnessResults) {
            if (!(allFinite(n.loudnessSoneSeries()) && allFinite(n.specificLoudnessSone())
                    && Double.isFinite(n.loudnessSone()))) {
                return false;
            }
        }
        for (EcmaTonalityResult t : tonalityResults == null ? new EcmaTonalityResult[0] : tonalityResults) {
            if (!(allFinite(t.tonalityTuSeries()) && allFinite(t.specificTonalityTu())
                    && Double.isFinite(t.tonalityTu()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }
}
