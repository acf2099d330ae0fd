package audioloop.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * WAV decoding: RIFF (little-endian), RIFX (big-endian) and RF64/BW64 (64-bit sizes in a ds64 chunk);
 * integer PCM (8-bit unsigned, 16/24/32-bit containers with any valid bits), IEEE float 32/64, G.711
 * A-law and μ-law, plain or WAVE_FORMAT_EXTENSIBLE. Every failure is an IOException whose message is one
 * line in words without the file name: {@link WavFormatException} for the content, NoSuchFileException /
 * AccessDeniedException / IOException for the file system.
 *
 * <p>Every size in a header is checked against the file length before it is used, and every scanning
 * loop advances by at least 8 bytes, so hostile headers neither allocate nor loop.
 */
public final class WavDecoder {
    /** Largest double[] the JVM hands out. */
    private static final int MAX_FRAMES_IN_MEMORY = Integer.MAX_VALUE - 8;
    private static final long SIZE_PLACEHOLDER = 0xFFFFFFFFL;

    /** Format tags and names from Microsoft mmreg.h (RFC 2361 lists the same registrations). */
    private static final int TAG_PCM = 0x0001;
    private static final int TAG_IEEE_FLOAT = 0x0003;
    private static final int TAG_ALAW = 0x0006;
    private static final int TAG_MULAW = 0x0007;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final Map<Integer, String> TAG_NAMES = Map.ofEntries(
            Map.entry(0x0000, "unknown"),
            Map.entry(0x0002, "Microsoft ADPCM"),
            Map.entry(0x0010, "OKI ADPCM"),
            Map.entry(0x0011, "IMA ADPCM"),
            Map.entry(0x0022, "DSP Group TrueSpeech"),
            Map.entry(0x0031, "GSM 6.10"),
            Map.entry(0x0040, "G.721 ADPCM"),
            Map.entry(0x0050, "MPEG"),
            Map.entry(0x0055, "MPEG Layer 3"),
            Map.entry(0x0064, "G.726 ADPCM"),
            Map.entry(0x0092, "Dolby AC-3 SPDIF"),
            Map.entry(0x00FF, "AAC"),
            Map.entry(0x0160, "Windows Media Audio v1"),
            Map.entry(0x0161, "Windows Media Audio"),
            Map.entry(0x0162, "Windows Media Audio Professional"),
            Map.entry(0x0163, "Windows Media Audio Lossless"),
            Map.entry(0x1610, "MPEG-4 AAC"),
            Map.entry(0x2000, "Dolby AC-3"),
            Map.entry(0xF1AC, "FLAC"));

    /**
     * Bytes 4-15 of KSDATAFORMAT_SUBTYPE_* GUIDs {tag-0000-0010-8000-00AA00389B71} (Microsoft ksmedia.h):
     * Data2 = 0x0000 and Data3 = 0x0010 in the file's byte order, then Data4 as is.
     */
    private static final byte[] SUBTYPE_DATA4 = {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private WavDecoder() {
    }

    /** Decodes a whole file to its channel mean. */
    public static DecodedAudio decode(Path file) throws IOException {
        try (WavStream stream = open(file)) {
            return readAll(stream);
        }
    }

    /** Decodes a whole WAV held by a channel (e.g. in memory), which is closed afterwards. */
    public static DecodedAudio decode(SeekableByteChannel channel) throws IOException {
        try (WavStream stream = open(channel)) {
            return readAll(stream);
        }
    }

    /** Parses the header of a file and positions a stream at its first frame. */
    public static WavStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory, not a WAV file");
        }
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(null, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(null, null, "permission denied");
        } catch (FileSystemException e) {
            throw new IOException(e.getReason() != null ? e.getReason() : "cannot open the file", e);
        }
        return open(channel);
    }

    /**
     * Parses the header read from a channel and positions a stream at the first frame; the stream owns
     * the channel (it is closed here if the header is bad).
     */
    public static WavStream open(SeekableByteChannel channel) throws IOException {
        try {
            return parse(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static DecodedAudio readAll(WavStream stream) throws IOException {
        WavFormat format = stream.format();
        if (stream.frames() > MAX_FRAMES_IN_MEMORY) {
            throw new WavFormatException("too long to decode in one array: " + stream.frames() + " frames, at most "
                    + MAX_FRAMES_IN_MEMORY);
        }
        double[] mono = new double[(int) stream.frames()];
        int decoded = 0;
        while (decoded < mono.length) {
            int n = stream.readMono(mono, decoded, mono.length - decoded);
            if (n < 0) {
                break;
            }
            decoded += n;
        }
        if (decoded < mono.length) {
            mono = Arrays.copyOf(mono, decoded);
        }
        return new DecodedAudio(format.sampleRateHz(), format.channels(), format.validBits(), format.encoding(),
                decoded, mono, stream.warnings());
    }

    private static WavStream parse(SeekableByteChannel channel) throws IOException {
        long fileBytes = channel.size();
        if (fileBytes == 0) {
            throw new WavFormatException("empty file");
        }
        ByteBuffer riff = read(channel, 0, 12, ByteOrder.LITTLE_ENDIAN);
        String container = riff.remaining() >= 4 ? fourCc(riff, 0) : "";
        ByteOrder order;
        switch (container) {
            case "RIFF", "RF64", "BW64" -> order = ByteOrder.LITTLE_ENDIAN;
            case "RIFX" -> order = ByteOrder.BIG_ENDIAN;
            default -> throw new WavFormatException("not a WAV file (no RIFF/RIFX/RF64 header)");
        }
        if (riff.remaining() < 12) {
            throw new WavFormatException("truncated header: the file has " + fileBytes
                    + " bytes, a WAV header needs at least 12");
        }
        if (!fourCc(riff, 8).equals("WAVE")) {
            throw new WavFormatException("not a WAV file (" + container + " form type '" + printable(riff, 8)
                    + "', not 'WAVE')");
        }
        boolean sizes64 = !container.startsWith("RI");

        // Chunk scan (RIFF: EBU Tech 3306 / Microsoft "Multimedia Programming Interface", 1991).
        Fmt fmt = null;
        long dataStart = -1;
        long dataDeclared = 0; // bytes, unsigned (ds64 holds 64 bits)
        boolean dataToEnd = false;
        long ds64DataBytes = 0; // unsigned; 0 = no ds64 or a placeholder left by an interrupted writer
        String cutOff = null;
        long pos = 12;
        while (fileBytes - pos >= 8) {
            ByteBuffer header = read(channel, pos, 8, order);
            String id = fourCc(header, 0);
            long size = Integer.toUnsignedLong(header.getInt(4));
            long body = pos + 8;
            long present = fileBytes - body;
            switch (id) {
                case "ds64" -> {
                    // EBU Tech 3306 / ITU-R BS.2088: riffSize, dataSize, sampleCount (64-bit each), table.
                    if (size < 24 || present < 24) {
                        throw new WavFormatException("truncated header: ds64 chunk has " + Math.min(size, present)
                                + " bytes, 24 needed");
                    }
                    ds64DataBytes = read(channel, body, 24, order).getLong(8);
                }
                case "fmt " -> {
                    if (fmt == null) {
                        if (size < 16) {
                            throw new WavFormatException("fmt chunk too short: " + size + " bytes, at least 16 needed");
                        }
                        if (size > present) {
                            throw new WavFormatException("truncated header: fmt chunk declares " + size + " bytes, "
                                    + present + " present");
                        }
                        fmt = parseFmt(read(channel, body, (int) Math.min(size, 40), order));
                    }
                }
                case "data" -> {
                    if (dataStart < 0) {
                        dataStart = body;
                        if (size != SIZE_PLACEHOLDER) {
                            dataDeclared = size;
                        } else if (sizes64 && ds64DataBytes != 0 && ds64DataBytes != -1) {
                            dataDeclared = ds64DataBytes;
                        } else {
                            dataToEnd = true;
                        }
                    }
                }
                default -> {
                    // LIST, bext, fact, PEAK, JUNK, cue, ...: not needed.
                }
            }
            if ((fmt != null && dataStart >= 0) || dataToEnd) {
                break; // done, or a data chunk that runs to the end of the file: nothing can follow it
            }
            long chunkBytes = id.equals("data") && dataStart == body ? dataDeclared : size;
            if (Long.compareUnsigned(chunkBytes, present) > 0) {
                cutOff = "chunk '" + printable(header, 0) + "' at byte " + pos + " declares "
                        + Long.toUnsignedString(chunkBytes) + " bytes, " + present + " present";
                break;
            }
            pos = body + chunkBytes + (chunkBytes & 1); // odd chunks carry a pad byte
        }
        if (fmt == null || dataStart < 0) {
            String missing = fmt == null ? "no fmt chunk" : "no data chunk";
            if (cutOff != null) {
                throw new WavFormatException(missing + " (" + cutOff + ")");
            }
            if (pos < fileBytes) {
                throw new WavFormatException("truncated header: " + missing + ", the file ends inside a chunk header");
            }
            throw new WavFormatException(missing);
        }

        List<String> warnings = new ArrayList<>();
        long dataPresent = fileBytes - dataStart;
        long dataBytes = dataToEnd ? dataPresent : dataDeclared;
        if (Long.compareUnsigned(dataBytes, dataPresent) > 0) {
            warnings.add("truncated: data chunk declares " + Long.toUnsignedString(dataDeclared) + " bytes, "
                    + dataPresent + " present");
            dataBytes = dataPresent;
        } else if (dataBytes % fmt.blockAlign != 0) {
            warnings.add("data chunk ends with a partial frame: last " + dataBytes % fmt.blockAlign
                    + " bytes ignored");
        }
        long frames = dataBytes / fmt.blockAlign;
        long declaredFrames = dataToEnd ? frames : Long.divideUnsigned(dataDeclared, fmt.blockAlign);
        WavFormat format = new WavFormat(container, fmt.encoding, fmt.sampleRateHz, fmt.channels, fmt.validBits,
                fmt.codec.containerBits, fmt.blockAlign, declaredFrames < 0 ? Long.MAX_VALUE : declaredFrames);
        channel.position(dataStart);
        return new WavStream(channel, format, fmt.codec, order, frames, warnings);
    }

    private record Fmt(SampleCodec codec, String encoding, int sampleRateHz, int channels, int validBits,
                       int blockAlign) {
    }

    /** WAVEFORMATEX / WAVEFORMATEXTENSIBLE (Microsoft mmreg.h, ksmedia.h), at most the first 40 bytes. */
    private static Fmt parseFmt(ByteBuffer fmt) throws WavFormatException {
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long sampleRate = Integer.toUnsignedLong(fmt.getInt(4));
        int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        int validBits = bits;
        int containerBits = (bits + 7) / 8 * 8; // 12-bit PCM sits in 16 bits, 20-bit in 24
        if (tag == TAG_EXTENSIBLE) {
            if (fmt.remaining() < 40) {
                throw new WavFormatException("extensible fmt chunk too short: " + fmt.remaining()
                        + " bytes, 40 needed");
            }
            int subTag = extensibleSubFormat(fmt);
            if (subTag < 0) {
                throw new WavFormatException("unsupported encoding: extensible sub-format " + guid(fmt, 24));
            }
            tag = subTag;
            containerBits = bits; // here wBitsPerSample is the container; wValidBitsPerSample the signal
            int declaredValid = Short.toUnsignedInt(fmt.getShort(18));
            validBits = declaredValid == 0 ? bits : declaredValid;
            if (validBits > containerBits) {
                throw new WavFormatException("valid bits (" + validBits + ") exceed the " + containerBits
                        + "-bit container");
            }
        }
        String encoding;
        SampleCodec codec;
        switch (tag) {
            case TAG_PCM -> encoding = containerBits == 8 ? "pcm_uint8" : "pcm_int";
            case TAG_IEEE_FLOAT -> encoding = "pcm_float";
            case TAG_ALAW -> encoding = "alaw";
            case TAG_MULAW -> encoding = "mulaw";
            default -> throw new WavFormatException(String.format("unsupported encoding: format tag 0x%04X%s", tag,
                    TAG_NAMES.containsKey(tag) ? " (" + TAG_NAMES.get(tag) + ")" : ""));
        }
        if (channels == 0) {
            throw new WavFormatException("zero channels");
        }
        if (sampleRate == 0) {
            throw new WavFormatException("zero sample rate");
        }
        if (sampleRate > Integer.MAX_VALUE) {
            throw new WavFormatException("sample rate out of range: " + sampleRate + " Hz");
        }
        codec = switch (tag) {
            case TAG_PCM -> switch (containerBits) {
                case 8 -> SampleCodec.UINT8;
                case 16 -> SampleCodec.INT16;
                case 24 -> SampleCodec.INT24;
                case 32 -> SampleCodec.INT32;
                default -> throw unsupportedBits(bits, "integer PCM", "8, 16, 24 or 32-bit containers");
            };
            case TAG_IEEE_FLOAT -> switch (containerBits) {
                case 32 -> SampleCodec.FLOAT32;
                case 64 -> SampleCodec.FLOAT64;
                default -> throw unsupportedBits(bits, "IEEE float", "32 or 64 bits");
            };
            case TAG_ALAW, TAG_MULAW -> {
                if (containerBits != 8) {
                    throw unsupportedBits(bits, tag == TAG_ALAW ? "A-law" : "μ-law", "8 bits");
                }
                yield tag == TAG_ALAW ? SampleCodec.ALAW : SampleCodec.MULAW;
            }
            default -> throw new IllegalStateException("tag checked above: " + tag);
        };
        if (bits == 0 || bits % 8 != 0 && tag != TAG_PCM) {
            throw unsupportedBits(bits, encoding, "whole bytes");
        }
        int expectedAlign = channels * (codec.containerBits / 8);
        if (blockAlign != expectedAlign) {
            throw new WavFormatException("block align " + blockAlign + " inconsistent with " + channels
                    + " channels × " + codec.containerBits / 8 + " bytes per sample");
        }
        return new Fmt(codec, encoding, (int) sampleRate, channels, validBits, blockAlign);
    }

    private static WavFormatException unsupportedBits(int bits, String encoding, String supported) {
        return new WavFormatException("bits not supported: " + bits + "-bit " + encoding + " (" + supported + ")");
    }

    /** The format tag a KSDATAFORMAT_SUBTYPE GUID at byte 24 stands for, or -1 if it is not one we decode. */
    private static int extensibleSubFormat(ByteBuffer fmt) {
        long data1 = Integer.toUnsignedLong(fmt.getInt(24));
        if (fmt.getShort(28) != 0x0000 || fmt.getShort(30) != 0x0010) {
            return -1;
        }
        for (int i = 0; i < SUBTYPE_DATA4.length; i++) {
            if (fmt.get(32 + i) != SUBTYPE_DATA4[i]) {
                return -1;
            }
        }
        return data1 == TAG_PCM || data1 == TAG_IEEE_FLOAT || data1 == TAG_ALAW || data1 == TAG_MULAW
                ? (int) data1 : -1;
    }

    /** A GUID in its registry spelling, e.g. {00000002-0000-0010-8000-00AA00389B71}. */
    private static String guid(ByteBuffer fmt, int at) {
        StringBuilder s = new StringBuilder(String.format("{%08X-%04X-%04X-", fmt.getInt(at),
                fmt.getShort(at + 4), fmt.getShort(at + 6)));
        for (int i = 8; i < 16; i++) {
            s.append(String.format("%02X", fmt.get(at + i)));
            if (i == 9) {
                s.append('-');
            }
        }
        return s.append('}').toString();
    }

    /** Up to n bytes at pos (fewer at the end of the file), as a buffer of that many remaining bytes. */
    private static ByteBuffer read(SeekableByteChannel channel, long pos, int n, ByteOrder order)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n).order(order);
        channel.position(pos);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) <= 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        byte[] id = new byte[4];
        buffer.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** A four-character code for a message: printable ASCII as is, anything else as '?'. */
    private static String printable(ByteBuffer buffer, int at) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int b = buffer.get(at + i) & 0xFF;
            s.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return s.toString();
    }
}
