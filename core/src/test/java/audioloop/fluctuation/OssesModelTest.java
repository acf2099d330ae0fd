package audioloop.fluctuation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fixed parts of the model against the numbers SQAT ships and uses. */
class OssesModelTest {
    /**
     * H_weight from its design specification against the sections SQAT ships for 48 kHz
     * (psychoacoustic_metrics/FluctuationStrength_Osses2016/private/Hweight-48000-Hz-HP.mat and -LP.mat, read with
     * scipy.io.loadmat): equal to 1 ulp.
     */
    @Test
    void modulationWeightingReproducesSqatsSections() {
        double[][] sqat = {
            {0.9998738410329782, -1.9997476820659563, 0.9998738410329782, 1, -1.9997476661498712, 0.9997476979820413},
            {7.7267351794222388e-07, 1.5453470358844478e-06, 7.7267351794222388e-07, 1, -1.9986518191092326,
                0.99865490980330474},
            {7.7193930917429815e-07, 1.5438786183485963e-06, 7.7193930917429815e-07, 1, -1.9967526629254815,
                0.99675575068271827},
        };
        double[][] designed = OssesModel.modulationWeighting(48_000);
        for (int s = 0; s < sqat.length; s++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(sqat[s][c], designed[s][c], 3e-16 * Math.abs(sqat[s][c]), "section " + s + " coefficient " + c);
            }
        }
    }

    @Test
    void cosineRampsAsSqatsCosRamp() {
        // cos_ramp(n, fs, 50, 50): 2400-sample ramps at 48 kHz; r(1) = ½(1 − cos(π/2400)), r(2400) = 1, r(n) = 0.
        double[] r = OssesModel.cosineRamps(96_000, 48_000, 50);
        assertEquals(0.5 * (1 - Math.cos(Math.PI / 2400)), r[0], 0);
        assertEquals(1.0, r[2399], 0);
        assertEquals(1.0, r[50_000], 0);
        assertEquals(1.0, r[96_000 - 2401], 0);
        assertEquals(0.0, r[95_999], 0);
    }

    @Test
    void channelWeightsAndThresholds() {
        OssesModel model = new OssesModel(96_000);
        // g(z): 1 up to 13 Bark, 0.9 at 15, 0.7 at 17.5, 0.5 at 24 (linear between): z = 23.5 → 0.5 + 0.2·0.5/6.5.
        assertEquals(1.0, model.channelWeight[25], 0); // 13 Bark
        assertEquals(0.9, model.channelWeight[29], 1e-15); // 15 Bark
        assertEquals(0.7 - 0.2 * 6 / 6.5, model.channelWeight[46], 1e-15); // 23.5 Bark
        // Bins 20 Hz … 20 kHz at 0.5 Hz: 40 … 40000; the threshold at 1 kHz (8.5 Bark) is 3.5 − 1.0·0.5/2 dB.
        assertEquals(40, model.firstBin);
        assertEquals(40_000, model.lastBin);
        assertEquals(3.25, model.binThresholdDb[2000 - 40], 1e-12);
    }
}
