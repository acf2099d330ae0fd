package audioloop.spectral;

import java.util.Arrays;

/** {@code np.median}: the middle value, or the mean (a + b) / 2 of the two middle values of an even count. */
final class Median {
    private Median() {
    }

    /** Median of {@code values[0..count)}; sorts that range in place (callers pass scratch arrays). */
    static double ofFirst(double[] values, int count) {
        Arrays.sort(values, 0, count);
        int h = count / 2;
        return count % 2 == 1 ? values[h] : (values[h - 1] + values[h]) / 2;
    }
}
