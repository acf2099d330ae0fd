package audioloop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Writes WAV files for tests outside this package (CLI, pipeline), through {@link TestWavs}. */
public final class WavFiles {
    private WavFiles() {
    }

    /** A 32-bit float mono RIFF file holding {@code samples} (full scale 1.0). */
    public static Path floatMono(Path dir, String name, int sampleRateHz, double[] samples) throws IOException {
        float[] f = new float[samples.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) samples[i];
        }
        return TestWavs.wav().format(TestWavs.IEEE_FLOAT, 32).rate(sampleRateHz)
                .data(TestWavs.floats(f, ByteOrder.LITTLE_ENDIAN)).write(dir, name);
    }

    /** A 16-bit PCM file with {@code channels} interleaved copies of {@code samples}. */
    public static Path pcm16(Path dir, String name, int sampleRateHz, int channels, double[] samples) throws IOException {
        long[] ints = new long[samples.length * channels];
        for (int i = 0; i < samples.length; i++) {
            long v = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
            for (int c = 0; c < channels; c++) {
                ints[i * channels + c] = v;
            }
        }
        return TestWavs.wav().format(TestWavs.PCM, 16).channels(channels).rate(sampleRateHz)
                .data(TestWavs.ints(ints, 2, ByteOrder.LITTLE_ENDIAN)).write(dir, name);
    }
}
