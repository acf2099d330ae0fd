package audioloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MoSQITo 1.2.1's figures for the metrics beyond loudness, sharpness (DIN) and roughness, for every shared signal of
 * reference/mosqito.json: shared/reference/mosqito_more.json, completed by the project's test resource
 * audioloop/mosqito_more_extra.json for the signals missing there (made the same way; the resource says how).
 * Skips (JUnit assumption, through {@link SharedData}) when ../shared is absent.
 */
public final class MosqitoMore {
    /** One shared signal: its MoSQITo entry and the calibration (Pa per full scale) MoSQITo was run with. */
    public record Entry(String file, JsonNode entry, double calibrationPaPerFs) {
        /** The MoSQITo entry; fails the calling test when the signal has none. */
        public JsonNode reference() {
            if (entry == null) {
                throw new AssertionError(file + " has no MoSQITo entry in mosqito_more.json nor in the extra resource");
            }
            return entry;
        }
    }

    private MosqitoMore() {
    }

    /** All entries, by file name, in mosqito.json's order. */
    public static Map<String, Entry> entries() {
        JsonNode calibrated = SharedData.reference("mosqito.json").get("files");
        JsonNode shared = SharedData.reference("mosqito_more.json").get("files");
        JsonNode extra = extra().get("files");
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<String> it = calibrated.fieldNames(); it.hasNext(); ) {
            String file = it.next();
            JsonNode reference = shared.has(file) ? shared.get(file) : extra.get(file);
            entries.put(file, new Entry(file, reference,
                    calibrated.get(file).get("calibration").get("factor_pa_per_fs").asDouble()));
        }
        return entries;
    }

    private static JsonNode extra() {
        try (InputStream in = MosqitoMore.class.getResourceAsStream("/audioloop/mosqito_more_extra.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
