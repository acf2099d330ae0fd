package audioloop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access to ../shared (reference signals and MoSQITo/librosa outputs). Suites that need it call
 * {@link #root()}, which skips the test (JUnit assumption) when the folder is absent, so the unit tests
 * run on a bare clone. Override the location with -Daudioloop.shared=DIR.
 */
public final class SharedData {
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private SharedData() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("audioloop.shared", "../shared"));
        assumeTrue(Files.isDirectory(root.resolve("reference")), "../shared is absent: skipping");
        return root;
    }

    /** A JSON file under shared/reference, parsed once per test JVM. */
    public static JsonNode reference(String name) {
        Path file = root().resolve("reference").resolve(name);
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Path signal(String folder, String file) {
        return root().resolve("signals").resolve(folder).resolve(file);
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
