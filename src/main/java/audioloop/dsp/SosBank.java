package audioloop.dsp;

/**
 * Independent cascades of second-order sections, stepped sample by sample together. Each section is scipy's
 * {@code _sosfilt} (direct form II transposed, {@code a0 = 1}), with its operations in scipy's order:
 * <pre>
 *   y  = b0·x + z0
 *   z0 = (b1·x − a1·y) + z1
 *   z1 = b2·x − a2·y
 * </pre>
 * so every cascade's output is bit-identical to {@code scipy.signal.sosfilt} whatever else runs in the bank.
 * Running several sections and cascades in one sample loop is what makes this fast: one section is a chain
 * of dependent multiply-adds (latency-bound), several independent ones fill the FPU's pipelines.
 *
 * <p>A bank holds mutable filter state: one bank per task, never shared between threads.
 */
public final class SosBank {
    private static final int COEFFICIENTS = 5;

    /** b0, b1, b2, a1, a2 of every section, cascade after cascade. */
    private final double[] coefficients;
    /** z0, z1 of every section. */
    private final double[] state;
    /** Cascade c owns sections firstSection[c] … firstSection[c + 1) − 1. */
    private final int[] firstSection;

    /** @param cascades one SOS matrix per cascade, rows {b0, b1, b2, 1, a1, a2} */
    public SosBank(double[][]... cascades) {
        firstSection = new int[cascades.length + 1];
        for (int c = 0; c < cascades.length; c++) {
            firstSection[c + 1] = firstSection[c] + cascades[c].length;
        }
        int sections = firstSection[cascades.length];
        coefficients = new double[COEFFICIENTS * sections];
        state = new double[2 * sections];
        int s = 0;
        for (double[][] sos : cascades) {
            for (double[] row : sos) {
                if (row.length != 6 || row[3] != 1.0) {
                    throw new IllegalArgumentException("SOS rows must be {b0, b1, b2, 1, a1, a2}");
                }
                coefficients[COEFFICIENTS * s] = row[0];
                coefficients[COEFFICIENTS * s + 1] = row[1];
                coefficients[COEFFICIENTS * s + 2] = row[2];
                coefficients[COEFFICIENTS * s + 3] = row[4];
                coefficients[COEFFICIENTS * s + 4] = row[5];
                s++;
            }
        }
    }

    public int cascades() {
        return firstSection.length - 1;
    }

    /** Sets cascade c's state to zi[section] · scale (scipy's {@code zi} argument, shape (sections, 2)). */
    public void setState(int cascade, double[][] zi, double scale) {
        int first = firstSection[cascade];
        if (zi.length != firstSection[cascade + 1] - first) {
            throw new IllegalArgumentException("zi needs one row per section");
        }
        for (int s = 0; s < zi.length; s++) {
            state[2 * (first + s)] = zi[s][0] * scale;
            state[2 * (first + s) + 1] = zi[s][1] * scale;
        }
    }

    /**
     * Filters {@code length} samples: cascade c reads {@code in[c][inStart + i·step]} and writes
     * {@code out[c][outStart + i·step]}, i = 0 … length−1; step is +1 or −1 (time-reversed). {@code in[c]} and
     * {@code out[c]} may be the same array and the same positions (in-place), and several cascades may read
     * the same input. The state carries over to the next call.
     */
    public void filter(double[][] in, int inStart, double[][] out, int outStart, int step, int length) {
        int cascades = cascades();
        if (in.length != cascades || out.length != cascades) {
            throw new IllegalArgumentException("need one input and one output array per cascade");
        }
        final double[] coef = coefficients;
        final double[] z = state;
        final int[] first = firstSection;
        for (int i = 0; i < length; i++) {
            int inIndex = inStart + i * step;
            int outIndex = outStart + i * step;
            for (int c = 0; c < cascades; c++) {
                double x = in[c][inIndex];
                for (int s = first[c], end = first[c + 1]; s < end; s++) {
                    int k = COEFFICIENTS * s;
                    int m = 2 * s;
                    double y = coef[k] * x + z[m];
                    z[m] = (coef[k + 1] * x - coef[k + 3] * y) + z[m + 1];
                    z[m + 1] = coef[k + 2] * x - coef[k + 4] * y;
                    x = y;
                }
                out[c][outIndex] = x;
            }
        }
    }
}
