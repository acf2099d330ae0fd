package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Against the published figures (reference/standards_reference.json), with the standards' own tolerances. */
class TimeVaryingLoudnessStandardsTest {

    /**
     * ISO 532-1:2017 Annex B.4 test signal 6 (250 Hz tone 30 → 80 dB): N(t) and N′(2.5 Bark, t) inside the
     * larger of ±5 % / ±0.1 sone[/Bark] of the standard's curve in at least 99 % of the 2 ms samples.
     */
    @Test
    void iso532AnnexB4TestSignal6() {
        JsonNode entry = SharedData.reference("standards_reference.json")
                .get("iso532_1_time_varying").get("entries").get("Test signal 6");
        double[] expectedN = SharedData.doubles(entry.get("N_t_sone"));
        double[] expectedSpecific = SharedData.doubles(entry.get("N_specific_t"));
        int barkIndex = (int) Math.round(entry.get("N_specific_t_bark").asDouble() * 10) - 1;
        double[] pressurePa = SharedData.pascals48k("mosqito", "iso532-1_b4_06_tone-250-hz-30-db-80-db.wav",
                entry.get("wav_calib_pa_per_fs").asDouble());

        double[] specificAtBark = new double[TimeVaryingLoudness.frameCount(pressurePa.length)];
        TimeVaryingLoudnessResult result = TimeVaryingLoudness.compute(pressurePa, SoundField.FREE,
                (frame, specific) -> specificAtBark[frame] = specific[barkIndex]);

        assertEquals(expectedN.length, result.loudnessSone().length);
        double outsideN = shareOutsideBand(result.loudnessSone(), expectedN);
        double outsideSpecific = shareOutsideBand(specificAtBark, expectedSpecific);
        System.out.printf("ISO 532-1 B.4 signal 6: outside the 5 %% band: N(t) %.4f, N'(2.5 Bark, t) %.4f%n",
                outsideN, outsideSpecific);
        assertTrue(outsideN <= 0.01, "N(t) outside the band in " + outsideN * 100 + " % of samples");
        assertTrue(outsideSpecific <= 0.01, "N'(t) outside the band in " + outsideSpecific * 100 + " %");
    }

    private static double shareOutsideBand(double[] actual, double[] expected) {
        int outside = 0;
        for (int t = 0; t < expected.length; t++) {
            double ref = expected[t];
            double lo = Math.min(ref * 0.95, ref - 0.1);
            double hi = Math.max(ref * 1.05, ref + 0.1);
            if (actual[t] < lo || actual[t] > hi) {
                outside++;
            }
        }
        return (double) outside / expected.length;
    }

    /**
     * DIN 45692:2009 chapter 6: the 20 broad-band and 21 narrow-band noises (those of them shipped in
     * ../shared), sharpness by the time-varying route (mean of S(t) for t ≥ 0.5 s), within the larger of
     * 5 % / 0.05 acum of the standard's value.
     */
    @TestFactory
    Stream<DynamicTest> din45692() {
        List<SharedData.DinNoise> noises = SharedData.din45692Noises();
        assertEquals(31, noises.size(), "DIN 45692 signals found in ../shared");
        return noises.stream().map(n -> DynamicTest.dynamicTest(n.file(),
                () -> checkDin(n.file(), n.calibrationPaPerFs(), n.sharpnessAcum())));
    }

    private static void checkDin(String file, double calibration, double expected) {
        TimeVaryingLoudnessMosqitoTest.Computed c = TimeVaryingLoudnessMosqitoTest.compute(file, calibration);
        int first = (int) Math.round(0.5 / TimeVaryingLoudness.TIME_STEP_S);
        double sum = 0;
        for (int t = first; t < c.sharpness().length; t++) {
            sum += c.sharpness()[t];
        }
        double sharpness = sum / (c.sharpness().length - first);
        double allowed = Math.max(0.05 * expected, 0.05);
        System.out.printf("DIN 45692 %s: S = %.4f acum, standard %.2f (%+.2f %%)%n", file, sharpness, expected,
                100 * (sharpness - expected) / expected);
        assertEquals(expected, sharpness, allowed, file);
    }
}
