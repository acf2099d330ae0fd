package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tuning, chroma_stft, onset_strength (mean and median) and beat_track against librosa 0.10.2 on the four
 * 48 kHz reference files (shared/reference/librosa.json; skipped when ../shared is absent). Discrete outputs
 * must be identical, float64 series within 1e-9 of the series maximum (notes/librosa.md §14).
 */
class BeatParityTest {
    private static final double SERIES_TOLERANCE = 1e-9;
    private static final MelFilterbank MEL = MelFilterbank.librosaDefault();
    private static final Map<String, double[][]> MAGNITUDES = new ConcurrentHashMap<>();

    static String[] files() {
        return new String[] {
            "tones_48k_mono_f32.wav", "chirp_48k_mono_f32.wav", "pink_48k_mono_f32.wav", "clicks120_48k_mono_f32.wav"};
    }

    private static double[][] magnitude(String name) {
        return MAGNITUDES.computeIfAbsent(name, n -> Stft.magnitude(SharedData.signal48k("librosa", n)));
    }

    private static JsonNode reference(String name) {
        return SharedData.reference("librosa.json").get("files").get(name);
    }

    private static double[][] series(String name, String feature) {
        return SharedData.rows(reference(name).get("features").get(feature).get("series"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void tuningIsLibrosas(String name) {
        double expected = reference(name).get("derived").get("chroma_tuning").asDouble();
        assertEquals(expected, Tuning.estimate(magnitude(name)), 0.0);
    }

    @ParameterizedTest
    @MethodSource("files")
    void chromaSeriesMatches(String name) {
        double[][] chroma = Chroma.stft(magnitude(name), Tuning.estimate(magnitude(name)));
        double error = relativeError(chroma, series(name, "chroma_stft"));
        assertTrue(error <= SERIES_TOLERANCE, () -> name + " chroma rel. error " + error);
    }

    @ParameterizedTest
    @MethodSource("files")
    void onsetEnvelopesMatch(String name) {
        double[][] mel = MEL.power(magnitude(name));
        double[][] melCopy = new double[mel.length][];
        for (int t = 0; t < mel.length; t++) {
            melCopy[t] = mel[t].clone();
        }
        for (OnsetStrength.Aggregate aggregate : OnsetStrength.Aggregate.values()) {
            String feature = aggregate == OnsetStrength.Aggregate.MEAN ? "onset_strength" : "onset_strength_median";
            double[] envelope = OnsetStrength.envelope(mel, aggregate);
            double[][] byFrame = new double[envelope.length][];
            for (int t = 0; t < envelope.length; t++) {
                byFrame[t] = new double[] {envelope[t]};
            }
            double[][] expected = series(name, feature);
            double[] row = expected[0];
            boolean allZero = Arrays.stream(row).allMatch(v -> v == 0.0);
            double error = allZero ? maxAbs(envelope) : relativeError(byFrame, expected);
            assertTrue(error <= SERIES_TOLERANCE, () -> name + " " + feature + " error " + error);
        }
        assertArrayEquals(melCopy, mel, "the caller's mel power must stay untouched");
    }

    @ParameterizedTest
    @MethodSource("files")
    void tempoAndEveryBeatFrameAreLibrosas(String name) {
        double[] onset = OnsetStrength.envelope(
                MEL.power(magnitude(name)), OnsetStrength.Aggregate.MEDIAN);
        JsonNode expected = reference(name).get("features").get("beat_track");
        Beats beats = BeatTracker.track(onset);
        assertEquals(expected.get("tempo_bpm").asDouble(), beats.tempoBpm(), 0.0);
        assertArrayEquals(toInts(expected.get("beat_frames")), beats.beatFrames());
    }

    @Test
    void tuningZeroFilterbankIsLibrosas() {
        JsonNode rows = SharedData.reference("librosa.json").get("filterbanks").get("chroma_tuning0").get("weights");
        double[][] bank = Chroma.filterbank(0.0);
        double worst = 0.0;
        for (int c = 0; c < Chroma.N_CHROMA; c++) {
            double[] expected = SharedData.doubles(rows.get(c));
            assertEquals(Stft.BINS, expected.length);
            for (int k = 0; k < Stft.BINS; k++) {
                worst = Math.max(worst, Math.abs(bank[c][k] - expected[k]) / Math.abs(expected[k]));
            }
        }
        // float32 weights: identical, or one float32 ulp (6e-8) where numpy's double rounds the other way.
        assertTrue(worst <= 1.2e-7, "worst relative weight difference " + worst);
    }

    /** max |actual − expected| / max |expected| over all rows and frames; actual is {@code [frame][row]}. */
    private static double relativeError(double[][] actualByFrame, double[][] expectedByRow) {
        double maxRef = 0.0;
        double maxErr = 0.0;
        for (int r = 0; r < expectedByRow.length; r++) {
            for (int t = 0; t < expectedByRow[r].length; t++) {
                maxRef = Math.max(maxRef, Math.abs(expectedByRow[r][t]));
                maxErr = Math.max(maxErr, Math.abs(actualByFrame[t][r] - expectedByRow[r][t]));
            }
        }
        return maxErr / maxRef;
    }

    private static double maxAbs(double[] values) {
        double max = 0.0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static int[] toInts(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
