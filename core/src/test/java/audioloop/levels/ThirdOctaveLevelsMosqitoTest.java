package audioloop.levels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.MosqitoMore;
import audioloop.SharedData;
import audioloop.loudness.ThirdOctaveSpectrum;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code levels} section's third-octave band levels against MoSQITo 1.2.1 {@code noct_spectrum(sig, 48000, 25,
 * 20000, n=3)} on all 54 shared signals ({@link MosqitoMore}): the 30 nominal frequencies exactly and the levels
 * (dB re 20 µPa) to 1e-6 dB, computed as the pipeline does (the block-fed {@link ThirdOctaveSpectrum.Stream} with
 * the section's range, fed 2 s blocks).
 */
class ThirdOctaveLevelsMosqitoTest {
    private static final double TOLERANCE_DB = 1e-6;
    private static final int BLOCK = 96_000;

    @TestFactory
    Stream<DynamicTest> mosqitoParity() {
        return MosqitoMore.entries().values().stream()
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
    }

    private static void check(MosqitoMore.Entry entry) {
        JsonNode noct = entry.reference().get("noct");
        double[] pressure = SharedData.pascals48k("mosqito", entry.file(), entry.calibrationPaPerFs());
        ThirdOctaveSpectrum.Stream stream = new ThirdOctaveSpectrum.Stream(48_000, pressure.length, 25, 20_000);
        for (int from = 0; from < pressure.length; from += BLOCK) {
            stream.accept(pressure, from, Math.min(BLOCK, pressure.length - from));
        }
        double[] levels = stream.finish();
        int[] bands = ThirdOctaveSpectrum.bandNumbers(25, 20_000);
        assertArrayEquals(SharedData.doubles(noct.get("freqs_hz")), ThirdOctaveBands.nominalHz(bands[0], bands[1]));
        double[] expected = SharedData.doubles(noct.get("L_dB"));
        assertEquals(expected.length, levels.length);
        double worst = 0;
        for (int b = 0; b < levels.length; b++) {
            worst = Math.max(worst, Math.abs(levels[b] - expected[b]));
        }
        assertArrayEquals(expected, levels, TOLERANCE_DB, entry.file());
        System.out.printf("%s worst band %.2g dB%n", entry.file(), worst);
    }
}
