package audioloop.sharpness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.MosqitoMore;
import audioloop.SharedData;
import audioloop.loudness.SoundField;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.loudness.TimeVaryingLoudnessResult;
import audioloop.pipeline.Summaries;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The four sharpness weightings against MoSQITo 1.2.1 on all 54 shared signals (reference/mosqito_more.json and
 * the extra resource, see {@link MosqitoMore}): {@code sharpness_din_st(sig, 48000, weighting=w)} and the mean of
 * {@code sharpness_din_from_loudness(N, N′, w)} over all frames of {@code loudness_zwtv} (its decay starting from
 * rest, as ours), each to 1e-6 relative. Signals are read as the pipeline reads them ({@link SharedData#pascals48k}).
 */
class SharpnessWeightingsMosqitoTest {
    private static final double TOLERANCE = 1e-6;

    @TestFactory
    Stream<DynamicTest> mosqitoParity() {
        return MosqitoMore.entries().values().stream()
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
    }

    private static void check(MosqitoMore.Entry entry) {
        double[] pressure = SharedData.pascals48k("mosqito", entry.file(), entry.calibrationPaPerFs());
        StationaryLoudnessResult stationary = StationaryLoudness.fromThirdOctaveLevels(
                ThirdOctaveSpectrum.levelsDb(pressure, 48000), SoundField.FREE);
        SharpnessWeighting[] weightings = SharpnessWeighting.values();
        double[][] moments = new double[weightings.length][TimeVaryingLoudness.frameCount(pressure.length)];
        TimeVaryingLoudnessResult loudness = TimeVaryingLoudness.compute(pressure, SoundField.FREE, (frame, specific) -> {
            for (SharpnessWeighting w : weightings) {
                moments[w.ordinal()][frame] = Sharpness.weightedMoment(w, specific);
            }
        });
        StringBuilder report = new StringBuilder(entry.file());
        for (SharpnessWeighting w : weightings) {
            double st = Sharpness.stationary(w, stationary);
            double tvMean = Summaries.mean(Sharpness.timeVarying(w, loudness.loudnessSone(), moments[w.ordinal()]));
            report.append(compare(w.key() + " st", st, entry.reference().get("sharpness_st").get(w.key())));
            report.append(compare(w.key() + " tv mean", tvMean, entry.reference().get("sharpness_tv_mean").get(w.key())));
        }
        System.out.println(report);
    }

    private static String compare(String what, double actual, JsonNode expectedNode) {
        double expected = expectedNode.asDouble();
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(rel <= TOLERANCE, what + ": " + actual + " vs MoSQITo " + expected + " (rel " + rel + ")");
        return String.format(" %s %.1e;", what, rel);
    }
}
