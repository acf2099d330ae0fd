package audioloop.spectral;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

/**
 * Test-only access to the librosa reference: the 48 kHz WAVs of shared/signals/librosa (a minimal RIFF reader,
 * float32 or int16 PCM, channels averaged as the harness does), the mel filterbank stored in the reference JSON
 * (standing in for the production filterbank) and the reference frame series.
 */
final class LibrosaFixture {
    static final String[] FILES_48K = {
        "tones_48k_mono_f32.wav", "chirp_48k_mono_f32.wav", "pink_48k_mono_f32.wav", "clicks120_48k_mono_f32.wav"};

    private LibrosaFixture() {
    }

    static JsonNode file(String name) {
        return SharedData.reference("librosa.json").get("files").get(name);
    }

    static double[] samples(String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(SharedData.signal("librosa", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int format = 0;
        int channels = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id.equals("fmt ")) {
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2);
                bits = b.getShort(body + 14);
                if (format == 0xFFFE) {
                    format = b.getShort(body + 24) & 0xffff; // WAVE_FORMAT_EXTENSIBLE sub-format
                }
            } else if (id.equals("data")) {
                int width = bits / 8;
                int frames = size / (width * channels);
                double[] y = new double[frames];
                for (int i = 0; i < frames; i++) {
                    double sum = 0.0;
                    for (int c = 0; c < channels; c++) {
                        int at = body + (i * channels + c) * width;
                        if (format == 3 && bits == 32) {
                            sum += b.getFloat(at);
                        } else if (format == 1 && bits == 16) {
                            sum += b.getShort(at) / 32768.0;
                        } else {
                            throw new IllegalStateException("test reader: format " + format + "/" + bits);
                        }
                    }
                    y[i] = sum / channels;
                }
                return y;
            }
            pos = body + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk in " + name);
    }

    /** Mel power {@code [frame][128]} from filterbanks.mel.rows_sparse (float32 weights) applied to |X|². */
    static double[][] melPower(double[][] magnitude) {
        JsonNode rows = SharedData.reference("librosa.json").get("filterbanks").get("mel").get("rows_sparse");
        int bands = rows.size();
        int[] start = new int[bands];
        double[][] weights = new double[bands][];
        for (int m = 0; m < bands; m++) {
            start[m] = rows.get(m).get("start_bin").asInt();
            weights[m] = SharedData.doubles(rows.get(m).get("weights"));
        }
        double[][] mel = new double[magnitude.length][bands];
        for (int t = 0; t < magnitude.length; t++) {
            for (int m = 0; m < bands; m++) {
                double s = 0.0;
                for (int i = 0; i < weights[m].length; i++) {
                    double x = magnitude[t][start[m] + i];
                    s += weights[m][i] * (x * x);
                }
                mel[t][m] = s;
            }
        }
        return mel;
    }

    /** A reference series of one feature: {@code [row][frame]} for 2-D features, one row for 1-D ones. */
    static double[][] series(String name, String feature) {
        JsonNode s = file(name).get("features").get(feature).get("series");
        if (!s.get(0).isArray()) {
            return new double[][] {SharedData.doubles(s)};
        }
        double[][] out = new double[s.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = SharedData.doubles(s.get(r));
        }
        return out;
    }

    /** max |actual − expected| / max |expected| over all rows and frames; actual is {@code [frame][row]}. */
    static double relativeError(double[][] actualByFrame, double[][] expectedByRow) {
        double maxRef = 0.0;
        double maxErr = 0.0;
        for (int r = 0; r < expectedByRow.length; r++) {
            for (int t = 0; t < expectedByRow[r].length; t++) {
                maxRef = Math.max(maxRef, Math.abs(expectedByRow[r][t]));
                maxErr = Math.max(maxErr, Math.abs(actualByFrame[t][r] - expectedByRow[r][t]));
            }
        }
        return maxErr / maxRef;
    }
}
