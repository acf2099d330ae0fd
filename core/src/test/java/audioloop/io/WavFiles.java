package audioloop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes WAV files for tests outside this package (CLI, pipeline), through {@link TestWavs}. */
public final class WavFiles {
    /** Format tags for {@link #encoded}: Microsoft mmreg.h. */
    public static final int PCM = TestWavs.PCM;
    public static final int IEEE_FLOAT = TestWavs.IEEE_FLOAT;
    public static final int ALAW = TestWavs.ALAW;
    public static final int MULAW = TestWavs.MULAW;

    private WavFiles() {
    }

    /** A 32-bit float mono RIFF file holding {@code samples} (full scale 1.0). */
    public static Path floatMono(Path dir, String name, int sampleRateHz, double[] samples) throws IOException {
        return TestWavs.wav().format(TestWavs.IEEE_FLOAT, 32).rate(sampleRateHz).data(floatBytes(samples))
                .write(dir, name);
    }

    /** A 16-bit PCM file with {@code channels} interleaved copies of {@code samples}. */
    public static Path pcm16(Path dir, String name, int sampleRateHz, int channels, double[] samples) throws IOException {
        long[] mono = pcm16Values(samples);
        long[] ints = new long[mono.length * channels];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = mono[i / channels];
        }
        return TestWavs.wav().format(TestWavs.PCM, 16).channels(channels).rate(sampleRateHz)
                .data(TestWavs.ints(ints, 2, ByteOrder.LITTLE_ENDIAN)).write(dir, name);
    }

    /** A RIFF file with this format tag, bits, channels and rate, its data chunk holding {@code data} as given. */
    public static Path encoded(Path dir, String name, int formatTag, int bits, int channels, int sampleRateHz,
                               byte[] data) throws IOException {
        return Files.write(dir.resolve(name), encodedBytes(formatTag, bits, channels, sampleRateHz, data));
    }

    /** The bytes of {@link #encoded}; block align = channels × whole bytes per sample. */
    public static byte[] encodedBytes(int formatTag, int bits, int channels, int sampleRateHz, byte[] data) {
        return TestWavs.wav().format(formatTag, bits).channels(channels).rate(sampleRateHz).data(data).bytes();
    }

    /** An RF64 file (ds64 chunk, 0xFFFFFFFF in the RIFF and data sizes) of 32-bit float mono samples. */
    public static Path rf64Float(Path dir, String name, int sampleRateHz, double[] samples) throws IOException {
        return TestWavs.wav().container(TestWavs.Container.RF64).format(TestWavs.IEEE_FLOAT, 32).rate(sampleRateHz)
                .data(floatBytes(samples)).write(dir, name);
    }

    /**
     * A 16-bit mono file with a data size field written as given (0xFFFFFFFF: the placeholder of a writer that
     * was interrupted or streams; a size beyond the file: truncated) and, optionally, a LIST chunk after the data.
     */
    public static Path pcm16Sized(Path dir, String name, int sampleRateHz, double[] samples, long dataSizeField,
                                  boolean listChunkAfterData) throws IOException {
        TestWavs wav = TestWavs.wav().format(TestWavs.PCM, 16).rate(sampleRateHz).dataSizeField(dataSizeField)
                .data(TestWavs.ints(pcm16Values(samples), 2, ByteOrder.LITTLE_ENDIAN));
        if (listChunkAfterData) {
            wav.chunkAfter("LIST", 26);
        }
        return wav.write(dir, name);
    }

    /** Little-endian 32-bit float bytes of {@code samples}. */
    public static byte[] floatBytes(double[] samples) {
        float[] f = new float[samples.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) samples[i];
        }
        return TestWavs.floats(f, ByteOrder.LITTLE_ENDIAN);
    }

    /** Little-endian 64-bit float bytes of {@code samples}. */
    public static byte[] doubleBytes(double[] samples) {
        return TestWavs.doubles(samples, ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] pcm16Values(double[] samples) {
        long[] ints = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
        }
        return ints;
    }
}
