package audioloop.dsp;

import java.util.Arrays;

/**
 * Independent cascades of second-order sections, filtered together. Each section is scipy's {@code _sosfilt}
 * step (direct form II transposed, {@code a0 = 1}) with its operations in scipy's order:
 * <pre>
 *   y  = b0·x + z0
 *   z0 = (b1·x − a1·y) + z1
 *   z1 = b2·x − a2·y
 * </pre>
 * so every cascade's output is bit-identical to {@code scipy.signal.sosfilt}, whatever else runs in the bank.
 *
 * <p>Speed: one section is a chain of dependent multiply-adds (≈ 12 cycles a sample), so the kernel runs two
 * cascades of up to four sections side by side with all coefficients and states in local variables, which
 * keeps eight independent chains in flight. Cascades are paired in order; longer cascades are run four
 * sections at a time; missing sections are identity sections (y = 1·x + 0, state 0), which pass samples
 * through unchanged.
 *
 * <p>A bank holds mutable filter state: one bank per task, never shared between threads.
 */
public final class SosBank {
    /** Sections per cascade in one pass of the kernel. */
    private static final int SLOTS = 4;
    private static final int COEFFICIENTS = 5;

    /** Per cascade: b0, b1, b2, a1, a2 of each section, padded with identity sections to a multiple of SLOTS. */
    private final double[][] coefficients;
    /** Per cascade: z0, z1 of each section (same padding). */
    private final double[][] states;
    private final int[] sectionCounts;
    /** The kernel's hand-over values between pipelined sections of chains A and B (index = receiving slot). */
    private final double[][] pending = new double[2][SLOTS];

    /** @param cascades one SOS matrix per cascade, rows {b0, b1, b2, 1, a1, a2} */
    public SosBank(double[][]... cascades) {
        int padded = 0;
        for (double[][] sos : cascades) {
            padded = Math.max(padded, (sos.length + SLOTS - 1) / SLOTS * SLOTS);
        }
        coefficients = new double[cascades.length][COEFFICIENTS * padded];
        states = new double[cascades.length][2 * padded];
        sectionCounts = new int[cascades.length];
        for (int c = 0; c < cascades.length; c++) {
            sectionCounts[c] = cascades[c].length;
            for (int s = 0; s < padded; s++) {
                double[] row = s < cascades[c].length ? cascades[c][s] : new double[] {1, 0, 0, 1, 0, 0};
                if (row.length != 6 || row[3] != 1.0) {
                    throw new IllegalArgumentException("SOS rows must be {b0, b1, b2, 1, a1, a2}");
                }
                int k = COEFFICIENTS * s;
                coefficients[c][k] = row[0];
                coefficients[c][k + 1] = row[1];
                coefficients[c][k + 2] = row[2];
                coefficients[c][k + 3] = row[4];
                coefficients[c][k + 4] = row[5];
            }
        }
    }

    public int cascades() {
        return sectionCounts.length;
    }

    /** Sets cascade c's state to zi[section] · scale (scipy's {@code zi} argument, shape (sections, 2)). */
    public void setState(int cascade, double[][] zi, double scale) {
        if (zi.length != sectionCounts[cascade]) {
            throw new IllegalArgumentException("zi needs one row per section");
        }
        double[] z = states[cascade];
        Arrays.fill(z, 0.0);
        for (int s = 0; s < zi.length; s++) {
            z[2 * s] = zi[s][0] * scale;
            z[2 * s + 1] = zi[s][1] * scale;
        }
    }

    /**
     * Filters {@code length} samples: cascade c reads {@code in[c][inStart + i·step]} and writes
     * {@code out[c][outStart + i·step]}, i = 0 … length−1; step is +1, or −1 to run backwards in time.
     * {@code in[c]} and {@code out[c]} may be the same array at the same positions (in place), and several
     * cascades may read the same input. The state carries over to the next call.
     */
    public void filter(double[][] in, int inStart, double[][] out, int outStart, int step, int length) {
        int cascades = cascades();
        if (in.length != cascades || out.length != cascades) {
            throw new IllegalArgumentException("need one input and one output array per cascade");
        }
        if (step != 1 && step != -1) {
            throw new IllegalArgumentException("step must be 1 or -1");
        }
        for (int a = 0; a < cascades; a += 2) {
            int b = Math.min(a + 1, cascades - 1);
            boolean pair = b != a;
            int sections = Math.max(sectionCounts[a], sectionCounts[b]);
            for (int first = 0; first < sections; first += SLOTS) {
                // the first group reads the input, later groups refine the output in place
                double[] inA = first == 0 ? in[a] : out[a];
                double[] inB = first == 0 ? in[b] : out[b];
                int start = first == 0 ? inStart : outStart;
                runPair(a, b, pair, first, sections > first + SLOTS - 1, inA, inB, start, out[a], out[b], outStart,
                        step, length);
            }
        }
    }

    /**
     * The kernel: sections first … first+3 of cascades a and b (b only if {@code pair}; the fourth section only
     * if {@code fourth}). The sections of a cascade are software-pipelined: in loop iteration i, section k works
     * on sample i − k, taking the sample section k − 1 produced in the previous iteration ({@code pAk}), so
     * the sections of one iteration do not wait for each other; {@link #fill} and {@link #drain} run the
     * first and last {@code depth} samples section by section. Every section still sees its samples in order
     * and performs the same operations, so the output is unchanged. Locals: {@code bAkj} / {@code aAkj} are
     * b_j / a_j of chain A's section first+k, {@code zAk0}, {@code zAk1} its state; likewise for chain B. The
     * flags are loop-invariant, so the JIT compiles a specialised loop for each combination.
     */
    private void runPair(int a, int b, boolean pair, int first, boolean fourth, double[] xa, double[] xb, int inStart,
                         double[] ya, double[] yb, int outStart, int step, int length) {
        int depth = fourth ? SLOTS - 1 : SLOTS - 2;
        if (length <= depth) {
            sequential(a, first, depth, xa, inStart, ya, outStart, step, length);
            if (pair) {
                sequential(b, first, depth, xb, inStart, yb, outStart, step, length);
            }
            return;
        }
        final double[] pendingA = pending[0];
        final double[] pendingB = pending[1];
        fill(a, first, depth, xa, inStart, step, pendingA);
        if (pair) {
            fill(b, first, depth, xb, inStart, step, pendingB);
        }
        final double[] ca = coefficients[a];
        final double[] cb = coefficients[b];
        final double[] sa = states[a];
        final double[] sb = states[b];
        int k = COEFFICIENTS * first;
        int m = 2 * first;
        final double bA00 = ca[k + 0], bA01 = ca[k + 1], bA02 = ca[k + 2];
        final double aA01 = ca[k + 3], aA02 = ca[k + 4];
        final double bA10 = ca[k + 5], bA11 = ca[k + 6], bA12 = ca[k + 7];
        final double aA11 = ca[k + 8], aA12 = ca[k + 9];
        final double bA20 = ca[k + 10], bA21 = ca[k + 11], bA22 = ca[k + 12];
        final double aA21 = ca[k + 13], aA22 = ca[k + 14];
        final double bA30 = ca[k + 15], bA31 = ca[k + 16], bA32 = ca[k + 17];
        final double aA31 = ca[k + 18], aA32 = ca[k + 19];
        final double bB00 = cb[k + 0], bB01 = cb[k + 1], bB02 = cb[k + 2];
        final double aB01 = cb[k + 3], aB02 = cb[k + 4];
        final double bB10 = cb[k + 5], bB11 = cb[k + 6], bB12 = cb[k + 7];
        final double aB11 = cb[k + 8], aB12 = cb[k + 9];
        final double bB20 = cb[k + 10], bB21 = cb[k + 11], bB22 = cb[k + 12];
        final double aB21 = cb[k + 13], aB22 = cb[k + 14];
        final double bB30 = cb[k + 15], bB31 = cb[k + 16], bB32 = cb[k + 17];
        final double aB31 = cb[k + 18], aB32 = cb[k + 19];
        double zA00 = sa[m], zA01 = sa[m + 1], zA10 = sa[m + 2], zA11 = sa[m + 3];
        double zA20 = sa[m + 4], zA21 = sa[m + 5], zA30 = sa[m + 6], zA31 = sa[m + 7];
        double pA1 = pendingA[1], pA2 = pendingA[2], pA3 = pendingA[3];
        double zB00 = sb[m], zB01 = sb[m + 1], zB10 = sb[m + 2], zB11 = sb[m + 3];
        double zB20 = sb[m + 4], zB21 = sb[m + 5], zB30 = sb[m + 6], zB31 = sb[m + 7];
        double pB1 = pendingB[1], pB2 = pendingB[2], pB3 = pendingB[3];
        for (int i = depth; i < length; i++) {
            {
                double a0 = xa[inStart + i * step];
                double aOut0 = bA00 * a0 + zA00;
                zA00 = (bA01 * a0 - aA01 * aOut0) + zA01;
                zA01 = bA02 * a0 - aA02 * aOut0;
                double aOut1 = bA10 * pA1 + zA10;
                zA10 = (bA11 * pA1 - aA11 * aOut1) + zA11;
                zA11 = bA12 * pA1 - aA12 * aOut1;
                double aOut2 = bA20 * pA2 + zA20;
                zA20 = (bA21 * pA2 - aA21 * aOut2) + zA21;
                zA21 = bA22 * pA2 - aA22 * aOut2;
                if (fourth) {
                    double aOut3 = bA30 * pA3 + zA30;
                    zA30 = (bA31 * pA3 - aA31 * aOut3) + zA31;
                    zA31 = bA32 * pA3 - aA32 * aOut3;
                    pA3 = aOut2;
                    ya[outStart + (i - depth) * step] = aOut3;
                } else {
                    ya[outStart + (i - depth) * step] = aOut2;
                }
                pA1 = aOut0;
                pA2 = aOut1;
            }
            if (pair) {
                double b0 = xb[inStart + i * step];
                double bOut0 = bB00 * b0 + zB00;
                zB00 = (bB01 * b0 - aB01 * bOut0) + zB01;
                zB01 = bB02 * b0 - aB02 * bOut0;
                double bOut1 = bB10 * pB1 + zB10;
                zB10 = (bB11 * pB1 - aB11 * bOut1) + zB11;
                zB11 = bB12 * pB1 - aB12 * bOut1;
                double bOut2 = bB20 * pB2 + zB20;
                zB20 = (bB21 * pB2 - aB21 * bOut2) + zB21;
                zB21 = bB22 * pB2 - aB22 * bOut2;
                if (fourth) {
                    double bOut3 = bB30 * pB3 + zB30;
                    zB30 = (bB31 * pB3 - aB31 * bOut3) + zB31;
                    zB31 = bB32 * pB3 - aB32 * bOut3;
                    pB3 = bOut2;
                    yb[outStart + (i - depth) * step] = bOut3;
                } else {
                    yb[outStart + (i - depth) * step] = bOut2;
                }
                pB1 = bOut0;
                pB2 = bOut1;
            }
        }
        sa[m + 0] = zA00;
        sa[m + 1] = zA01;
        sa[m + 2] = zA10;
        sa[m + 3] = zA11;
        sa[m + 4] = zA20;
        sa[m + 5] = zA21;
        sa[m + 6] = zA30;
        sa[m + 7] = zA31;
        pendingA[1] = pA1;
        pendingA[2] = pA2;
        pendingA[3] = pA3;
        drain(a, first, depth, ya, outStart, step, length, pendingA);
        if (pair) {
            sb[m + 0] = zB00;
            sb[m + 1] = zB01;
            sb[m + 2] = zB10;
            sb[m + 3] = zB11;
            sb[m + 4] = zB20;
            sb[m + 5] = zB21;
            sb[m + 6] = zB30;
            sb[m + 7] = zB31;
            pendingB[1] = pB1;
            pendingB[2] = pB2;
            pendingB[3] = pB3;
            drain(b, first, depth, yb, outStart, step, length, pendingB);
        }
    }

    /**
     * Pipeline start: samples 0 … depth−1 through the sections that handle them before the main loop
     * (sample j through sections 0 … depth−1−j); the last output for sample j waits in pending[depth − j].
     */
    private void fill(int cascade, int first, int depth, double[] x, int inStart, int step, double[] pending) {
        for (int j = 0; j < depth; j++) {
            double v = x[inStart + j * step];
            for (int k = 0; k < depth - j; k++) {
                v = section(cascade, first + k, v);
            }
            pending[depth - j] = v;
        }
    }

    /** Pipeline end: sample j = length−depth … length−1 still needs sections length−j … depth. */
    private void drain(int cascade, int first, int depth, double[] y, int outStart, int step, int length,
                       double[] pending) {
        for (int j = length - depth; j < length; j++) {
            double v = pending[length - j];
            for (int k = length - j; k <= depth; k++) {
                v = section(cascade, first + k, v);
            }
            y[outStart + j * step] = v;
        }
    }

    /** Runs too short for the pipeline: each sample through sections first … first+depth in turn. */
    private void sequential(int cascade, int first, int depth, double[] x, int inStart, double[] y, int outStart,
                            int step, int length) {
        for (int i = 0; i < length; i++) {
            double v = x[inStart + i * step];
            for (int k = 0; k <= depth; k++) {
                v = section(cascade, first + k, v);
            }
            y[outStart + i * step] = v;
        }
    }

    /** One sample through one section, state in the arrays: the same operations as the kernel's. */
    private double section(int cascade, int s, double x) {
        double[] c = coefficients[cascade];
        double[] z = states[cascade];
        int k = COEFFICIENTS * s;
        double y = c[k] * x + z[2 * s];
        z[2 * s] = (c[k + 1] * x - c[k + 3] * y) + z[2 * s + 1];
        z[2 * s + 1] = c[k + 2] * x - c[k + 4] * y;
        return y;
    }
}
