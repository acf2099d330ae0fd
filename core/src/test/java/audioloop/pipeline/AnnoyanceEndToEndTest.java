package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import audioloop.annoyance.PsychoacousticAnnoyance;
import audioloop.loudness.SoundField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The three PA formulas end to end on shared recordings: refmap-psychoacoustics' functions evaluated on the inputs
 * the pipeline reports (resource psych_annoy_end_to_end.json, made by docs/oracle/aures/annoyance_end_to_end.py from
 * the CLI's JSON), and the pipeline's own run of one of them.
 */
class AnnoyanceEndToEndTest {
    private static final double RELATIVE = 1e-12;

    private static JsonNode files() throws Exception {
        try (InputStream in = AnnoyanceEndToEndTest.class.getResourceAsStream(
                "/audioloop/annoyance/psych_annoy_end_to_end.json")) {
            return new ObjectMapper().readTree(in).get("files");
        }
    }

    private static double[] values(JsonNode inputs) {
        double[] v = new double[inputs.size()];
        int i = 0;
        for (Iterator<JsonNode> it = inputs.elements(); it.hasNext(); ) {
            v[i++] = it.next().asDouble();
        }
        return v;
    }

    @Test
    void formulasOnThePipelinesInputsMatchRefmap() throws Exception {
        for (JsonNode row : files()) {
            JsonNode inputs = row.get("inputs");
            double[] w = values(inputs.get("widmann"));
            double[] m = values(inputs.get("more"));
            double[] d = values(inputs.get("di"));
            assertEquals(row.get("widmann_au").asDouble(), PsychoacousticAnnoyance.widmann(w[0], w[1], w[2], w[3]),
                    RELATIVE * row.get("widmann_au").asDouble());
            assertEquals(row.get("more_au").asDouble(), PsychoacousticAnnoyance.more(m[0], m[1], m[2], m[3], m[4]),
                    RELATIVE * row.get("more_au").asDouble());
            assertEquals(row.get("di_au").asDouble(), PsychoacousticAnnoyance.di(d[0], d[1], d[2], d[3], d[4]),
                    RELATIVE * row.get("di_au").asDouble());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pipelineRunOfTheHairDryerGivesRefmapsValues() throws Exception {
        JsonNode row = null;
        for (JsonNode r : files()) {
            if (r.get("file").asText().contains("hairdryer")) {
                row = r;
            }
        }
        String file = row.get("file").asText();
        AnalysisOptions options = new AnalysisOptions(2 * Math.sqrt(2), SoundField.FREE,
                Metric.parseList("annoyance"), false);
        ForkJoinPool pool = new ForkJoinPool(2);
        FileAnalysis result;
        try {
            result = new Analyzer(options, pool).analyze(SharedData.signal("mosqito", file), file);
        } finally {
            pool.shutdown();
        }
        Map<String, Object> annoyance = (Map<String, Object>) result.sections().get("annoyance");
        Map<String, Object> inputs = (Map<String, Object>) annoyance.get("inputs");
        // The inputs as recorded when the resource was made (regenerate it if an input metric changes on purpose).
        for (String formula : new String[] {"widmann", "more", "di"}) {
            Map<String, Object> used = (Map<String, Object>) inputs.get(formula);
            for (Iterator<Map.Entry<String, JsonNode>> it = row.get("inputs").get(formula).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double actual = (Double) used.get(e.getKey());
                assertEquals(e.getValue().asDouble(), actual, 1e-9 * Math.abs(actual), formula + " " + e.getKey());
            }
        }
        for (String key : new String[] {"widmann_au", "more_au", "di_au"}) {
            double expected = row.get(key).asDouble();
            double actual = (Double) annoyance.get(key);
            assertTrue(Math.abs(actual - expected) <= 1e-9 * expected, key + ": " + actual + " vs " + expected);
        }
    }
}
