package audioloop.tonality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ECMA-74 TNR/PR on signals whose answer is known without MoSQITo. Needs no ../shared. */
class EcmaTonalityTest {
    /**
     * A 1 kHz sine of 2 s lies exactly on DFT line 2000 (fs/n = 0.5 Hz): reported at 1000.0 Hz. MoSQITo reports
     * 1000.5 Hz for the same tone (mosqito_generated.json, tone1k_noise: its frequency axis starts at fs/n for line
     * 0), one line too high by the DFT's own definition f_k = k·fs/n.
     */
    @Test
    void aToneIsReportedAtItsDftLine() {
        double[] x = TonalSignals.uniformNoise(1, 96_000);
        for (int n = 0; n < x.length; n++) {
            x[n] = 0.02 * x[n] + 0.2 * Math.sin(2 * Math.PI * 1000 * n / 48000);
        }
        TonalityResult result = EcmaTonality.analyze(x, 48_000);
        assertEquals(1, result.tnrTones().size());
        assertEquals(1000.0, result.tnrTones().get(0).frequencyHz());
        assertTrue(result.prTones().stream().anyMatch(t -> t.frequencyHz() == 1000.0 && t.prominent()));
    }

    /**
     * TNR of a sine in white noise by hand (ECMA-74 D.9): tone level L_t = 10·log10(A²/2) re (20 µPa)²; the noise in
     * the critical band around 1 kHz (Δf_c = 25 + 75·(1 + 1.4)^0.69 = 162.2 Hz) of uniform noise of amplitude a
     * (power a²/3 spread over 24 kHz) is a²/3·Δf_c/24000. For A = 0.2 Pa, a = 0.02 Pa:
     * TNR = 10·log10((0.02)/(0.02²/3·162.2/24000)) = 43.4 dB. The estimate from one DFT of 2 s of noise scatters by
     * a few tenths of a dB (periodogram lines are χ² with 2 degrees of freedom, about 320 lines in the band).
     */
    @Test
    void toneToNoiseRatioOfASineInWhiteNoiseIsTheHandValue() {
        double[] x = TonalSignals.uniformNoise(1, 96_000);
        for (int n = 0; n < x.length; n++) {
            x[n] = 0.02 * x[n] + 0.2 * Math.sin(2 * Math.PI * 1000 * n / 48000);
        }
        double bandwidthHz = 25 + 75 * Math.pow(1 + 1.4, 0.69);
        double expectedDb = 10 * Math.log10((0.2 * 0.2 / 2) / (0.02 * 0.02 / 3 * bandwidthHz / 24000));
        TonalityResult result = EcmaTonality.analyze(x, 48_000);
        assertEquals(expectedDb, result.tnrTones().get(0).ratioDb(), 0.5);
        // One prominent tone: the total is its own value.
        assertEquals(result.tnrTones().get(0).ratioDb(), result.tnrTotalDb(), 1e-9);
    }

    /** Noise alone: no TNR tone, no total (MoSQITo returns 0 for "no prominent tone"). */
    @Test
    void noiseHasNoProminentToneAndNoTotal() {
        TonalityResult result = EcmaTonality.analyze(TonalSignals.uniformNoise(10, 48_000), 48_000);
        assertTrue(result.tnrTones().isEmpty());
        assertNull(result.tnrTotalDb());
        assertNull(result.prTotalDb());
        assertTrue(result.prTones().stream().noneMatch(ToneRatio::prominent));
    }

    @Test
    void criticalBandsAreEcma74s() {
        // D.8: below 500 Hz arithmetic, from 500 Hz on geometric (f1·f2 = f0²).
        CriticalBand low = CriticalBand.centredOn(200);
        assertEquals(200, (low.lowerHz() + low.upperHz()) / 2, 1e-12);
        CriticalBand high = CriticalBand.centredOn(2000);
        assertEquals(2000 * 2000, high.lowerHz() * high.upperHz(), 1e-6);
        assertEquals(25 + 75 * Math.pow(1 + 1.4 * 4, 0.69), high.widthHz(), 1e-9);
        // D.10: the neighbouring bands touch the centred one.
        assertEquals(high.lowerHz(), CriticalBand.below(2000).upperHz());
        assertEquals(high.upperHz(), CriticalBand.above(2000).lowerHz());
    }
}
