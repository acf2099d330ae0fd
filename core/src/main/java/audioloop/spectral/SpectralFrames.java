package audioloop.spectral;

/**
 * The frame series of the spectral features of one signal at 48 kHz, all on the same frames
 * (n_fft 2048, hop 512, frame t centred on sample 512·t, {@link Stft#frameCount} frames). One-row features are
 * {@code [frame]}, multi-row ones {@code [frame][row]}. In the streamed form ({@link SpectralStream}) melPower is
 * null, and the multi-row series are null unless kept.
 *
 * @param rms               librosa feature.rms
 * @param zeroCrossingRate  librosa feature.zero_crossing_rate
 * @param spectralCentroid  Hz
 * @param spectralBandwidth Hz
 * @param spectralRolloff   Hz (85 % of the magnitude)
 * @param spectralFlatness  0 … 1
 * @param spectralContrast  {@code [frame][7]}, dB of magnitude
 * @param melPower          {@code [frame][128]}, mel power spectrogram (librosa melspectrogram)
 * @param melDb             {@code [frame][128]}, power_to_db of melPower with the 80 dB floor over the whole file
 * @param mfcc              {@code [frame][20]}
 * @param chromaStft        {@code [frame][12]}, row 0 = C, ∞-normalised per frame
 * @param tuning            estimated tuning in fractions of a semitone (librosa estimate_tuning), used by chroma
 * @param onsetStrength     librosa onset_strength (mean over mel bands)
 * @param beats             librosa beat_track: tempo and beat frames
 * @param pitch             fundamental frequency of the voiced frames (TarsosDSP FastYin; not a librosa feature)
 */
public record SpectralFrames(double[] rms, double[] zeroCrossingRate, double[] spectralCentroid,
                             double[] spectralBandwidth, double[] spectralRolloff, double[] spectralFlatness,
                             double[][] spectralContrast, double[][] melPower, double[][] melDb, double[][] mfcc,
                             double[][] chromaStft, double tuning, double[] onsetStrength, Beats beats,
                             PitchTrack pitch) {

    /** Seconds between frames: 512 / 48000. */
    public static final double HOP_S = Stft.HOP / (double) FftFrequencies.SAMPLE_RATE_HZ;

    public int frameCount() {
        return rms.length;
    }
}
