package audioloop.io;

import java.util.List;

/**
 * A decoded WAV file: its format as found in the header, and the channel-averaged signal.
 *
 * @param sampleRateHz  sample rate of the file
 * @param channels      channel count of the file
 * @param bitsPerSample valid bits per sample (e.g. 20 for 20-bit audio in a 24-bit container)
 * @param encoding      "pcm_int", "pcm_uint8", "pcm_float", "mulaw" or "alaw"
 * @param frames        sample frames actually decoded (one frame = one sample of every channel)
 * @param mono          channel mean, full scale = 1.0 (integer PCM / 2^(bits-1), float as is), length {@code frames}
 * @param warnings      things the user should know (e.g. a data chunk shorter than declared); never null
 */
public record DecodedAudio(int sampleRateHz, int channels, int bitsPerSample, String encoding, long frames,
                           double[] mono, List<String> warnings) {
    public double durationS() {
        return frames / (double) sampleRateHz;
    }
}
