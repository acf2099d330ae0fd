package audioloop.tonality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with MoSQITo 1.2.1 {@code tnr_ecma_st} / {@code pr_ecma_st} on signals with tones (several tones, close
 * tones, tones near 89.1 Hz and 11.2 kHz, an odd length, the 500 Hz switch of the critical band), generated here as
 * the oracle generated them. References: mosqito_generated.json (its "about" names the command). Needs no
 * ../shared.
 */
class EcmaTonalityGeneratedParityTest {
    @AfterAll
    static void printDeviations() {
        System.out.println("EcmaTonalityGeneratedParityTest: " + TonalityParityCheck.summary());
    }

    static JsonNode references() throws IOException {
        try (InputStream in = EcmaTonalityGeneratedParityTest.class.getResourceAsStream("mosqito_generated.json")) {
            return new ObjectMapper().readTree(in).get("files");
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesMosqitoOnGeneratedSignals() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) references()::fields) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                double[] x = TonalSignals.signal(e.getValue().get("definition"));
                double binHz = 48000.0 / x.length;
                TonalityParityCheck.assertMatches(e.getKey(), e.getValue(), EcmaTonality.analyze(x, 48000), binHz);
            }));
        }
        return tests.stream();
    }
}
