package audioloop.tonality;

/**
 * One tone found by the TNR or the PR procedure.
 *
 * @param frequencyHz the frequency of the tone's DFT line, k·fs/n (MoSQITo reports (k + 1)·fs/n, one line higher)
 * @param ratioDb     its tone-to-noise ratio ΔL_T or prominence ratio ΔL_P in dB (always &gt; 0)
 * @param prominent   whether it meets the ECMA-74 prominence criterion of its procedure
 */
public record ToneRatio(double frequencyHz, double ratioDb, boolean prominent) {
}
