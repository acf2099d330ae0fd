package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The stationary route (third-octave spectrum → ISO 532-1 clause 5 → DIN 45692) against the published figures in
 * reference/standards_reference.json, read at run time. Annex B.2 (levels given, no WAV) is in
 * {@link StationaryLoudnessTest}; the DIN 45692 time-varying route is in {@code TimeVaryingLoudnessStandardsTest}.
 */
class StationaryLoudnessStandardsTest {
    private static final Pattern ANNEX_B3_NAME = Pattern.compile("Test signal (\\d+) .*");

    /**
     * ISO 532-1:2017 Annex B.3, WAV test signals 2–5 (stationary method, free field): N within 5 % of the
     * standard's value (the requirement), and every N′(z) inside the band MoSQITo's validation applies
     * (the larger of ±5 % / ±0.1 sone/Bark, isoclose).
     */
    @TestFactory
    Stream<DynamicTest> iso532AnnexB3() {
        JsonNode entries = SharedData.reference("standards_reference.json").get("iso532_1_stationary").get("entries");
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Matcher m = ANNEX_B3_NAME.matcher(e.getKey());
            if (m.matches()) {
                String file = sharedFile(String.format("iso532-1_b3_%02d_", Integer.parseInt(m.group(1))));
                tests.add(DynamicTest.dynamicTest(e.getKey(), () -> checkAnnexB3(e.getKey(), file, e.getValue())));
            }
        }
        assertEquals(4, tests.size(), "Annex B.3 test signals 2-5");
        return tests.stream();
    }

    private static void checkAnnexB3(String name, String file, JsonNode entry) {
        assertEquals("free", entry.get("field").asText());
        StationaryLoudnessResult result = StationaryLoudnessMosqitoTest.compute(file,
                entry.get("wav_calib_pa_per_fs").asDouble(), SoundField.FREE);
        double expected = entry.get("N_sone").asDouble();
        double[] expectedSpecific = SharedData.doubles(entry.get("N_specific"));
        double worstSpecific = 0;
        for (int k = 0; k < expectedSpecific.length; k++) {
            double ref = expectedSpecific[k];
            double actual = result.specificLoudness()[k];
            double allowed = Math.max(0.05 * ref, 0.1);
            assertEquals(ref, actual, allowed, name + " N' at " + (k + 1) / 10.0 + " Bark");
            worstSpecific = Math.max(worstSpecific, Math.abs(actual - ref));
        }
        double deviation = (result.loudnessSone() - expected) / expected;
        System.out.printf("ISO 532-1 B.3 %s: N = %.3f sone, standard %.3f (%+.2f %%); max |N' - ISO| %.3f sone/Bark%n",
                name, result.loudnessSone(), expected, 100 * deviation, worstSpecific);
        assertTrue(Math.abs(deviation) <= 0.05, name + ": N = " + result.loudnessSone() + " vs " + expected);
    }

    /**
     * DIN 45692:2009 chapter 6: every narrow- and broad-band noise of the standard shipped in ../shared, stationary
     * sharpness ({@code sharpness_din_st}'s route) within the larger of 5 % / 0.05 acum of the standard's value
     * (MoSQITo's validation rule).
     */
    @TestFactory
    Stream<DynamicTest> din45692() {
        List<SharedData.DinNoise> noises = SharedData.din45692Noises();
        assertEquals(31, noises.size(), "DIN 45692 signals found in ../shared");
        return noises.stream().map(n -> DynamicTest.dynamicTest(n.file(),
                () -> checkDin(n.file(), n.calibrationPaPerFs(), n.sharpnessAcum())));
    }

    private static void checkDin(String file, double calibration, double expected) {
        double sharpness = Sharpness.stationary(SharpnessWeighting.DIN, StationaryLoudnessMosqitoTest.compute(file, calibration, SoundField.FREE));
        System.out.printf("DIN 45692 %s (stationary): S = %.4f acum, standard %.2f (%+.2f %%)%n", file, sharpness,
                expected, 100 * (sharpness - expected) / expected);
        assertEquals(expected, sharpness, Math.max(0.05 * expected, 0.05), file);
    }

    /** The one file in signals/mosqito whose name starts with {@code prefix}. */
    private static String sharedFile(String prefix) {
        File[] matches = SharedData.root().resolve("signals").resolve("mosqito").toFile()
                .listFiles((dir, name) -> name.startsWith(prefix));
        assertTrue(matches != null && matches.length == 1, "one file named " + prefix + "* in signals/mosqito");
        return matches[0].getName();
    }
}
