package audioloop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import audioloop.dsp.PolyphaseResampler;
import audioloop.io.DecodedAudio;
import audioloop.io.WavDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access to ../shared (reference signals and MoSQITo/librosa outputs). Suites that need it call
 * {@link #root()}, which skips the test (JUnit assumption) when the folder is absent, so the unit tests
 * run on a bare clone. Override the location with -Daudioloop.shared=DIR.
 *
 * <p>Signals are read only through {@link #signal48k} / {@link #pascals48k}, i.e. the way the production pipeline
 * reads them (audioloop.pipeline.Analyzer): {@link WavDecoder} (channel mean, integer PCM / 2^(bits−1) — the
 * references' convention), one {@link PolyphaseResampler#to48k} (scipy resample_poly, as the oracles resampled),
 * calibration applied after resampling.
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

    /** shared/signals/folder/file decoded and resampled to 48 kHz (full scale 1.0), as the pipeline does. */
    public static double[] signal48k(String folder, String file) {
        DecodedAudio audio;
        try {
            audio = WavDecoder.decode(signal(folder, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolyphaseResampler.to48k(audio.mono(), audio.sampleRateHz());
    }

    /** {@link #signal48k} as sound pressure: × {@code paPerFullScale} after resampling, as the pipeline calibrates. */
    public static double[] pascals48k(String folder, String file, double paPerFullScale) {
        double[] x = signal48k(folder, file);
        double[] pa = new double[x.length];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = x[i] * paPerFullScale;
        }
        return pa;
    }

    /** One DIN 45692:2009 chapter 6 test noise shipped in ../shared, with the standard's sharpness. */
    public record DinNoise(String file, double calibrationPaPerFs, double sharpnessAcum) {
    }

    /** The DIN 45692 broad- and narrow-band noises of standards_reference.json that are present in signals/mosqito. */
    public static List<DinNoise> din45692Noises() {
        JsonNode din = reference("standards_reference.json").get("din45692_sharpness");
        double calibration = din.get("wav_calib_pa_per_fs").asDouble();
        List<DinNoise> noises = new ArrayList<>();
        for (String kind : new String[] {"broadband", "narrowband"}) {
            for (JsonNode e : din.get(kind)) {
                int centreHz = Integer.parseInt(e.get("wav").asText().replaceAll(".*_(\\d+)\\.(?i:wav)$", "$1"));
                String file = String.format("din45692_%s_%05d.wav", kind, centreHz);
                if (Files.isRegularFile(signal("mosqito", file))) {
                    noises.add(new DinNoise(file, calibration, e.get("S_acum").asDouble()));
                }
            }
        }
        return noises;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** A reference series {@code [row][frame]}: a 2-D JSON array as is, a 1-D one as a single row. */
    public static double[][] rows(JsonNode series) {
        assertTrue(series.size() > 0, "empty series");
        if (!series.get(0).isArray()) {
            return new double[][] {doubles(series)};
        }
        double[][] out = new double[series.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = doubles(series.get(r));
        }
        return out;
    }
}
