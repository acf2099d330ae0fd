package audioloop.annoyance;

/**
 * Psychoacoustic annoyance (PA) models: pure formulas of time-aggregated sound-quality metrics, in the same
 * operation order as the reference implementation refmap-psychoacoustics {@code metrics/psych_annoy.py}
 * ({@code widmannPA}, {@code morePA}, {@code diPA}), so that results agree to the last bits. All three share
 * Widmann's sharpness and modulation terms:
 * <pre>
 *   w_S = (S − 1.75)·0.25·lg(N + 10)  for S &gt; 1.75 acum, else 0
 *   w_FR = 2.18 / N^0.4 · (0.4·F + 0.6·R)
 * </pre>
 * Units: N in sone, S in acum, R in asper, F in vacil, K (tonality) in tonality units; PA in annoyance units (au).
 */
public final class PsychoacousticAnnoyance {
    private PsychoacousticAnnoyance() {
    }

    /**
     * Widmann (1992), as republished in Zwicker &amp; Fastl (1999/2007, §16.3): PA = N5·(1 + √(w_S² + w_FR²)).
     * Widmann, U. (1992), "Ein Modell der psychoakustischen Lästigkeit von Schallen und seine Anwendung in der Praxis
     * der Lärmbeurteilung", doctoral thesis, TU München.
     *
     * @param loudness5Sone       N5, 5 %-exceeded ISO 532-1 (Zwicker) loudness, sone
     * @param sharpness5Acum      S5, 5 %-exceeded DIN 45692 (Widmann-weighted) sharpness, acum
     * @param roughness5Asper     R5, 5 %-exceeded roughness, asper
     * @param fluctuation5Vacil   F5, 5 %-exceeded fluctuation strength, vacil
     */
    public static double widmann(double loudness5Sone, double sharpness5Acum, double roughness5Asper,
                                 double fluctuation5Vacil) {
        double wS = sharpnessTerm(loudness5Sone, sharpness5Acum);
        double wMod = modulationTerm(loudness5Sone, roughness5Asper, fluctuation5Vacil);
        return loudness5Sone * (1 + Math.sqrt(wS * wS + wMod * wMod));
    }

    /**
     * More (2010): PA = N5·(1 + √max(0, −0.16 + 11.48·w_S² + 0.84·w_FR² + 1.25·w_T²)) with the tonal term
     * w_T = (1 − e^{−0.29·N5})·(1 − e^{−5.49·K5}). More, S. &amp; Davies, P. (2010), "Development of a model to
     * predict annoyance caused by aircraft noise", Inter-noise 2010, Lisbon; More, S. R. (2011), doctoral thesis,
     * Purdue University.
     *
     * @param sharpness5Acum 5 %-exceeded sharpness with More's (von Bismarck-like) weighting, acum
     * @param tonality5Tu    K5, 5 %-exceeded Aures (1985) tonality, tu
     */
    public static double more(double loudness5Sone, double sharpness5Acum, double roughness5Asper,
                              double fluctuation5Vacil, double tonality5Tu) {
        double wS = sharpnessTerm(loudness5Sone, sharpness5Acum);
        double wMod = modulationTerm(loudness5Sone, roughness5Asper, fluctuation5Vacil);
        double wT = (1 - Math.exp(-0.29 * loudness5Sone)) * (1 - Math.exp(-5.49 * tonality5Tu));
        double squares = Math.max(0, -0.16 + 11.48 * (wS * wS) + 0.84 * (wMod * wMod) + 1.25 * (wT * wT));
        return loudness5Sone * (1 + Math.sqrt(squares));
    }

    /**
     * Di et al. (2016): PA = N5·(1 + √(w_S² + w_FR² + w_T²)) with w_T = 6.41·K/N5^0.52. Di, G., Chen, X.-W.,
     * Song, K., Zhou, B. &amp; Pei, C.-M. (2016), "Improvement of Zwicker's psychoacoustic annoyance model aiming at
     * tonal noises", Applied Acoustics 105, 164–170.
     *
     * @param sharpness5Acum   5 %-exceeded sharpness with Aures' weighting, acum
     * @param roughnessAsper   time-averaged roughness, asper
     * @param fluctuationVacil time-averaged fluctuation strength, vacil
     * @param tonalityTu       time-averaged Aures (1985) tonality, tu
     */
    public static double di(double loudness5Sone, double sharpness5Acum, double roughnessAsper,
                            double fluctuationVacil, double tonalityTu) {
        double wS = sharpnessTerm(loudness5Sone, sharpness5Acum);
        double wMod = modulationTerm(loudness5Sone, roughnessAsper, fluctuationVacil);
        double wT = 6.41 * tonalityTu / Math.pow(loudness5Sone, 0.52);
        return loudness5Sone * (1 + Math.sqrt(wS * wS + wMod * wMod + wT * wT));
    }

    /** w_S = (S − 1.75)·0.25·lg(N + 10) above 1.75 acum, 0 at or below (Widmann 1992). */
    static double sharpnessTerm(double loudnessSone, double sharpnessAcum) {
        return sharpnessAcum <= 1.75 ? 0 : (sharpnessAcum - 1.75) * 0.25 * Math.log10(loudnessSone + 10);
    }

    /** w_FR = 2.18/N^0.4·(0.4·F + 0.6·R) (Widmann 1992). */
    static double modulationTerm(double loudnessSone, double roughnessAsper, double fluctuationVacil) {
        return 2.18 / Math.pow(loudnessSone, 0.4) * (0.4 * fluctuationVacil + 0.6 * roughnessAsper);
    }
}
