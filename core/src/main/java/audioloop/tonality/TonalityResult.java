package audioloop.tonality;

import java.util.List;

/**
 * ECMA-74 tone-to-noise ratios and prominence ratios of a stationary signal.
 *
 * @param tnrTones        every tone the TNR procedure kept (ΔL_T &gt; 0), in the order it found them
 * @param prTones         every tone the PR procedure kept (ΔL_P &gt; 0), in the order it found them
 * @param tnrTotalDb      total TNR, 10·log10 Σ 10^(ΔL_T/10) over the prominent tones (ECMA TR/108), or
 *                        {@code null} when no tone is prominent (MoSQITo returns 0 then)
 * @param prTotalDb       total PR likewise
 * @param droppedNonFinite tones dropped because their ratio was not finite (the noise estimate under the tone
 *                        was not positive: degenerate spectra only)
 * @param analysedLines   spectrum lines between 89.1 Hz and 11.2 kHz; below 3 nothing was analysed (a signal of
 *                        a few samples)
 */
public record TonalityResult(List<ToneRatio> tnrTones, List<ToneRatio> prTones, Double tnrTotalDb, Double prTotalDb,
                             int droppedNonFinite, int analysedLines) {
    /** Fewest lines the screening needs (a maximum has two neighbours). */
    public static final int MIN_LINES = 3;

    public TonalityResult {
        tnrTones = List.copyOf(tnrTones);
        prTones = List.copyOf(prTones);
    }
}
