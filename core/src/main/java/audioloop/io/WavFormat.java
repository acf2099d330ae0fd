package audioloop.io;

/**
 * What a WAV header says about its samples.
 *
 * @param container      "RIFF" (little-endian), "RIFX" (big-endian), "RF64" or "BW64" (64-bit sizes in ds64)
 * @param encoding       "pcm_int", "pcm_uint8", "pcm_float", "mulaw" or "alaw"
 * @param sampleRateHz   sample rate
 * @param channels       channel count, at least 1
 * @param validBits      significant bits per sample (e.g. 20 in a 24-bit container); equals containerBits
 *                       unless WAVE_FORMAT_EXTENSIBLE or a 12/20-bit PCM header says otherwise
 * @param containerBits  bits each sample occupies in the file (8, 16, 24, 32 or 64); integer PCM is
 *                       left-justified in it and scaled by 2^(containerBits-1)
 * @param blockAlign     bytes per frame (one sample of every channel)
 * @param declaredFrames frames the data chunk declares; for a size placeholder (0xFFFFFFFF, "read to the
 *                       end of the file") the whole frames up to the end of the file
 */
public record WavFormat(String container, String encoding, int sampleRateHz, int channels, int validBits,
                        int containerBits, int blockAlign, long declaredFrames) {
}
