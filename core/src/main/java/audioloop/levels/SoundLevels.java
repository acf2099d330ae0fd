package audioloop.levels;

import java.util.Arrays;
import java.util.List;

/**
 * The IEC 61672-1 sound levels of a signal ({@link SoundLevelMeter}), dB re 20 µPa; {@code null} where not defined
 * for this input (see {@code warnings}).
 *
 * @param lzeqDb     Z-weighted equivalent level over the whole signal
 * @param laeqDb     A-weighted equivalent level
 * @param lceqDb     C-weighted equivalent level
 * @param lafmaxDb   largest A-weighted, F-time-weighted level
 * @param lasmaxDb   largest A-weighted, S-time-weighted level
 * @param lcpeakDb   C-weighted peak level
 * @param lafDb      L_AF(t) at t = 10 ms, 20 ms, …; {@code null} for digital silence
 * @param firstSettledLaf the first entry of {@code lafDb} at t ≥ {@link SoundLevelMeter#PERCENTILE_START_S}
 * @param lafStepS   the spacing of {@code lafDb}, 0.01 s
 * @param warnings   "levels: …" for values not computed
 */
public record SoundLevels(Double lzeqDb, Double laeqDb, Double lceqDb, Double lafmaxDb, Double lasmaxDb,
                          Double lcpeakDb, double[] lafDb, int firstSettledLaf, double lafStepS,
                          List<String> warnings) {
    /**
     * The L_AF samples its statistics (L_AF10, L_AF50, L_AF90) are taken over: those from 0.625 s (5τ_F) on, after the F
     * detector's start-up; empty for shorter or silent inputs.
     */
    public double[] settledLafDb() {
        return lafDb == null ? new double[0] : Arrays.copyOfRange(lafDb, firstSettledLaf, lafDb.length);
    }
}
