package audioloop.ecmatonality;

import audioloop.hearingmodel.CriticalBands;
import java.util.Arrays;

/**
 * Tonality of ECMA-418-2:2025 Section 6.2.8 to 6.2.11 from the component loudnesses of {@link ComponentLoudness},
 * frame by frame: the sigmoid scaling q(l) of the loudness signal-to-noise ratio (Equations 49, 50), specific
 * tonality T′(l, z) = c_T·q(l)·N′_tonal(l, z) (51, with the calibration of footnote 22), time-dependent tonality
 * T(l) = max_z T′(l, z) (61), and the time averages over frames l ≥ 57 (the first 300 ms are left out) whose value
 * exceeds 0.02 tu_HMS (Equations 53 and 63). Keeps T(l) (one value per frame) and per-band sums only.
 */
public final class EcmaTonality implements ComponentLoudness.FrameSink {
    /** Section 6.2.8 Table 9. */
    private static final double A = 35;
    private static final double B = 0.003;
    /** c_T of Equation 51 and its adjustment (footnote 22). */
    private static final double CAL_T = 2.8758615;
    private static final double CAL_TX = 1 / 0.9999043734252;
    /** Section 6.2.9: averages start at frame 57 (0.304 s) and take values above 0.02 tu_HMS. */
    public static final int FIRST_AVERAGED_FRAME = 57;
    private static final double AVERAGE_THRESHOLD = 0.02;

    private final double[] specificSum = new double[CriticalBands.COUNT];
    private final int[] specificCount = new int[CriticalBands.COUNT];
    private double totalSum;
    private int totalCount;
    private double[] tonality = new double[1024];
    private int frames;

    @Override
    public void frame(int frame, double[] tonalLoudness, double[] noiseLoudness) {
        double maxTonal = Double.NEGATIVE_INFINITY;
        double noiseSum = 0;
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            maxTonal = Math.max(maxTonal, tonalLoudness[z]);
            noiseSum += noiseLoudness[z];
        }
        double snr = maxTonal / (noiseSum + ComponentLoudness.EPSILON);
        double crit = Math.exp(-A * (snr - B));
        double q = crit >= 1 ? 0 : 1 - crit;
        double total = Double.NEGATIVE_INFINITY;
        boolean averaged = frame >= FIRST_AVERAGED_FRAME;
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            double specific = CAL_T * CAL_TX * q * tonalLoudness[z];
            total = Math.max(total, specific);
            if (averaged && specific > AVERAGE_THRESHOLD) {
                specificSum[z] += specific;
                specificCount[z]++;
            }
        }
        if (averaged && total > AVERAGE_THRESHOLD) {
            totalSum += total;
            totalCount++;
        }
        if (frames == tonality.length) {
            tonality = Arrays.copyOf(tonality, 2 * frames);
        }
        tonality[frames++] = total;
    }

    /** The result after the last frame. */
    public EcmaTonalityResult result() {
        double[] specific = new double[CriticalBands.COUNT];
        for (int z = 0; z < specific.length; z++) {
            specific[z] = specificSum[z] / (specificCount[z] + ComponentLoudness.EPSILON);
        }
        return new EcmaTonalityResult(totalSum / (totalCount + ComponentLoudness.EPSILON), specific,
                Arrays.copyOf(tonality, frames), 1 / ComponentLoudness.FRAME_RATE_HZ);
    }
}
