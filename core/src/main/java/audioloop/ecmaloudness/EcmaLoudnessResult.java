package audioloop.ecmaloudness;

/**
 * ECMA-418-2:2025 loudness of one signal.
 *
 * @param loudnessSone         power-averaged loudness N (Section 8.1.3), sone_HMS
 * @param specificLoudnessSone power-averaged specific loudness N′(z) of the 53 bands, sone_HMS/Bark_HMS
 * @param loudnessSoneSeries   time-dependent loudness N(l), sone_HMS, frame l at t = l·timeStepS
 * @param timeStepS            1/187.5 s
 */
public record EcmaLoudnessResult(double loudnessSone, double[] specificLoudnessSone, double[] loudnessSoneSeries,
                                 double timeStepS) {
}
