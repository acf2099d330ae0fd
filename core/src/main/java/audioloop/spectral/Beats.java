package audioloop.spectral;

/**
 * librosa {@code beat_track} result: the tempo (0 when the onset envelope is all zero) and the beat frames in
 * ascending order (frame t is centred on sample t·512 of the 48 kHz signal).
 */
public record Beats(double tempoBpm, int[] beatFrames) {
    /** Beat times in seconds, frame · 512 / 48000 (librosa {@code frames_to_time}). */
    public double[] beatTimesS() {
        double[] times = new double[beatFrames.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = beatFrames[i] * (double) Stft.HOP / BeatTracker.SAMPLE_RATE;
        }
        return times;
    }
}
