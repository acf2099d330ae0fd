package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.sii.SpeechIntelligibilityIndex;
import audioloop.sii.SpeechLevel;
import audioloop.tonality.EcmaTonality;
import audioloop.tonality.TonalSignals;
import audioloop.tonality.TonalityResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tonality and SII block metrics: same numbers for any block split as the pure metrics on the whole array, the
 * section's shape with both procedures' tones joined by frequency, bad input, and the heap budget.
 */
class TonalitySiiMetricTest {
    private static final long BUDGET = 1L << 30;

    /** Two tones in noise: TNR finds 1 kHz, PR finds 1 kHz and more (noise lines), so the join has one-sided entries. */
    private static double[] twoTonesInNoise() {
        double[] x = TonalSignals.uniformNoise(21, 3 * 48_000 + 77);
        for (int n = 0; n < x.length; n++) {
            x[n] = 0.01 * x[n] + 0.1 * Math.sin(2 * Math.PI * 1000 * n / 48000) + 0.05 * Math.sin(2 * Math.PI * 3150 * n / 48000);
        }
        return x;
    }

    private static MetricOutput run(BlockMetric metric, double[] signal, int blockSize) {
        double[] block = new double[blockSize + 5];
        for (int from = 0; from < signal.length; from += blockSize) {
            int length = Math.min(blockSize, signal.length - from);
            // handed at an offset, in a reused array, as the pipeline does
            System.arraycopy(signal, from, block, 5, length);
            metric.accept(block, 5, length);
            java.util.Arrays.fill(block, Double.NaN);
        }
        metric.finish();
        MetricOutput out = new MetricOutput(new LinkedHashMap<>(), null, new LinkedHashMap<>(), new ArrayList<>());
        metric.report(out);
        return out;
    }

    @Test
    void tonalityIsTheWholeArrayResultForAnyBlockSplit() {
        double[] x = twoTonesInNoise();
        TonalityResult direct = EcmaTonality.analyze(x.clone(), 48_000);
        Object expected = TonalityMetric.joinedTones(direct);
        for (int blockSize : new int[] {96_000, 4_801, 1_000_000}) {
            MetricOutput out = run(new TonalityMetric(x.length, BUDGET), x, blockSize);
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) out.sections().get("tonality");
            assertEquals(expected, section.get("tones"), "block size " + blockSize);
            assertEquals(direct.tnrTotalDb(), section.get("tnr_db"));
            assertEquals(direct.prTotalDb(), section.get("pr_db"));
            assertTrue(out.warnings().isEmpty(), out.warnings().toString());
        }
    }

    @Test
    void tonesOfBothProceduresAreJoinedByFrequency() {
        TonalityResult direct = EcmaTonality.analyze(twoTonesInNoise(), 48_000);
        List<Map<String, Object>> tones = TonalityMetric.joinedTones(direct);
        double previous = 0;
        int both = 0;
        for (Map<String, Object> tone : tones) {
            double f = (Double) tone.get("frequency_hz");
            assertTrue(f > previous, "sorted by frequency");
            previous = f;
            Double tnr = (Double) tone.get("tnr_db");
            Double pr = (Double) tone.get("pr_db");
            assertTrue(tnr != null || pr != null);
            boolean prominent = direct.tnrTones().stream().anyMatch(t -> t.frequencyHz() == f && t.prominent())
                    || direct.prTones().stream().anyMatch(t -> t.frequencyHz() == f && t.prominent());
            assertEquals(prominent, tone.get("prominent"), "at " + f);
            if (tnr != null && pr != null) {
                both++;
            }
        }
        assertEquals(direct.tnrTones().size() + direct.prTones().size() - both, tones.size());
        // Both tones are prominent in both procedures (49 dB and 42 dB above the noise).
        assertTrue(both >= 2, tones.toString());
    }

    @Test
    void siiIsTheWholeArrayResultForAnyBlockSplit() {
        double[] x = twoTonesInNoise();
        double direct = SpeechIntelligibilityIndex.ofNoise(x.clone(), 48_000, SpeechLevel.LOUD);
        for (int blockSize : new int[] {96_000, 4_801}) {
            MetricOutput out = run(new SiiMetric(x.length, BUDGET, SpeechLevel.LOUD), x, blockSize);
            assertEquals(direct, out.summary().get("sii"));
            assertTrue(out.warnings().isEmpty());
        }
    }

    /** 10 ms, silence, DC and a full-scale square wave: finite values or null with a warning, never NaN. */
    @Test
    void badInputGivesFiniteValuesOrNullWithAWarning() {
        Map<String, double[]> inputs = new LinkedHashMap<>();
        inputs.put("10 ms", TonalSignals.uniformNoise(5, 480));
        inputs.put("5 ms", TonalSignals.uniformNoise(5, 240));
        inputs.put("1 sample", new double[] {0.5});
        inputs.put("silence", new double[48_000]);
        double[] dc = new double[48_000];
        java.util.Arrays.fill(dc, 1.0);
        inputs.put("DC", dc);
        double[] square = new double[96_000];
        for (int n = 0; n < square.length; n++) {
            square[n] = (n / 48) % 2 == 0 ? 1.0 : -1.0; // 500 Hz, full scale at 1 Pa
        }
        inputs.put("square", square);
        for (Map.Entry<String, double[]> e : inputs.entrySet()) {
            double[] x = e.getValue();
            MetricOutput tonality = run(new TonalityMetric(x.length, BUDGET), x, 96_000);
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) tonality.sections().get("tonality");
            assertNotNull(section, e.getKey());
            assertFiniteOrNull(section.get("tnr_db"), e.getKey());
            assertFiniteOrNull(section.get("pr_db"), e.getKey());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tones = (List<Map<String, Object>>) section.get("tones");
            for (Map<String, Object> tone : tones) {
                assertFiniteOrNull(tone.get("tnr_db"), e.getKey());
                assertFiniteOrNull(tone.get("pr_db"), e.getKey());
            }
            if (section.get("tnr_db") == null && x.length < 16) {
                assertTrue(tonality.warnings().stream().anyMatch(w -> w.startsWith("tonality: ")), e.getKey());
            }
            MetricOutput sii = run(new SiiMetric(x.length, BUDGET, SpeechLevel.NORMAL), x, 96_000);
            Object value = sii.summary().get("sii");
            assertFiniteOrNull(value, e.getKey());
            if (value == null) {
                assertTrue(sii.warnings().stream().anyMatch(w -> w.startsWith("sii: ")), e.getKey());
            }
        }
        // The square wave's odd harmonics are tones.
        MetricOutput squareOut = run(new TonalityMetric(96_000, BUDGET), inputs.get("square"), 96_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) squareOut.sections().get("tonality");
        assertTrue(!((List<?>) section.get("tones")).isEmpty());
    }

    @Test
    void aSignalOverTheHeapBudgetIsNullWithAWarning() {
        double[] x = twoTonesInNoise();
        long budget = (long) x.length * 8; // one double per sample: less than the transform needs
        MetricOutput tonality = run(new TonalityMetric(x.length, budget), x, 96_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) tonality.sections().get("tonality");
        assertNull(section.get("tnr_db"));
        assertEquals(List.of(), section.get("tones"));
        assertTrue(tonality.warnings().get(0).startsWith("tonality: not computed"), tonality.warnings().toString());
        MetricOutput sii = run(new SiiMetric(x.length, budget, SpeechLevel.NORMAL), x, 96_000);
        assertNull(sii.summary().get("sii"));
        assertTrue(sii.warnings().get(0).startsWith("sii: not computed"));
    }

    private static void assertFiniteOrNull(Object value, String what) {
        if (value != null) {
            assertTrue(Double.isFinite((Double) value), what + ": " + value);
        }
    }
}
