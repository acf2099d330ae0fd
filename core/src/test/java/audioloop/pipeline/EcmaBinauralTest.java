package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.BinauralTestFile;
import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import audioloop.sii.SpeechLevel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ECMA-418-2 of two ears ({@code --ecma-binaural}): the binaural loudness of Section 8.1.5 against the physics of
 * its Equation 118 (identical ears give the one-ear value, a silent ear divides the specific loudness by √2), the
 * binaural roughness of Section 7.1.11 likewise (Equation 112), each ear's tonality, the same numbers for any block
 * split and pool size.
 */
class EcmaBinauralTest {
    @TempDir
    Path dir;

    private static final Set<Metric> BOTH = EnumSet.of(Metric.ECMA_LOUDNESS, Metric.ECMA_TONALITY);

    static MetricOutput runEars(double[] left, double[] right, int block, int threads) {
        return runEars(left, right, block, threads, BOTH);
    }

    static MetricOutput runEars(double[] left, double[] right, int block, int threads, Set<Metric> metrics) {
        return EcmaMetricTest.run(new AnalysisOptions(1.0, SoundField.FREE, metrics, true, SpeechLevel.NORMAL, false,
                true), threads, metric -> {
                    assertTrue(metric.wantsEars());
                    for (int from = 0; from < left.length; from += block) {
                        metric.acceptEars(left, right, from, Math.min(block, left.length - from));
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void identicalEarsGiveTheOneEarValues() {
        double[] p = EcmaMetricTest.signal();
        MetricOutput mono = EcmaMetricTest.run(p, 9_600, 2, BOTH);
        MetricOutput ears = runEars(p, p.clone(), 9_600, 2);
        assertTrue(ears.warnings().isEmpty(), ears.warnings().toString());
        // √((N′² + N′²)/2) = N′ in every bit (sqrt of a correctly rounded square)
        assertEquals(mono.summary(), ears.summary());
        assertArrayEquals((double[]) mono.series().get("loudness_ecma_sone"),
                (double[]) ears.series().get("loudness_ecma_sone"));
        assertArrayEquals((double[]) mono.series().get("tonality_ecma_tu"),
                (double[]) ears.series().get("tonality_ecma_left_tu"));
        Map<String, Object> section = map(ears.sections().get("ecma"));
        assertEquals("binaural", section.get("channels"));
        assertEquals("left", map(section.get("tonality")).get("ear"));
        Map<String, Object> monoLoudness = map(map(mono.sections().get("ecma")).get("loudness"));
        Map<String, Object> rightLoudness = map(map(map(section.get("ears")).get("right")).get("loudness"));
        assertEquals(monoLoudness.get("loudness_sone"), rightLoudness.get("loudness_sone"));
        assertArrayEquals((double[]) monoLoudness.get("specific_loudness_sone_per_bark"),
                (double[]) rightLoudness.get("specific_loudness_sone_per_bark"));
    }

    @Test
    void aSilentEarDividesTheSpecificLoudnessByRootTwo() {
        double[] p = EcmaMetricTest.signal();
        MetricOutput ears = runEars(new double[p.length], p, 4_800, 2);
        assertTrue(ears.warnings().isEmpty(), ears.warnings().toString());
        Map<String, Object> section = map(ears.sections().get("ecma"));
        Map<String, Object> right = map(map(section.get("ears")).get("right"));
        Map<String, Object> left = map(map(section.get("ears")).get("left"));
        double[] rightSeries = (double[]) ears.series().get("loudness_ecma_right_sone");
        double[] binauralSeries = (double[]) ears.series().get("loudness_ecma_sone");
        double[] leftSeries = (double[]) ears.series().get("loudness_ecma_left_sone");
        for (int l = 0; l < binauralSeries.length; l++) {
            assertEquals(0.0, leftSeries[l]);
            assertEquals(rightSeries[l] / Math.sqrt(2), binauralSeries[l], 1e-14 * rightSeries[l] + 1e-300, "frame " + l);
        }
        double rightLoudness = (Double) map(right.get("loudness")).get("loudness_sone");
        assertEquals(rightLoudness / Math.sqrt(2), (Double) ears.summary().get("loudness_ecma_sone"), 1e-13 * rightLoudness);
        assertEquals(0.0, (Double) map(left.get("loudness")).get("loudness_sone"));
        // the tonality reported is the (only) tonal ear's
        assertEquals("right", map(section.get("tonality")).get("ear"));
        assertEquals(map(right.get("tonality")).get("tonality_tu"), ears.summary().get("tonality_ecma_tu"));
    }

    /** Section 7.1.11, Equation 112: R′_B = √((R′_left² + R′_right²)/2) per frame and band. */
    @Test
    void binauralRoughnessIsTheRmsOfTheEarsSpecificRoughness() {
        Set<Metric> roughness = EnumSet.of(Metric.ECMA_ROUGHNESS);
        double[] p = EcmaMetricTest.roughSignal();
        // identical ears: the one-ear values in every bit
        MetricOutput mono = EcmaMetricTest.run(p, 9_600, 2, roughness);
        MetricOutput same = runEars(p, p.clone(), 9_600, 2, roughness);
        assertTrue(same.warnings().isEmpty(), same.warnings().toString());
        assertEquals(mono.summary(), same.summary());
        assertArrayEquals((double[]) mono.series().get("roughness_ecma_asper"),
                (double[]) same.series().get("roughness_ecma_asper"));
        // a silent ear: R′_B = R′/√2 in every band, so R_B(l) = R(l)/√2
        MetricOutput silent = runEars(new double[p.length], p, 4_800, 1, roughness);
        double[] right = (double[]) silent.series().get("roughness_ecma_right_asper");
        double[] binaural = (double[]) silent.series().get("roughness_ecma_asper");
        double[] left = (double[]) silent.series().get("roughness_ecma_left_asper");
        for (int l = 0; l < binaural.length; l++) {
            assertEquals(0.0, left[l]);
            assertEquals(right[l] / Math.sqrt(2), binaural[l], 1e-14 * right[l] + 1e-300, "frame " + l);
        }
        Map<String, Object> ears = map(map(silent.sections().get("ecma")).get("ears"));
        double rightR = (Double) map(map(ears.get("right")).get("roughness")).get("roughness_asper");
        assertTrue(rightR > 0.3, rightR + " asper_HMS");
        assertEquals(rightR / Math.sqrt(2), (Double) silent.summary().get("roughness_ecma_asper"), 1e-13 * rightR);
        // block split and pool size
        MetricOutput split = runEars(new double[p.length], p, 1_000, 2, roughness);
        assertEquals(silent.summary(), split.summary());
        assertArrayEquals(binaural, (double[]) split.series().get("roughness_ecma_asper"));
    }

    @Test
    void identicalForAnyBlockSplitAndPoolSize() {
        double[] p = EcmaMetricTest.signal();
        double[] q = new double[p.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.7 * p[(i + 101) % p.length];
        }
        MetricOutput whole = runEars(p, q, p.length, 2);
        for (int[] split : new int[][] {{4_801, 1}, {1_000, 2}}) {
            MetricOutput other = runEars(p, q, split[0], split[1]);
            assertEquals(whole.summary(), other.summary());
            for (String key : new String[] {"loudness_ecma_sone", "loudness_ecma_left_sone", "tonality_ecma_right_tu"}) {
                assertArrayEquals((double[]) whole.series().get(key), (double[]) other.series().get(key), key);
            }
        }
    }

    private FileAnalysis analyze(Path wav, String metrics, boolean binaural) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            return new Analyzer(new AnalysisOptions(1.0, SoundField.FREE, Metric.parseList(metrics), false,
                    SpeechLevel.NORMAL, false, binaural), pool).analyze(wav, wav.getFileName().toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTwoChannelFileWithEqualChannelsGivesTheMonoMixValuesThroughTheResampler() throws Exception {
        double[] p = EcmaMetricTest.signal();
        double[] at44k = java.util.Arrays.copyOf(p, 26_460);
        Path wav = WavFiles.pcm16(dir, "equal.wav", 44_100, 2, at44k);
        FileAnalysis ears = analyze(wav, "ecma", true);
        FileAnalysis mix = analyze(wav, "ecma", false);
        assertEquals("binaural", map(ears.sections().get("ecma")).get("channels"));
        assertEquals("mono_mix", map(mix.sections().get("ecma")).get("channels"));
        assertEquals(mix.summary(), ears.summary());
        assertTrue(ears.warnings().isEmpty(), ears.warnings().toString());
    }

    @Test
    void theOtherMetricsStillTakeTheMonoMix() throws Exception {
        Path stereo = BinauralTestFile.PATH;
        FileAnalysis ears = analyze(stereo, "loudness,roughness,ecma-loudness", true);
        FileAnalysis mix = analyze(stereo, "loudness,roughness,ecma-loudness", false);
        for (String key : new String[] {"loudness_sone", "loudness_n5_sone", "roughness_asper"}) {
            assertEquals(mix.summary().get(key), ears.summary().get(key), key);
        }
        double binaural = (Double) ears.summary().get("loudness_ecma_sone");
        double mono = (Double) mix.summary().get("loudness_ecma_sone");
        assertTrue(Math.abs(binaural - mono) > 0.05 * mono, binaural + " vs " + mono);
    }

    @Test
    void aMonoFileIsAnalysedAsItIsWithAWarning() throws Exception {
        Path wav = WavFiles.pcm16(dir, "mono.wav", 48_000, 1, EcmaMetricTest.signal());
        FileAnalysis result = analyze(wav, "ecma-loudness", true);
        assertEquals(analyze(wav, "ecma-loudness", false).summary(), result.summary());
        assertEquals(List.of("ecma: --ecma-binaural needs a two-channel file; this one was analysed as its mono mix"),
                result.warnings());
    }

    @Test
    void silentEarsAreNullWithAWarning() {
        MetricOutput out = runEars(new double[24_000], new double[24_000], 4_800, 1);
        assertNull(out.summary().get("loudness_ecma_sone"));
        assertEquals(1, out.warnings().size());
        assertTrue(out.warnings().get(0).startsWith("ecma: "));
    }
}
