package audioloop.pipeline;

import audioloop.ecmaloudness.BinauralLoudness;
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
 * ECMA-418-2:2025 (Sottek Hearing Model) loudness, tonality and roughness of the mono signal, or with
 * {@code --ecma-binaural} of a two-channel file's two ears: per channel one pass of the hearing model's front end
 * ({@link RectifiedBands}: ear filter, 53 band filters) feeds whichever of them the run asks for — loudness and
 * tonality through {@link ComponentLoudness}, roughness through {@link EcmaRoughness}. Binaural loudness combines the
 * ears' specific loudness (Section 8.1.5, {@link BinauralLoudness}), binaural roughness their specific roughness
 * (Section 7.1.11); the standard combines no tonality, so each ear's is reported and the summary takes the higher.
 * Summary {@code loudness_ecma_sone} (power average, sone_HMS), {@code tonality_ecma_tu} (time average, tu_HMS) and
 * {@code roughness_ecma_asper} (90th percentile, asper_HMS); section {@code ecma} with the statistics of N(l), T(l)
 * and R(l₅₀) over the frames the standard averages (t ≥ 0.304 s; roughness t ≥ 0.32 s), the specific overall values
 * per band and the bands' centre frequencies; under --series N(l) and T(l) every 1/187.5 s, R(l₅₀) every 1/50 s.
 */
final class EcmaMetric implements BlockMetric {
    private static final String[] EAR_NAMES = {"left", "right"};
    private final boolean diffuseField;
    private final boolean wantsLoudness;
    private final boolean wantsTonality;
    private final boolean wantsRoughness;
    private final boolean binauralAsked;
    /** One front end per channel analysed: the mono mix, or the left and right ears; null before the first block. */
    private RectifiedBands[] bands;
    /** Per channel, when loudness or tonality is asked for (else null). */
    private ComponentLoudness[] components;
    /** Per channel, when roughness is asked for (else null). */
    private EcmaRoughness[] roughness;
    private EcmaLoudness loudness;
    private BinauralLoudness binauralLoudness;
    private EcmaTonality[] tonality;
    private boolean[] constant;
    private double[] firstSample;
    private EcmaLoudnessResult loudnessResult;
    private EcmaLoudnessResult[] earLoudness;
    private EcmaTonalityResult[] tonalityResults;
    private EcmaRoughnessResult roughnessResult;
    private EcmaRoughnessResult[] earRoughness;

    EcmaMetric(AnalysisOptions options) {
        diffuseField = options.field() == SoundField.DIFFUSE;
        wantsLoudness = options.wants(Metric.ECMA_LOUDNESS);
        wantsTonality = options.wants(Metric.ECMA_TONALITY);
        wantsRoughness = options.wants(Metric.ECMA_ROUGHNESS);
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
        if (bands == null) {
            start(1);
        }
        feed(0, pressurePa, from, length);
    }

    @Override
    public void acceptEars(double[] leftPa, double[] rightPa, int from, int length) {
        if (bands == null) {
            start(2);
        }
        feed(0, leftPa, from, length);
        feed(1, rightPa, from, length);
    }

    private boolean binaural() {
        return bands != null && bands.length == 2;
    }

    private void start(int channels) {
        boolean wantsComponents = wantsLoudness || wantsTonality;
        bands = new RectifiedBands[channels];
        components = wantsComponents ? new ComponentLoudness[channels] : null;
        roughness = wantsRoughness ? new EcmaRoughness[channels] : null;
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
            bands[c] = new RectifiedBands(diffuseField,
                    wantsComponents ? ComponentLoudness.keepSamples() : new int[CriticalBands.COUNT],
                    wantsRoughness ? EcmaRoughness.rawKeepSamples() : new int[CriticalBands.COUNT]);
            EcmaTonality t = wantsTonality ? new EcmaTonality() : null;
            ComponentLoudness.FrameSink n = binauralLoudness != null ? binauralLoudness.ear(c) : loudness;
            tonality[c] = t;
            if (wantsComponents) {
                components[c] = new ComponentLoudness(bands[c], (frame, tonal, noise) -> {
                    if (n != null) {
                        n.frame(frame, tonal, noise);
                    }
                    if (t != null) {
                        t.frame(frame, tonal, noise);
                    }
                });
            }
            if (wantsRoughness) {
                roughness[c] = new EcmaRoughness(bands[c], false);
            }
        }
    }

    private void feed(int channel, double[] pressurePa, int from, int length) {
        for (int i = from; i < from + length && constant[channel]; i++) {
            if (Double.isNaN(firstSample[channel])) {
                firstSample[channel] = pressurePa[i];
            }
            constant[channel] = pressurePa[i] == firstSample[channel];
        }
        for (int done = 0; done < length; ) {
            int n = Math.min(RectifiedBands.maxAppend(), length - done);
            bands[channel].append(pressurePa, from + done, n);
            if (components != null) {
                components[channel].advance();
            }
            if (roughness != null) {
                roughness[channel].advance();
            }
            done += n;
        }
    }

    private long inputSamples() {
        return bands == null ? 0 : bands[0].inputSamples();
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
        if (inputSamples() < ComponentLoudness.MINIMUM_SAMPLES || allConstant()) {
            return;
        }
        // roughness first: it reads the signal's end, before the end padding of loudness and tonality is appended
        if (roughness != null && inputSamples() >= EcmaRoughness.MINIMUM_SAMPLES) {
            if (binaural()) {
                EcmaRoughnessResult[] results = EcmaRoughness.finishBinaural(roughness[0], roughness[1]);
                earRoughness = new EcmaRoughnessResult[] {results[0], results[1]};
                roughnessResult = results[2];
            } else {
                roughnessResult = roughness[0].finish();
            }
        }
        if (components != null) {
            for (ComponentLoudness c : components) {
                c.finish();
            }
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
        if (binauralAsked && bands != null && !binaural()) {
            out.warnings().add("ecma: --ecma-binaural needs a two-channel file; this one was analysed as its mono mix");
        }
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
        } else if (allConstant()) {
            problem = "ecma: the signal is constant (silence or DC), which has no ECMA-418-2 loudness, tonality or "
                    + "roughness; " + allNull;
        } else if (!finite()) {
            problem = "ecma: the hearing model produced non-finite values; " + allNull;
        }
        if (problem != null) {
            out.warnings().add(problem);
            loudnessResult = null;
            tonalityResults = null;
            roughnessResult = null;
        } else if (wantsRoughness && roughnessResult == null) {
            out.warnings().add("ecma: ECMA-418-2 roughness averages from 0.32 s on and needs at least "
                    + EcmaRoughness.MINIMUM_SAMPLES + " samples (0.32 s); roughness_ecma_asper is null");
        }
        EcmaTonalityResult tonalityResult = tonalityResults == null ? null : tonalityResults[tonalityChannel()];
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
        section.put("channels", binaural() ? "binaural" : "mono_mix");
        if (components != null) {
            section.put("time_step_s", 1 / ComponentLoudness.FRAME_RATE_HZ);
        }
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
        if (roughnessResult != null) {
            section.put("roughness", roughnessBlock(roughnessResult));
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
                if (earRoughness != null && roughnessResult != null) {
                    ear.put("roughness", roughnessBlock(earRoughness[c]));
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
                    if (earRoughness != null && roughnessResult != null) {
                        out.series().put("roughness_ecma_" + EAR_NAMES[c] + "_asper",
                                earRoughness[c].roughnessAsperSeries());
                    }
                }
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

    private static Map<String, Object> loudnessBlock(EcmaLoudnessResult result) {
        Map<String, Object> n = stats("loudness_sone", result.loudnessSoneSeries(), EcmaLoudness.FIRST_AVERAGED_FRAME);
        n.put("loudness_sone", result.loudnessSone());
        n.put("specific_loudness_sone_per_bark", result.specificLoudnessSone());
        return n;
    }

    private static Map<String, Object> tonalityBlock(EcmaTonalityResult result) {
        Map<String, Object> t = stats("tonality_tu", result.tonalityTuSeries(), EcmaLoudness.FIRST_AVERAGED_FRAME);
        t.put("tonality_tu", result.tonalityTu());
        t.put("specific_tonality_tu_per_bark", result.specificTonalityTu());
        return t;
    }

    private static Map<String, Object> roughnessBlock(EcmaRoughnessResult result) {
        Map<String, Object> r = stats("roughness_asper", result.roughnessAsperSeries(),
                EcmaRoughness.FIRST_AVERAGED_FRAME);
        r.put("roughness_asper", result.roughnessAsper());
        r.put("specific_roughness_asper_per_bark", result.specificRoughnessAsper());
        r.put("time_step_s", result.timeStepS());
        return r;
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
        List<EcmaRoughnessResult> roughnessResults = new ArrayList<>();
        if (roughnessResult != null) {
            roughnessResults.add(roughnessResult);
        }
        if (earRoughness != null) {
            roughnessResults.addAll(List.of(earRoughness));
        }
        for (EcmaRoughnessResult r : roughnessResults) {
            if (!(allFinite(r.roughnessAsperSeries()) && allFinite(r.specificRoughnessAsper())
                    && Double.isFinite(r.roughnessAsper()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }
}
