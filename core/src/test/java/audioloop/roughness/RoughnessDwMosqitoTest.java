package audioloop.roughness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with MoSQITo 1.2.1 {@code roughness_dw} on every WAV of shared/signals/mosqito (reference/mosqito.json,
 * produced by oracle/mosqito_ref.py), and the 1 kHz AM tones against Zwicker &amp; Fastl (standards_reference.json).
 */
class RoughnessDwMosqitoTest {
    private static final double ABS_TOL = 1e-6;
    private static final double REL_TOL = 1e-6;
    /**
     * Files in which MoSQITo correlates FFT rounding noise: some channel's band-passed envelope is zero in exact
     * arithmetic (a single spectral line in the channel; rms(hBP)/h0 ≈ 3e-17 in numpy), numpy's corrcoef still
     * returns a k of that noise (−0.14 in fm200 frame 13, −0.70 in b4_06 frame 5) and it enters R' of the channel two places away. We set
     * such envelopes to zero (FrameAnalyzer.channelEnvelope), so these frames differ by that term: found by
     * comparing per channel against MoSQITo run here, at most 0.4 % of the frame's R. Checked within 0.5 %.
     */
    private static final Set<String> NOISE_CORRELATED = Set.of(
        "din45692_narrowband_00450.wav", "din45692_narrowband_00570.wav", "din45692_narrowband_00700.wav",
        "din45692_narrowband_01000.wav", "iso532-1_b4_06_tone-250-hz-30-db-80-db.wav",
        "iso532-1_b4_07_tone-1-khz-30-db-80-db.wav",
        "roughness_am_fc1000_fm200.wav");
    private static final double NOISE_CORRELATED_REL_TOL = 5e-3;

    /** Results per file, shared by both factories (same JVM) so each file is analysed once. */
    private static final Map<String, RoughnessResult> COMPUTED = new ConcurrentHashMap<>();

    /**
     * Roughness of the signal as the pipeline feeds it to roughness: decoded, resampled to 48 kHz (the harness's
     * resample_poly, notes/mosqito.md §1.3), × calibration.
     */
    private static RoughnessResult compute(String file, JsonNode entry) {
        return COMPUTED.computeIfAbsent(file, f -> RoughnessDw.compute(SharedData.pascals48k("mosqito", f,
                entry.get("calibration").get("factor_pa_per_fs").asDouble()), 48000));
    }

    @TestFactory
    Stream<DynamicTest> matchesMosqitoOnEveryReferenceSignal() {
        JsonNode files = SharedData.reference("mosqito.json").get("files");
        List<DynamicTest> tests = new ArrayList<>();
        files.fields().forEachRemaining(e -> tests.add(DynamicTest.dynamicTest(e.getKey(),
            () -> assertParity(e.getKey(), e.getValue()))));
        return tests.stream();
    }

    private static void assertParity(String file, JsonNode entry) {
        JsonNode ref = entry.get("roughness_dw");
        double relTol = NOISE_CORRELATED.contains(file) ? NOISE_CORRELATED_REL_TOL : REL_TOL;
        RoughnessResult result = compute(file, entry);
        double[] r = result.roughnessAsper();
        assertEquals(ref.get("n_frames").asInt(), r.length, "frames");
        assertEquals(ref.get("time_first_s").asDouble(), result.timeS()[0], 1e-9, "first frame time");
        assertEquals(ref.get("time_last_s").asDouble(), result.timeS()[r.length - 1], 1e-9, "last frame time");
        JsonNode series = entry.get("series");
        if (series != null) {
            double[] refR = SharedData.doubles(series.get("R"));
            double[] refT = SharedData.doubles(series.get("t_R"));
            for (int l = 0; l < r.length; l++) {
                assertEquals(refR[l], r[l], ABS_TOL + relTol * Math.abs(refR[l]), "R at frame " + l);
                assertEquals(refT[l], result.timeS()[l], 1e-9, "t at frame " + l);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : r) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double mean = ref.get("R_mean").asDouble();
        assertEquals(mean, result.meanAsper(), relTol * Math.abs(mean), "R mean");
        assertEquals(ref.get("R_max").asDouble(), max, ABS_TOL + relTol * Math.abs(max), "R max");
        assertEquals(ref.get("R_min").asDouble(), min, ABS_TOL + relTol * Math.abs(min), "R min");
        assertTrue(result.warnings().isEmpty(), "no warnings for input MoSQITo handles");
    }

    /**
     * Zwicker &amp; Fastl fig. 11.2 (1 kHz carrier, m = 1), MoSQITo's validation rule |R − R_ZF| ≤ 0.1 asper, over
     * the modulation frequencies its validation covers (30–160 Hz). These files are at 57.7 dB SPL, not 60 dB.
     */
    @TestFactory
    Stream<DynamicTest> amTonesAgreeWithZwickerAndFastl() {
        JsonNode files = SharedData.reference("mosqito.json").get("files");
        JsonNode curve = SharedData.reference("standards_reference.json").get("roughness_dw").get("curves")
            .get("zwicker_fastl").get("per_fc").get("1000");
        double[] curveFm = SharedData.doubles(curve.get("fm_Hz"));
        double[] curveR = SharedData.doubles(curve.get("R_asper"));
        List<DynamicTest> tests = new ArrayList<>();
        for (int fm : new int[] {30, 50, 70, 100, 140}) {
            String file = String.format("roughness_am_fc1000_fm%03d.wav", fm);
            tests.add(DynamicTest.dynamicTest(file, () -> {
                double r = compute(file, files.get(file)).meanAsper();
                assertEquals(RoughnessTables.interp(fm, curveFm, curveR), r, 0.1, "fm = " + fm + " Hz");
            }));
        }
        return tests.stream();
    }
}
