package audioloop.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The samples of an opened WAV file, read in blocks as the channel mean (see {@link WavDecoder#open}), and on request
 * each channel beside it.
 * Only one block of raw bytes is held at a time, so files of any length stream through a fixed buffer.
 * Not thread-safe; closing it closes the underlying channel.
 */
public final class WavStream implements Closeable {
    /** Raw bytes per read; large enough that the per-read overhead vanishes next to decoding. */
    private static final int BUFFER_BYTES = 1 << 18;

    private final SeekableByteChannel channel;
    private final WavFormat format;
    private final SampleCodec codec;
    private final List<String> warnings;
    private final ByteBuffer buffer;
    private final int bufferFrames;
    private long frames;
    private long framesRead;

    WavStream(SeekableByteChannel channel, WavFormat format, SampleCodec codec, ByteOrder order, long frames,
              List<String> warnings) {
        this.channel = channel;
        this.format = format;
        this.codec = codec;
        this.frames = frames;
        this.warnings = new ArrayList<>(warnings);
        // blockAlign is a 16-bit header field, so one frame always fits; short files get a short buffer.
        this.bufferFrames = (int) Math.max(1, Math.min(BUFFER_BYTES / format.blockAlign(), frames));
        this.buffer = ByteBuffer.allocateDirect(bufferFrames * format.blockAlign()).order(order);
    }

    public WavFormat format() {
        return format;
    }

    /** Frames present in the file (the declared count, or fewer when the file is truncated). */
    public long frames() {
        return frames;
    }

    /** Things the user should know about this file (truncation, partial frames); a copy. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Decodes up to {@code len} next frames as the channel mean into dst[off, off + len).
     *
     * @return frames decoded, or -1 when no frame is left
     * @throws WavFormatException on a NaN or infinite float sample, naming its frame
     */
    public int readMono(double[] dst, int off, int len) throws IOException {
        return read(dst, null, off, len);
    }

    /**
     * Decodes up to {@code len} next frames as the channel mean into mono[off, off + len) and each channel c into
     * perChannel[c][off, off + len), from one read of the file (for a metric that takes the ears of a binaural
     * recording beside the metrics that take the mono mix).
     *
     * @param perChannel one array per channel of the file
     * @return frames decoded, or -1 when no frame is left
     * @throws WavFormatException on a NaN or infinite float sample, naming its frame
     */
    public int readMonoAndChannels(double[] mono, double[][] perChannel, int off, int len) throws IOException {
        if (perChannel.length != format.channels()) {
            throw new IllegalArgumentException("one array per channel needed: " + format.channels());
        }
        for (double[] channel : perChannel) {
            Objects.checkFromIndexSize(off, len, channel.length);
        }
        return read(mono, perChannel, off, len);
    }

    private int read(double[] dst, double[][] perChannel, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (framesRead >= frames) {
            return -1;
        }
        int channels = format.channels();
        int done = 0;
        while (done < len && framesRead < frames) {
            int want = (int) Math.min(Math.min(len - done, frames - framesRead), bufferFrames);
            int got = fill(want);
            if (got == 0) {
                warnings.add("file ended while reading: " + framesRead + " of " + frames + " frames decoded");
                frames = framesRead;
                break;
            }
            codec.decode(buffer, got, channels, 0, channels, dst, off + done);
            if (codec == SampleCodec.FLOAT32 || codec == SampleCodec.FLOAT64) {
                checkFinite(dst, off + done, got);
            }
            if (perChannel != null) {
                for (int c = 0; c < channels; c++) {
                    codec.decode(buffer, got, channels, c, 1, perChannel[c], off + done);
                }
            }
            framesRead += got;
            done += got;
        }
        return done == 0 && len > 0 ? -1 : done;
    }

    /** Reads up to {@code want} whole frames into the buffer; returns how many arrived (0 at end of file). */
    private int fill(int want) throws IOException {
        buffer.clear().limit(want * format.blockAlign());
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) <= 0) {
                break;
            }
        }
        int got = buffer.position() / format.blockAlign();
        buffer.flip();
        return got;
    }

    /** A non-finite mean means a non-finite sample (SampleCodec keeps overflowing sums finite). */
    private void checkFinite(double[] dst, int from, int count) throws WavFormatException {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(dst[from + i])) {
                throw new WavFormatException("non-finite sample (" + nonFiniteKind(i) + ") at frame "
                        + (framesRead + i));
            }
        }
    }

    /** The first non-finite sample of frame i of the buffer, in words ("NaN", "+Inf", "-Inf"). */
    private String nonFiniteKind(int frame) {
        int bytes = format.containerBits() / 8;
        for (int c = 0; c < format.channels(); c++) {
            int p = frame * format.blockAlign() + c * bytes;
            double x = bytes == 4 ? buffer.getFloat(p) : buffer.getDouble(p);
            if (!Double.isFinite(x)) {
                return Double.isNaN(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf";
            }
        }
        throw new IllegalStateException("frame " + frame + " has only finite samples");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
