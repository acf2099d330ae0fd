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
 * (dB re 20 µPa) to 1e-6 dB, computed both ways the pipeline does: the block-fed {@link ThirdOctaveSpectrum.Stream}
 * with the section's range, fed 2 s blocks, and for the signals long enough for it (the ISO 532-1 B.3/B.4 tones and
 * noise, 10 s, and the B.5 airplane) one DFT of the whole signal ({@link ThirdOctaveSpectrum#levelsDbInPlace}).
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
        String fromSpectrum = "";
        if (pressure.length >= ThirdOctaveSpectrum.spectralMinimumSamples(48_000, 25, 20_000)) {
            double[] buffer = java.util.Arrays.copyOf(pressure,
                    ThirdOctaveSpectrum.transformLength(pressure.length, 48_000, 25, 20_000));
            double[] spectral = ThirdOctaveSpectrum.levelsDbInPlace(buffer, pressure.length, 48_000, 25, 20_000);
            assertArrayEquals(expected, spectral, TOLERANCE_DB, entry.file() + " (DFT)");
            double worstSpectral = 0;
            for (int b = 0; b < levels.length; b++) {
                worstSpectral = Math.max(worstSpectral, Math.abs(spectral[b] - expected[b]));
            }
            fromSpectrum = String.format(", from one DFT %.2g dB", worstSpectral);
        }
        System.out.printf("%s worst band %.2g dB%s%n", entry.file(), worst, fromSpectrum);
    }
}
