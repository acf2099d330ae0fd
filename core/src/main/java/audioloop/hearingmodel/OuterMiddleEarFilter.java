package audioloop.hearingmodel;

/**
 * The outer and middle ear filter of ECMA-418-2:2025 Section 5.1.3.2 (Table 1): eight second-order sections at
 * 48 kHz, run as scipy's {@code sosfilt} runs them (transposed direct form II, sections in order), so that the result
 * is that of refmap-psychoacoustics' {@code shm_outmid_ear_filter}. The diffuse field omits the first two (outer ear,
 * frontal free field) sections. Streaming: the state is kept from one call to the next.
 */
public final class OuterMiddleEarFilter {
    /** Table 1 of ECMA-418-2:2025: b0, b1, b2, a1, a2 of each section (a0 = 1). */
    private static final double[][] SECTIONS = {
        {1.01589602025559, -1.92529887777608, 0.922118060364679, -1.92529887777608, 0.938014080620272},
        {0.958943219304445, -1.80608801184949, 0.876438777856084, -1.80608801184949, 0.835381997160530},
        {0.961371976333197, -1.76363215433825, 0.821787991845146, -1.76363215433825, 0.783159968178343},
        {2.22580350360974, -1.43465048479216, -0.498204282194628, -1.43465048479216, 0.727599221415107},
        {0.471735128494163, -0.366091796830044, 0.244144703885020, -0.366091796830044, -0.284120167620817},
        {0.115267139824401, 0.0, -0.115267139824401, -1.79600256669201, 0.805837815618546},
        {0.988029297230954, -1.91243380293387, 0.926131550180785, -1.91243380293387, 0.914160847411739},
        {1.95223768730136, 0.162319983017519, -0.667994113035186, 0.162319983017519, 0.284243574266175},
    };
    private static final int DIFFUSE_FIRST_SECTION = 2;

    private final int firstSection;
    private final double[] state0 = new double[SECTIONS.length];
    private final double[] state1 = new double[SECTIONS.length];

    /** @param diffuseField true for the diffuse field, false for the frontal free field */
    public OuterMiddleEarFilter(boolean diffuseField) {
        firstSection = diffuseField ? DIFFUSE_FIRST_SECTION : 0;
    }

    /** Filters {@code length} samples of {@code in} from {@code from} into {@code out[0 … length)}. */
    public void filter(double[] in, int from, int length, double[] out) {
        for (int i = 0; i < length; i++) {
            double x = in[from + i];
            for (int s = firstSection; s < SECTIONS.length; s++) {
                double[] c = SECTIONS[s];
                double y = c[0] * x + state0[s];
                state0[s] = c[1] * x - c[3] * y + state1[s];
                state1[s] = c[2] * x - c[4] * y;
                x = y;
            }
            out[i] = x;
        }
    }
}
