package audioloop.spectral;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only reader for the reference WAVs (RIFF, 16-bit PCM or 32-bit float): channel mean as the librosa harness
 * computes it (int16 / 32768, then np.mean over channels). Not a decoder: the production one lives in audioloop.io.
 */
record WavFixture(int sampleRateHz, double[] mono) {

    static WavFixture read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            throw new IOException(path + ": not RIFF/WAVE");
        }
        int format = 0;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                if (format == 0xFFFE) { // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
                    format = b.getShort(body + 24) & 0xffff;
                }
            } else if (id == 0x61746164) { // "data"
                int frames = size / (channels * bits / 8);
                double[] mono = new double[frames];
                for (int i = 0; i < frames; i++) {
                    double sum = 0.0;
                    for (int c = 0; c < channels; c++) {
                        int at = body + (i * channels + c) * bits / 8;
                        if (format == 3 && bits == 32) {
                            sum += b.getFloat(at);
                        } else if (format == 1 && bits == 16) {
                            sum += b.getShort(at) / 32768.0;
                        } else {
                            throw new IOException(path + ": unsupported format " + format + "/" + bits);
                        }
                    }
                    mono[i] = sum / channels;
                }
                return new WavFixture(rate, mono);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException(path + ": no data chunk");
    }
}
