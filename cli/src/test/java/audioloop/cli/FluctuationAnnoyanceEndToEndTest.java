package audioloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import audioloop.annoyance.PsychoacousticAnnoyance;
import audioloop.aurestonality.AuresTonality;
import audioloop.aurestonality.AuresTonalityResult;
import audioloop.fluctuation.FluctuationResult;
import audioloop.fluctuation.FluctuationStrength;
import audioloop.pipeline.Summaries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code --metrics annoyance --series} as a user runs it on ISO 532-1 Annex B.5 recordings from ../shared (2√2 Pa
 * per full scale): the fluctuation keys are the metric's own on the calibrated signal (whose frames
 * FluctuationSharedSignalsTest checks against SQAT), so are the Aures tonality keys (AuresSharedSignalsTest), and
 * each PA formula is applied to the other metrics' series and summaries.
 * Skipped when ../shared is absent.
 */
class FluctuationAnnoyanceEndToEndTest {
    private static final String ISO_CALIBRATION = "2.8284271247461903";

    @Test
    void recordingsCarryFluctuationTonalityAndAnnoyance() throws Exception {
        for (String file : new String[] {"iso532-1_b5_24_woodpecker.wav", "iso532-1_b5_16_hairdryer.wav"}) {
            String path = SharedData.signal("mosqito", file).toString();
            CliRun run = CliRun.of("analyze", path, "--metrics", "annoyance", "--series", "--calibration",
                    ISO_CALIBRATION, "--threads", "2");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            JsonNode summary = json.get("summary");
            JsonNode series = json.get("series");

            FluctuationResult direct = FluctuationStrength.compute(
                    SharedData.pascals48k("mosqito", file, Double.parseDouble(ISO_CALIBRATION)));
            assertEquals(direct.meanVacil(), summary.get("fluctuation_vacil").asDouble(), 0, file);
            assertEquals(direct.exceeded5Vacil(), summary.get("fluctuation_f5_vacil").asDouble(), 0, file);
            assertEquals(direct.fluctuationVacil().length, series.get("fluctuation_vacil").size());
            assertEquals(direct.timeS().length, series.get("fluctuation_time_s").size());

            JsonNode annoyance = json.get("annoyance");
            JsonNode inputs = annoyance.get("inputs").get("widmann");
            double n5 = summary.get("loudness_n5_sone").asDouble();
            double s5 = Summaries.percentile(SharedData.doubles(series.get("sharpness_acum")), 95);
            double r5 = Summaries.percentile(SharedData.doubles(series.get("roughness_asper")), 95);
            double f5 = summary.get("fluctuation_f5_vacil").asDouble();
            assertEquals(n5, inputs.get("loudness_n5_sone").asDouble(), 0);
            assertEquals(s5, inputs.get("sharpness_s5_acum").asDouble(), 0);
            assertEquals(r5, inputs.get("roughness_r5_asper").asDouble(), 0);
            assertEquals(f5, inputs.get("fluctuation_f5_vacil").asDouble(), 0);
            double widmann = annoyance.get("widmann_au").asDouble();
            assertEquals(PsychoacousticAnnoyance.widmann(n5, s5, r5, f5), widmann, 0);
            assertTrue(widmann >= n5, file);
            // More and Di: their formulas on the other series / summaries, Aures tonality the metric's own.
            AuresTonalityResult tonality = AuresTonality.compute(
                    SharedData.pascals48k("mosqito", file, Double.parseDouble(ISO_CALIBRATION)));
            assertEquals(tonality.meanTu(), summary.get("tonality_aures_tu").asDouble(), 0, file);
            assertEquals(tonality.exceeded5Tu(), summary.get("tonality_aures_t5_tu").asDouble(), 0, file);
            double bismarck5 = Summaries.percentile(SharedData.doubles(series.get("sharpness_bismarck_acum")), 95);
            double aures5 = Summaries.percentile(SharedData.doubles(series.get("sharpness_aures_acum")), 95);
            assertEquals(PsychoacousticAnnoyance.more(n5, bismarck5, r5, f5, tonality.exceeded5Tu()),
                    annoyance.get("more_au").asDouble(), 0, file);
            assertEquals(PsychoacousticAnnoyance.di(n5, aures5, summary.get("roughness_asper").asDouble(),
                    summary.get("fluctuation_vacil").asDouble(), tonality.meanTu()),
                    annoyance.get("di_au").asDouble(), 0, file);
            System.out.printf("%s: F %.4f vacil, F5 %.4f, N5 %.3f sone, S5 %.3f acum, R5 %.4f asper, PA %.3f au%n",
                    file, direct.meanVacil(), f5, n5, s5, r5, widmann);
        }
    }
}
