package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FluctuationStrengthTest {
    @Test
    void anchor() {
        long t0 = System.nanoTime();
        FluctuationResult r = FluctuationStrength.compute(Signals.amTone(1000, 4, 1, 60, 4));
        System.out.println(java.util.Arrays.toString(r.fluctuationVacil()) + " " + (System.nanoTime() - t0) / 1e6 + " ms");
        assertEquals(1.0, r.meanVacil(), 0.1);
    }
}
