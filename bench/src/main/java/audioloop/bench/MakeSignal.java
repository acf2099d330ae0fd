package audioloop.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link TestSignal} as a 16-bit PCM RIFF WAV, streaming (a one-hour file is never held in memory as bytes):
 * {@code java -cp bench/target/benchmarks.jar audioloop.bench.MakeSignal SECONDS RATE CHANNELS OUT.wav}.
 * testdata/demo.wav was made with {@code MakeSignal 4 44100 2 testdata/demo.wav}.
 */
public final class MakeSignal {
    private MakeSignal() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: MakeSignal SECONDS RATE CHANNELS OUT.wav");
            System.exit(2);
        }
        write(Path.of(args[3]), Double.parseDouble(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    public static void write(Path out, double seconds, int sampleRateHz, int channels) throws IOException {
        final double blockSeconds = 10;
        long frames = Math.round(seconds * sampleRateHz);
        long dataBytes = frames * channels * 2;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                    .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) channels).putInt(sampleRateHz)
                    .putInt(sampleRateHz * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                    .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            os.write(header.array());
            long written = 0;
            long seed = 1;
            while (written < frames) {
                // Each block is its own deterministic stretch of the signal (new seed per block).
                int n = (int) Math.min(frames - written, Math.round(blockSeconds * sampleRateHz));
                double[] x = TestSignal.mono(sampleRateHz, n / (double) sampleRateHz, seed++);
                ByteBuffer block = ByteBuffer.allocate(x.length * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (double v : x) {
                    for (int c = 0; c < channels; c++) {
                        double scaled = (c % 2 == 0 ? v : 0.8 * v) * 32768.0;
                        block.putShort((short) Math.max(-32768, Math.min(32767, Math.round(scaled))));
                    }
                }
                os.write(block.array());
                written += n;
            }
        }
    }
}
