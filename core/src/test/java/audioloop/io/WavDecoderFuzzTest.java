package audioloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Arbitrary bytes either decode to finite samples no more numerous than the input bytes, or fail with a
 * one-line WavFormatException; nothing else (no other exception, no hang, no huge allocation).
 *
 * <p>A plain {@code mvn test} replays the seeds in src/test/resources/audioloop/io/WavDecoderFuzzTestInputs
 * (regression mode). To fuzz: {@code JAZZER_FUZZ=1 mvn test -Dtest=WavDecoderFuzzTest}; findings land in
 * that folder and become regression seeds.
 */
class WavDecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void decodesOrRejectsInWords(byte[] input) throws IOException {
        DecodedAudio audio;
        try {
            audio = WavDecoder.decode(new ByteArrayChannel(input));
        } catch (WavFormatException e) {
            String message = e.getMessage();
            assertFalse(message == null || message.isBlank() || message.contains("\n"), "message: " + message);
            return;
        }
        assertTrue(audio.frames() <= input.length, "frames beyond the input size");
        assertEquals(audio.frames(), audio.mono().length);
        assertTrue(audio.channels() >= 1 && audio.sampleRateHz() >= 1);
        for (double x : audio.mono()) {
            assertTrue(Double.isFinite(x), "non-finite sample");
        }
    }
}
