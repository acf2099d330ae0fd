package audioloop.ecmatonality;

/**
 * ECMA-418-2:2025 tonality of one signal.
 *
 * @param tonalityTu         time-averaged tonality T (Equation 63), tu_HMS
 * @param specificTonalityTu time-averaged specific tonality T′(z) of the 53 bands (Equation 53), tu_HMS/Bark_HMS
 * @param tonalityTuSeries   time-dependent tonality T(l), tu_HMS, frame l at t = l·timeStepS
 * @param timeStepS          1/187.5 s
 */
public record EcmaTonalityResult(double tonalityTu, double[] specificTonalityTu, double[] tonalityTuSeries,
                                 double timeStepS) {
}
