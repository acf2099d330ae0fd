package audioloop.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A mono 64-bit IEEE float WAV (RIFF, format tag 3) in memory: the form in which samples given to the library are
 * analysed, so that they take exactly the path a file takes (decode, resample, blocks) and their result is that of
 * the same samples written to a file.
 */
final class FloatWav {
    private static final int HEADER_BYTES = 44;

    private FloatWav() {
    }

    static byte[] encode(double[] samples, int sampleRateHz) {
        long dataBytes = 8L * samples.length;
        if (dataBytes > Integer.MAX_VALUE - HEADER_BYTES) {
            throw new IllegalArgumentException(samples.length + " samples are too many to analyse from memory (at most "
                    + (Integer.MAX_VALUE - HEADER_BYTES) / 8 + "); write them to a file and analyse the path");
        }
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
        }
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(HEADER_BYTES - 8 + (int) dataBytes)
                .put(new byte[] {'W', 'A', 'V', 'E'})
                .put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) 3)               // WAVE_FORMAT_IEEE_FLOAT
                .putShort((short) 1)               // channels
                .putInt(sampleRateHz)
                .putInt(sampleRateHz * 8)          // bytes per second
                .putShort((short) 8)               // block align
                .putShort((short) 64)              // bits per sample
                .put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        wav.asDoubleBuffer().put(samples);
        return wav.array();
    }
}
