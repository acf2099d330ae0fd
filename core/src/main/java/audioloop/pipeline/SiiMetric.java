package audioloop.pipeline;

import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;

/**
 * ANSI S3.5 Speech Intelligibility Index with the file as the noise ({@link SpeechIntelligibilityIndex}),
 * {@code summary.sii}, for the vocal effort of {@code --sii-speech-level}. The calibration is always a level in Pa
 * (the default 1.0 included), so the file is always calibrated here.
 */
final class SiiMetric implements BlockMetric {

    private final WholeSignal signal;
    private final SpeechLevel speechLevel;
    private Double sii;

    SiiMetric(int samples48k, long budgetBytes, SpeechLevel speechLevel) {
        this.signal = new WholeSignal(samples48k, 0, budgetBytes);
        this.speechLevel = speechLevel;
    }

    @Override
    public String stage() {
        return "sii";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        signal.accept(pressurePa, from, length);
    }

    @Override
    public void finish() {
        if (signal.length() >= SpeechIntelligibilityIndex.MIN_SAMPLES_48K) {
            sii = SpeechIntelligibilityIndex.ofNoise(signal.take(), 48_000, speechLevel);
        }
    }

    @Override
    public void report(MetricOutput out) {
        out.summary().put("sii", sii);
        if (sii == null) {
            out.warnings().add(signal.overBudget()
                    ? "sii: not computed, the whole-file spectrum of a file over " + signal.maxSeconds()
                    + " s does not fit the heap (raise -Xmx)"
                    : "sii: not computed for a file shorter than 10 ms (its spectrum has no line at 100 Hz)");
        }
    }
}
