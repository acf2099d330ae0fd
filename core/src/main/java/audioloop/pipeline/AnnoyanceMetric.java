package audioloop.pipeline;

import audioloop.annoyance.PsychoacousticAnnoyance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Psychoacoustic annoyance from the metrics computed before it (registered last in {@link BlockMetrics}): the
 * {@code annoyance} section {@code {widmann_au, more_au, di_au, inputs}}. Widmann (1992) takes N5 (the summary's
 * {@code loudness_n5_sone}), S5 and R5 (95th percentiles, numpy's linear rule, of DIN 45692 S(t) and Daniel &amp;
 * Weber R(t)) and F5 (the summary's {@code fluctuation_f5_vacil}). More (2010) and Di et al. (2016) need Aures
 * (1985) tonality, which audioloop does not compute yet: they are null with a warning.
 */
final class AnnoyanceMetric implements BlockMetric {
    static final String NO_TONALITY = "needs Aures tonality, not implemented";

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
        Map<String, Object> section = new LinkedHashMap<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        Object loudness5 = out.summary().get("loudness_n5_sone");
        Object fluctuation5 = out.summary().get("fluctuation_f5_vacil");
        double[] sharpness = out.results().get("sharpness_acum");
        double[] roughness = out.results().get("roughness_asper");
        Double widmann = null;
        if (loudness5 instanceof Double n5 && fluctuation5 instanceof Double f5 && sharpness != null
                && roughness != null) {
            double s5 = Summaries.percentile(sharpness, 95);
            double r5 = Summaries.percentile(roughness, 95);
            Map<String, Object> used = new LinkedHashMap<>();
            used.put("loudness_n5_sone", n5);
            used.put("sharpness_s5_acum", s5);
            used.put("roughness_r5_asper", r5);
            used.put("fluctuation_f5_vacil", f5);
            inputs.put("widmann", used);
            if (n5 > 0) {
                widmann = PsychoacousticAnnoyance.widmann(n5, s5, r5, f5);
            } else {
                out.warnings().add("annoyance: N5 is 0 sone (silence); the Widmann formula divides by N5^0.4,"
                        + " not computed");
            }
        } else {
            inputs.put("widmann", null);
            out.warnings().add("annoyance: Widmann needs N5, S5, R5 and F5, and one of them could not be computed"
                    + " for this input (see the other warnings)");
        }
        inputs.put("more", null);
        inputs.put("di", null);
        out.warnings().add("annoyance: More (2010) " + NO_TONALITY);
        out.warnings().add("annoyance: Di et al. (2016) " + NO_TONALITY);
        section.put("widmann_au", widmann);
        section.put("more_au", null);
        section.put("di_au", null);
        section.put("inputs", inputs);
        out.sections().put("annoyance", section);
    }
}
