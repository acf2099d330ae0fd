package audioloop.spectral;

/**
 * Result of {@link Pitch#track}: the fundamental frequencies of the voiced frames in frame order, and how many
 * frames were analysed (voiced or not).
 */
public record PitchTrack(double[] voicedHz, int frameCount) {
    /** Share of the frames with a pitch; 0 for an empty track. */
    public double voicedFraction() {
        return frameCount == 0 ? 0.0 : (double) voicedHz.length / frameCount;
    }
}
