package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.levels.SoundLevelMeter;
import audioloop.levels.SoundLevels;
import audioloop.loudness.SoundField;
import audioloop.loudness.ThirdOctaveSpectrum;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code levels} section through the pipeline: the file read in 2 s blocks gives the levels of the whole signal
 * bit for bit, whatever the pool size; series and timing; silent and very short files.
 */
class LevelsMetricTest {
    private static final double CALIBRATION = 2.0;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> levels(FileAnalysis analysis) {
        return (Map<String, Object>) analysis.sections().get("levels");
    }

    private FileAnalysis analyze(Path wav, int threads, boolean series) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            AnalysisOptions options = new AnalysisOptions(CALIBRATION, SoundField.FREE, EnumSet.of(Metric.LEVELS), series);
            return new Analyzer(options, pool).analyze(wav, wav.getFileName().toString());
        } finally {
            pool.shutdown();
        }
    }

    /** 5 s: the band filters, block by block; 8 s: one DFT of the whole signal (ThirdOctaveFeed). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 8})
    void blockFedLevelsEqualTheWholeSignalsForAnyPoolSize(int seconds) throws Exception {
        // three or four blocks, the last one short; a 500 Hz tone whose level steps up half way, over noise
        int n = seconds * 48_000;
        double[] samples = new double[n];
        java.util.Random random = new java.util.Random(61672);
        for (int i = 0; i < n; i++) {
            samples[i] = (i < n / 2 ? 0.05 : 0.4) * Math.sin(2 * Math.PI * 500 * i / 48_000.0) + 0.001 * random.nextGaussian();
        }
        Path wav = WavFiles.pcm16(dir, "step.wav", 48_000, 1, samples);
        double[] pressure = new double[n];
        for (int i = 0; i < n; i++) {
            pressure[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768))) / 32768.0 * CALIBRATION;
        }
        SoundLevelMeter meter = new SoundLevelMeter(48_000, n);
        meter.accept(pressure, 0, n);
        SoundLevels whole = meter.finish();
        double[] bands;
        if (n >= ThirdOctaveSpectrum.spectralMinimumSamples(48_000, 25, 20_000)) {
            bands = ThirdOctaveSpectrum.levelsDbInPlace(java.util.Arrays.copyOf(pressure,
                    ThirdOctaveSpectrum.transformLength(n, 48_000, 25, 20_000)), n, 48_000, 25, 20_000);
        } else {
            ThirdOctaveSpectrum.Stream spectrum = new ThirdOctaveSpectrum.Stream(48_000, n, 25, 20_000);
            spectrum.accept(pressure, 0, n);
            bands = spectrum.finish();
        }

        FileAnalysis one = analyze(wav, 1, true);
        FileAnalysis two = analyze(wav, 2, false);
        for (FileAnalysis analysis : List.of(one, two)) {
            Map<String, Object> section = levels(analysis);
            assertEquals(whole.lzeqDb(), section.get("LZeq_db"));
            assertEquals(whole.laeqDb(), section.get("LAeq_db"));
            assertEquals(whole.lceqDb(), section.get("LCeq_db"));
            assertEquals(whole.lafmaxDb(), section.get("LAFmax_db"));
            assertEquals(whole.lasmaxDb(), section.get("LASmax_db"));
            assertEquals(whole.lcpeakDb(), section.get("LCpeak_db"));
            assertEquals(Summaries.percentile(whole.settledLafDb(), 90), section.get("LAF10_db"));
            assertEquals(Summaries.percentile(whole.settledLafDb(), 10), section.get("LAF90_db"));
            assertArrayEquals(bands, (double[]) section.get("third_octave_db"));
            assertEquals(30, ((double[]) section.get("third_octave_hz")).length);
            assertTrue(analysis.timingMs().containsKey("levels"));
        }
        // The tone steps up by 18 dB half way: L_AF10 reads the loud half, L_AF90 the quiet one
        Map<String, Object> section = levels(one);
        assertEquals(18.06, (Double) section.get("LAF10_db") - (Double) section.get("LAF90_db"), 0.1);
        assertArrayEquals(whole.lafDb(), (double[]) one.series().get("LAF_db"));
        assertEquals(seconds * 100, whole.lafDb().length);
        assertEquals(0.01, one.series().get("levels_time_step_s"));
    }

    @Test
    void silenceIsNullWithAWarning() throws Exception {
        FileAnalysis analysis = analyze(WavFiles.pcm16(dir, "silence.wav", 48_000, 1, new double[48_000]), 2, true);
        Map<String, Object> section = levels(analysis);
        for (String key : List.of("LZeq_db", "LAeq_db", "LCeq_db", "LAFmax_db", "LASmax_db", "LCpeak_db", "LAF10_db",
                "LAF50_db", "LAF90_db", "third_octave_db")) {
            assertNull(section.get(key), key);
        }
        assertTrue(analysis.warnings().stream().anyMatch(w -> w.startsWith("levels: ")), analysis.warnings().toString());
        assertNull(analysis.series().get("LAF_db"));
    }

    @Test
    void tenMillisecondsGiveLevelsButNoStatistics() throws Exception {
        double[] samples = new double[441];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 44_100.0);
        }
        FileAnalysis analysis = analyze(WavFiles.pcm16(dir, "short.wav", 44_100, 1, samples), 1, false);
        Map<String, Object> section = levels(analysis);
        for (String key : List.of("LZeq_db", "LAeq_db", "LCeq_db", "LAFmax_db", "LASmax_db", "LCpeak_db")) {
            assertTrue(Double.isFinite((Double) section.get(key)), key);
        }
        for (double level : (double[]) section.get("third_octave_db")) {
            assertTrue(Double.isFinite(level));
        }
        assertNull(section.get("LAF50_db"));
        assertTrue(analysis.warnings().stream().anyMatch(w -> w.startsWith("levels: LAF10/LAF50/LAF90")),
                analysis.warnings().toString());
    }

    /**
     * With levels asked for, the stationary loudness takes its 28 bands from the levels section's 30: same result, by
     * the band filters (3 s) and by one DFT (8 s).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 8})
    void stationaryLoudnessIsTheSameWhenItSharesTheLevelsBands(int seconds) throws Exception {
        double[] samples = new double[seconds * 44_100];
        java.util.Random random = new java.util.Random(532);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.1 * random.nextGaussian() + 0.2 * Math.sin(2 * Math.PI * 3000 * i / 44_100.0);
        }
        Path wav = WavFiles.pcm16(dir, "noise.wav", 44_100, 1, samples);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Map<String, Object> alone = new Analyzer(new AnalysisOptions(CALIBRATION, SoundField.FREE,
                    EnumSet.of(Metric.SHARPNESS, Metric.LOUDNESS), false), pool).analyze(wav, "a").summary();
            FileAnalysis shared = new Analyzer(new AnalysisOptions(CALIBRATION, SoundField.FREE,
                    EnumSet.of(Metric.SHARPNESS, Metric.LOUDNESS, Metric.LEVELS), false), pool).analyze(wav, "b");
            for (String key : List.of("loudness_stationary_sone", "loudness_stationary_phon", "sharpness_stationary_acum",
                    "sharpness_aures_stationary_acum", "sharpness_fastl_stationary_acum")) {
                assertEquals(alone.get(key), shared.summary().get(key), key);
            }
            assertTrue((Double) alone.get("loudness_stationary_sone") > 1);
        } finally {
            pool.shutdown();
        }
    }
}
