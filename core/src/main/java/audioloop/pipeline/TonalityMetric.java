package audioloop.pipeline;

import audioloop.tonality.EcmaTonality;
import audioloop.tonality.TonalityResult;
import audioloop.tonality.ToneRatio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECMA-74 tone-to-noise and prominence ratios of the whole file ({@link EcmaTonality}), reported as the
 * {@code tonality} section: {@code tnr_db}, {@code pr_db} (totals over prominent tones, null without one) and
 * {@code tones}, every tone either procedure found, joined by frequency line.
 */
final class TonalityMetric implements BlockMetric {
    /** The analysed lines (89.1 Hz – 11.2 kHz, 23 % of n): level, power, label and smoothed level, 8 bytes each. */
    static final int LINE_BYTES_PER_SAMPLE = 8;

    private final WholeSignal signal;
    private TonalityResult result;

    TonalityMetric(int samples48k, long budgetBytes) {
        this.signal = new WholeSignal(samples48k, LINE_BYTES_PER_SAMPLE, budgetBytes);
    }

    @Override
    public String stage() {
        return "tonality";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        signal.accept(pressurePa, from, length);
    }

    @Override
    public void finish() {
        double[] samples = signal.take();
        if (samples != null && samples.length > 0) {
            result = EcmaTonality.analyze(samples, 48_000);
        }
    }

    @Override
    public void report(MetricOutput out) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (result == null) {
            out.warnings().add(signal.overBudget()
                    ? "tonality: not computed, the whole-file spectrum of a file over " + signal.maxSeconds()
                    + " s does not fit the heap (raise -Xmx)"
                    : "tonality: not computed for an empty signal");
            section.put("tnr_db", null);
            section.put("pr_db", null);
            section.put("tones", List.of());
            out.sections().put("tonality", section);
            return;
        }
        if (result.analysedLines() < TonalityResult.MIN_LINES) {
            out.warnings().add("tonality: input too short for a spectrum between 89.1 Hz and 11.2 kHz, not computed");
        }
        section.put("tnr_db", result.tnrTotalDb());
        section.put("pr_db", result.prTotalDb());
        section.put("tones", joinedTones(result));
        if (result.droppedNonFinite() > 0) {
            out.warnings().add("tonality: " + result.droppedNonFinite()
                    + " tone(s) dropped, their noise estimate was not positive");
        }
        out.sections().put("tonality", section);
    }

    /**
     * One entry per frequency line either procedure reported a tone on, by increasing frequency, with the ratio of
     * each procedure that found it ({@code null} for the other) and {@code prominent} if either procedure's ECMA-74
     * criterion holds.
     */
    static List<Map<String, Object>> joinedTones(TonalityResult result) {
        TreeMap<Double, ToneRatio[]> byFrequency = new TreeMap<>();
        for (ToneRatio tone : result.tnrTones()) {
            byFrequency.computeIfAbsent(tone.frequencyHz(), f -> new ToneRatio[2])[0] = tone;
        }
        for (ToneRatio tone : result.prTones()) {
            byFrequency.computeIfAbsent(tone.frequencyHz(), f -> new ToneRatio[2])[1] = tone;
        }
        List<Map<String, Object>> tones = new ArrayList<>();
        for (Map.Entry<Double, ToneRatio[]> e : byFrequency.entrySet()) {
            ToneRatio tnr = e.getValue()[0];
            ToneRatio pr = e.getValue()[1];
            Map<String, Object> tone = new LinkedHashMap<>();
            tone.put("frequency_hz", e.getKey());
            tone.put("tnr_db", tnr == null ? null : tnr.ratioDb());
            tone.put("pr_db", pr == null ? null : pr.ratioDb());
            tone.put("prominent", (tnr != null && tnr.prominent()) || (pr != null && pr.prominent()));
            tones.add(tone);
        }
        return tones;
    }
}
