package audioloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared reference WAVs decode to the format the oracles saw, and (MoSQITo set) to the same level. */
class SharedSignalsDecodeTest {
    @Test
    void librosaSignalsMatchSoundfile() throws IOException {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = SharedData.reference("librosa.json").get("files").fields();
                it.hasNext(); checked++) {
            Map.Entry<String, JsonNode> file = it.next();
            JsonNode input = file.getValue().get("input");
            DecodedAudio audio = WavDecoder.decode(SharedData.signal("librosa", file.getKey()));
            String what = file.getKey();
            assertEquals(input.get("sample_rate").asInt(), audio.sampleRateHz(), what);
            assertEquals(input.get("channels").asInt(), audio.channels(), what);
            assertEquals(input.get("n_samples").asLong(), audio.frames(), what);
            boolean float32 = input.get("subtype").asText().equals("FLOAT");
            assertEquals(float32 ? "pcm_float" : "pcm_int", audio.encoding(), what);
            assertEquals(float32 ? 32 : 16, audio.bitsPerSample(), what);
            assertEquals(audio.frames(), audio.mono().length, what);
            assertEquals(java.util.List.of(), audio.warnings(), what);
        }
        assertEquals(6, checked);
    }

    @Test
    void mosqitoSignalsMatchTheHarnessLevel() throws IOException {
        int checked = 0;
        double worstDb = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = SharedData.reference("mosqito.json").get("files").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            JsonNode ref = file.getValue();
            JsonNode input = ref.get("input");
            DecodedAudio audio = WavDecoder.decode(SharedData.signal("mosqito", file.getKey()));
            String what = file.getKey();
            assertEquals(input.get("sample_rate").asInt(), audio.sampleRateHz(), what);
            assertEquals(input.get("channels").asInt(), audio.channels(), what);
            assertEquals(input.get("n_samples").asLong(), audio.frames(), what);
            assertEquals("int16", input.get("dtype").asText(), what);
            assertEquals("pcm_int", audio.encoding(), what);
            assertEquals(16, audio.bitsPerSample(), what);
            if (ref.get("resample").get("method").asText().equals("none")) {
                // mosqito_ref.py: level = 20 log10(calibration · rms(x) / 20 µPa) on the (unresampled) input
                double sumSquares = 0;
                for (double x : audio.mono()) {
                    sumSquares += x * x;
                }
                double rmsPa = ref.get("calibration").get("factor_pa_per_fs").asDouble()
                        * Math.sqrt(sumSquares / audio.mono().length);
                double levelDb = 20 * Math.log10(rmsPa / 2e-5);
                double deviation = Math.abs(levelDb - ref.get("level_dBSPL_rms_48k").asDouble());
                worstDb = Math.max(worstDb, deviation);
                assertTrue(deviation < 1e-9, what + ": level off by " + deviation + " dB");
                checked++;
            }
        }
        assertEquals(46, checked, "48 kHz MoSQITo files compared (worst " + worstDb + " dB)");
    }
}
