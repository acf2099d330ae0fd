package audioloop.tonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The screening's threshold test decides exactly as the comparison with MoSQITo's L_TH expression. */
class HearingThresholdTest {
    @Test
    void exceedsDecidesAsTheComparisonWithLevelDb() {
        java.util.Random random = new java.util.Random(74);
        for (int i = 0; i < 200_000; i++) {
            double f = 10 + random.nextDouble() * 23_000;
            double limit = HearingThreshold.levelDb(f) + 10;
            // levels at the limit, one ulp around it, and spread a few dB around it
            double level = switch (i % 4) {
                case 0 -> limit;
                case 1 -> Math.nextUp(limit);
                case 2 -> Math.nextDown(limit);
                default -> limit + random.nextGaussian() * 3;
            };
            assertEquals(level > limit, HearingThreshold.exceeds(level, f, 10), "f = " + f + ", level " + level);
        }
        assertFalse(HearingThreshold.exceeds(200, 15, 10), "no L_TH below 20 Hz: no tone, as with MoSQITo's NaN");
    }
}
