package audioloop.ecmaloudness;

import audioloop.ecmatonality.ComponentLoudness;
import audioloop.hearingmodel.CriticalBands;
import java.util.ArrayDeque;

/**
 * Loudness of a binaural signal, ECMA-418-2:2025 Section 8.1.5: each ear's specific loudness N′_left(l, z) and
 * N′_right(l, z) (Equations 113, 114 on that ear's component loudnesses), combined frame by frame and band by band
 * as N′_B(l, z) = √((N′_left² + N′_right²)/2) (Equation 118), from which N_B(l) and the averages follow as for one
 * ear. Each ear's own loudness is kept as well.
 *
 * <p>The ears' frames may arrive in any interleaving (each ear's in order); a frame waits until the other ear's frame
 * of the same index has come, so at most the frames of one block of signal are held.
 */
public final class BinauralLoudness {
    private final EcmaLoudness[] ears = {new EcmaLoudness(), new EcmaLoudness()};
    private final EcmaLoudness binaural = new EcmaLoudness();
    @SuppressWarnings("unchecked")
    private final ArrayDeque<double[]>[] waiting = new ArrayDeque[] {new ArrayDeque<double[]>(), new ArrayDeque<double[]>()};
    private final double[] combined = new double[CriticalBands.COUNT];
    private int nextFrame;

    /** The frame sink of ear 0 (left) or 1 (right). */
    public ComponentLoudness.FrameSink ear(int ear) {
        return (frame, tonalLoudness, noiseLoudness) -> {
            double[] specific = new double[CriticalBands.COUNT];
            EcmaLoudness.specificLoudness(tonalLoudness, noiseLoudness, specific);
            ears[ear].specificFrame(frame, specific);
            waiting[ear].add(specific);
            while (!waiting[0].isEmpty() && !waiting[1].isEmpty()) {
                double[] left = waiting[0].remove();
                double[] right = waiting[1].remove();
                for (int z = 0; z < combined.length; z++) {
                    combined[z] = Math.sqrt((left[z] * left[z] + right[z] * right[z]) / 2);
                }
                binaural.specificFrame(nextFrame++, combined);
            }
        };
    }

    /** The binaural loudness (Equation 118 onwards), after both ears' last frames. */
    public EcmaLoudnessResult result() {
        return binaural.result();
    }

    /** Ear 0's (left) or 1's (right) own loudness. */
    public EcmaLoudnessResult earResult(int ear) {
        return ears[ear].result();
    }
}
