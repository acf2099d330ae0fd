package audioloop.loudness;

import audioloop.dsp.IirDesign;
import audioloop.dsp.PairwiseSum;
import audioloop.dsp.SosBank;
import audioloop.dsp.SosFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;

/**
 * Third-octave band levels of a whole signal, as MoSQITo 1.2.1's stationary loudness ({@code loudness_zwst})
 * obtains them: {@code noct_spectrum(sig, fs, fmin=24, fmax=12600)} with n = 3, base 10, fr = 1 kHz
 * (mosqito/sound_level_meter/noct_spectrum/; notes/mosqito.md §3 step 1). Per band:
 * <ul>
 *   <li>exact centre 1000·10^(k/10) Hz, k = −16 … 11 (25.1 Hz … 12.6 kHz, 28 bands);</li>
 *   <li>if fc &lt; fs/200 the signal is first decimated by the smallest q ≥ 2 with fc ≥ fs/(200·q)
 *       ({@code scipy.signal.decimate}: Chebyshev I, zero phase);</li>
 *   <li>a 6th-order Butterworth band-pass (ANSI S1.11 order-3 design) from fc/α to fc·α,
 *       run from zero state over the whole signal ({@code sosfilt});</li>
 *   <li>the rms over all samples, start transient included, as a level 20·log10(rms / 20 µPa).</li>
 * </ul>
 * Filters, decimation and the mean reproduce scipy's and numpy's rounding, so 27 of the 28 levels are
 * bit-identical to MoSQITo's; the 63 Hz band differs by ≤ 4e−13 dB because numpy's vectorised {@code power}
 * puts that centre one ulp away from the correctly rounded 1000·U^−12 used here. An rms of exactly 0 gives
 * −140 dB, as MoSQITo's amp2db substitutes 2e−12 Pa.
 *
 * <p>Bands are computed as independent fork/join tasks in the caller's pool (two full-rate bands, or two
 * decimation factors with their bands, per task); each band's arithmetic is fixed, so results are
 * bit-identical whatever the pool size.
 */
public final class ThirdOctaveSpectrum {
    /** MoSQITo's reference frequency fr and the loudness call's limits fmin = 24 Hz, fmax = 12 600 Hz. */
    private static final double REFERENCE_HZ = 1000;
    private static final double MIN_HZ = 24;
    private static final double MAX_HZ = 12600;
    /** Bands per octave (n) and the ANSI filter order N (a 2N-pole band-pass). */
    private static final int BANDS_PER_OCTAVE = 3;
    private static final int FILTER_ORDER = 3;
    private static final double REFERENCE_PRESSURE_PA = 2e-5;
    /** MoSQITo's amp2db replaces an rms of exactly 0 by this before the logarithm. */
    private static final double ZERO_RMS_SUBSTITUTE = 2e-12;
    /** Full-rate bands, and decimation factors, per task: the filter kernel runs two cascades side by side. */
    private static final int CASCADES_PER_TASK = 2;
    /** Samples filtered per kernel call when reducing band outputs (whole pairwise blocks, ≤ 32 KB per band). */
    private static final int RUN = 4096;

    private ThirdOctaveSpectrum() {
    }

    /** One band: decimation factor (1 = none) and band-pass SOS at the decimated rate. */
    private record Band(int decimation, double[][] sos) {
    }

    /** The 28 exact centre frequencies, 25.1 Hz … 12.6 kHz, in band order. */
    public static double[] centreFrequenciesHz() {
        int[] range = bandNumberRange();
        double[] fc = new double[range[1] - range[0] + 1];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = centreHz(range[0] + i);
        }
        return fc;
    }

    /**
     * Band levels in dB re 20 µPa, one per {@link #centreFrequenciesHz()} entry.
     *
     * @param pressurePa   the signal in pascals (at least 28 samples: decimate's padding needs them)
     * @param sampleRateHz at least 28.6 kHz (MoSQITo's fc ≤ 0.88·fs/2 for the 12.6 kHz band); the loudness
     *                     pipeline passes 48 kHz
     */
    public static double[] levelsDb(double[] pressurePa, int sampleRateHz) {
        List<Band> bands = designBands(sampleRateHz);
        double[] levels = new double[bands.size()];
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        List<Integer> fullRate = new ArrayList<>();
        TreeMap<Integer, List<Integer>> byDecimation = new TreeMap<>();
        for (int i = 0; i < bands.size(); i++) {
            int q = bands.get(i).decimation();
            if (q == 1) {
                fullRate.add(i);
            } else {
                byDecimation.computeIfAbsent(q, k -> new ArrayList<>()).add(i);
            }
        }
        for (int from = 0; from < fullRate.size(); from += CASCADES_PER_TASK) {
            List<Integer> group = fullRate.subList(from, Math.min(from + CASCADES_PER_TASK, fullRate.size()));
            tasks.add(ForkJoinTask.adapt(() -> storeLevels(pressurePa, bands, group, levels)));
        }
        // Decimated bands: bands sharing q share the decimated signal; the anti-aliasing filters of a task's
        // factors run side by side.
        List<Integer> factors = new ArrayList<>(byDecimation.keySet());
        for (int from = 0; from < factors.size(); from += CASCADES_PER_TASK) {
            int[] group = factors.subList(from, Math.min(from + CASCADES_PER_TASK, factors.size())).stream()
                    .mapToInt(Integer::intValue).toArray();
            tasks.add(ForkJoinTask.adapt(() -> {
                double[][] decimated = SosFilter.decimateEach(pressurePa, group);
                for (int g = 0; g < group.length; g++) {
                    storeLevels(decimated[g], bands, byDecimation.get(group[g]), levels);
                }
            }));
        }
        ForkJoinTask.invokeAll(tasks);
        return levels;
    }

    /** Filters the signal through the listed bands side by side and writes their levels. */
    private static void storeLevels(double[] signal, List<Band> bands, List<Integer> group, double[] levels) {
        double[][][] cascades = new double[group.size()][][];
        for (int c = 0; c < cascades.length; c++) {
            cascades[c] = bands.get(group.get(c)).sos();
        }
        double[] meanSquares = meanSquaresOfOutputs(signal, cascades);
        for (int c = 0; c < cascades.length; c++) {
            double rms = Math.sqrt(meanSquares[c]);
            levels[group.get(c)] = 20 * Math.log10((rms == 0 ? ZERO_RMS_SUBSTITUTE : rms) / REFERENCE_PRESSURE_PA);
        }
    }

    /**
     * np.mean(sosfilt(sos_c, x)**2) for each cascade c, without storing the filtered signals: the output is
     * produced a run of numpy's pairwise-summation blocks at a time (up to {@link #RUN} samples, few enough to
     * stay in cache), squared, and reduced per block; the block sums are then combined as numpy does.
     */
    static double[] meanSquaresOfOutputs(double[] x, double[][]... cascades) {
        int n = x.length;
        int count = cascades.length;
        SosBank bank = new SosBank(cascades);
        int[] bounds = PairwiseSum.blockBounds(n);
        int blocks = bounds.length - 1;
        double[][] blockSums = new double[count][blocks];
        double[][] inputs = new double[count][];
        Arrays.fill(inputs, x);
        double[][] outputs = new double[count][RUN];
        int firstBlock = 0;
        while (firstBlock < blocks) {
            int endBlock = firstBlock + 1;
            while (endBlock < blocks && bounds[endBlock + 1] - bounds[firstBlock] <= RUN) {
                endBlock++;
            }
            int start = bounds[firstBlock];
            bank.filter(inputs, start, outputs, 0, 1, bounds[endBlock] - start);
            for (int c = 0; c < count; c++) {
                double[] y = outputs[c];
                for (int i = 0, length = bounds[endBlock] - start; i < length; i++) {
                    y[i] *= y[i];
                }
                for (int b = firstBlock; b < endBlock; b++) {
                    blockSums[c][b] = PairwiseSum.blockSum(y, bounds[b] - start, bounds[b + 1] - bounds[b]);
                }
            }
            firstBlock = endBlock;
        }
        double[] meanSquares = new double[count];
        for (int c = 0; c < count; c++) {
            meanSquares[c] = PairwiseSum.combine(n, blockSums[c]) / n;
        }
        return meanSquares;
    }

    /** MoSQITo _center_freq / _filter_bandwidth / _n_oct_time_filter, band by band. */
    private static List<Band> designBands(int sampleRateHz) {
        double[] centres = centreFrequenciesHz();
        List<Band> bands = new ArrayList<>(centres.length);
        for (double fc : centres) {
            double fs = sampleRateHz;
            if (fc > 0.88 * (fs / 2)) {
                throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz is too low for the "
                        + fc + " Hz band (needs fc ≤ 0.88·fs/2)");
            }
            // Low bands: decimate first, "to avoid filter design issues" (MoSQITo's comment)
            int q = 1;
            if (fc < fs / 200) {
                q = 2;
                while (fc < fs / q / 200) {
                    q++;
                }
                fs = fs / q;
            }
            double alpha = edgeRatio(fc);
            double[][] sos = IirDesign.butterBandpass(FILTER_ORDER, fc / (fs / 2) / alpha, fc / (fs / 2) * alpha);
            bands.add(new Band(q, sos));
        }
        return bands;
    }

    /** Band numbers k with f_exact = fr·U^k, U = 10^(3/(10n)) (ANSI S1.11 eq. 4), k = round(log_U(f/fr)). */
    private static int[] bandNumberRange() {
        double logU = Math.log10(bandRatio());
        return new int[] {(int) Math.rint(Math.log10(MIN_HZ / REFERENCE_HZ) / logU),
                (int) Math.rint(Math.log10(MAX_HZ / REFERENCE_HZ) / logU)};
    }

    /** U = 10^(3b/10), b = 1/n: the base-10 band ratio, evaluated as MoSQITo does. */
    private static double bandRatio() {
        double b = 1.0 / BANDS_PER_OCTAVE;
        return Math.pow(10, 3 * b / 10);
    }

    /** ANSI S1.11 eq. 1: f_exact = fr·U^k. */
    private static double centreHz(int k) {
        return REFERENCE_HZ * Math.pow(bandRatio(), k);
    }

    /**
     * α, the ratio of the band-pass design edges to fc, for the order-N Butterworth (ANSI S1.11-1986,
     * MoSQITo _filter_bandwidth): f1,2 = fc·2^(∓b/2) (eq. 5, 6, base 2 although the centres are base 10),
     * reference quotient qr = fc/(f2 − f1) (eq. 7, 8), design quotient qd = (π/2N)/sin(π/2N)·qr (eq. 9),
     * α = (1 + sqrt(1 + 4·qd²))/(2·qd) ≈ 1.116657. Computed per band from fc as MoSQITo does, so α carries
     * the same last-bit differences between bands.
     */
    private static double edgeRatio(double fc) {
        double b = 1.0 / BANDS_PER_OCTAVE;
        double f1 = fc / Math.pow(2, b / 2);
        double f2 = fc * Math.pow(2, b / 2);
        double qr = fc / (f2 - f1);
        double qd = (Math.PI / 2 / FILTER_ORDER) / Math.sin(Math.PI / 2 / FILTER_ORDER) * qr;
        return (1 + Math.sqrt(1 + 4 * (qd * qd))) / 2 / qd;
    }
}
