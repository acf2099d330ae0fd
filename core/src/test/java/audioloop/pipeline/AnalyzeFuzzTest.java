package audioloop.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.io.WavFiles;
import audioloop.loudness.SoundField;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * The whole analysis (decode, resample, every metric) on short WAVs whose header fields and samples come from the
 * fuzzer: it either fails in words with an IOException (the file is not one we analyse) or yields a result in
 * which every number is finite or null. Anything else — another exception, a NaN, a hang — is a finding.
 *
 * <p>Input layout: byte 0 picks the sample rate from {@link #RATES} (supported ones and the first rejected ones on
 * either side), byte 1 the channel count (1 … 8), byte 2 the encoding from {@link #ENCODINGS}, byte 3 the sound
 * field (bit 0) and the calibration (bits 1-2, from {@link #CALIBRATIONS_PA}), byte 4 the duration (0 … 0.3 s in
 * 255 steps); the remaining bytes are sample data, repeated to fill the duration (none: an empty data chunk).
 *
 * <p>A plain {@code mvn test} replays the seeds in src/test/resources/audioloop/pipeline/AnalyzeFuzzTestInputs
 * (sample data from testdata/demo.wav and the decoder's seeds). To fuzz: {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=AnalyzeFuzzTest}; findings land in that folder and become regression seeds.
 */
class AnalyzeFuzzTest {
    static final int[] RATES = {999, 1000, 1234, 8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000,
        192000, 768000, 768001};
    /** {format tag, bits per sample}. */
    static final int[][] ENCODINGS = {{WavFiles.PCM, 8}, {WavFiles.PCM, 16}, {WavFiles.PCM, 24},
        {WavFiles.PCM, 32}, {WavFiles.IEEE_FLOAT, 32}, {WavFiles.IEEE_FLOAT, 64}, {WavFiles.ALAW, 8},
        {WavFiles.MULAW, 8}};
    static final double[] CALIBRATIONS_PA = {1.0, 2 * Math.sqrt(2), 1e-3, AnalysisOptions.MAX_CALIBRATION_PA_PER_FS};
    static final double MAX_DURATION_S = 0.3;
    private static final int HEADER_BYTES = 5;
    /** One file rewritten by every execution (executions run one after another). */
    private static final Path SCRATCH = scratchFile();

    @FuzzTest(maxDuration = "5m")
    void analysesOrFailsInWords(byte[] input) throws IOException {
        if (input.length < HEADER_BYTES) {
            return;
        }
        int rate = RATES[Byte.toUnsignedInt(input[0]) % RATES.length];
        int channels = 1 + Byte.toUnsignedInt(input[1]) % 8;
        int[] encoding = ENCODINGS[Byte.toUnsignedInt(input[2]) % ENCODINGS.length];
        int flags = Byte.toUnsignedInt(input[3]);
        SoundField field = (flags & 1) == 0 ? SoundField.FREE : SoundField.DIFFUSE;
        double calibration = CALIBRATIONS_PA[(flags >> 1) & 3];
        int blockAlign = channels * encoding[1] / 8;
        long frames = Math.round(Byte.toUnsignedInt(input[4]) / 255.0 * MAX_DURATION_S * rate);
        byte[] samples = Arrays.copyOfRange(input, HEADER_BYTES, input.length);
        byte[] data = new byte[samples.length < blockAlign ? 0 : Math.toIntExact(frames * blockAlign)];
        for (int i = 0; i < data.length; i++) {
            data[i] = samples[i % samples.length];
        }
        Path wav = Files.write(SCRATCH, WavFiles.encodedBytes(encoding[0], encoding[1], channels, rate, data));

        AnalysisOptions options = new AnalysisOptions(calibration, field, EnumSet.allOf(Metric.class), true);
        FileAnalysis result;
        try {
            result = new Analyzer(options, ForkJoinPool.commonPool()).analyze(wav, "fuzz.wav");
        } catch (IOException e) {
            String message = e.getMessage();
            assertFalse(message == null || message.isBlank() || message.contains("\n"), "message: " + message);
            return;
        }
        assertFinite("summary", result.summary());
        assertFinite("spectral", result.spectral());
        assertFinite("series", result.series());
        assertFinite("input", result.input());
        assertFinite("sections", result.sections());
    }

    private static Path scratchFile() {
        try {
            Path file = Files.createTempFile("audioloop-fuzz", ".wav");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Every number inside {@code value} (maps, lists, arrays) is finite; null is allowed (a metric not computed). */
    static void assertFinite(String path, Object value) {
        if (value instanceof Double d) {
            assertTrue(Double.isFinite(d), path + " = " + d);
        } else if (value instanceof double[] array) {
            for (int i = 0; i < array.length; i++) {
                assertTrue(Double.isFinite(array[i]), path + "[" + i + "] = " + array[i]);
            }
        } else if (value instanceof double[][] rows) {
            for (int i = 0; i < rows.length; i++) {
                assertFinite(path + "[" + i + "]", rows[i]);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> assertFinite(path + "." + k, v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertFinite(path + "[" + i + "]", list.get(i));
            }
        } else {
            assertTrue(value == null || value instanceof Number || value instanceof String || value instanceof Boolean,
                    () -> path + " has an unexpected type " + value.getClass());
        }
    }
}
