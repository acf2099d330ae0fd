package audioloop.pipeline;

import audioloop.annoyance.PsychoacousticAnnoyance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Psychoacoustic annoyance from the metrics computed before it (registered last in {@link BlockMetrics}): the
 * {@code annoyance} section {@code {widmann_au, more_au, di_au, inputs}}, each formula with the inputs refmap's
 * {@code psych_annoy.py} documents for it:
 * <ul>
 *   <li>Widmann (1992): N5 (the summary's {@code loudness_n5_sone}), S5 and R5 (95th percentiles, numpy's linear
 *   rule, of DIN 45692 S(t) and Daniel &amp; Weber R(t)), F5 (the summary's {@code fluctuation_f5_vacil});</li>
 *   <li>More (2010): N5, S5 of von Bismarck-weighted S(t) (refmap's advice in lieu of More's own weighting), R5,
 *   F5 and K5 of Aures tonality (the summary's {@code tonality_aures_t5_tu});</li>
 *   <li>Di et al. (2016): N5, S5 of Aures-weighted S(t), the time averages of R(t) and F(t) (the summary's
 *   {@code roughness_asper}, {@code fluctuation_vacil}) and of Aures tonality ({@code tonality_aures_tu}).</li>
 * </ul>
 * A formula whose inputs are not all available is null with a warning; all three divide by a power of N5, so a
 * silent input (N5 = 0) gives null with a warning too.
 */
final class AnnoyanceMetric implements BlockMetric {
    @Override
    public String stage() {
        return "annoyance";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        // Derived from the other metrics' results in report: nothing to do with the signal.
    }

    @Override
    public void finish() {
    }

    @Override
    public void report(MetricOutput out) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Double loudness5 = number(out.summary().get("loudness_n5_sone"));
        Double roughness5 = percentile95(out, "roughness_asper");
        Double fluctuation5 = number(out.summary().get("fluctuation_f5_vacil"));

        Map<String, Object> widmann = new LinkedHashMap<>();
        widmann.put("loudness_n5_sone", loudness5);
        widmann.put("sharpness_s5_acum", percentile95(out, "sharpness_acum"));
        widmann.put("roughness_r5_asper", roughness5);
        widmann.put("fluctuation_f5_vacil", fluctuation5);

        Map<String, Object> more = new LinkedHashMap<>();
        more.put("loudness_n5_sone", loudness5);
        more.put("sharpness_bismarck_s5_acum", percentile95(out, "sharpness_bismarck_acum"));
        more.put("roughness_r5_asper", roughness5);
        more.put("fluctuation_f5_vacil", fluctuation5);
        more.put("tonality_aures_t5_tu", number(out.summary().get("tonality_aures_t5_tu")));

        Map<String, Object> di = new LinkedHashMap<>();
        di.put("loudness_n5_sone", loudness5);
        di.put("sharpness_aures_s5_acum", percentile95(out, "sharpness_aures_acum"));
        di.put("roughness_mean_asper", number(out.summary().get("roughness_asper")));
        di.put("fluctuation_mean_vacil", number(out.summary().get("fluctuation_vacil")));
        di.put("tonality_aures_mean_tu", number(out.summary().get("tonality_aures_tu")));

        Double widmannAu = evaluate("Widmann", widmann, out, v -> PsychoacousticAnnoyance.widmann(v[0], v[1],
                v[2], v[3]));
        Double moreAu = evaluate("More", more, out, v -> PsychoacousticAnnoyance.more(v[0], v[1], v[2], v[3],
                v[4]));
        Double diAu = evaluate("Di", di, out, v -> PsychoacousticAnnoyance.di(v[0], v[1], v[2], v[3],
                v[4]));
        inputs.put("widmann", widmann);
        inputs.put("more", more);
        inputs.put("di", di);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("widmann_au", widmannAu);
        section.put("more_au", moreAu);
        section.put("di_au", diAu);
        section.put("inputs", inputs);
        out.sections().put("annoyance", section);
    }

    private interface Formula {
        double apply(double[] inputs);
    }

    /** The formula of the inputs in their order (N5 first), or null with a warning if one is missing or N5 is 0. */
    private static Double evaluate(String name, Map<String, Object> used, MetricOutput out, Formula formula) {
        double[] values = new double[used.size()];
        int i = 0;
        for (Map.Entry<String, Object> entry : used.entrySet()) {
            if (!(entry.getValue() instanceof Double value)) {
                out.warnings().add("annoyance: " + name + " needs " + String.join(", ", used.keySet()) + ", and "
                        + entry.getKey() + " could not be computed for this input (see the other warnings)");
                return null;
            }
            values[i++] = value;
        }
        if (values[0] <= 0) {
            out.warnings().add("annoyance: N5 is 0 sone (silence); " + name + " divides by a power of N5, not computed");
            return null;
        }
        return formula.apply(values);
    }

    private static Double number(Object value) {
        return value instanceof Double d ? d : null;
    }

    /** The 95th percentile (numpy's linear rule) of a series in {@link MetricOutput#results()}, or null. */
    private static Double percentile95(MetricOutput out, String key) {
        double[] series = out.results().get(key);
        return series == null ? null : Summaries.percentile(series, 95);
    }
}
