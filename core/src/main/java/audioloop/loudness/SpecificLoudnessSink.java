package audioloop.loudness;

/**
 * Receives the specific loudness N′(z) of each 2 ms output frame of {@link TimeVaryingLoudness}, so that the
 * 240 × frames pattern never has to be held in memory.
 */
@FunctionalInterface
public interface SpecificLoudnessSink {
    /** A sink that ignores the pattern. */
    SpecificLoudnessSink NONE = (frame, specificLoudness) -> { };

    /**
     * Called exactly once per output frame.
     *
     * @param frame            output frame index (time = frame · 2 ms)
     * @param specificLoudness 240 values N′(z), sone/Bark, z = 0.1 … 24.0 Bark: decayed but not temporally
     *                         weighted (as MoSQITo returns N_spec). The array is reused after the call returns:
     *                         copy what you keep.
     *                         <p>Calls for different frames may come concurrently from several threads and in
     *                         any order; implementations must be thread-safe for distinct frames (e.g. write to
     *                         an array slot per frame).
     */
    void accept(int frame, double[] specificLoudness);
}
