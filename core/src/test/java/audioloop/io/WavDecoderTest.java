package audioloop.io;

import static audioloop.io.TestWavs.wav;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.TestWavs.Container;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavDecoderTest {
    private static final int FRAMES = 1000;

    @TempDir
    Path dir;

    /** Random valid-bit integers, left-justified in the container; frame 0 is full-scale negative, frame 1 positive. */
    private static long[] intSamples(int channels, int validBits, int containerBits) {
        SplittableRandom random = new SplittableRandom(validBits * 131L + containerBits * 7L + channels);
        long min = -(1L << (validBits - 1));
        long max = (1L << (validBits - 1)) - 1;
        long[] samples = new long[FRAMES * channels];
        for (int i = 0; i < samples.length; i++) {
            long v = i < channels ? min : i < 2 * channels ? max : random.nextLong(min, max + 1);
            samples[i] = v << (containerBits - validBits);
        }
        return samples;
    }

    /** sum / channels, integers scaled by 2^(containerBits-1) (spec/cli.md "Input scaling"). */
    private static double[] expectedMean(long[] samples, int channels, int containerBits) {
        double[] mono = new double[samples.length / channels];
        for (int f = 0; f < mono.length; f++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[f * channels + c];
            }
            mono[f] = sum / Math.pow(2, containerBits - 1) / channels;
        }
        return mono;
    }

    private static DecodedAudio decode(TestWavs wav) throws IOException {
        return WavDecoder.decode(new ByteArrayChannel(wav.bytes()));
    }

    private static WavFormatException rejected(TestWavs wav) {
        return rejected(wav.bytes());
    }

    private static WavFormatException rejected(byte[] bytes) {
        return assertThrows(WavFormatException.class, () -> WavDecoder.decode(new ByteArrayChannel(bytes)));
    }

    private void checkInt(Container container, boolean extensible, int validBits, int containerBits, int channels)
            throws IOException {
        long[] samples = intSamples(channels, validBits, containerBits);
        TestWavs wav = wav().container(container).channels(channels).rate(44100);
        if (extensible) {
            wav.extensible(TestWavs.PCM, containerBits, validBits);
        } else {
            wav.format(TestWavs.PCM, validBits);
        }
        wav.data(TestWavs.ints(samples, containerBits / 8, wav.order()));
        DecodedAudio audio = decode(wav);
        String what = container + " ext=" + extensible + " " + validBits + "/" + containerBits + " x" + channels;
        assertEquals(44100, audio.sampleRateHz(), what);
        assertEquals(channels, audio.channels(), what);
        assertEquals(validBits, audio.bitsPerSample(), what);
        assertEquals("pcm_int", audio.encoding(), what);
        assertEquals(FRAMES, audio.frames(), what);
        assertEquals(List.of(), audio.warnings(), what);
        assertArrayEquals(expectedMean(samples, channels, containerBits), audio.mono(), what);
        // Independent of the formula: full-scale codes map to -1 and 1 - 2^(1-validBits).
        assertEquals(-1.0, audio.mono()[0], what);
        assertEquals(1 - Math.pow(2, 1 - validBits), audio.mono()[1], what);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void integerPcmEveryDepthContainerAndByteOrder(Container container) throws IOException {
        for (int channels : new int[] {1, 2, 3}) {
            checkInt(container, false, 16, 16, channels);
            checkInt(container, false, 24, 24, channels);
            checkInt(container, false, 32, 32, channels);
            checkInt(container, false, 12, 16, channels);
            checkInt(container, false, 20, 24, channels);
            checkInt(container, true, 16, 16, channels);
            checkInt(container, true, 12, 16, channels);
            checkInt(container, true, 20, 24, channels);
            checkInt(container, true, 24, 32, channels);
            checkInt(container, true, 32, 32, channels);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void unsigned8Bit(Container container) throws IOException {
        byte[] codes = new byte[256 * 2];
        for (int i = 0; i < 256; i++) {
            codes[2 * i] = (byte) i;
            codes[2 * i + 1] = (byte) (255 - i);
        }
        DecodedAudio audio = decode(wav().container(container).format(TestWavs.PCM, 8).channels(2).data(codes));
        assertEquals("pcm_uint8", audio.encoding());
        assertEquals(8, audio.bitsPerSample());
        assertEquals(256, audio.frames());
        for (int i = 0; i < 256; i++) {
            // ((i - 128) + (127 - i)) / 128 / 2 = -1/256 for every frame
            assertEquals(-1.0 / 256, audio.mono()[i], 0.0);
        }
        DecodedAudio mono = decode(wav().format(TestWavs.PCM, 8).data(new byte[] {0, (byte) 128, (byte) 255}));
        assertArrayEquals(new double[] {-1.0, 0.0, 127.0 / 128}, mono.mono());
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void ieeeFloat32And64(Container container) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (boolean extensible : new boolean[] {false, true}) {
            for (int channels : new int[] {1, 2, 5}) {
                float[] f32 = new float[FRAMES * channels];
                double[] f64 = new double[FRAMES * channels];
                for (int i = 0; i < f32.length; i++) {
                    f32[i] = (float) random.nextDouble(-1.5, 1.5); // floats may exceed full scale: kept as is
                    f64[i] = random.nextDouble(-1.5, 1.5);
                }
                double[] mean32 = new double[FRAMES];
                double[] mean64 = new double[FRAMES];
                for (int f = 0; f < FRAMES; f++) {
                    for (int c = 0; c < channels; c++) {
                        mean32[f] += f32[f * channels + c];
                        mean64[f] += f64[f * channels + c];
                    }
                    mean32[f] /= channels;
                    mean64[f] /= channels;
                }
                TestWavs w32 = wav().container(container).channels(channels);
                TestWavs w64 = wav().container(container).channels(channels);
                if (extensible) {
                    w32.extensible(TestWavs.IEEE_FLOAT, 32, 32);
                    w64.extensible(TestWavs.IEEE_FLOAT, 64, 64);
                } else {
                    w32.format(TestWavs.IEEE_FLOAT, 32);
                    w64.format(TestWavs.IEEE_FLOAT, 64);
                }
                DecodedAudio a32 = decode(w32.data(TestWavs.floats(f32, w32.order())));
                DecodedAudio a64 = decode(w64.data(TestWavs.doubles(f64, w64.order())));
                assertEquals("pcm_float", a32.encoding());
                assertEquals(32, a32.bitsPerSample());
                assertEquals(64, a64.bitsPerSample());
                assertArrayEquals(mean32, a32.mono());
                assertArrayEquals(mean64, a64.mono());
            }
        }
    }

    @Test
    void muLawMatchesG711() throws IOException {
        // ITU-T G.711 μ-law: code inverted, then sign | segment e | step m; 14-bit magnitude (2m+33)·2^e − 33, ×4.
        byte[] codes = {(byte) 0xFF, (byte) 0x7F, (byte) 0xFE, (byte) 0xEF, (byte) 0x9C, (byte) 0x80, 0x00, 0x1C};
        int[] linear = {
            0,        // 0xFF → 0x00: +, e 0, m 0: (33)·1 − 33 = 0
            0,        // 0x7F → 0x80: −, e 0, m 0: −0
            8,        // 0xFE → 0x01: +, e 0, m 1: (35 − 33)·4 = 8
            132,      // 0xEF → 0x10: +, e 1, m 0: (33·2 − 33)·4 = 132
            9852,     // 0x9C → 0x63: +, e 6, m 3: (39·64 − 33)·4 = 9852
            32124,    // 0x80 → 0x7F: +, e 7, m 15: (63·128 − 33)·4 = 32124
            -32124,   // 0x00 → 0xFF: −, e 7, m 15
            -9852,    // 0x1C → 0xE3: −, e 6, m 3
        };
        checkG711(TestWavs.MULAW, "mulaw", codes, linear);
    }

    @Test
    void aLawMatchesG711() throws IOException {
        // ITU-T G.711 A-law: even bits inverted (XOR 0x55), then sign (1 = +) | segment s | step m;
        // 13-bit magnitude 2m+1 (s = 0) or (2m+33)·2^(s−1), ×8.
        byte[] codes = {(byte) 0xD5, 0x55, (byte) 0xD4, (byte) 0xE7, (byte) 0xAA, 0x2A, (byte) 0xC5, 0x67};
        int[] linear = {
            8,        // 0xD5 → 0x80: +, s 0, m 0: 1·8
            -8,       // 0x55 → 0x00: −, s 0, m 0
            24,       // 0xD4 → 0x81: +, s 0, m 1: 3·8
            1184,     // 0xE7 → 0xB2: +, s 3, m 2: (37·4)·8 = 1184
            32256,    // 0xAA → 0xFF: +, s 7, m 15: (63·64)·8 = 32256
            -32256,   // 0x2A → 0x7F: −, s 7, m 15
            264,      // 0xC5 → 0x90: +, s 1, m 0: 33·8 = 264
            -1184,    // 0x67 → 0x32: −, s 3, m 2
        };
        checkG711(TestWavs.ALAW, "alaw", codes, linear);
    }

    private static void checkG711(int tag, String encoding, byte[] codes, int[] linear) throws IOException {
        DecodedAudio audio = decode(wav().format(tag, 8).rate(8000).data(codes));
        assertEquals(encoding, audio.encoding());
        assertEquals(8, audio.bitsPerSample());
        assertEquals(8000, audio.sampleRateHz());
        for (int i = 0; i < codes.length; i++) {
            assertEquals(linear[i] / 32768.0, audio.mono()[i], 0.0, String.format("code 0x%02X", codes[i]));
        }
        // Stereo: the channel mean of two code words.
        DecodedAudio stereo = decode(wav().format(tag, 8).channels(2).data(new byte[] {codes[3], codes[4]}));
        assertEquals((linear[3] + linear[4]) / 32768.0 / 2, stereo.mono()[0], 0.0);
    }

    @Test
    void channelCountsFrom1To32() throws IOException {
        for (int channels : new int[] {1, 2, 4, 6, 7, 8, 16, 32}) {
            checkInt(Container.RIFF, false, 16, 16, channels);
            checkInt(Container.RIFX, true, 24, 24, channels);
        }
    }

    @Test
    void sampleRatesAreReportedAsWritten() throws IOException {
        for (int rate : new int[] {1000, 1234, 8000, 11025, 22050, 44100, 48000, 96000, 192000, 384000, 768000}) {
            DecodedAudio audio = decode(wav().rate(rate).data(new byte[8]));
            assertEquals(rate, audio.sampleRateHz());
            assertEquals(4, audio.frames());
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void unknownChunksAreSkippedWithOddPadding(Container container) throws IOException {
        long[] samples = intSamples(2, 16, 16);
        TestWavs plain = wav().container(container).channels(2);
        byte[] data = TestWavs.ints(samples, 2, plain.order());
        DecodedAudio reference = decode(plain.data(data));
        TestWavs decorated = wav().container(container).channels(2).data(data)
                .chunkBefore("LIST", 27).chunkBefore("bext", 602).chunkBefore("fact", 4).chunkBefore("JUNK", 1)
                .chunkBefore("PEAK", 24).chunkAfter("cue ", 5).chunkAfter("LIST", 13);
        DecodedAudio audio = decode(decorated);
        assertEquals(FRAMES, audio.frames());
        assertEquals(List.of(), audio.warnings());
        assertArrayEquals(reference.mono(), audio.mono());
    }

    @Test
    void oddDataChunkFollowedByChunksAndPartialFrame() throws IOException {
        // 3 bytes of 16-bit mono: one frame and a stray byte, then a padded cue chunk that must not be decoded.
        DecodedAudio audio = decode(wav().data(TestWavs.ints(new long[] {16384, 0}, 2, ByteOrder.LITTLE_ENDIAN))
                .dataSizeField(3).chunkAfter("cue ", 8));
        assertEquals(1, audio.frames());
        assertEquals(0.5, audio.mono()[0]);
        assertEquals(List.of("data chunk ends with a partial frame: last 1 bytes ignored"), audio.warnings());
    }

    @Test
    void dataBeforeFmtIsFound() throws IOException {
        byte[] good = wav().data(TestWavs.ints(new long[] {-16384, 8192}, 2, ByteOrder.LITTLE_ENDIAN)).bytes();
        // Swap the chunks: RIFF hdr (12) | fmt (24) | data (8 + 4) → RIFF hdr | data | fmt
        byte[] swapped = new byte[good.length];
        System.arraycopy(good, 0, swapped, 0, 12);
        System.arraycopy(good, 36, swapped, 12, 12);
        System.arraycopy(good, 12, swapped, 24, 24);
        assertArrayEquals(new double[] {-0.5, 0.25}, WavDecoder.decode(new ByteArrayChannel(swapped)).mono());
    }

    @Test
    void dataSizePlaceholderReadsToEndOfFile() throws IOException {
        long[] samples = intSamples(1, 24, 24);
        for (Container container : Container.values()) {
            TestWavs wav = wav().container(container).format(TestWavs.PCM, 24).dataSizeField(0xFFFFFFFFL);
            DecodedAudio audio = decode(wav.data(TestWavs.ints(samples, 3, wav.order())));
            assertEquals(FRAMES, audio.frames(), container.name());
            assertEquals(List.of(), audio.warnings(), container.name());
            assertArrayEquals(expectedMean(samples, 1, 24), audio.mono(), container.name());
        }
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws IOException {
        // The ds64 says 1000 frames; 4 more bytes follow the data (not a chunk): they must not be decoded.
        long[] samples = intSamples(1, 16, 16);
        byte[] withTail = java.util.Arrays.copyOf(TestWavs.ints(samples, 2, ByteOrder.LITTLE_ENDIAN), 2 * FRAMES);
        byte[] file = wav().container(Container.RF64).data(withTail).bytes();
        byte[] longer = java.util.Arrays.copyOf(file, file.length + 4);
        DecodedAudio audio = WavDecoder.decode(new ByteArrayChannel(longer));
        assertEquals(FRAMES, audio.frames());
        assertArrayEquals(expectedMean(samples, 1, 16), audio.mono());
    }

    @Test
    void rf64WithoutADataSizeReadsToEndOfFile() throws IOException {
        // A writer interrupted before it filled in the ds64 leaves dataSize 0 next to the 0xFFFFFFFF placeholder.
        long[] samples = intSamples(2, 16, 16);
        byte[] file = wav().container(Container.RF64).channels(2)
                .data(TestWavs.ints(samples, 2, ByteOrder.LITTLE_ENDIAN)).bytes();
        // ds64 dataSize: after the RF64 header, WAVE, the ds64 header and riffSize
        java.util.Arrays.fill(file, 20 + 8, 20 + 16, (byte) 0);
        DecodedAudio audio = WavDecoder.decode(new ByteArrayChannel(file));
        assertEquals(FRAMES, audio.frames());
        assertArrayEquals(expectedMean(samples, 2, 16), audio.mono());
        // "BW64" (ITU-R BS.2088) is the same layout under another name.
        file[0] = 'B';
        file[1] = 'W';
        assertEquals(FRAMES, WavDecoder.decode(new ByteArrayChannel(file)).frames());
    }

    @Test
    void shortFmtAndDs64Chunks() {
        byte[] shortFmt = wav().data(new byte[4]).bytes();
        putLe32(shortFmt, 16, 14);
        assertEquals("fmt chunk too short: 14 bytes, at least 16 needed", rejected(shortFmt).getMessage());
        byte[] shortDs64 = wav().container(Container.RF64).data(new byte[4]).bytes();
        putLe32(shortDs64, 16, 16);
        assertEquals("truncated header: ds64 chunk has 16 bytes, 24 needed", rejected(shortDs64).getMessage());
        byte[] shortExtensible = wav().data(new byte[4]).bytes();
        shortExtensible[20] = (byte) 0xFE; // format tag 0xFFFE in a 16-byte fmt chunk
        shortExtensible[21] = (byte) 0xFF;
        assertEquals("extensible fmt chunk too short: 16 bytes, 40 needed", rejected(shortExtensible).getMessage());
    }

    @Test
    void streamReadsInBlocksLikeDecode() throws IOException {
        long[] samples = intSamples(3, 20, 24);
        TestWavs wav = wav().channels(3).format(TestWavs.PCM, 20);
        byte[] bytes = wav.data(TestWavs.ints(samples, 3, wav.order())).bytes();
        try (WavStream stream = WavDecoder.open(new ByteArrayChannel(bytes))) {
            WavFormat format = stream.format();
            assertEquals(new WavFormat("RIFF", "pcm_int", 48000, 3, 20, 24, 9, FRAMES), format);
            assertEquals(FRAMES, stream.frames());
            double[] mono = new double[FRAMES + 100];
            int n = 0;
            int r;
            while ((r = stream.readMono(mono, 5 + n, 77)) > 0) {
                assertTrue(r <= 77);
                n += r;
            }
            assertEquals(-1, r);
            assertEquals(FRAMES, n);
            assertArrayEquals(expectedMean(samples, 3, 24), java.util.Arrays.copyOfRange(mono, 5, 5 + FRAMES));
            assertEquals(-1, stream.readMono(mono, 0, 10));
        }
    }

    @Test
    void decodesFromAFile() throws IOException {
        long[] samples = intSamples(2, 16, 16);
        Path file = wav().channels(2).data(TestWavs.ints(samples, 2, ByteOrder.LITTLE_ENDIAN)).write(dir, "a.wav");
        DecodedAudio audio = WavDecoder.decode(file);
        assertArrayEquals(expectedMean(samples, 2, 16), audio.mono());
    }

    // ---- bad input: each case names what is wrong ----

    @Test
    void emptyFile() {
        assertEquals("empty file", rejected(new byte[0]).getMessage());
    }

    @Test
    void textFile() {
        assertEquals("not a WAV file (no RIFF/RIFX/RF64 header)",
                rejected(TestWavs.ascii("Hello, this is a text file.\n")).getMessage());
        assertEquals("not a WAV file (no RIFF/RIFX/RF64 header)", rejected(TestWavs.ascii("RI")).getMessage());
        assertEquals("not a WAV file (RIFF form type 'AVI ', not 'WAVE')",
                rejected(TestWavs.ascii("RIFF\0\0\0\0AVI LIST")).getMessage());
    }

    @Test
    void truncatedHeader() {
        byte[] good = wav().data(new byte[100]).bytes();
        assertEquals("truncated header: the file has 10 bytes, a WAV header needs at least 12",
                rejected(java.util.Arrays.copyOf(good, 10)).getMessage());
        assertEquals("truncated header: fmt chunk declares 16 bytes, 7 present",
                rejected(java.util.Arrays.copyOf(good, 27)).getMessage());
        assertEquals("truncated header: no fmt chunk, the file ends inside a chunk header",
                rejected(java.util.Arrays.copyOf(good, 16)).getMessage());
        assertEquals("truncated header: no data chunk, the file ends inside a chunk header",
                rejected(java.util.Arrays.copyOf(good, 40)).getMessage());
    }

    @Test
    void noFmtChunk() {
        byte[] good = wav().data(new byte[4]).bytes();
        byte[] noFmt = new byte[good.length - 24];
        System.arraycopy(good, 0, noFmt, 0, 12);
        System.arraycopy(good, 36, noFmt, 12, noFmt.length - 12);
        assertEquals("no fmt chunk", rejected(noFmt).getMessage());
    }

    @Test
    void noDataChunk() {
        byte[] good = wav().data(new byte[4]).bytes();
        assertEquals("no data chunk", rejected(java.util.Arrays.copyOf(good, 36)).getMessage());
    }

    @Test
    void zeroChannelsAndZeroRate() {
        assertEquals("zero channels", rejected(wav().channels(0).blockAlign(0).data(new byte[4])).getMessage());
        assertEquals("zero sample rate", rejected(wav().rate(0).data(new byte[4])).getMessage());
    }

    @Test
    void blockAlignInconsistent() {
        assertEquals("block align 4 inconsistent with 1 channels × 3 bytes per sample",
                rejected(wav().format(TestWavs.PCM, 24).blockAlign(4).data(new byte[12])).getMessage());
        assertEquals("block align 3 inconsistent with 2 channels × 2 bytes per sample",
                rejected(wav().channels(2).blockAlign(3).data(new byte[12])).getMessage());
    }

    @Test
    void bitsNotSupported() {
        assertEquals("bits not supported: 40-bit integer PCM (8, 16, 24 or 32-bit containers)",
                rejected(wav().format(TestWavs.PCM, 40)).getMessage());
        assertEquals("bits not supported: 0-bit integer PCM (8, 16, 24 or 32-bit containers)",
                rejected(wav().format(TestWavs.PCM, 0)).getMessage());
        assertEquals("bits not supported: 16-bit IEEE float (32 or 64 bits)",
                rejected(wav().format(TestWavs.IEEE_FLOAT, 16)).getMessage());
        assertEquals("bits not supported: 16-bit μ-law (8 bits)",
                rejected(wav().format(TestWavs.MULAW, 16)).getMessage());
        assertEquals("bits not supported: 20-bit integer PCM (8, 16, 24 or 32-bit containers)",
                rejected(wav().extensible(TestWavs.PCM, 20, 20)).getMessage());
        assertEquals("valid bits (24) exceed the 16-bit container",
                rejected(wav().extensible(TestWavs.PCM, 16, 24)).getMessage());
    }

    @Test
    void unsupportedFormatTagsAreNamed() {
        assertEquals("unsupported encoding: format tag 0x0002 (Microsoft ADPCM)",
                rejected(wav().format(0x0002, 4)).getMessage());
        assertEquals("unsupported encoding: format tag 0x0011 (IMA ADPCM)",
                rejected(wav().format(0x0011, 4)).getMessage());
        assertEquals("unsupported encoding: format tag 0x0055 (MPEG Layer 3)",
                rejected(wav().format(0x0055, 0)).getMessage());
        assertEquals("unsupported encoding: format tag 0x1234", rejected(wav().format(0x1234, 16)).getMessage());
        assertEquals("unsupported encoding: extensible sub-format {00000002-0000-0010-8000-00AA00389B71}",
                rejected(wav().extensible(0x0002, 16, 16)).getMessage());
    }

    @Test
    void extensibleGuidIsCheckedWhole() {
        byte[] bytes = wav().extensible(TestWavs.PCM, 16, 16).data(new byte[4]).bytes();
        bytes[12 + 8 + 24 + 15] ^= 1; // last byte of the SubFormat GUID
        assertEquals("unsupported encoding: extensible sub-format {00000001-0000-0010-8000-00AA00389B70}",
                rejected(bytes).getMessage());
    }

    @Test
    void hugeDeclaredSizesAreCheckedAgainstTheFile() throws IOException {
        byte[] good = wav().data(new byte[1000]).bytes();
        byte[] hugeFmt = good.clone();
        putLe32(hugeFmt, 16, 0x7FFFFFF0);
        assertEquals("truncated header: fmt chunk declares 2147483632 bytes, 1024 present",
                rejected(hugeFmt).getMessage());
        byte[] hugeList = wav().chunkBefore("LIST", 4).data(new byte[1000]).bytes();
        putLe32(hugeList, 16, 0xFFFFFFF0);
        assertEquals("no fmt chunk (chunk 'LIST' at byte 12 declares 4294967280 bytes, 1036 present)",
                rejected(hugeList).getMessage());
        byte[] hugeData = good.clone();
        putLe32(hugeData, 40, 0x80000000);
        DecodedAudio audio = WavDecoder.decode(new ByteArrayChannel(hugeData));
        assertEquals(500, audio.frames());
        assertEquals(List.of("truncated: data chunk declares 2147483648 bytes, 1000 present"), audio.warnings());
    }

    @Test
    void truncatedDataIsDecodedAsFarAsItGoes() throws IOException {
        long[] samples = intSamples(2, 16, 16);
        byte[] full = wav().channels(2).data(TestWavs.ints(samples, 2, ByteOrder.LITTLE_ENDIAN)).bytes();
        byte[] cut = java.util.Arrays.copyOf(full, 44 + 1204 + 3); // 301 frames and 3 bytes of the next
        DecodedAudio audio = WavDecoder.decode(new ByteArrayChannel(cut));
        assertEquals(301, audio.frames());
        assertEquals(List.of("truncated: data chunk declares 4000 bytes, 1207 present"), audio.warnings());
        assertArrayEquals(java.util.Arrays.copyOf(expectedMean(samples, 2, 16), 301), audio.mono());
    }

    @Test
    void nonFiniteFloatSamplesNameTheFrame() {
        float[] f32 = new float[2 * 3000];
        f32[2 * 1234 + 1] = Float.NaN;
        assertEquals("non-finite sample (NaN) at frame 1234", rejected(wav().format(TestWavs.IEEE_FLOAT, 32)
                .channels(2).data(TestWavs.floats(f32, ByteOrder.LITTLE_ENDIAN))).getMessage());
        double[] f64 = new double[3000];
        f64[2999] = Double.NEGATIVE_INFINITY;
        f64[2000] = Double.POSITIVE_INFINITY;
        assertEquals("non-finite sample (+Inf) at frame 2000", rejected(wav().container(Container.RIFX)
                .format(TestWavs.IEEE_FLOAT, 64).data(TestWavs.doubles(f64, ByteOrder.BIG_ENDIAN))).getMessage());
    }

    @Test
    void hugeFiniteFloat64SamplesHaveAFiniteMean() throws IOException {
        double big = Double.MAX_VALUE * 0.75;
        double max = Double.MAX_VALUE;
        DecodedAudio stereo = decode(wav().format(TestWavs.IEEE_FLOAT, 64).channels(2)
                .data(TestWavs.doubles(new double[] {big, big, -max, -max}, ByteOrder.LITTLE_ENDIAN)));
        assertArrayEquals(new double[] {big, -max}, stereo.mono());
        // Three channels at MAX_VALUE: even the sum of MAX_VALUE / 3 rounds past MAX_VALUE.
        DecodedAudio three = decode(wav().format(TestWavs.IEEE_FLOAT, 64).channels(3)
                .data(TestWavs.doubles(new double[] {max, max, max}, ByteOrder.LITTLE_ENDIAN)));
        assertEquals(max, three.mono()[0]);
    }

    @Test
    void directoryAndMissingFile() throws IOException {
        IOException directory = assertThrows(IOException.class, () -> WavDecoder.decode(dir));
        assertEquals("is a directory, not a WAV file", directory.getMessage());
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> WavDecoder.decode(dir.resolve("missing.wav")));
        assertEquals("no such file", missing.getMessage());
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        assertEquals("empty file", assertThrows(WavFormatException.class, () -> WavDecoder.decode(empty)).getMessage());
    }

    private static void putLe32(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >> (8 * i));
        }
    }
}
