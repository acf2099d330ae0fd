package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StationaryLoudnessTest {

    /** ISO 532-1:2017 Annex B.2, test signal 1: third-octave levels given, N = 83.296 sone and N′(z). */
    @Test
    void annexB2TestSignal1() {
        JsonNode entry = SharedData.reference("standards_reference.json")
                .get("iso532_1_stationary").get("entries").get("test_signal_1");
        double[] levels = SharedData.doubles(entry.get("input_third_octave_levels_dB"));
        double[] expected = SharedData.doubles(entry.get("N_specific"));

        StationaryLoudnessResult result = StationaryLoudness.fromThirdOctaveLevels(levels, SoundField.FREE);

        // MoSQITo gives 83.300 (+0.005 %) and N' within 0.0003 sone/Bark (notes/mosqito.md §7).
        assertEquals(entry.get("N_sone").asDouble(), result.loudnessSone(), 0.005);
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            worst = Math.max(worst, Math.abs(result.specificLoudness()[k] - expected[k]));
        }
        assertTrue(worst <= 0.0005, "max |N' - ISO| = " + worst);
    }

    @Test
    void silenceIsZero() {
        double[] levels = new double[28];
        java.util.Arrays.fill(levels, -20);
        StationaryLoudnessResult result = StationaryLoudness.fromThirdOctaveLevels(levels, SoundField.DIFFUSE);
        assertEquals(0.0, result.loudnessSone());
        for (double v : result.specificLoudness()) {
            assertEquals(0.0, v);
        }
    }

    /**
     * Above the 7th range limit of a low band ISO 532-1 applies DLL[7]; MoSQITo applies 0 dB (notes/mosqito.md
     * §6.5). 25 Hz at 119 dB (limit 118 dB): ISO corrects by −15 dB to 104 dB.
     */
    @Test
    void lowFrequencyLevelAboveSeventhRangeGetsIsoCorrection() {
        double[] levels = new double[28];
        java.util.Arrays.fill(levels, -60);
        levels[0] = 119;
        double[] core = new double[21];
        CoreLoudness.compute(levels, SoundField.FREE, core);

        assertEquals(lowestBandCore(104), core[0], 1e-12 * core[0]);
        double mosqito = lowestBandCore(119);
        assertTrue(mosqito > 1.5 * core[0], "MoSQITo's uncorrected value " + mosqito + " vs ISO " + core[0]);
        // just below the limit both agree: range 7 (DLL[6] = -18 dB)
        levels[0] = 118;
        CoreLoudness.compute(levels, SoundField.FREE, core);
        assertEquals(lowestBandCore(100), core[0], 1e-12 * core[0]);
    }

    /** Core loudness of the lowest critical band for a band level (after correction) alone in it. */
    private static double lowestBandCore(double correctedLevelDb) {
        double le = correctedLevelDb + 0.25; // A0 = 0, DCB = -0.25 dB, LTQ = 30 dB
        double nm = 0.0635 * Math.pow(10, 0.025 * 30) * (Math.pow(0.75 + 0.25 * Math.pow(10, 0.1 * (le - 30)), 0.25) - 1);
        double k = 0.4 + 0.32 * Math.pow(nm, 0.2);
        return k <= 1 ? nm * k : nm;
    }
}
