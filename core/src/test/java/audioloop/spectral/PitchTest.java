package audioloop.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PitchTest {
    @ParameterizedTest
    @ValueSource(doubles = {220.0, 1000.0})
    void sineIsVoicedAtItsFrequency(double frequencyHz) {
        double[] y = Signals.sine(frequencyHz, 2.0, 0.5);
        PitchTrack track = Pitch.track(y);
        assertEquals(1 + y.length / Pitch.HOP, track.frameCount());
        // Only the first and last frames (half zero padding) may miss the pitch.
        assertTrue(track.voicedFraction() > 0.95, "voiced " + track.voicedFraction());
        for (double f : track.voicedHz()) {
            assertEquals(frequencyHz, f, 0.01 * frequencyHz);
        }
    }

    @Test
    void whiteNoiseIsMostlyUnvoiced() {
        PitchTrack track = Pitch.track(Signals.whiteNoise(2.0, 0.3, 3));
        assertTrue(track.voicedFraction() < 0.1, "voiced " + track.voicedFraction());
    }

    @Test
    void silenceIsUnvoiced() {
        PitchTrack track = Pitch.track(new double[48000]);
        assertEquals(24, track.frameCount()); // 1 + 48000 / 2048
        assertEquals(0, track.voicedHz().length);
    }
}
