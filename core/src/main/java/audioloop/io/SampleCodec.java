package audioloop.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One tight loop per sample encoding: raw frames in a ByteBuffer (already in the file's byte order) to the
 * channel mean, full scale = 1.0. Each loop runs over a whole block, so the per-block virtual call is the
 * only dispatch. Input scaling follows spec/cli.md: integer PCM / 2^(containerBits-1), 8-bit unsigned
 * (x-128)/128, float as is; the mean is sum / channels.
 */
enum SampleCodec {
    UINT8(8) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = channels;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                long sum = 0;
                for (int c = first; c < first + used; c++) {
                    sum += (frames.get(p + c) & 0xFF) - 128;
                }
                dst[off + f] = sum * 0x1p-7 / used;
            }
        }
    },
    INT16(16) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = 2 * channels;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                long sum = 0;
                for (int c = first; c < first + used; c++) {
                    sum += frames.getShort(p + 2 * c);
                }
                dst[off + f] = sum * 0x1p-15 / used;
            }
        }
    },
    INT24(24) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = 3 * channels;
            // Offsets of the low, middle and (signed) high byte inside a 3-byte sample.
            boolean little = frames.order() == ByteOrder.LITTLE_ENDIAN;
            int lo = little ? 0 : 2;
            int hi = little ? 2 : 0;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                long sum = 0;
                for (int c = first; c < first + used; c++) {
                    int q = p + 3 * c;
                    sum += (frames.get(q + hi) << 16) | ((frames.get(q + 1) & 0xFF) << 8) | (frames.get(q + lo) & 0xFF);
                }
                dst[off + f] = sum * 0x1p-23 / used;
            }
        }
    },
    INT32(32) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = 4 * channels;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                long sum = 0;
                for (int c = first; c < first + used; c++) {
                    sum += frames.getInt(p + 4 * c);
                }
                dst[off + f] = sum * 0x1p-31 / used;
            }
        }
    },
    FLOAT32(32) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = 4 * channels;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                double sum = 0;
                for (int c = first; c < first + used; c++) {
                    sum += frames.getFloat(p + 4 * c);
                }
                dst[off + f] = sum / used;
            }
        }
    },
    FLOAT64(64) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            int blockAlign = 8 * channels;
            for (int f = 0; f < count; f++) {
                int p = f * blockAlign;
                double sum = 0;
                for (int c = first; c < first + used; c++) {
                    sum += frames.getDouble(p + 8 * c);
                }
                double mean = sum / used;
                if (Double.isInfinite(mean)) {
                    // Finite samples near ±Double.MAX_VALUE can overflow the sum (and, rounded, even the sum
                    // of x / channels), yet their true mean lies within ±MAX_VALUE. Non-finite samples keep
                    // the mean non-finite; WavStream reports them.
                    double scaled = 0;
                    boolean finite = true;
                    for (int c = first; c < first + used; c++) {
                        double x = frames.getDouble(p + 8 * c);
                        finite &= Double.isFinite(x);
                        scaled += x / used;
                    }
                    if (finite) {
                        mean = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, scaled));
                    }
                }
                dst[off + f] = mean;
            }
        }
    },
    MULAW(8) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            decodeTable(MULAW_LINEAR, frames, count, channels, first, used, dst, off);
        }
    },
    ALAW(8) {
        @Override
        void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off) {
            decodeTable(ALAW_LINEAR, frames, count, channels, first, used, dst, off);
        }
    };

    /** G.711 code word to 16-bit linear, indexed by the unsigned byte. */
    private static final int[] MULAW_LINEAR = new int[256];
    private static final int[] ALAW_LINEAR = new int[256];

    static {
        for (int code = 0; code < 256; code++) {
            MULAW_LINEAR[code] = muLawToLinear(code);
            ALAW_LINEAR[code] = aLawToLinear(code);
        }
    }

    final int containerBits;

    SampleCodec(int containerBits) {
        this.containerBits = containerBits;
    }

    /**
     * Decodes {@code count} frames of {@code channels} interleaved channels, starting at index 0 of {@code frames},
     * into dst[off, off + count): the mean of channels {@code first} … {@code first + used − 1} (all of them for
     * the mono mix, one for a single channel).
     */
    abstract void decode(ByteBuffer frames, int count, int channels, int first, int used, double[] dst, int off);

    private static void decodeTable(int[] linear, ByteBuffer frames, int count, int channels, int first, int used,
                                    double[] dst, int off) {
        for (int f = 0; f < count; f++) {
            int p = f * channels;
            long sum = 0;
            for (int c = first; c < first + used; c++) {
                sum += linear[frames.get(p + c) & 0xFF];
            }
            dst[off + f] = sum * 0x1p-15 / used;
        }
    }

    /**
     * ITU-T G.711 μ-law expansion, scaled to 16 bits: the code word is transmitted inverted; sign bit 7
     * (1 = negative after inversion), segment (exponent) in bits 6-4, step (mantissa) in bits 3-0; the
     * 14-bit magnitude is (2·mantissa + 33)·2^exponent − 33, times 4 for 16 bits.
     */
    static int muLawToLinear(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /**
     * ITU-T G.711 A-law expansion, scaled to 16 bits: even bits are inverted on the line (XOR 0x55); sign
     * bit 7 (1 = positive), segment in bits 6-4, step in bits 3-0; the 13-bit magnitude is 2·step + 1 in
     * segment 0 and (2·step + 33)·2^(segment−1) above, times 8 for 16 bits.
     */
    static int aLawToLinear(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int segment = (a >> 4) & 0x07;
        int step = a & 0x0F;
        int magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
