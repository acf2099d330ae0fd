package audioloop.loudness;

import static audioloop.loudness.Parallel.inParallel;

import audioloop.dsp.IirDesign;
import audioloop.loudness.SpectralBandPower.Band;
import audioloop.dsp.RunningPairwiseSum;
import audioloop.dsp.SosBank;
import audioloop.dsp.ZeroPhaseDecimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Third-octave band levels of a whole signal, as MoSQITo 1.2.1's stationary loudness ({@code loudness_zwst})
 * obtains them: {@code noct_spectrum(sig, fs, fmin=24, fmax=12600)} with n = 3, base 10, fr = 1 kHz
 * (mosqito/sound_level_meter/noct_spectrum/; notes/mosqito.md §3 step 1); other band ranges as {@code
 * noct_spectrum(sig, fs, fmin, fmax)} (the levels section: 25 Hz … 20 kHz, 30 bands). Per band:
 * <ul>
 *   <li>exact centre 1000·10^(k/10) Hz, k = −16 … 11 for loudness (25.1 Hz … 12.6 kHz, 28 bands);</li>
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
 * bit-identical whatever the pool size. The signal can be fed block by block ({@link Stream}).
 */
public final class ThirdOctaveSpectrum {
    /** MoSQITo's reference frequency fr. */
    private static final double REFERENCE_HZ = 1000;
    /** The loudness call's limits fmin = 24 Hz, fmax = 12 600 Hz: the 28 bands 25 Hz … 12.5 kHz. */
    public static final double LOUDNESS_MIN_HZ = 24;
    public static final double LOUDNESS_MAX_HZ = 12600;
    /** Bands per octave (n) and the ANSI filter order N (a 2N-pole band-pass). */
    private static final int BANDS_PER_OCTAVE = 3;
    private static final int FILTER_ORDER = 3;
    private static final double REFERENCE_PRESSURE_PA = 2e-5;
    /** MoSQITo's amp2db replaces an rms of exactly 0 by this before the logarithm. */
    private static final double ZERO_RMS_SUBSTITUTE = 2e-12;
    /** Full-rate bands, and decimation factors, per task: the filter kernel runs two cascades side by side. */
    private static final int CASCADES_PER_TASK = 2;
    /** Samples filtered per kernel call when reducing band outputs (≤ 32 KB per band). */
    private static final int RUN = 4096;
    /** Samples handed to a lane at a time (the decimator buffers its forward output up to its backward pass). */
    private static final int RUN_LIMIT = 1 << 16;

    private ThirdOctaveSpectrum() {
    }

    /** The 28 exact centre frequencies of the loudness bands, 25.1 Hz … 12.6 kHz, in band order. */
    public static double[] centreFrequenciesHz() {
        return centreFrequenciesHz(LOUDNESS_MIN_HZ, LOUDNESS_MAX_HZ);
    }

    /**
     * The exact centre frequencies of the bands {@code noct_spectrum(…, fmin, fmax, n=3)} analyses: band numbers k
     * from round(log_U(fmin/fr)) to round(log_U(fmax/fr)), in band order.
     */
    public static double[] centreFrequenciesHz(double minHz, double maxHz) {
        int[] range = bandNumbers(minHz, maxHz);
        double[] fc = new double[range[1] - range[0] + 1];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = centreHz(range[0] + i);
        }
        return fc;
    }

    /**
     * Band levels in dB re 20 µPa, one per {@link #centreFrequenciesHz()} entry: the whole-signal form of {@link
     * Stream} (the signal is fed as one block and finished).
     *
     * @param pressurePa   the signal in pascals (at least 28 samples: decimate's padding needs them)
     * @param sampleRateHz at least 28.6 kHz (MoSQITo's fc ≤ 0.88·fs/2 for the 12.6 kHz band); the loudness
     *                     pipeline passes 48 kHz
     */
    public static double[] levelsDb(double[] pressurePa, int sampleRateHz) {
        Stream stream = new Stream(sampleRateHz, pressurePa.length);
        stream.accept(pressurePa, 0, pressurePa.length);
        return stream.finish();
    }

    /**
     * Block-fed band levels: {@link #accept} takes the signal in blocks of any size, {@link #finish} returns the
     * levels. Every band filter carries its state from block to block and its squared outputs go to a {@link
     * RunningPairwiseSum} (the signal's length is needed up front: numpy's summation order depends on it); the
     * decimated bands read a {@link ZeroPhaseDecimator}. So the levels equal MoSQITo's computation on the whole
     * signal, bit for bit, while only a few seconds of filter output are held (the decimator's backward pass).
     *
     * <p>Bands run as independent fork/join tasks in the caller's pool, one task per lane: two full-rate bands,
     * or two decimation factors with their bands (the filter kernel runs two cascades side by side); each lane
     * sees its blocks in order, so results are bit-identical whatever the pool size. Not thread-safe.
     */
    public static final class Stream {
        private final List<Lane> lanes = new ArrayList<>();
        private final BandGroup[] groupOfBand;
        private final int[] indexInGroup;
        private long fed;
        private final int samples;

        /**
         * The loudness bands, 25 Hz … 12.5 kHz.
         *
         * @param sampleRateHz at least 28.6 kHz (see {@link #levelsDb})
         * @param samples      the length of the signal that will be fed
         */
        public Stream(int sampleRateHz, int samples) {
            this(sampleRateHz, samples, LOUDNESS_MIN_HZ, LOUDNESS_MAX_HZ);
        }

        /**
         * The bands of {@code noct_spectrum(…, fmin = minHz, fmax = maxHz, n=3)} ({@link #centreFrequenciesHz(double,
         * double)}).
         *
         * @param sampleRateHz at least fc_max / 0.44 (MoSQITo's fc ≤ 0.88·fs/2)
         * @param samples      the length of the signal that will be fed
         */
        public Stream(int sampleRateHz, int samples, double minHz, double maxHz) {
            this(designBands(sampleRateHz, centreFrequenciesHz(minHz, maxHz)), samples);
        }

        /** The given bands (each from {@link #designBands}). */
        private Stream(List<Band> bands, int samples) {
            this.samples = samples;
            groupOfBand = new BandGroup[bands.size()];
            indexInGroup = new int[bands.size()];
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
                BandGroup group = group(bands, fullRate.subList(from, Math.min(from + CASCADES_PER_TASK,
                        fullRate.size())), samples);
                lanes.add(group::accept);
            }
            // Decimated bands: bands sharing q share the decimated signal; the anti-aliasing filters of a lane's
            // factors run side by side.
            List<Integer> factors = new ArrayList<>(byDecimation.keySet());
            for (int from = 0; from < factors.size(); from += CASCADES_PER_TASK) {
                int[] laneFactors = factors.subList(from, Math.min(from + CASCADES_PER_TASK, factors.size())).stream()
                        .mapToInt(Integer::intValue).toArray();
                BandGroup[] groups = new BandGroup[laneFactors.length];
                for (int g = 0; g < laneFactors.length; g++) {
                    int q = laneFactors[g];
                    groups[g] = group(bands, byDecimation.get(q), (samples + q - 1) / q);
                }
                ZeroPhaseDecimator decimator = new ZeroPhaseDecimator(
                        (index, decimated, offset, length) -> groups[index].accept(decimated, offset, length),
                        laneFactors);
                lanes.add(new Lane() {
                    @Override
                    public void accept(double[] x, int offset, int length) {
                        decimator.accept(x, offset, length);
                    }

                    @Override
                    public void finish() {
                        decimator.finish();
                    }
                });
            }
        }

        private BandGroup group(List<Band> bands, List<Integer> members, int length) {
            double[][][] cascades = new double[members.size()][][];
            for (int c = 0; c < cascades.length; c++) {
                cascades[c] = bands.get(members.get(c)).sos();
            }
            BandGroup group = new BandGroup(cascades, length);
            for (int c = 0; c < cascades.length; c++) {
                groupOfBand[members.get(c)] = group;
                indexInGroup[members.get(c)] = c;
            }
            return group;
        }

        /** Feeds pressurePa[from … from+length), in pascals. */
        public void accept(double[] pressurePa, int from, int length) {
            fed += length;
            if (fed > samples) {
                throw new IllegalArgumentException("more than the " + samples + " samples announced");
            }
            inParallel(lanes.size(), l -> {
                // Pieces of at most RUN_LIMIT: a whole signal fed at once keeps the decimator's buffer small.
                for (int done = 0; done < length; done += RUN_LIMIT) {
                    lanes.get(l).accept(pressurePa, from + done, Math.min(RUN_LIMIT, length - done));
                }
            });
        }

        /**
         * The band levels of the signal fed.
         *
         * @throws IllegalArgumentException if the signal is shorter than 28 samples (decimate's padding)
         */
        public double[] finish() {
            if (fed != samples) {
                throw new IllegalStateException(fed + " of " + samples + " samples fed");
            }
            inParallel(lanes.size(), l -> lanes.get(l).finish());
            double[] levels = new double[groupOfBand.length];
            for (int band = 0; band < levels.length; band++) {
                levels[band] = levelDb(groupOfBand[band].meanSquare(indexInGroup[band]));
            }
            return levels;
        }
    }

    /** One task's work per block, and at the end. */
    @FunctionalInterface
    private interface Lane {
        void accept(double[] x, int from, int length);

        default void finish() {
        }
    }

    /**
     * np.mean(sosfilt(sos_c, x)**2) for each cascade c of a group reading the same signal, fed in pieces: the
     * outputs are produced {@link #RUN} samples at a time (few enough to stay in cache), squared, and summed in
     * numpy's order by a {@link RunningPairwiseSum} per cascade.
     */
    private static final class BandGroup {
        private final SosBank bank;
        private final RunningPairwiseSum[] sums;
        private final double[][] inputs;
        private final double[][] outputs;
        private final int length;

        BandGroup(double[][][] cascades, int length) {
            this.length = length;
            bank = new SosBank(cascades);
            sums = new RunningPairwiseSum[cascades.length];
            for (int c = 0; c < cascades.length; c++) {
                sums[c] = new RunningPairwiseSum(length);
            }
            inputs = new double[cascades.length][];
            outputs = new double[cascades.length][RUN];
        }

        void accept(double[] x, int from, int count) {
            Arrays.fill(inputs, x);
            for (int done = 0; done < count; done += RUN) {
                int run = Math.min(RUN, count - done);
                bank.filter(inputs, from + done, outputs, 0, 1, run);
                for (int c = 0; c < outputs.length; c++) {
                    double[] y = outputs[c];
                    for (int i = 0; i < run; i++) {
                        y[i] *= y[i];
                    }
                    sums[c].add(y, 0, run);
                }
            }
        }

        double meanSquare(int cascade) {
            return sums[cascade].sum() / length;
        }
    }

    /** MoSQITo _center_freq / _filter_bandwidth / _n_oct_time_filter, band by band. */
    static List<Band> designBands(int sampleRateHz, double[] centres) {
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
            double low = fc / (fs / 2) / alpha;
            double high = fc / (fs / 2) * alpha;
            bands.add(new Band(q, IirDesign.butterBandpass(FILTER_ORDER, low, high), low, high));
        }
        return bands;
    }

    /** MoSQITo's amp2db of the rms: 20·log10(rms / 20 µPa), an rms of exactly 0 replaced by 2e−12 Pa. */
    private static double levelDb(double meanSquare) {
        double rms = Math.sqrt(meanSquare);
        return 20 * Math.log10((rms == 0 ? ZERO_RMS_SUBSTITUTE : rms) / REFERENCE_PRESSURE_PA);
    }

    /**
     * The shortest signal {@link #levelsDbInPlace} computes from its spectrum (shorter ones are filtered, which costs
     * less than the transform there): the end windows of the lowest band must fit, 6.35 s (305 022 samples) at 48 kHz.
     */
    public static int spectralMinimumSamples(int sampleRateHz, double minHz, double maxHz) {
        return SpectralBandPower.minimumSamples(designBands(sampleRateHz, centreFrequenciesHz(minHz, maxHz)));
    }

    /**
     * The length of the buffer {@link #levelsDbInPlace} takes for a signal of {@code samples} samples (at least
     * {@link #spectralMinimumSamples}): the signal, zero-padded beyond the filters' ringing to a fast DFT length.
     */
    public static int transformLength(int samples, int sampleRateHz, double minHz, double maxHz) {
        return SpectralBandPower.transformLength(samples, designBands(sampleRateHz, centreFrequenciesHz(minHz, maxHz)));
    }

    /**
     * The levels {@link Stream} gives for the bands between minHz and maxHz, from one DFT of the whole signal
     * ({@link SpectralBandPower}: equal to the filtering to ~1e−10 dB, at a tenth of its cost for a minute of
     * signal). A band the spectral computation cannot vouch for (see there) is filtered after all, from the signal
     * restored by the inverse transform.
     *
     * @param buffer  {@link #transformLength} samples: the signal in [0, samples), zeros beyond; overwritten
     * @param samples the signal's length, at least {@link #spectralMinimumSamples}
     */
    public static double[] levelsDbInPlace(double[] buffer, int samples, int sampleRateHz, double minHz,
                                           double maxHz) {
        List<Band> bands = designBands(sampleRateHz, centreFrequenciesHz(minHz, maxHz));
        if (buffer.length != SpectralBandPower.transformLength(samples, bands)) {
            throw new IllegalArgumentException("the buffer must be transformLength(...) long");
        }
        double[] meanSquares = SpectralBandPower.meanSquares(buffer, samples, bands);
        List<Band> filtered = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            if (Double.isNaN(meanSquares[b])) {
                filtered.add(bands.get(b));
            }
        }
        double[] filteredLevels = new double[0];
        if (!filtered.isEmpty()) {
            Stream stream = new Stream(filtered, samples);
            stream.accept(buffer, 0, samples);
            filteredLevels = stream.finish();
        }
        double[] levels = new double[bands.size()];
        for (int b = 0, f = 0; b < bands.size(); b++) {
            levels[b] = Double.isNaN(meanSquares[b]) ? filteredLevels[f++] : levelDb(meanSquares[b]);
        }
        return levels;
    }

    /** The first and last band numbers k of the loudness bands (−16 … 11). */
    public static int[] bandNumbers() {
        return bandNumbers(LOUDNESS_MIN_HZ, LOUDNESS_MAX_HZ);
    }

    /**
     * The first and last band numbers k analysed between minHz and maxHz, with f_exact = fr·U^k, U = 10^(3/(10n))
     * (ANSI S1.11 eq. 4), k = round(log_U(f/fr)).
     */
    public static int[] bandNumbers(double minHz, double maxHz) {
        double logU = Math.log10(bandRatio());
        return new int[] {(int) Math.rint(Math.log10(minHz / REFERENCE_HZ) / logU),
                (int) Math.rint(Math.log10(maxHz / REFERENCE_HZ) / logU)};
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
