package audioloop.ecmaloudness;

import audioloop.ecmatonality.ComponentLoudness;
import audioloop.hearingmodel.CriticalBands;
import java.util.Arrays;

/**
 * Loudness of ECMA-418-2:2025 Section 8.1 from the tonal and noise component loudnesses of
 * {@link ComponentLoudness}, frame by frame: specific loudness N′(l, z) = (N′_tonal^e + (w_n·N′_noise)^e)^{1/e}
 * with e(l) = a/(max_z (N′_tonal + N′_noise) + ε) + b (Equations 113, 114), loudness N(l) = Σ_z N′(l, z)·Δz
 * (Section 8.1.2) and the power averages over frames l ≥ 57, (mean N^{1/log₁₀2})^{log₁₀2} (Section 8.1.3).
 * Keeps N(l) (one value per frame) and per-band sums only.
 */
public final class EcmaLoudness implements ComponentLoudness.FrameSink {
    /** w_n of Equations 113 and 114. */
    private static final double NOISE_WEIGHT = 0.5331;
    /** a and b of Equation 114. */
    private static final double A = 0.2918;
    private static final double B = 0.5459;
    /** Section 8.1.3: the power average starts at frame 57 (after 300 ms). */
    public static final int FIRST_AVERAGED_FRAME = 57;
    private static final double POWER = 1 / Math.log10(2);

    private final double[] specific = new double[CriticalBands.COUNT];
    private final double[] specificPowerSum = new double[CriticalBands.COUNT];
    private double powerSum;
    private int averagedFrames;
    private double[] loudness = new double[1024];
    private int frames;

    @Override
    public void frame(int frame, double[] tonalLoudness, double[] noiseLoudness) {
        specificLoudness(tonalLoudness, noiseLoudness, specific);
        specificFrame(frame, specific);
    }

    /**
     * Specific loudness N′(l, z) of one frame from its component loudnesses (Equations 113, 114), into {@code out}.
     */
    public static void specificLoudness(double[] tonalLoudness, double[] noiseLoudness, double[] out) {
        double maxComponents = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            maxComponents = Math.max(maxComponents, tonalLoudness[z] + noiseLoudness[z]);
        }
        double e = A / (maxComponents + 1e-12) + B;
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            out[z] = Math.pow(Math.pow(tonalLoudness[z], e) + Math.pow(NOISE_WEIGHT * noiseLoudness[z], e), 1 / e);
        }
    }

    /**
     * Takes frame l's specific loudness N′(l, z) (Equations 113, 114 of one ear, or Equation 118's binaural
     * combination): loudness N(l) = Σ_z N′(l, z)·Δz, and the power averages' sums from frame 57 on.
     */
    public void specificFrame(int frame, double[] specificLoudness) {
        double total = 0;
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            total += specificLoudness[z] * CriticalBands.BAND_STEP_BARK;
        }
        if (frame >= FIRST_AVERAGED_FRAME) {
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                specificPowerSum[z] += Math.pow(specificLoudness[z], POWER);
            }
            powerSum += Math.pow(total, POWER);
            averagedFrames++;
        }
        if (frames == loudness.length) {
            loudness = Arrays.copyOf(loudness, 2 * frames);
        }
        loudness[frames++] = total;
    }

    /** The result after the last frame (at least {@link #FIRST_AVERAGED_FRAME} + 1 frames). */
    public EcmaLoudnessResult result() {
        double[] specificAverage = new double[CriticalBands.COUNT];
        for (int z = 0; z < specificAverage.length; z++) {
            specificAverage[z] = Math.pow(specificPowerSum[z] / averagedFrames, Math.log10(2));
        }
        return new EcmaLoudnessResult(Math.pow(powerSum / averagedFrames, Math.log10(2)), specificAverage,
                Arrays.copyOf(loudness, frames), 1 / ComponentLoudness.FRAME_RATE_HZ);
    }
}
