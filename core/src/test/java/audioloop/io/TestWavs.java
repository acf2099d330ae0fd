package audioloop.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds WAV files in memory, every variant the decoder accepts and the broken ones it must reject. Fields
 * are written as given (no consistency fix-ups), so a test can state a wrong block align or size on purpose.
 */
final class TestWavs {
    static final int PCM = 0x0001;
    static final int IEEE_FLOAT = 0x0003;
    static final int ALAW = 0x0006;
    static final int MULAW = 0x0007;
    static final int EXTENSIBLE = 0xFFFE;

    /** Container kinds; RF64 writes a ds64 chunk and 0xFFFFFFFF in the RIFF and data size fields. */
    enum Container { RIFF, RIFX, RF64 }

    private Container container = Container.RIFF;
    private int formatTag = PCM;
    private int subFormatTag = PCM;
    private int channels = 1;
    private long sampleRateHz = 48000;
    private int bitsPerSample = 16;
    private int validBits;
    private Integer blockAlign;
    private Long dataSizeField;
    private byte[] data = new byte[0];
    private final List<byte[]> chunksBefore = new ArrayList<>();
    private final List<byte[]> chunksAfter = new ArrayList<>();

    static TestWavs wav() {
        return new TestWavs();
    }

    TestWavs container(Container c) {
        container = c;
        return this;
    }

    /** Plain WAVEFORMATEX with this tag and bits per sample. */
    TestWavs format(int tag, int bits) {
        formatTag = tag;
        bitsPerSample = bits;
        return this;
    }

    /** WAVE_FORMAT_EXTENSIBLE: container bits, valid bits and the sub-format GUID's tag. */
    TestWavs extensible(int subTag, int containerBits, int valid) {
        formatTag = EXTENSIBLE;
        subFormatTag = subTag;
        bitsPerSample = containerBits;
        validBits = valid;
        return this;
    }

    TestWavs channels(int n) {
        channels = n;
        return this;
    }

    TestWavs rate(long hz) {
        sampleRateHz = hz;
        return this;
    }

    /** Overrides the block align (default channels × container bytes). */
    TestWavs blockAlign(int bytes) {
        blockAlign = bytes;
        return this;
    }

    /** Overrides the data chunk's size field (default: the data length; RF64: 0xFFFFFFFF). */
    TestWavs dataSizeField(long size) {
        dataSizeField = size;
        return this;
    }

    TestWavs data(byte[] bytes) {
        data = bytes;
        return this;
    }

    TestWavs chunkBefore(String id, int size) {
        chunksBefore.add(chunk(id, new byte[size]));
        return this;
    }

    TestWavs chunkAfter(String id, int size) {
        chunksAfter.add(chunk(id, new byte[size]));
        return this;
    }

    ByteOrder order() {
        return container == Container.RIFX ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    int containerBytes() {
        return formatTag == EXTENSIBLE ? bitsPerSample / 8 : (bitsPerSample + 7) / 8;
    }

    byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        if (container == Container.RF64) {
            ByteBuffer ds64 = buffer(28);
            // riffSize (set below, once known), dataSize, sampleCount, table length
            ds64.putLong(0).putLong(data.length).putLong(data.length / Math.max(1, align())).putInt(0);
            body.writeBytes(chunk("ds64", ds64.array()));
        }
        chunksBefore.forEach(body::writeBytes);
        body.writeBytes(chunk("fmt ", fmt()));
        long dataSize = dataSizeField != null ? dataSizeField
                : container == Container.RF64 ? 0xFFFFFFFFL : data.length;
        body.writeBytes(chunkHeader("data", dataSize));
        body.writeBytes(data);
        if (!chunksAfter.isEmpty()) {
            if ((data.length & 1) != 0) {
                body.write(0);
            }
            chunksAfter.forEach(body::writeBytes);
        }
        byte[] riff = body.toByteArray();
        if (container == Container.RF64) {
            ByteBuffer.wrap(riff).order(order()).putLong(12, riff.length); // after "WAVE" and the ds64 header
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(chunkHeader(container == Container.RF64 ? "RF64" : container.name(),
                container == Container.RF64 ? 0xFFFFFFFFL : riff.length));
        out.writeBytes(riff);
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes());
    }

    private int align() {
        return blockAlign != null ? blockAlign : channels * containerBytes();
    }

    private byte[] fmt() {
        boolean ext = formatTag == EXTENSIBLE;
        ByteBuffer fmt = buffer(ext ? 40 : 16);
        fmt.putShort((short) formatTag).putShort((short) channels).putInt((int) sampleRateHz)
                .putInt((int) (sampleRateHz * align())).putShort((short) align()).putShort((short) bitsPerSample);
        if (ext) {
            // cbSize, wValidBitsPerSample, dwChannelMask, SubFormat {tag-0000-0010-8000-00AA00389B71}
            fmt.putShort((short) 22).putShort((short) validBits).putInt(0)
                    .putInt(subFormatTag).putShort((short) 0).putShort((short) 0x0010)
                    .put(new byte[] {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        return fmt.array();
    }

    private byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(chunkHeader(id, body.length));
        out.writeBytes(body);
        if ((body.length & 1) != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private byte[] chunkHeader(String id, long size) {
        return buffer(8).put(ascii(id)).putInt((int) size).array();
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Interleaved integer samples as container words: each value left-justified by the caller. */
    static byte[] ints(long[] samples, int containerBytes, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * containerBytes).order(order);
        for (long v : samples) {
            for (int i = 0; i < containerBytes; i++) {
                int shift = 8 * (order == ByteOrder.LITTLE_ENDIAN ? i : containerBytes - 1 - i);
                out.put((byte) (v >> shift));
            }
        }
        return out.array();
    }

    static byte[] floats(float[] samples, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(4 * samples.length).order(order);
        for (float v : samples) {
            out.putFloat(v);
        }
        return out.array();
    }

    static byte[] doubles(double[] samples, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(8 * samples.length).order(order);
        for (double v : samples) {
            out.putDouble(v);
        }
        return out.array();
    }
}
