package audioloop.pipeline;

import audioloop.fluctuation.FluctuationResult;
import audioloop.fluctuation.FluctuationStrength;
import java.util.Locale;

/**
 * Fluctuation strength (Osses et al. 2016 as SQAT implements it) in the pipeline: the 48 kHz pressure is fed to
 * {@link FluctuationStrength.Stream} block by block; reports {@code fluctuation_vacil} (mean of F(t)),
 * {@code fluctuation_f5_vacil} (SQAT's FS5) and, with series, {@code fluctuation_vacil} and
 * {@code fluctuation_time_s}. Its F(t) goes to {@link MetricOutput#results()} for annoyance.
 */
final class FluctuationMetric implements BlockMetric {
    private FluctuationStrength.Stream stream;
    private long samples;
    private FluctuationResult result;

    @Override
    public String stage() {
        return "fluctuation";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (stream == null) {
            stream = new FluctuationStrength.Stream();
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
            out.summary().put("fluctuation_vacil", null);
            out.summary().put("fluctuation_f5_vacil", null);
            out.warnings().add(String.format(Locale.ROOT, "fluctuation: input of %.3f s is not longer than one 2 s"
                    + " frame, not computed (the model needs 2 s to see modulations down to 0.5 Hz)",
                    samples / (double) FluctuationStrength.SAMPLE_RATE_HZ));
            return;
        }
        out.summary().put("fluctuation_vacil", result.meanVacil());
        out.summary().put("fluctuation_f5_vacil", result.exceeded5Vacil());
        out.results().put("fluctuation_vacil", result.fluctuationVacil());
        if (out.series() != null) {
            out.series().put("fluctuation_vacil", result.fluctuationVacil());
            out.series().put("fluctuation_time_s", result.timeS());
        }
    }
}
