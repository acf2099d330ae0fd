package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.SharedData;
import audioloop.dsp.PolyphaseResampler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with librosa 0.10.2 on the reference signals (../shared/reference/librosa.json, notes/librosa.md §14):
 * float64 frame series within 1e-9 of the feature's largest |value|, rms (float32 in librosa) within 1e-6,
 * contrast within 1e-6 dB, zero-crossing rate and rolloff identical; the same for the 44.1 kHz stereo files
 * through {@link PolyphaseResampler}, whose feature means must also agree to 1e-4.
 */
class SpectralParityTest {
    private static final double FLOAT64_REL = 1e-9;
    private static final double RMS_REL = 1e-6;
    private static final double CONTRAST_DB = 1e-6;
    private static final double RESAMPLED_MEAN_REL = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tones_48k_mono_f32.wav", "chirp_48k_mono_f32.wav", "pink_48k_mono_f32.wav",
        "clicks120_48k_mono_f32.wav", "tones_44k1_stereo_s16.wav", "pink_44k1_stereo_s16.wav"})
    void framesMatchLibrosa(String name) {
        JsonNode file = SharedData.reference("librosa.json").get("files").get(name);
        JsonNode features = file.get("features");
        double[] y = SharedData.signal48k("librosa", name);
        assertEquals(file.get("n_samples").asInt(), y.length);
        SpectralFrames frames = SpectralAnalyzer.analyze(y);
        assertEquals(file.get("n_frames").asInt(), frames.frameCount());

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertSeries(name + " rms", rows(features.get("rms")), rowMajor(frames.rms()), RMS_REL, 0));
        checks.add(() -> assertArrayEquals(rows(features.get("zero_crossing_rate"))[0], frames.zeroCrossingRate(),
                name + " zero_crossing_rate"));
        checks.add(() -> assertArrayEquals(rows(features.get("spectral_rolloff"))[0], frames.spectralRolloff(),
                name + " spectral_rolloff"));
        checks.add(() -> assertSeries(name + " spectral_centroid", rows(features.get("spectral_centroid")),
                rowMajor(frames.spectralCentroid()), FLOAT64_REL, 0));
        checks.add(() -> assertSeries(name + " spectral_bandwidth", rows(features.get("spectral_bandwidth")),
                rowMajor(frames.spectralBandwidth()), FLOAT64_REL, 0));
        checks.add(() -> assertSeries(name + " spectral_flatness", rows(features.get("spectral_flatness")),
                rowMajor(frames.spectralFlatness()), FLOAT64_REL, 0));
        checks.add(() -> assertSeries(name + " spectral_contrast", rows(features.get("spectral_contrast")),
                transpose(frames.spectralContrast()), 0, CONTRAST_DB));
        checks.add(() -> assertSeries(name + " mfcc_20", rows(features.get("mfcc_20")), transpose(frames.mfcc()),
                FLOAT64_REL, 0));
        // mfcc(n_mfcc=13) is the first 13 rows of mfcc(n_mfcc=20) in librosa (§11).
        checks.add(() -> assertSeries(name + " mfcc_13", rows(features.get("mfcc_13")),
                transpose(Mfcc.frames(frames.melDb(), 13)), FLOAT64_REL, 0));
        checks.add(() -> assertMel(name, features.get("melspectrogram"), frames));
        checks.add(() -> assertFeatureStats(name, features, frames));
        if (file.get("resampled").asBoolean()) {
            checks.add(() -> assertResampledMeans(name, features, frames));
        }
        assertAll(checks);
    }

    /** Per-band stats of the mel power and of its dB (the reference keeps no full mel series), and the frame sums. */
    private static void assertMel(String name, JsonNode mel, SpectralFrames frames) {
        double[][] sums = new double[1][frames.frameCount()];
        for (int t = 0; t < sums[0].length; t++) {
            for (double v : frames.melPower()[t]) {
                sums[0][t] += v;
            }
        }
        assertSeries(name + " mel frame power sum", new double[][] {SharedData.doubles(mel.get("frame_power_sum_series"))},
                sums, FLOAT64_REL, 0);
        assertStats(name + " melspectrogram power", mel.get("stats_power"), FeatureStats.perRow(frames.melPower()),
                mel.get("global").get("power_max").asDouble());
        double dbScale = Math.max(Math.abs(mel.get("global").get("db_max").asDouble()),
                Math.abs(mel.get("global").get("db_min").asDouble()));
        assertStats(name + " melspectrogram dB", mel.get("stats_db"), FeatureStats.perRow(frames.melDb()), dbScale);
    }

    private static void assertStats(String what, JsonNode stats, FeatureStats.PerRow mine, double scale) {
        double[][] expected = {SharedData.doubles(stats.get("mean")), SharedData.doubles(stats.get("std")),
            SharedData.doubles(stats.get("min")), SharedData.doubles(stats.get("max"))};
        double[][] actual = {mine.mean(), mine.std(), mine.min(), mine.max()};
        assertSeries(what + " stats", expected, actual, 0, FLOAT64_REL * scale);
    }

    /**
     * {@link FeatureStats} against the reference stats (numpy mean/std/min/max over frames): the discrete features'
     * stats are bit-identical (same series, numpy's summation order), the others within their series tolerance.
     */
    private static void assertFeatureStats(String name, JsonNode features, SpectralFrames frames) {
        assertStatsEqual(name + " zero_crossing_rate", features.get("zero_crossing_rate").get("stats"),
                FeatureStats.of(frames.zeroCrossingRate()));
        assertStatsEqual(name + " spectral_rolloff", features.get("spectral_rolloff").get("stats"),
                FeatureStats.of(frames.spectralRolloff()));
        String[] keys = {"rms", "spectral_centroid", "spectral_bandwidth", "spectral_flatness", "spectral_contrast",
            "mfcc_20"};
        double[][][] series = {rowMajor(frames.rms()), rowMajor(frames.spectralCentroid()),
            rowMajor(frames.spectralBandwidth()), rowMajor(frames.spectralFlatness()),
            transpose(frames.spectralContrast()), transpose(frames.mfcc())};
        double[] rel = {RMS_REL, FLOAT64_REL, FLOAT64_REL, FLOAT64_REL, 0, FLOAT64_REL};
        double[] abs = {0, 0, 0, 0, CONTRAST_DB, 0};
        for (int f = 0; f < keys.length; f++) {
            JsonNode stats = features.get(keys[f]).get("stats");
            double[][] expected = new double[4][];
            double[][] actual = new double[4][series[f].length];
            String[] which = {"mean", "std", "min", "max"};
            for (int i = 0; i < which.length; i++) {
                JsonNode node = stats.get(which[i]);
                expected[i] = node.isArray() ? SharedData.doubles(node) : new double[] {node.asDouble()};
            }
            for (int r = 0; r < series[f].length; r++) {
                FeatureStats mine = FeatureStats.of(series[f][r]);
                actual[0][r] = mine.mean();
                actual[1][r] = mine.std();
                actual[2][r] = mine.min();
                actual[3][r] = mine.max();
            }
            double scale = 0.0;
            for (double[] row : series[f]) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            assertSeries(name + " " + keys[f] + " stats", expected, actual, 0, rel[f] * scale + abs[f]);
        }
    }

    private static void assertStatsEqual(String what, JsonNode expected, FeatureStats actual) {
        assertArrayEquals(new double[] {expected.get("mean").asDouble(), expected.get("std").asDouble(),
            expected.get("min").asDouble(), expected.get("max").asDouble()},
            new double[] {actual.mean(), actual.std(), actual.min(), actual.max()}, what + " stats");
    }

    /** Through the resampler the feature means must agree to 1e-4 relative (the brief's bar; the series pass 1e-9). */
    private static void assertResampledMeans(String name, JsonNode features, SpectralFrames frames) {
        String[] keys = {"rms", "zero_crossing_rate", "spectral_centroid", "spectral_bandwidth", "spectral_rolloff",
            "spectral_flatness", "spectral_contrast", "mfcc_20"};
        double[][][] series = {rowMajor(frames.rms()), rowMajor(frames.zeroCrossingRate()),
            rowMajor(frames.spectralCentroid()), rowMajor(frames.spectralBandwidth()),
            rowMajor(frames.spectralRolloff()), rowMajor(frames.spectralFlatness()),
            transpose(frames.spectralContrast()), transpose(frames.mfcc())};
        for (int f = 0; f < keys.length; f++) {
            JsonNode mean = features.get(keys[f]).get("stats").get("mean");
            for (int r = 0; r < series[f].length; r++) {
                double expected = mean.isArray() ? mean.get(r).asDouble() : mean.asDouble();
                double actual = FeatureStats.of(series[f][r]).mean();
                assertEquals(expected, actual, RESAMPLED_MEAN_REL * Math.abs(expected),
                        name + " " + keys[f] + " mean, row " + r);
            }
        }
    }

    /**
     * Every value within {@code rel·max|expected| + abs} of the reference, row by row ({@code [row][frame]}).
     */
    private static void assertSeries(String what, double[][] expected, double[][] actual, double rel, double abs) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double scale = 0.0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tolerance = rel * scale + abs;
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, actual[r].length, what + ": frames");
            for (int t = 0; t < expected[r].length; t++) {
                double e = expected[r][t];
                double a = actual[r][t];
                if (Math.abs(e - a) > tolerance) {
                    assertEquals(e, a, tolerance, what + ", row " + r + ", frame " + t);
                }
            }
        }
    }

    @Test
    void melFilterbankEqualsLibrosas() {
        JsonNode mel = SharedData.reference("librosa.json").get("filterbanks").get("mel");
        MelFilterbank bank = MelFilterbank.librosaDefault();
        assertArrayEquals(SharedData.doubles(mel.get("band_edges_hz")), bank.bandEdgesHz(), 1e-9);
        JsonNode rows = mel.get("rows_sparse");
        assertEquals(MelFilterbank.N_MELS, rows.size());
        for (int m = 0; m < rows.size(); m++) {
            assertEquals(rows.get(m).get("start_bin").asInt(), bank.firstBin(m), "band " + m);
            // float32 weights, rounded twice as librosa does (§9): identical, not merely close.
            assertArrayEquals(SharedData.doubles(rows.get(m).get("weights")), bank.weights(m), "band " + m);
        }
    }

    private static double[][] rows(JsonNode feature) {
        return SharedData.rows(feature.get("series"));
    }

    private static double[][] rowMajor(double[] series) {
        return new double[][] {series};
    }

    private static double[][] transpose(double[][] frameMajor) {
        double[][] out = new double[frameMajor[0].length][frameMajor.length];
        for (int t = 0; t < frameMajor.length; t++) {
            for (int r = 0; r < out.length; r++) {
                out[r][t] = frameMajor[t][r];
            }
        }
        return out;
    }
}
