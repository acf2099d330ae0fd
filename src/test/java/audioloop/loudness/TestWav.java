package audioloop.loudness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test-only reader for the shared 16-bit mono PCM WAVs: samples / 32768 × calibration (Pa per full scale). */
final class TestWav {
    final int sampleRate;
    final double[] pressurePa;

    private TestWav(int sampleRate, double[] pressurePa) {
        this.sampleRate = sampleRate;
        this.pressurePa = pressurePa;
    }

    static TestWav read(Path file, double paPerFullScale) {
        ByteBuffer buf;
        try {
            buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException(file + ": not RIFF/WAVE");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= buf.limit()) {
            int id = buf.getInt(pos);
            int size = buf.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (buf.getShort(body) != 1 || buf.getShort(body + 2) != 1 || buf.getShort(body + 14) != 16) {
                    throw new IllegalArgumentException(file + ": not 16-bit mono PCM");
                }
                rate = buf.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                int n = Math.min(size, buf.limit() - body) / 2;
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = buf.getShort(body + 2 * i) / 32768.0 * paPerFullScale;
                }
                return new TestWav(rate, x);
            }
            pos = body + size + (size & 1);
        }
        throw new IllegalArgumentException(file + ": no data chunk");
    }
}
