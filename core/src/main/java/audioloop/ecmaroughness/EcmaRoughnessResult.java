package audioloop.ecmaroughness;

/**
 * ECMA-418-2:2025 roughness of one signal (Section 7.1).
 *
 * @param roughnessAsper              overall roughness R, the 90th percentile of R(l₅₀) over l₅₀ ≥ 16 (Section
 *                                    7.1.10), asper_HMS
 * @param specificRoughnessAsper      time-averaged specific roughness R′(z) of the 53 bands over l₅₀ ≥ 16 (Section
 *                                    7.1.8), asper_HMS/Bark_HMS
 * @param roughnessAsperSeries        time-dependent roughness R(l₅₀) (Equation 111), asper_HMS, frame l₅₀ at
 *                                    t = l₅₀·timeStepS
 * @param specificRoughnessAsperSeries R′(l₅₀, z), [frame][band], or null when not asked for
 * @param timeStepS                   1/50 s
 */
public record EcmaRoughnessResult(double roughnessAsper, double[] specificRoughnessAsper,
                                  double[] roughnessAsperSeries, double[][] specificRoughnessAsperSeries,
                                  double timeStepS) {
}
