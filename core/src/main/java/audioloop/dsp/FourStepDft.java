package audioloop.dsp;

import java.util.function.ObjIntConsumer;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The DFT X_k = Σ_t x_t·e^{−2πikt/n} of a whole real signal, done in place in the signal's own array, with the bins
 * read back in any order: the transform behind the whole-file metrics (MoSQITo's tonality and SII spectra, the
 * third-octave band powers).
 *
 * <p>Method, for memory: one JTransforms plan of n points keeps 6n doubles of tables (15n when n has a large prime
 * factor; measured), three to eight times the signal. Here the n-point DFT is a "four-step" DFT (Bailey 1990): for
 * even n the real signal is read as L = n/2 complex points z_s = x_{2s} + i·x_{2s+1} (the array's own interleaving),
 * L = L1·L2 with L1 the largest divisor ≤ √L, L1 column DFTs of L2 points, twiddles e^{−2πi·s1·k2/L}, L2 row DFTs of
 * L1 points; X_k is then ½(Z_k + conj Z_{L−k}) − ½i·e^{−2πik/n}(Z_k − conj Z_{L−k}). Twiddles come from two small
 * tables (e^{−2πij/n} = T_hi[j ≫ 10]·T_lo[j &amp; 1023]). Odd n take a complex copy (2n doubles) and the same steps.
 * The sub-transforms are JTransforms' or, for lengths it does by mixed radix, {@link MixedRadixFft}'s (its bits,
 * without a work array allocated per call).
 */
public final class FourStepDft {
    /** Transforms up to this many complex points are one JTransforms plan (small tables). */
    private static final int SINGLE_PLAN_POINTS = 1 << 13;
    /** Columns gathered together in the column pass, so each strided read fetches whole cache lines. */
    private static final int COLUMN_GROUP = 8;
    private static final int TABLE_BITS = 10;
    /** Bins read per chunk when only their squared magnitudes are wanted. */
    private static final int CHUNK = 512;
    /** Rows read along in {@link #magnitudesSquaredByRows}: one cache line of outputs per column. */
    private static final int ROW_TILE = 8;
    /** Ranges spanning this many columns or more are read in storage order. */
    private static final int ROW_ORDER_MIN_COLUMNS = 8;

    private final int length;
    /** Whether the signal was read as n/2 complex points (even n). */
    private final boolean paired;
    /** The complex DFT Z of the transformed sequence, interleaved, Z_k at position l1·(k mod l2) + k / l2. */
    private final double[] data;
    private final int points;
    private final int l1;
    private final int l2;
    /** e^{−2πij/n} = (hiRe + i·hiIm)[j ≫ TABLE_BITS] · (loRe + i·loIm)[j &amp; mask]. */
    private final double[] hiRe;
    private final double[] hiIm;
    private final double[] loRe;
    private final double[] loIm;
    /** Whether sub-transforms with a factor 7 may use MixedRadixFft's own radix-7 pass (not JTransforms' bits). */
    private final boolean anyRounding;

    /**
     * Transforms {@code signal}; its contents are overwritten (for even n it holds the transform afterwards).
     *
     * @param signal the whole signal, n ≥ 1 samples
     */
    public FourStepDft(double[] signal) {
        this(signal, 0, 0, (LineSink) null, false);
    }

    /** Receives bins X_k of the transform as it ends: re[at + i] + i·im[at + i] is X_{firstBin + i}, i &lt; count. */
    @FunctionalInterface
    public interface LineSink {
        void lines(int firstBin, int count, double[] re, double[] im, int at);
    }

    /**
     * Transforms {@code signal} as {@link #FourStepDft(double[])} does and writes {@link #magnitudesSquared}(from,
     * to) into out[0 … to − from], the same values, computed as the row pass ends: its rows are transformed
     * ROW_TILE at a time with their mirror rows and the lines read from them while they are in cache, instead of
     * from memory afterwards (a minute of audio: the tonality's 666 000 lines, ≈ 3 ms).
     *
     * @param signal the whole signal, n ≥ 1 samples
     */
    public FourStepDft(double[] signal, int from, int to, double[] out) {
        this(signal, from, to, squaredMagnitudesInto(out, from), false);
    }

    /**
     * Transforms {@code signal} as {@link #FourStepDft(double[])} does and hands every bin X_k, from ≤ k &lt; to
     * (to ≤ ⌊n/2⌋ + 1), to {@code sink} once, as the row pass ends (see {@link #FourStepDft(double[], int, int,
     * double[])}): in storage order, runs of consecutive k.
     *
     * @param anyRounding whether sub-transforms whose length has a factor 7 may use {@link MixedRadixFft}'s own
     *                    radix-7 pass instead of JTransforms' generic odd-radix pass (faster, and no work array per
     *                    call, but not JTransforms' bits: for callers whose numbers do not read the rounding noise)
     */
    public FourStepDft(double[] signal, int from, int to, LineSink sink, boolean anyRounding) {
        this.anyRounding = anyRounding;
        int n = signal.length;
        if (n < 1) {
            throw new IllegalArgumentException("empty signal");
        }
        this.length = n;
        int tableSize = 1 << TABLE_BITS;
        int hiSize = (n >> TABLE_BITS) + 1;
        hiRe = new double[hiSize];
        hiIm = new double[hiSize];
        loRe = new double[tableSize];
        loIm = new double[tableSize];
        for (int j = 0; j < hiSize; j++) {
            double angle = -2 * Math.PI * ((double) j * tableSize) / n;
            hiRe[j] = Math.cos(angle);
            hiIm[j] = Math.sin(angle);
        }
        for (int j = 0; j < tableSize; j++) {
            double angle = -2 * Math.PI * j / n;
            loRe[j] = Math.cos(angle);
            loIm[j] = Math.sin(angle);
        }
        paired = n % 2 == 0;
        if (paired) {
            data = signal;
            points = n / 2;
        } else {
            data = new double[2 * n];
            for (int t = 0; t < n; t++) {
                data[2 * t] = signal[t];
            }
            points = n;
        }
        l1 = rowLength(points, anyRounding);
        l2 = points / l1;
        if (sink == null) {
            fourStep(0, 0, null);
            return;
        }
        if (from < 0 || to > n / 2 + 1 || from > to) {
            throw new IndexOutOfBoundsException("bins " + from + " … " + to + " of " + (n / 2 + 1));
        }
        int rest = from;
        if (paired && l1 > 1 && Math.min(to, points) - from >= ROW_ORDER_MIN_COLUMNS * l2) {
            rest = Math.min(to, points);
            fourStep(from, rest, sink);
        } else {
            fourStep(0, 0, null);
        }
        double[] re = new double[Math.min(CHUNK, Math.max(to - rest, 0))];
        double[] im = new double[re.length];
        for (int start = rest; start < to; start += CHUNK) {
            int count = Math.min(CHUNK, to - start);
            bins(start, start + count, re, 0, im, 0);
            sink.lines(start, count, re, im, 0);
        }
    }

    /** The sink that writes |X_k|² into out[k − from]. */
    private static LineSink squaredMagnitudesInto(double[] out, int from) {
        if (out == null) {
            return null;
        }
        return (firstBin, count, re, im, at) -> {
            for (int i = 0; i < count; i++) {
                out[firstBin - from + i] = re[at + i] * re[at + i] + im[at + i] * im[at + i];
            }
        };
    }

    /** The signal's length n. */
    public int length() {
        return length;
    }

    /**
     * tan(π·j/n) for 0 ≤ j ≤ n/2 (+∞ at j = n/2), from the transform's own table of e^{−2πij/n}: sin θ/(1 + cos θ)
     * with θ = 2πj/n (the frequency variable of bilinear filter designs at bin j), or (1 − cos θ)/sin θ past θ = π/2,
     * where 1 + cos θ would cancel.
     */
    public double tanHalfAngle(long j) {
        if (2 * j == length) {
            return Double.POSITIVE_INFINITY;
        }
        int hi = (int) (j >>> TABLE_BITS);
        int lo = (int) (j & ((1 << TABLE_BITS) - 1));
        double cos = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
        double sin = -(hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo]);
        return cos >= 0 ? sin / (1 + cos) : (1 - cos) / sin;
    }

    /** Heap a transform of n points takes at its peak beyond the caller's n-double signal, in bytes (estimate). */
    public static long extraHeapBytes(int n) {
        long points = n % 2 == 0 ? n / 2 : n;
        long copy = n % 2 == 0 ? 0 : 2L * n;
        long l1 = rowLength((int) points, true); // the any-rounding split: its columns are the longer ones
        long longest = Math.max(l1, points / l1);
        // JTransforms' plan and work of the longest sub-transform: at most ~40 doubles per point (Bluestein).
        // + the twiddles' tables, 2 doubles per 1024 points.
        return 8 * (copy + 40 * longest + 2 * COLUMN_GROUP * longest + (n >> TABLE_BITS) * 2 + 2048);
    }

    /**
     * CPU time of the transform of n points ({@link #FourStepDft(double[], int, int, LineSink, boolean)} with all
     * bins read, even n), estimated in ns: per complex point, its two sub-transforms ({@link
     * MixedRadixFft#nanosPerPoint}; a power of two, JTransforms' split radix, 0.55·log2 ns) and 10 ns for the rest
     * (the column pass's gather, twiddles and scatter, the lines' untangling). Within 2 ms of the measured time for
     * 13 lengths from 2.9 to 3.4 M (docs/performance.md); for choosing among lengths, not for reporting.
     */
    public static double estimatedNanos(int n, boolean anyRounding) {
        int points = n / 2;
        int l1 = rowLength(points, anyRounding);
        return points * (subTransformNanosPerPoint(l1, anyRounding) + subTransformNanosPerPoint(points / l1,
                anyRounding) + 10);
    }

    private static double subTransformNanosPerPoint(int m, boolean anyRounding) {
        if (m == 1) {
            return 0;
        }
        if (MixedRadixFft.supports(m, anyRounding)) {
            return MixedRadixFft.nanosPerPoint(m, anyRounding);
        }
        // a power of two (JTransforms' split radix), or a length with a larger prime factor (far costlier: Bluestein)
        return Integer.bitCount(m) == 1 ? 0.55 * (31 - Integer.numberOfLeadingZeros(m)) : 100;
    }

    /**
     * l1, the rows' length (l2 = L/l1 ≥ l1 the columns'): 1 up to {@link #SINGLE_PLAN_POINTS}; for JTransforms' bits
     * the largest divisor up to √L (the split the whole-file metrics' parity was measured with); for any rounding the
     * divisor from √L/8 to √L whose two sub-transforms are estimated fastest, e.g. 735 × 2 048 (JTransforms' split
     * radix) rather than 1 176 × 1 280 for a minute's third-octave transform.
     */
    private static int rowLength(int points, boolean anyRounding) {
        if (points <= SINGLE_PLAN_POINTS) {
            return 1;
        }
        int root = largestDivisorUpToRoot(points);
        if (!anyRounding) {
            return root;
        }
        int best = root;
        double bestNanos = subTransformNanosPerPoint(root, true) + subTransformNanosPerPoint(points / root, true);
        for (int d = root - 1; d >= Math.sqrt(points) / 8; d--) {
            if (points % d == 0) {
                double nanos = subTransformNanosPerPoint(d, true) + subTransformNanosPerPoint(points / d, true);
                if (nanos < bestNanos) {
                    best = d;
                    bestNanos = nanos;
                }
            }
        }
        return best;
    }

    private static int largestDivisorUpToRoot(int m) {
        for (int d = (int) Math.sqrt(m); d > 1; d--) {
            if (m % d == 0) {
                return d;
            }
        }
        return 1;
    }

    /**
     * Z_{k2 + l2·k1} = Σ_{s1} e^{−2πi·s1·k1/l1} · [e^{−2πi·s1·k2/L} · Σ_{s2} z_{s1 + l1·s2} e^{−2πi·s2·k2/l2}],
     * in place: after the column pass position s1 + l1·k2 holds the bracket, after the row pass position
     * l1·k2 + k1 holds Z_{k2 + l2·k1}.
     */
    private void fourStep(int from, int to, LineSink sink) {
        ObjIntConsumer<double[]> columnFft = subTransform(l2);
        if (l1 > 1) {
            int stepToN = paired ? 2 : 1; // e^{−2πi·m/L} = e^{−2πi·(m·stepToN)/n}
            double[][] columns = new double[COLUMN_GROUP][2 * l2];
            for (int s1 = 0; s1 < l1; s1 += COLUMN_GROUP) {
                int group = Math.min(COLUMN_GROUP, l1 - s1);
                gatherColumns(s1, group, columns);
                for (int c = 0; c < group; c++) {
                    columnFft.accept(columns[c], 0);
                }
                // back, times the twiddles e^{−2πi·(s1 + c)·k2/L}; exponents mod L stepped, not divided
                for (int c = 0; c < group; c++) {
                    data[2 * (s1 + c)] = columns[c][0];
                    data[2 * (s1 + c) + 1] = columns[c][1];
                }
                long groupExponent = 0; // s1·k2 mod L
                for (int k2 = 1; k2 < l2; k2++) {
                    groupExponent += s1;
                    if (groupExponent >= points) {
                        groupExponent -= points;
                    }
                    int base = 2 * (s1 + l1 * k2);
                    long exponent = groupExponent; // (s1 + c)·k2 mod L
                    for (int c = 0; c < group; c++) {
                        long j = exponent * stepToN;
                        int hi = (int) (j >>> TABLE_BITS);
                        int lo = (int) (j & ((1 << TABLE_BITS) - 1));
                        double wRe = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
                        double wIm = hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo];
                        double re = columns[c][2 * k2];
                        double im = columns[c][2 * k2 + 1];
                        data[base + 2 * c] = re * wRe - im * wIm;
                        data[base + 2 * c + 1] = re * wIm + im * wRe;
                        exponent += k2;
                        if (exponent >= points) {
                            exponent -= points;
                        }
                    }
                }
            }
            ObjIntConsumer<double[]> rowFft = l1 == l2 ? columnFft : subTransform(l1);
            if (sink == null) {
                for (int k2 = 0; k2 < l2; k2++) {
                    rowFft.accept(data, 2 * l1 * k2);
                }
            } else {
                rowPassWithLines(rowFft, from, to, sink);
            }
        } else {
            columnFft.accept(data, 0);
        }
    }

    /**
     * Undoes the transform: the signal's array holds the signal again, to within rounding (even n only: an odd n's
     * transform lives in a copy). The four steps backwards: inverse row DFTs, conjugate twiddles, inverse column
     * DFTs, each scaled by 1/length.
     */
    public void inverseInPlace() {
        if (!paired) {
            throw new UnsupportedOperationException("the transform of an odd-length signal is a copy");
        }
        DoubleFFT_1D columnPlan = Fft.plan(l2);
        if (l1 == 1) {
            columnPlan.complexInverse(data, true);
            return;
        }
        DoubleFFT_1D rowPlan = Fft.plan(l1);
        for (int k2 = 0; k2 < l2; k2++) {
            rowPlan.complexInverse(data, 2 * l1 * k2, true);
        }
        double[][] columns = new double[COLUMN_GROUP][2 * l2];
        for (int s1 = 0; s1 < l1; s1 += COLUMN_GROUP) {
            int group = Math.min(COLUMN_GROUP, l1 - s1);
            gatherColumns(s1, group, columns);
            for (int c = 0; c < group; c++) {
                double[] column = columns[c];
                int column1 = s1 + c;
                long exponent = 0;
                for (int k2 = 1; k2 < l2; k2++) {
                    exponent += column1;
                    if (exponent >= points) {
                        exponent -= points;
                    }
                    long j = exponent * 2;
                    int hi = (int) (j >>> TABLE_BITS);
                    int lo = (int) (j & ((1 << TABLE_BITS) - 1));
                    double wRe = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
                    double wIm = hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo];
                    double re = column[2 * k2];
                    double im = column[2 * k2 + 1];
                    column[2 * k2] = re * wRe + im * wIm;
                    column[2 * k2 + 1] = im * wRe - re * wIm;
                }
                columnPlan.complexInverse(column, true);
            }
            for (int s2 = 0; s2 < l2; s2++) {
                int base = 2 * (s1 + l1 * s2);
                for (int c = 0; c < group; c++) {
                    data[base + 2 * c] = columns[c][2 * s2];
                    data[base + 2 * c + 1] = columns[c][2 * s2 + 1];
                }
            }
        }
    }

    /** Columns s1 … s1 + group − 1 of the l2 × l1 array (positions s1 + c + l1·row) into columns[c]. */
    private void gatherColumns(int s1, int group, double[][] columns) {
        for (int row = 0; row < l2; row++) {
            int base = 2 * (s1 + l1 * row);
            for (int c = 0; c < group; c++) {
                columns[c][2 * row] = data[base + 2 * c];
                columns[c][2 * row + 1] = data[base + 2 * c + 1];
            }
        }
    }

    /**
     * The in-place forward transform of m complex points at an offset: {@link MixedRadixFft} where it applies (the
     * same bits as JTransforms' mixed-radix plan, without its per-call work array), else a JTransforms plan.
     */
    private ObjIntConsumer<double[]> subTransform(int m) {
        if (MixedRadixFft.supports(m, anyRounding)) {
            return new MixedRadixFft(m, anyRounding)::forward;
        }
        return Fft.plan(m)::complexForward;
    }

    /** |X_k|² for k = from … to − 1 (0 ≤ from ≤ to ≤ ⌊n/2⌋ + 1), into out[0 … to − from). */
    public void magnitudesSquared(int from, int to, double[] out) {
        int rest = from;
        if (paired && l1 > 1 && Math.min(to, points) - from >= ROW_ORDER_MIN_COLUMNS * l2) {
            rest = Math.min(to, points);
            magnitudesSquaredByRows(from, rest, out);
        }
        double[] im = new double[Math.min(CHUNK, Math.max(to - rest, 0))];
        double[] re = new double[im.length];
        for (int start = rest; start < to; start += CHUNK) {
            int count = Math.min(CHUNK, to - start);
            bins(start, start + count, re, 0, im, 0);
            for (int i = 0; i < count; i++) {
                out[start - from + i] = re[i] * re[i] + im[i] * im[i];
            }
        }
    }

    /**
     * {@link #magnitudesSquared} of a wide range (even n, from ≤ to ≤ L), in the transform's storage order: Z_k sits
     * in row k mod l2, column k / l2, so reading k in order strides through the whole array (a cache miss per line,
     * 4 of the tonality's 60 ms a minute). Here ROW_TILE rows and their mirror rows (Z_{L−k}: row l2 − k mod l2,
     * column l1 − 1 − k / l2) are read along, column by column, and each column writes ROW_TILE consecutive
     * outputs: the same arithmetic per line as {@link #bins}, in another order.
     */
    private void magnitudesSquaredByRows(int from, int to, double[] out) {
        LineSink sink = squaredMagnitudesInto(out, from);
        double[] re = new double[ROW_TILE];
        double[] im = new double[ROW_TILE];
        for (int tileRow = 0; tileRow < l2; tileRow += ROW_TILE) {
            tileLines(tileRow, Math.min(ROW_TILE, l2 - tileRow), from, to, sink, re, im);
        }
    }

    /** The lines [from, to) of rows tileRow … tileRow + rows − 1 (≤ ROW_TILE), column by column, to the sink. */
    private void tileLines(int tileRow, int rows, int from, int to, LineSink sink, double[] re, double[] im) {
        for (int column = from / l2; column <= (to - 1) / l2; column++) {
            int tileK = tileRow + l2 * column;
            int first = Math.max(0, from - tileK);
            int end = Math.min(rows, to - tileK);
            for (int r = first; r < end; r++) {
                int row = tileRow + r;
                int mirror = row == 0 ? (l1 - column) % l1 : l1 * (l2 - row) + l1 - 1 - column;
                untangle(tileK + r, 2 * (l1 * row + column), 2 * mirror, re, r, im, r);
            }
            if (first < end) {
                sink.lines(tileK + first, end - first, re, im, first);
            }
        }
    }

    /**
     * The row pass, rows taken as tiles: rows r0 … of the first half (0 … l2/2) and their mirror rows l2 − r (row r
     * holds Z_k for k ≡ r mod l2, and X_k needs Z_{L−k}), then their lines in [from, to) (to ≤ L) to the sink
     * while they are in cache.
     */
    private void rowPassWithLines(ObjIntConsumer<double[]> rowFft, int from, int to, LineSink sink) {
        double[] re = new double[ROW_TILE];
        double[] im = new double[ROW_TILE];
        // every line wanted, rounding free: X_k and X_{L−k} from one untangling (tilePairs)
        boolean pairs = anyRounding && from == 0 && to >= points;
        double[] mirrorRe = new double[ROW_TILE];
        double[] mirrorIm = new double[ROW_TILE];
        int half = l2 / 2 + 1;
        for (int r0 = 0; r0 < half; r0 += ROW_TILE) {
            int end = Math.min(r0 + ROW_TILE, half);
            int mirrorStart = Math.max(half, l2 - end + 1);
            int mirrorEnd = l2 - Math.max(r0, 1) + 1;
            for (int row = r0; row < end; row++) {
                rowFft.accept(data, 2 * l1 * row);
            }
            for (int row = mirrorStart; row < mirrorEnd; row++) {
                rowFft.accept(data, 2 * l1 * row);
            }
            if (pairs) {
                tilePairs(r0, end - r0, sink, re, im, mirrorRe, mirrorIm);
                continue;
            }
            tileLines(r0, end - r0, from, to, sink, re, im);
            if (mirrorStart < mirrorEnd) {
                tileLines(mirrorStart, mirrorEnd - mirrorStart, from, to, sink, re, im);
            }
        }
    }

    /**
     * The lines of first-half rows tileRow … tileRow + rows − 1 and of their mirror rows, every column: X_k and, for
     * rows other than 0 and l2/2 (their own mirrors), X_{L−k} from the same E and w_k·D, since X_{L−k} =
     * conj(E + i·w_k·D) (w_{L−k} = −conj w_k): half the untangling of {@link #tileLines} over both. X_k has its bits;
     * X_{L−k} rounds w_{L−k} differently from the table's value (for callers that read no rounding noise).
     */
    private void tilePairs(int tileRow, int rows, LineSink sink, double[] re, double[] im, double[] mirrorRe,
                           double[] mirrorIm) {
        // rows tileRow + (first … mirroredEnd − 1) have a mirror row of their own
        int first = tileRow == 0 ? 1 : 0;
        int mirroredEnd = Math.min(rows, l2 - (l2 / 2 + 1) + 1 - tileRow);
        for (int column = 0; column < l1; column++) {
            int tileK = tileRow + l2 * column;
            for (int r = 0; r < rows; r++) {
                int row = tileRow + r;
                int mirror = row == 0 ? (l1 - column) % l1 : l1 * (l2 - row) + l1 - 1 - column;
                // L − k ascends as r descends
                boolean both = r >= first && r < mirroredEnd;
                untangle(tileK + r, 2 * (l1 * row + column), 2 * mirror, re, r, im, r, both ? mirrorRe : null,
                        mirrorIm, mirroredEnd - 1 - r);
            }
            sink.lines(tileK, rows, re, im, 0);
            if (first < mirroredEnd) {
                sink.lines(points - tileK - (mirroredEnd - 1), mirroredEnd - first, mirrorRe, mirrorIm, 0);
            }
        }
    }

    /**
     * X_k for k = from … to − 1, 0 ≤ from ≤ to ≤ ⌊n/2⌋ + 1 (the other half is the conjugate mirror), real parts into
     * re[reAt …], imaginary parts into im[imAt …]. Z_k sits at l1·(k mod l2) + k / l2; both indices (and the mirror's,
     * L − k) are stepped rather than divided: four integer divisions per line were 40 % of the tonality's line reads.
     */
    public void bins(int from, int to, double[] re, int reAt, double[] im, int imAt) {
        if (from < 0 || to > length / 2 + 1 || from > to) {
            throw new IndexOutOfBoundsException("bins " + from + " … " + to + " of " + (length / 2 + 1));
        }
        if (paired && to == points + 1) {
            // the Nyquist bin X_L = Σ x_t·(−1)^t = Re Z_0 − Im Z_0 (Z is L-periodic)
            re[reAt + points - from] = data[0] - data[1];
            im[imAt + points - from] = 0;
            to--;
        }
        int row = from % l2;
        int column = from / l2;
        int mirrorRow = 0;
        int mirrorColumn = 0;
        if (from > 0) {
            mirrorRow = (points - from) % l2;
            mirrorColumn = (points - from) / l2;
        }
        for (int k = from; k < to; k++) {
            int position = 2 * (l1 * row + column);
            if (!paired) {
                re[reAt + k - from] = data[position];
                im[imAt + k - from] = data[position + 1];
            } else {
                // the mirror line L − k (0 for k = 0)
                untangle(k, position, 2 * (l1 * mirrorRow + mirrorColumn), re, reAt + k - from, im, imAt + k - from);
            }
            if (++row == l2) {
                row = 0;
                column++;
            }
            // L − (k + 1): one line down from L − k, which for k = 0 is L itself (row 0, column l1)
            if (k == 0) {
                mirrorRow = 0;
                mirrorColumn = l1;
            }
            if (--mirrorRow < 0) {
                mirrorRow = l2 - 1;
                mirrorColumn--;
            }
        }
    }

    /** {@link #untangle(int, int, int, double[], int, double[], int, double[], double[], int)}, X_k only. */
    private void untangle(int k, int position, int mirror, double[] re, int reAt, double[] im, int imAt) {
        untangle(k, position, mirror, re, reAt, im, imAt, null, null, 0);
    }

    /**
     * X_k of even n from Z_k (at position) and Z_{L−k} (at mirror): with E = (Z_k + conj Z_{L−k})/2 and
     * D = (Z_k − conj Z_{L−k})/2, X_k = E − i·e^{−2πik/n}·D; into re[reAt], im[imAt]. With mirrorRe given, also
     * X_{L−k} = conj(E + i·e^{−2πik/n}·D) into mirrorRe[mirrorAt], mirrorIm[mirrorAt] (see {@link #tilePairs}).
     */
    private void untangle(int k, int position, int mirror, double[] re, int reAt, double[] im, int imAt,
                          double[] mirrorRe, double[] mirrorIm, int mirrorAt) {
        double zRe = data[position];
        double zIm = data[position + 1];
        double mRe = data[mirror];
        double mIm = data[mirror + 1];
        double eRe = 0.5 * (zRe + mRe);
        double eIm = 0.5 * (zIm - mIm);
        double dRe = 0.5 * (zRe - mRe);
        double dIm = 0.5 * (zIm + mIm);
        int hi = k >>> TABLE_BITS;
        int lo = k & ((1 << TABLE_BITS) - 1);
        double wRe = hiRe[hi] * loRe[lo] - hiIm[hi] * loIm[lo];
        double wIm = hiRe[hi] * loIm[lo] + hiIm[hi] * loRe[lo];
        double wdRe = wRe * dRe - wIm * dIm;
        double wdIm = wRe * dIm + wIm * dRe;
        re[reAt] = eRe + wdIm;
        im[imAt] = eIm - wdRe;
        if (mirrorRe != null) {
            mirrorRe[mirrorAt] = eRe - wdIm;
            mirrorIm[mirrorAt] = -(eIm + wdRe);
        }
    }
}
