package audioloop.loudness;

/**
 * ISO 532-1 stationary loudness.
 *
 * @param loudnessSone     total loudness N, sone, rounded as MoSQITo rounds it
 * @param specificLoudness N′(z), sone/Bark, 240 values at z = 0.1 … 24.0 Bark
 */
public record StationaryLoudnessResult(double loudnessSone, double[] specificLoudness) {
}
