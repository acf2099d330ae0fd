package audioloop.spectral;

/** {@code np.median}: the middle value, or the mean (a + b) / 2 of the two middle values of an even count. */
final class Median {
    private Median() {
    }

    /**
     * Median of {@code values[0..count)}, by selection (Wirth's algorithm) rather than a full sort: the same two
     * order statistics, so the same result. Reorders that range (callers pass scratch arrays).
     */
    static double ofFirst(double[] values, int count) {
        int h = count / 2;
        double upper = select(values, count, h);
        if (count % 2 == 1) {
            return upper;
        }
        // After selecting index h, everything left of it is ≤ values[h]: the (h−1)-th is their maximum.
        double lower = values[0];
        for (int i = 1; i < h; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    /**
     * {@link #ofFirst} for values that are all ≥ 0 and often exactly 0 (rectified differences): the zeros are
     * counted, and only the positive values, moved to the front, are searched. Same order statistics, same result;
     * reorders {@code values[0..count)}.
     */
    static double ofNonNegative(double[] values, int count) {
        int positives = 0;
        for (int i = 0; i < count; i++) {
            if (values[i] > 0.0) {
                values[positives++] = values[i];
            }
        }
        int zeros = count - positives;
        int h = count / 2;
        double upper = h < zeros ? 0.0 : select(values, positives, h - zeros);
        if (count % 2 == 1) {
            return upper;
        }
        double lower = 0.0;
        if (h - 1 >= zeros) {
            // As in ofFirst: after the selection, the positives left of index h − zeros are the smaller ones.
            lower = values[0];
            for (int i = 1; i < h - zeros; i++) {
                lower = Math.max(lower, values[i]);
            }
        }
        return (lower + upper) / 2;
    }

    /** Moves the k-th smallest of values[0..count) to index k, smaller-or-equal values before it; returns it. */
    private static double select(double[] values, int count, int k) {
        int left = 0;
        int right = count - 1;
        while (left < right) {
            double pivot = values[k];
            int i = left;
            int j = right;
            do {
                while (values[i] < pivot) {
                    i++;
                }
                while (pivot < values[j]) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                left = i;
            }
            if (k < i) {
                right = j;
            }
        }
        return values[k];
    }
}
