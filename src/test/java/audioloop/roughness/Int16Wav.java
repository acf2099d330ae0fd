package audioloop.roughness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only reader for the mono 16-bit PCM WAVs of shared/signals/mosqito, scaled as the reference harness
 * scales them (sample / 2^15 × calibration; notes/mosqito.md §1.3). The production decoder lives in audioloop.io.
 */
record Int16Wav(double[] samples, int sampleRateHz) {
    static Int16Wav read(Path file, double pascalPerFullScale) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int sampleRate = -1;
        int pos = 12; // after "RIFF", size, "WAVE"
        while (pos + 8 <= bytes.limit()) {
            String id = new String(bytes.array(), pos, 4, StandardCharsets.US_ASCII);
            int size = bytes.getInt(pos + 4);
            if (id.equals("fmt ")) {
                if (bytes.getShort(pos + 8) != 1 || bytes.getShort(pos + 10) != 1 || bytes.getShort(pos + 22) != 16) {
                    throw new IOException(file + ": not mono 16-bit PCM");
                }
                sampleRate = bytes.getInt(pos + 12);
            } else if (id.equals("data")) {
                double[] x = new double[size / 2];
                for (int i = 0; i < x.length; i++) {
                    x[i] = bytes.getShort(pos + 8 + 2 * i) / 32768.0 * pascalPerFullScale;
                }
                return new Int16Wav(x, sampleRate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(file + ": no data chunk");
    }
}
