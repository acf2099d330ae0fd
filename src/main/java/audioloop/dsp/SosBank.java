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
     * if {@code fourth}). Locals: {@code bAkj} / {@code aAkj} are b_j / a_j of chain A's k-th section here,
     * {@code zAk0}, {@code zAk1} its state; likewise for chain B. The flags are loop-invariant, so the JIT
     * compiles a specialised loop for each combination.
     */
    private void runPair(int a, int b, boolean pair, int first, boolean fourth, double[] xa, double[] xb, int inStart,
                         double[] ya, double[] yb, int outStart, int step, int length) {
        final double[] ca = coefficients[a];
        final double[] cb = coefficients[b];
        final double[] sa = states[a];
        final double[] sb = states[b];
        int k = COEFFICIENTS * first;
        int m = 2 * first;
        final double bA00 = ca[k], bA01 = ca[k + 1], bA02 = ca[k + 2], aA01 = ca[k + 3], aA02 = ca[k + 4];
        final double bA10 = ca[k + 5], bA11 = ca[k + 6], bA12 = ca[k + 7], aA11 = ca[k + 8], aA12 = ca[k + 9];
        final double bA20 = ca[k + 10], bA21 = ca[k + 11], bA22 = ca[k + 12], aA21 = ca[k + 13], aA22 = ca[k + 14];
        final double bA30 = ca[k + 15], bA31 = ca[k + 16], bA32 = ca[k + 17], aA31 = ca[k + 18], aA32 = ca[k + 19];
        final double bB00 = cb[k], bB01 = cb[k + 1], bB02 = cb[k + 2], aB01 = cb[k + 3], aB02 = cb[k + 4];
        final double bB10 = cb[k + 5], bB11 = cb[k + 6], bB12 = cb[k + 7], aB11 = cb[k + 8], aB12 = cb[k + 9];
        final double bB20 = cb[k + 10], bB21 = cb[k + 11], bB22 = cb[k + 12], aB21 = cb[k + 13], aB22 = cb[k + 14];
        final double bB30 = cb[k + 15], bB31 = cb[k + 16], bB32 = cb[k + 17], aB31 = cb[k + 18], aB32 = cb[k + 19];
        double zA00 = sa[m], zA01 = sa[m + 1], zA10 = sa[m + 2], zA11 = sa[m + 3];
        double zA20 = sa[m + 4], zA21 = sa[m + 5], zA30 = sa[m + 6], zA31 = sa[m + 7];
        double zB00 = sb[m], zB01 = sb[m + 1], zB10 = sb[m + 2], zB11 = sb[m + 3];
        double zB20 = sb[m + 4], zB21 = sb[m + 5], zB30 = sb[m + 6], zB31 = sb[m + 7];
        for (int i = 0; i < length; i++) {
            int inIndex = inStart + i * step;
            int outIndex = outStart + i * step;
            double x = xa[inIndex];
            double y = bA00 * x + zA00;
            zA00 = (bA01 * x - aA01 * y) + zA01;
            zA01 = bA02 * x - aA02 * y;
            x = y;
            y = bA10 * x + zA10;
            zA10 = (bA11 * x - aA11 * y) + zA11;
            zA11 = bA12 * x - aA12 * y;
            x = y;
            y = bA20 * x + zA20;
            zA20 = (bA21 * x - aA21 * y) + zA21;
            zA21 = bA22 * x - aA22 * y;
            if (fourth) {
                x = y;
                y = bA30 * x + zA30;
                zA30 = (bA31 * x - aA31 * y) + zA31;
                zA31 = bA32 * x - aA32 * y;
            }
            ya[outIndex] = y;
            if (pair) {
                x = xb[inIndex];
                y = bB00 * x + zB00;
                zB00 = (bB01 * x - aB01 * y) + zB01;
                zB01 = bB02 * x - aB02 * y;
                x = y;
                y = bB10 * x + zB10;
                zB10 = (bB11 * x - aB11 * y) + zB11;
                zB11 = bB12 * x - aB12 * y;
                x = y;
                y = bB20 * x + zB20;
                zB20 = (bB21 * x - aB21 * y) + zB21;
                zB21 = bB22 * x - aB22 * y;
                if (fourth) {
                    x = y;
                    y = bB30 * x + zB30;
                    zB30 = (bB31 * x - aB31 * y) + zB31;
                    zB31 = bB32 * x - aB32 * y;
                }
                yb[outIndex] = y;
            }
        }
        sa[m] = zA00;
        sa[m + 1] = zA01;
        sa[m + 2] = zA10;
        sa[m + 3] = zA11;
        sa[m + 4] = zA20;
        sa[m + 5] = zA21;
        sa[m + 6] = zA30;
        sa[m + 7] = zA31;
        if (pair) {
            sb[m] = zB00;
            sb[m + 1] = zB01;
            sb[m + 2] = zB10;
            sb[m + 3] = zB11;
            sb[m + 4] = zB20;
            sb[m + 5] = zB21;
            sb[m + 6] = zB30;
            sb[m + 7] = zB31;
        }
    }
}
