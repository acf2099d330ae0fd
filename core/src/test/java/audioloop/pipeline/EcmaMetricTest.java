package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECMA-418-2 stage in the pipeline: the same numbers for any block split and pool size, null with a warning for
 * inputs the standard does not cover (shorter than 300 ms — 320 ms for roughness —, silence, DC), finite values for
 * a full-scale square, and the keys and section in an analysis.
 */
class EcmaMetricTest {
    @TempDir
    Path dir;

    private static final Set<Metric> BOTH = EnumSet.of(Metric.ECMA_LOUDNESS, Metric.ECMA_TONALITY);
    private static final Set<Metric> ALL = EnumSet.of(Metric.ECMA_LOUDNESS, Metric.ECMA_TONALITY,
            Metric.ECMA_ROUGHNESS);

    /** 0.8 s: a 1 kHz tone, 100 % amplitude-modulated at 70 Hz, in noise (Pa): clearly rough. */
    static double[] roughSignal() {
        Random random = new Random(11);
        double[] p = new double[38_400];
        for (int i = 0; i < p.length; i++) {
            double t = i / 48_000.0;
            p[i] = 0.03 * (1 + Math.cos(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 1000 * t)
                    + 0.002 * random.nextGaussian();
        }
        return p;
    }

    /** 0.6 s: a 700 Hz tone switched on at 0.35 s in pink-ish noise (Pa). */
    static double[] signal() {
        Random random = new Random(7);
        double[] p = new double[28_800];
        double low = 0;
        for (int i = 0; i < p.length; i++) {
            low = 0.9 * low + 0.1 * random.nextGaussian();
            p[i] = 0.05 * low + (i > 16_800 ? 0.02 * Math.sin(2 * Math.PI * 700 * i / 48_000.0) : 0);
        }
        return p;
    }

    static MetricOutput run(double[] p, int block, int threads, Set<Metric> metrics) {
        return run(new AnalysisOptions(1.0, SoundField.FREE, metrics, true), threads, metric -> {
            for (int from = 0; from < p.length; from += block) {
                metric.accept(p, from, Math.min(block, p.length - from));
            }
        });
    }

    /** An ECMA stage with these options on a pool of {@code threads}, fed by {@code feed}, finished and reported. */
    static MetricOutput run(AnalysisOptions options, int threads, java.util.function.Consumer<EcmaMetric> feed) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> {
                EcmaMetric metric = new EcmaMetric(options);
                feed.accept(metric);
                metric.finish();
                MetricOutput out = new MetricOutput(new LinkedHashMap<>(), new LinkedHashMap<>(),
                        new LinkedHashMap<>(), new ArrayList<>());
                metric.report(out);
                return out;
            }).join();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void identicalForAnyBlockSplitAndPoolSize() {
        double[] p = signal();
        MetricOutput whole = run(p, p.length, 2, BOTH);
        assertTrue(whole.warnings().isEmpty(), whole.warnings().toString());
        double n = (Double) whole.summary().get("loudness_ecma_sone");
        double t = (Double) whole.summary().get("tonality_ecma_tu");
        assertTrue(n > 0.5 && t > 0.05, n + " sone_HMS, " + t + " tu_HMS");
        for (int[] split : new int[][] {{4_801, 1}, {96_000, 1}, {1_000, 2}}) {
            MetricOutput other = run(p, split[0], split[1], BOTH);
            assertEquals(whole.summary(), other.summary(), "block " + split[0] + ", threads " + split[1]);
            assertArrayEquals((double[]) whole.series().get("loudness_ecma_sone"),
                    (double[]) other.series().get("loudness_ecma_sone"));
            assertArrayEquals((double[]) whole.series().get("tonality_ecma_tu"),
                    (double[]) other.series().get("tonality_ecma_tu"));
        }
        // one metric alone gives the same value as both together (one hearing-model pass either way)
        assertEquals(whole.summary().get("tonality_ecma_tu"),
                run(p, 9_600, 2, EnumSet.of(Metric.ECMA_TONALITY)).summary().get("tonality_ecma_tu"));
    }

    @Test
    void roughnessIsIdenticalForAnyBlockSplitAndPoolSizeAndAloneOrWithTheOthers() {
        double[] p = roughSignal();
        MetricOutput whole = run(p, p.length, 2, ALL);
        assertTrue(whole.warnings().isEmpty(), whole.warnings().toString());
        double r = (Double) whole.summary().get("roughness_ecma_asper");
        assertTrue(r > 0.3, r + " asper_HMS");
        for (int[] split : new int[][] {{4_801, 1}, {96_000, 1}, {1_000, 2}}) {
            MetricOutput other = run(p, split[0], split[1], ALL);
            assertEquals(whole.summary(), other.summary(), "block " + split[0] + ", threads " + split[1]);
            assertArrayEquals((double[]) whole.series().get("roughness_ecma_asper"),
                    (double[]) other.series().get("roughness_ecma_asper"));
        }
        // the shared front end gives roughness alone, roughness with loudness and tonality, and the standalone
        // EcmaRoughness the same numbers, and loudness/tonality the same as without roughness
        MetricOutput alone = run(p, 7_000, 2, EnumSet.of(Metric.ECMA_ROUGHNESS));
        assertEquals(r, alone.summary().get("roughness_ecma_asper"));
        assertEquals(List.of("roughness_ecma_asper"), List.copyOf(alone.summary().keySet()));
        assertArrayEquals((double[]) whole.series().get("roughness_ecma_asper"),
                (double[]) alone.series().get("roughness_ecma_asper"));
        audioloop.ecmaroughness.EcmaRoughness standalone = new audioloop.ecmaroughness.EcmaRoughness(false, false);
        standalone.accept(p, 0, p.length);
        assertEquals(r, standalone.finish().roughnessAsper());
        MetricOutput withoutRoughness = run(p, 7_000, 2, BOTH);
        assertEquals(whole.summary().get("loudness_ecma_sone"), withoutRoughness.summary().get("loudness_ecma_sone"));
        assertEquals(whole.summary().get("tonality_ecma_tu"), withoutRoughness.summary().get("tonality_ecma_tu"));
        // R(l50) at 50 Hz: frames l = 0 … ⌊50·n/48 000⌋
        assertEquals(p.length * 50 / 48_000 + 1, ((double[]) whole.series().get("roughness_ecma_asper")).length);
        @SuppressWarnings("unchecked")
        Map<String, Object> roughness = (Map<String, Object>) ((Map<String, Object>) whole.sections().get("ecma"))
                .get("roughness");
        assertEquals(r, roughness.get("roughness_asper"));
        assertEquals(53, ((double[]) roughness.get("specific_roughness_asper_per_bark")).length);
        assertEquals(0.02, roughness.get("time_step_s"));
        assertTrue((Double) roughness.get("roughness_asper_max") >= r);
    }

    @Test
    void roughnessIsNullWithAWarningBetween300And320Ms() {
        MetricOutput out = run(Arrays.copyOf(roughSignal(), 15_359), 4_800, 2, ALL);
        assertTrue(out.summary().get("loudness_ecma_sone") instanceof Double);
        assertNull(out.summary().get("roughness_ecma_asper"));
        assertTrue(out.summary().containsKey("roughness_ecma_asper"));
        assertEquals(1, out.warnings().size());
        assertTrue(out.warnings().get(0).startsWith("ecma: ") && out.warnings().get(0).contains("roughness"),
                out.warnings().get(0));
        assertTrue(run(Arrays.copyOf(roughSignal(), 15_360), 4_800, 2, ALL).summary()
                .get("roughness_ecma_asper") instanceof Double);
        // roughness alone: nothing computed, so no section either
        MetricOutput alone = run(Arrays.copyOf(roughSignal(), 15_359), 4_800, 2, EnumSet.of(Metric.ECMA_ROUGHNESS));
        assertNull(alone.summary().get("roughness_ecma_asper"));
        assertEquals(1, alone.warnings().size());
        assertTrue(alone.sections().isEmpty());
    }

    @Test
    void nullWithAWarningForTooShortSilentAndConstantInput() {
        double[] dc = new double[24_000];
        java.util.Arrays.fill(dc, 0.3);
        for (double[] p : new double[][] {new double[480], signalPrefix(14_400), new double[24_000], dc}) {
            MetricOutput out = run(p, 4_800, 2, ALL);
            assertNull(out.summary().get("loudness_ecma_sone"));
            assertNull(out.summary().get("tonality_ecma_tu"));
            assertNull(out.summary().get("roughness_ecma_asper"));
            assertTrue(out.summary().containsKey("loudness_ecma_sone"));
            assertTrue(out.summary().containsKey("roughness_ecma_asper"));
            assertEquals(1, out.warnings().size());
            assertTrue(out.warnings().get(0).startsWith("ecma: "), out.warnings().get(0));
            assertTrue(out.sections().isEmpty());
        }
        // the shortest input taken: more than 300 ms
        assertNotNull(run(signalPrefix(14_401), 4_800, 2, BOTH).summary().get("loudness_ecma_sone"));
    }

    private static double[] signalPrefix(int n) {
        return java.util.Arrays.copyOf(signal(), n);
    }

    @Test
    void fullScaleSquareGivesFiniteValues() {
        double[] p = new double[24_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i / 24) % 2 == 0 ? 2.8284271247461903 : -2.8284271247461903;
        }
        MetricOutput out = run(p, 48_000, 2, ALL);
        assertTrue(out.warnings().isEmpty(), out.warnings().toString());
        double n = (Double) out.summary().get("loudness_ecma_sone");
        assertTrue(Double.isFinite(n) && n > 10, n + " sone_HMS");
        assertTrue(Double.isFinite((Double) out.summary().get("tonality_ecma_tu")));
        assertTrue(Double.isFinite((Double) out.summary().get("roughness_ecma_asper")));
    }

    @Test
    void theAnalysisHasTheSummaryKeysAndTheEcmaSection() throws Exception {
        double[] p = signal();
        double[] fullScale = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            fullScale[i] = p[i] / 2;
        }
        Path wav = WavFiles.pcm16(dir, "ecma.wav", 48_000, 1, fullScale);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AnalysisOptions options = new AnalysisOptions(2.0, SoundField.FREE, Metric.parseList("ecma"), true);
            FileAnalysis result = new Analyzer(options, pool).analyze(wav, "ecma.wav");
            assertTrue(result.summary().get("loudness_ecma_sone") instanceof Double);
            assertTrue(result.summary().get("tonality_ecma_tu") instanceof Double);
            assertTrue(result.summary().get("roughness_ecma_asper") instanceof Double);
            @SuppressWarnings("unchecked")
            Map<String, Object> ecma = (Map<String, Object>) result.sections().get("ecma");
            assertEquals(53, ((double[]) ecma.get("band_centre_hz")).length);
            @SuppressWarnings("unchecked")
            Map<String, Object> loudness = (Map<String, Object>) ecma.get("loudness");
            assertEquals(53, ((double[]) loudness.get("specific_loudness_sone_per_bark")).length);
            // frames l = 0 … ⌈n/256⌉ (Equation 40)
            assertEquals((p.length + 255) / 256 + 1, ((double[]) result.series().get("loudness_ecma_sone")).length);
            assertEquals(p.length * 50 / 48_000 + 1, ((double[]) result.series().get("roughness_ecma_asper")).length);
            assertTrue(result.timingMs().containsKey("ecma"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void parseListKnowsTheHyphenatedNames() {
        assertEquals(EnumSet.of(Metric.ECMA, Metric.ECMA_LOUDNESS, Metric.ECMA_TONALITY, Metric.ECMA_ROUGHNESS),
                Metric.parseList("ecma"));
        assertEquals(EnumSet.of(Metric.ECMA_TONALITY), Metric.parseList("ecma-tonality"));
        assertEquals(EnumSet.of(Metric.ECMA_ROUGHNESS), Metric.parseList("ecma-roughness"));
        assertEquals("ecma-roughness", Metric.ECMA_ROUGHNESS.key());
        assertEquals("ecma-loudness", Metric.ECMA_LOUDNESS.key());
    }
}
