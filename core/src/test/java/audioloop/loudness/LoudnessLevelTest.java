package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Loudness level from loudness (MoSQITo sone_to_phon, Zwicker–Fastl's BASIC program). */
class LoudnessLevelTest {
    @Test
    void anchorsOfTheSoneScale() {
        assertEquals(40.0, LoudnessLevel.phon(1.0), 0.0);   // 1 sone is defined as 40 phon
        assertEquals(50.0, LoudnessLevel.phon(2.0), 0.0);   // a doubling of loudness per 10 phon
        assertEquals(80.0, LoudnessLevel.phon(16.0), 1e-12);
        assertEquals(30.0, LoudnessLevel.phon(0.5), 1.5);   // below 1 sone the power law bends away from 10·log2
    }

    @Test
    void belowOneSoneThePowerLawAndItsFloor() {
        assertEquals(40 * Math.pow(0.5, 0.35), LoudnessLevel.phon(0.5), 1e-12);    // 31.37 phon
        assertEquals(40 * Math.pow(0.01, 0.35), LoudnessLevel.phon(0.01), 1e-12);  // 8.0 phon
        // 40·N^0.35 < 3 phon below N = 6.1e-4 sone: held at 3 phon, also for silence
        assertEquals(3.0, LoudnessLevel.phon(1e-4), 0.0);
        assertEquals(3.0, LoudnessLevel.phon(0.0), 0.0);
        // continuous at 1 sone
        assertEquals(LoudnessLevel.phon(1.0), LoudnessLevel.phon(Math.nextDown(1.0)), 1e-12);
    }
}
