package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.SharedData;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The band levels from one DFT of the whole signal ({@link ThirdOctaveSpectrum#levelsDbInPlace}, {@link
 * SpectralBandPower}) against the band filters run over the signal ({@link ThirdOctaveSpectrum.Stream}, bit-identical
 * to MoSQITo's noct_spectrum): noise, tones far out of and inside the bands, DC, a click on the last sample, the
 * shortest signal the DFT path takes, and signals it hands bands back to the filters for.
 */
class ThirdOctaveSpectralTest {
    private static final int FS = 48_000;
    private static final double MIN_HZ = 25;
    private static final double MAX_HZ = 20_000;
    /** Measured worst difference: 3e−11 dB (25 Hz tone, 30 bands); the parity tolerance is 1e−6 dB. */
    private static final double TOLERANCE_DB = 1e-9;

    private static double[] signal(double seconds, IntToDoubleFunction sample) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            x[i] = sample.applyAsDouble(i);
        }
        return x;
    }

    private static double[] filtered(double[] x) {
        ThirdOctaveSpectrum.Stream stream = new ThirdOctaveSpectrum.Stream(FS, x.length, MIN_HZ, MAX_HZ);
        stream.accept(x, 0, x.length);
        return stream.finish();
    }

    private static double[] fromSpectrum(double[] x) {
        double[] buffer = Arrays.copyOf(x, ThirdOctaveSpectrum.transformLength(x.length, FS, MIN_HZ, MAX_HZ));
        return ThirdOctaveSpectrum.levelsDbInPlace(buffer, x.length, FS, MIN_HZ, MAX_HZ);
    }

    /** The DFT path's own mean squares (NaN: handed back to the filters). */
    private static double[] meanSquares(double[] x) {
        List<SpectralBandPower.Band> bands = ThirdOctaveSpectrum.designBands(FS,
                ThirdOctaveSpectrum.centreFrequenciesHz(MIN_HZ, MAX_HZ));
        double[] buffer = Arrays.copyOf(x, SpectralBandPower.transformLength(x.length, bands));
        return SpectralBandPower.meanSquares(buffer, x.length, bands);
    }

    /**
     * The transform length: a multiple of 2q for every decimation factor (1 680), M/2 of JTransforms' mixed-radix
     * lengths (2, 3, 5, at most two 7s), no shorter than the padding needs and at most 8 % longer, and of the valid
     * lengths in that range none estimated faster.
     */
    @ParameterizedTest
    @ValueSource(ints = {326_400, 480_000, 1_440_000, 2_880_000, 5_760_000, 14_400_000})
    void transformLengthIsTheFastestValidLengthWithinTheSlack(int n) {
        List<SpectralBandPower.Band> bands = ThirdOctaveSpectrum.designBands(FS,
                ThirdOctaveSpectrum.centreFrequenciesHz(MIN_HZ, MAX_HZ));
        int shortest = SpectralBandPower.shortestTransformLength(n, bands);
        int m = SpectralBandPower.transformLength(n, bands);
        assertTrue(shortest > n, "past the signal");
        assertTrue(m >= shortest && m <= 1.08 * shortest, m + " against the shortest " + shortest);
        assertEquals(0, m % 1680, "multiple of 2q for q = 2, 3, 4, 5, 6, 7, 8, 10");
        assertTrue(mixedRadix(m / 2), m + ": M/2 not a mixed-radix length");
        double chosen = audioloop.dsp.FourStepDft.estimatedNanos(m, true);
        for (int k = shortest; k <= 1.08 * shortest; k += 1680) {
            if (mixedRadix(k / 2)) {
                assertTrue(audioloop.dsp.FourStepDft.estimatedNanos(k, true) >= chosen, k + " estimated faster");
            }
        }
    }

    private static boolean mixedRadix(int k) {
        for (int p : new int[] {2, 3, 5}) {
            while (k % p == 0) {
                k /= p;
            }
        }
        return k == 1 || k == 7 || k == 49;
    }

    private static void assertSameLevels(double[] x, String what) {
        double[] expected = filtered(x);
        double[] actual = fromSpectrum(x);
        assertArrayEquals(expected, actual, TOLERANCE_DB, what);
    }

    /** Pink-ish noise, steady tones, a 70 Hz amplitude modulation and clicks: the benchmark signal's ingredients. */
    private static double[] mixture(double seconds) {
        SplittableRandom random = new SplittableRandom(7);
        double[] state = new double[1];
        return signal(seconds, i -> {
            double t = (double) i / FS;
            state[0] = 0.99 * state[0] + 0.1 * (random.nextDouble() * 2 - 1);
            double click = i % (FS / 2) < 96 ? 0.3 * Math.exp(-(i % (FS / 2)) / 24.0) : 0;
            return state[0] + 0.02 * Math.sin(2 * Math.PI * 250 * t) + 0.01 * Math.sin(2 * Math.PI * 2000 * t)
                    + 0.02 * (1 + Math.sin(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 1000 * t) + click;
        });
    }

    @Test
    void broadbandSignalIsComputedFromTheSpectrumAlone() {
        double[] x = mixture(8);
        double[] ms = meanSquares(x);
        for (int b = 0; b < ms.length; b++) {
            assertFalse(Double.isNaN(ms[b]), "band " + b + " handed back to the filters");
        }
        assertSameLevels(x, "mixture");
    }

    @Test
    void tonesFarOutsideTheBandsAndInsideThem() {
        SplittableRandom random = new SplittableRandom(3);
        // a 94 dB 1 kHz tone over noise 80 dB down: the low bands see the tone's skirt and the end transients
        assertSameLevels(signal(8, i -> Math.sqrt(2) * Math.sin(2 * Math.PI * 1000 * i / FS)
                + 1e-4 * (random.nextDouble() - 0.5)), "1 kHz tone");
        // a strong 25 Hz tone: every band above sees it through the band-pass's skirt
        assertSameLevels(signal(8, i -> Math.sin(2 * Math.PI * 25 * i / FS) + 1e-3 * (random.nextDouble() - 0.5)),
                "25 Hz tone");
        // a 20 kHz tone: the top band and the skirts of the others
        assertSameLevels(signal(8, i -> Math.sin(2 * Math.PI * 20_000 * i / FS) + 1e-3 * (random.nextDouble() - 0.5)),
                "20 kHz tone");
    }

    @Test
    void dcOffsetAndAClickOnTheLastSample() {
        SplittableRandom random = new SplittableRandom(5);
        assertSameLevels(signal(8, i -> 0.5 + 0.01 * (random.nextDouble() - 0.5)), "DC offset");
        double[] click = signal(8, i -> 1e-3 * (random.nextDouble() - 0.5));
        click[click.length - 1] = 10;
        assertSameLevels(click, "click on the last sample");
    }

    @Test
    void bandsTheSpectrumCannotVouchForAreFilteredFromTheRestoredSignal() {
        // a pure 4775 Hz tone folds onto the 25 Hz band at decimate's rate, and in the low bands the end transients of
        // the zero-extended tone outweigh what the filters see: those bands go back to the filters
        double[] x = signal(8, i -> Math.sin(2 * Math.PI * 4775 * i / FS));
        double[] ms = meanSquares(x);
        assertTrue(Arrays.stream(ms).anyMatch(Double::isNaN), "expected bands handed back");
        assertTrue(Arrays.stream(ms).anyMatch(v -> !Double.isNaN(v)), "expected bands from the spectrum");
        assertSameLevels(x, "4775 Hz tone");
    }

    @Test
    void shortestSignalForTheSpectrumAndWrongBuffers() {
        int shortest = ThirdOctaveSpectrum.spectralMinimumSamples(FS, MIN_HZ, MAX_HZ);
        assertTrue(shortest > 5 * FS && shortest < 8 * FS, "shortest " + shortest);
        double[] x = Arrays.copyOf(mixture(8), shortest);
        assertSameLevels(x, "shortest");
        assertThrows(IllegalArgumentException.class,
                () -> ThirdOctaveSpectrum.levelsDbInPlace(new double[x.length], x.length, FS, MIN_HZ, MAX_HZ));
    }

    /** tan(q·α) from tan α, the band-rate frequency variable of the decimated bands. */
    @Test
    void tangentOfMultipleAngles() {
        for (int q : new int[] {1, 2, 3, 7, 10}) {
            for (double alpha = 0.001; alpha < Math.PI / 2; alpha += 0.0137) {
                double expected = Math.tan(q * alpha);
                double actual = SpectralBandPower.tanMultiple(Math.tan(alpha), q);
                assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected) * Math.abs(expected)),
                        "q = " + q + ", α = " + alpha);
            }
        }
    }

    /** The ISO 532-1 Annex B.3 tones and pink noise of ../shared: the DFT path against MoSQITo's levels. */
    @ParameterizedTest
    @ValueSource(strings = {"iso532-1_b3_02_250-hz-80-db.wav", "iso532-1_b3_03_1-khz-60-db.wav",
        "iso532-1_b3_04_4-khz-40-db.wav", "iso532-1_b3_05_pinknoise-60-db.wav"})
    void sharedSignalsMatchTheFilters(String file) {
        double[] x = SharedData.pascals48k("mosqito", file, 2.8284271247461903);
        double[] expected = filtered(x);
        double[] actual = fromSpectrum(x);
        assertArrayEquals(expected, actual, TOLERANCE_DB, file);
    }
}
