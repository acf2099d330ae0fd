package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.annoyance.PsychoacousticAnnoyance;
import audioloop.fluctuation.FluctuationResult;
import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fluctuation strength and annoyance in the pipeline: the keys and sections of the JSON contract, annoyance built
 * from the other metrics' own results, and bad inputs reported as null with a warning.
 */
class FluctuationAnnoyanceMetricTest {
    @TempDir
    Path dir;

    private FileAnalysis analyze(String name, double[] samples, int threads) throws Exception {
        Path wav = WavFiles.floatMono(dir, name, 48_000, samples);
        AnalysisOptions options = new AnalysisOptions(1.0, SoundField.FREE, Metric.parseList("annoyance"), true);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return new Analyzer(options, pool).analyze(wav, name);
        } finally {
            pool.shutdown();
        }
    }

    private static double[] amTone(double seconds, double levelDb) {
        double[] x = new double[(int) Math.round(seconds * 48_000)];
        double amplitude = 2e-5 * Math.pow(10, levelDb / 20) / Math.sqrt(0.75); // RMS of a 100 % AM tone: A·√(3/4)
        for (int i = 0; i < x.length; i++) {
            double t = i / 48_000.0;
            x[i] = amplitude * (1 + Math.sin(2 * Math.PI * 4 * t)) * Math.sin(2 * Math.PI * 1000 * t);
        }
        return x;
    }

    @Test
    @SuppressWarnings("unchecked")
    void amToneGivesOneVacilAndWidmannFromTheOtherMetricsResults() throws Exception {
        FileAnalysis result = analyze("am.wav", amTone(4.5, 60), 2);
        Map<String, Object> summary = result.summary();
        double[] f = (double[]) result.series().get("fluctuation_vacil");
        assertEquals(14, f.length); // ⌈(216000 − 86400)/9600⌉ = ⌈13.5⌉
        assertEquals(new FluctuationResult(f, new double[f.length]).meanVacil(), (Double) summary.get("fluctuation_vacil"), 0);
        assertEquals(1.0, (Double) summary.get("fluctuation_vacil"), 0.05);
        assertEquals(f.length, ((double[]) result.series().get("fluctuation_time_s")).length);

        Map<String, Object> annoyance = (Map<String, Object>) result.sections().get("annoyance");
        Map<String, Object> inputs = (Map<String, Object>) ((Map<String, Object>) annoyance.get("inputs")).get("widmann");
        double n5 = (Double) inputs.get("loudness_n5_sone");
        double s5 = (Double) inputs.get("sharpness_s5_acum");
        double r5 = (Double) inputs.get("roughness_r5_asper");
        double f5 = (Double) inputs.get("fluctuation_f5_vacil");
        assertEquals(summary.get("loudness_n5_sone"), n5);
        assertEquals(summary.get("fluctuation_f5_vacil"), f5);
        assertEquals(Summaries.percentile((double[]) result.series().get("sharpness_acum"), 95), s5, 0);
        assertEquals(Summaries.percentile((double[]) result.series().get("roughness_asper"), 95), r5, 0);
        assertEquals(PsychoacousticAnnoyance.widmann(n5, s5, r5, f5), (Double) annoyance.get("widmann_au"), 0);
        // A 4 Hz AM tone: S5 below 1.75 acum leaves w_S = 0, and F5 ≈ 1 vacil makes w_FR ≈ 0.87/N5^0.4 ≈ 0.5.
        assertTrue(s5 < 1.75 && f5 > 0.95, inputs.toString());
        assertTrue((Double) annoyance.get("widmann_au") > 1.4 * n5, annoyance.toString());
        // More: von Bismarck S5 and Aures K5; Di: Aures-weighted S5 and the time averages of R, F and Aures T.
        Map<String, Object> more = (Map<String, Object>) ((Map<String, Object>) annoyance.get("inputs")).get("more");
        double bismarck5 = (Double) more.get("sharpness_bismarck_s5_acum");
        double k5 = (Double) more.get("tonality_aures_t5_tu");
        assertEquals(Summaries.percentile((double[]) result.series().get("sharpness_bismarck_acum"), 95), bismarck5, 0);
        assertEquals(summary.get("tonality_aures_t5_tu"), k5);
        assertEquals(List.of(n5, r5, f5), List.of(more.get("loudness_n5_sone"), more.get("roughness_r5_asper"),
                more.get("fluctuation_f5_vacil")));
        assertEquals(PsychoacousticAnnoyance.more(n5, bismarck5, r5, f5, k5), (Double) annoyance.get("more_au"), 0);
        Map<String, Object> di = (Map<String, Object>) ((Map<String, Object>) annoyance.get("inputs")).get("di");
        double aures5 = (Double) di.get("sharpness_aures_s5_acum");
        double tonality = (Double) di.get("tonality_aures_mean_tu");
        assertEquals(Summaries.percentile((double[]) result.series().get("sharpness_aures_acum"), 95), aures5, 0);
        assertEquals(summary.get("tonality_aures_tu"), tonality);
        assertEquals(summary.get("roughness_asper"), di.get("roughness_mean_asper"));
        assertEquals(summary.get("fluctuation_vacil"), di.get("fluctuation_mean_vacil"));
        assertEquals(PsychoacousticAnnoyance.di(n5, aures5, (Double) summary.get("roughness_asper"),
                (Double) summary.get("fluctuation_vacil"), tonality), (Double) annoyance.get("di_au"), 0);
        // A 1 kHz carrier: clearly tonal (the steady 60 dB tone gives 1 t.u.), so Di's tonal term dominates.
        assertTrue(k5 > 0.5 && tonality > 0.4, more + " " + di);
        assertTrue((Double) annoyance.get("di_au") > (Double) annoyance.get("widmann_au"), annoyance.toString());
        assertTrue(result.timingMs().containsKey("aures-tonality"));
        assertTrue(result.timingMs().containsKey("fluctuation"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shortInputsHaveNoFluctuationNorAnnoyanceButAWarning() throws Exception {
        for (double seconds : new double[] {0.01, 1.0, 2.0}) {
            FileAnalysis result = analyze("short.wav", amTone(seconds, 60), 1);
            assertTrue(result.summary().containsKey("fluctuation_vacil"));
            assertNull(result.summary().get("fluctuation_vacil"));
            assertNull(result.summary().get("fluctuation_f5_vacil"));
            assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("fluctuation: input of")), result.warnings().toString());
            Map<String, Object> annoyance = (Map<String, Object>) result.sections().get("annoyance");
            assertNull(annoyance.get("widmann_au"));
            assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("annoyance: Widmann needs")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void silenceDcAndFullScaleSquareStayFinite() throws Exception {
        int n = 3 * 48_000;
        double[] silence = new double[n];
        double[] dc = new double[n];
        double[] square = new double[n];
        for (int i = 0; i < n; i++) {
            dc[i] = 0.5;
            square[i] = (i / 24) % 2 == 0 ? 1.0 : -1.0; // 1 kHz full scale
        }
        FileAnalysis quiet = analyze("silence.wav", silence, 2);
        assertEquals(0.0, (Double) quiet.summary().get("fluctuation_vacil"), 0);
        assertNull(((Map<String, Object>) quiet.sections().get("annoyance")).get("widmann_au"));
        assertTrue(quiet.warnings().stream().anyMatch(w -> w.startsWith("annoyance: N5 is 0 sone")));
        for (double[] x : new double[][] {dc, square}) {
            FileAnalysis result = analyze("edge.wav", x, 2);
            double fluctuation = (Double) result.summary().get("fluctuation_vacil");
            double widmann = (Double) ((Map<String, Object>) result.sections().get("annoyance")).get("widmann_au");
            assertTrue(Double.isFinite(fluctuation), "F " + fluctuation); // may be slightly negative (sign of k)
            assertTrue(Double.isFinite(widmann) && widmann > 0, "PA " + widmann);
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameJson() throws Exception {
        double[] x = amTone(3.3, 70);
        FileAnalysis one = analyze("a.wav", x, 1);
        FileAnalysis two = analyze("a.wav", x, 2);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.writeValueAsString(one.summary()), json.writeValueAsString(two.summary()));
        assertEquals(json.writeValueAsString(one.sections()), json.writeValueAsString(two.sections()));
        assertEquals(json.writeValueAsString(one.series()), json.writeValueAsString(two.series()));
    }
}
