package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianTest {
    /** Selection (with or without counting the zeros) must return exactly what sorting does, ties and runs of zeros included (onset rises). */
    @Test
    void equalsTheSortedMiddle() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            int count = 1 + random.nextInt(200);
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = random.nextInt(3) == 0 ? 0.0 : Math.floor(random.nextDouble() * 20) / 4;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int h = count / 2;
            double expected = count % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
            assertEquals(expected, Median.ofNonNegative(values.clone(), count), 0.0, "trial " + trial);
            assertEquals(expected, Median.ofFirst(values, count), 0.0, "trial " + trial);
        }
    }
}
