package audioloop.pipeline;

import audioloop.levels.SoundLevelMeter;
import audioloop.levels.SoundLevels;
import audioloop.levels.ThirdOctaveBands;
import audioloop.loudness.ThirdOctaveSpectrum;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code levels} section: IEC 61672-1 sound levels ({@link SoundLevelMeter}) and the third-octave band levels
 * 25 Hz … 20 kHz of the whole file as MoSQITo 1.2.1 {@code noct_spectrum(sig, 48000, 25, 20000, n=3)} computes
 * them ({@link ThirdOctaveSpectrum}), dB re 20 µPa; {@code --series} adds L_AF(t) every 10 ms.
 * The band levels come through a {@link ThirdOctaveFeed} (one DFT of the whole signal, or the band filters).
 */
final class LevelsMetric implements BlockMetric {
    /** The band range of the section: noct_spectrum's fmin and fmax. */
    private static final double MIN_HZ = 25;
    private static final double MAX_HZ = 20000;
    /** Shortest signal the band filters take: scipy's decimate pads 27 samples at each end. */
    private static final int MIN_SPECTRUM_SAMPLES = 28;
    /** The loudness bands are this section's first ones. */
    private static final int LOUDNESS_BANDS = ThirdOctaveSpectrum.centreFrequenciesHz().length;

    static {
        if (ThirdOctaveSpectrum.bandNumbers(MIN_HZ, MAX_HZ)[0] != ThirdOctaveSpectrum.bandNumbers()[0]) {
            throw new AssertionError("the loudness bands must be the first bands of the levels section");
        }
    }

    private final int samples48k;
    private final long budgetBytes;
    private SoundLevelMeter meter;
    private ThirdOctaveFeed spectrum;
    private SoundLevels levels;
    private double[] bandLevelsDb;

    /**
     * @param samples48k  the signal's length at 48 kHz
     * @param budgetBytes heap the whole-signal DFT of the band levels may take ({@link ThirdOctaveFeed})
     */
    LevelsMetric(int samples48k, long budgetBytes) {
        this.samples48k = samples48k;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public String stage() {
        return "levels";
    }

    @Override
    public void accept(double[] pressurePa, int from, int length) {
        if (meter == null) {
            meter = new SoundLevelMeter(Analyzer.SAMPLE_RATE_HZ, samples48k);
            spectrum = samples48k >= MIN_SPECTRUM_SAMPLES
                    ? new ThirdOctaveFeed(samples48k, MIN_HZ, MAX_HZ, budgetBytes) : null;
        }
        meter.accept(pressurePa, from, length);
        if (spectrum != null) {
            spectrum.accept(pressurePa, from, length);
        }
    }

    @Override
    public void finish() {
        levels = meter.finish();
        bandLevelsDb = spectrum == null ? null : spectrum.finish();
    }

    /**
     * The levels of the 28 bands 25 Hz … 12.5 kHz of ISO 532-1 stationary loudness (MoSQITo's noct_spectrum with
     * fmin = 24, fmax = 12 600: the same band numbers from the same first one, hence the same filters and sums), after
     * {@link #finish}; the signal has at least the 10 ms loudness needs.
     */
    double[] loudnessBandLevelsDb() {
        return Arrays.copyOf(bandLevelsDb, LOUDNESS_BANDS);
    }

    @Override
    public void report(MetricOutput out) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("LZeq_db", levels.lzeqDb());
        section.put("LAeq_db", levels.laeqDb());
        section.put("LCeq_db", levels.lceqDb());
        section.put("LAFmax_db", levels.lafmaxDb());
        section.put("LASmax_db", levels.lasmaxDb());
        section.put("LCpeak_db", levels.lcpeakDb());
        double[] settled = levels.settledLafDb();
        boolean statistics = settled.length > 0;
        // Exceeded 10 %, 50 %, 90 % of the time: the 90th, 50th, 10th percentiles.
        section.put("LAF10_db", statistics ? Summaries.percentile(settled, 90) : null);
        section.put("LAF50_db", statistics ? Summaries.percentile(settled, 50) : null);
        section.put("LAF90_db", statistics ? Summaries.percentile(settled, 10) : null);
        int[] bands = ThirdOctaveSpectrum.bandNumbers(MIN_HZ, MAX_HZ);
        section.put("third_octave_hz", ThirdOctaveBands.nominalHz(bands[0], bands[1]));
        section.put("third_octave_db", levels.lzeqDb() == null ? null : bandLevelsDb);
        out.sections().put("levels", section);
        out.warnings().addAll(levels.warnings());
        if (levels.lzeqDb() != null && !statistics) {
            out.warnings().add("levels: LAF10/LAF50/LAF90 are taken over the L_AF samples from "
                    + SoundLevelMeter.PERCENTILE_START_S + " s on (after the F detector's start-up); the input is"
                    + " shorter: null");
        }
        if (levels.lzeqDb() != null && bandLevelsDb == null) {
            out.warnings().add("levels: third-octave levels need at least " + MIN_SPECTRUM_SAMPLES
                    + " samples at 48 kHz: null");
        }
        if (out.series() != null && levels.lafDb() != null) {
            out.series().put("LAF_db", levels.lafDb());
            out.series().put("levels_time_step_s", levels.lafStepS());
        }
    }
}
