package audioloop.ecmaroughness;

import audioloop.dsp.Fft;
import audioloop.dsp.PairwiseSum;
import audioloop.dsp.Percentile;
import audioloop.dsp.Pchip;
import audioloop.dsp.RealFft;
import audioloop.hearingmodel.BasisLoudness;
import audioloop.hearingmodel.CriticalBands;
import audioloop.hearingmodel.RectifiedBands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Roughness of ECMA-418-2:2025 Section 7.1, as refmap-psychoacoustics' {@code shm_roughness_ecma} computes it, fed
 * block by block.
 *
 * <p>The band signals of the shared hearing model (Sections 5.1.2 to 5.1.4, padded with 16 384 leading zeros and
 * no trailing ones) are cut into blocks of 16 384 samples every 4 096 (75 % overlap, Section 7.1.1; the last block
 * ends at the signal's end). Per band and block: the basis loudness (Sections 5.1.6 to 5.1.9), the Hilbert envelope
 * downsampled to 1 500 Hz (Equation 65) and its scaled power spectrum (66, 67); per block, over the bands: the
 * three-band average (68) and the noise-reduction weighting (69 to 71); per band and block the modulation peaks and
 * their rates ({@link ModulationPeaks}), weighted for high (83 to 87) and low (95, 96) modulation rates into one
 * specific roughness estimate A(l, z) per block. At the end these are interpolated (PCHIP) to 50 Hz, transformed
 * (104 to 108), low-passed (109, 110), summed over bands (111) and aggregated (Sections 7.1.8 and 7.1.10). Two
 * ears combine into binaural roughness with {@link #finishBinaural} (Section 7.1.11).
 *
 * <p>The 50 Hz grid spans the whole signal, t = 0 … n/48 000 in ⌊50·n/48 000⌋ steps, so it is only known at the
 * end: the 53 block values A(l, z) are kept per block (42 kB per minute of signal); everything else is state.
 */
public final class EcmaRoughness {
    static final int BLOCK_SIZE = 16_384;
    private static final int HOP = 4_096;
    private static final int DOWNSAMPLE = 32;
    /** Envelope samples per block at 1 500 Hz. */
    private static final int ENVELOPE_POINTS = BLOCK_SIZE / DOWNSAMPLE;
    /** Bins k = 0 … 256 of the envelope spectra are used (Equations 70, 71). */
    private static final int BINS = ENVELOPE_POINTS / 2 + 1;
    /** Output rate r_s50 of Section 7.1.7. */
    public static final double FRAME_RATE_HZ = 50;
    /** Sections 7.1.8 and 7.1.10: frames from 0.32 s on are averaged. */
    public static final int FIRST_AVERAGED_FRAME = 16;
    /** Shortest input with a frame to average: 50·n/48 000 ≥ 16. */
    public static final int MINIMUM_SAMPLES = 15_360;
    /** c_R of Equation 104 and its adjustment. */
    private static final double CALIBRATION = 0.0180909 * (1 / 1.0011565);
    /** Equation 66's power normalisation of the Hann window: 1/√0.375. */
    private static final double WINDOW_NORM = Math.sqrt(0.375);
    /** Section 7.1.5.4: estimates below this become 0. */
    private static final double ESTIMATE_THRESHOLD = 0.074376;
    /** Equations 109, 110: rise and fall time constants of the low-pass at 50 Hz. */
    private static final double RISE = Math.exp(-1 / (FRAME_RATE_HZ * 0.0625));
    private static final double FALL = Math.exp(-1 / (FRAME_RATE_HZ * 0.5));
    /** scipy.signal.windows.hann(512, sym=False): 0.5 + 0.5·cos(−π + 2πm/512). */
    private static final double[] HANN = new double[ENVELOPE_POINTS];
    /** The clipped exponential of Equation 71, min(max(0.1891·e^{0.012·k}, 0), 1). */
    private static final double[] CLIP = new double[BINS];
    /** Per band: r_max(z) (84), f_max(z) (86), q₂(z) of the high-rate (87) and q₂ of the low-rate weighting (96). */
    private static final double[] SCALE = new double[CriticalBands.COUNT];
    private static final double[] RATE_OF_MAX_WEIGHT = new double[CriticalBands.COUNT];
    private static final double[] HIGH_Q2 = new double[CriticalBands.COUNT];
    private static final double[] LOW_Q2 = new double[CriticalBands.COUNT];
    private static final double HIGH_Q1 = 1.2822;
    private static final double LOW_Q1 = 0.7066;

    static {
        double step = (Math.PI - -Math.PI) / ENVELOPE_POINTS;
        for (int m = 0; m < ENVELOPE_POINTS; m++) {
            HANN[m] = 0.5 + 0.5 * Math.cos(m * step + -Math.PI);
        }
        for (int k = 0; k < BINS; k++) {
            CLIP[k] = Math.min(Math.max(0.1891 * Math.exp(0.012 * k), 0), 1);
        }
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            double f = CriticalBands.centreHz(z);
            double octaves = log2(f / 1000);
            // Table 11: r₁, r₂ below and from 1 kHz
            double r1 = f < 1e3 ? 0.3560 : 0.8024;
            double r2 = f < 1e3 ? 0.8049 : 0.9333;
            SCALE[z] = 1 / (1 + r1 * Math.pow(Math.abs(octaves), r2));
            RATE_OF_MAX_WEIGHT[z] = 72.6937 * (1 - 1.1739 * Math.exp(-5.4583 * f / 1000));
            HIGH_Q2[z] = f / 1000 >= Math.pow(2, -3.4253) ? 0.2471 + 0.0129 * square(octaves + 3.4253) : 0.2471;
            LOW_Q2[z] = 1.0967 - 0.064 * octaves;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RectifiedBands bands;
    private final boolean ownsBands;
    private final boolean keepSpecificSeries;
    /** Next regular block: it starts at input sample HOP·index − BLOCK_SIZE (before 0: the leading zeros). */
    private long nextBlock;
    /** A(l, z) of every block so far, and the blocks' times t_l (s). */
    private final List<double[]> estimates = new ArrayList<>();
    private double[] blockTimes = new double[256];
    private int blockCount;
    private EcmaRoughnessResult result;

    /** Standalone: its own front end. */
    public EcmaRoughness(boolean diffuseField, boolean keepSpecificSeries) {
        this(new RectifiedBands(diffuseField, new int[CriticalBands.COUNT], rawKeepSamples()), true,
                keepSpecificSeries);
    }

    /**
     * On a front end shared with other consumers: {@code bands} keeps at least {@link #rawKeepSamples()} samples
     * before rectification; the owner appends the input, calls {@link #advance()} after every append and
     * {@link #finish()} before anything appends the end padding of the other metrics.
     */
    public EcmaRoughness(RectifiedBands bands, boolean keepSpecificSeries) {
        this(bands, false, keepSpecificSeries);
    }

    private EcmaRoughness(RectifiedBands bands, boolean ownsBands, boolean keepSpecificSeries) {
        this.bands = bands;
        this.ownsBands = ownsBands;
        this.keepSpecificSeries = keepSpecificSeries;
    }

    /** The band-signal history (before rectification) the blocks need: one block. */
    public static int[] rawKeepSamples() {
        int[] keep = new int[CriticalBands.COUNT];
        Arrays.fill(keep, BLOCK_SIZE);
        return keep;
    }

    /** Feeds input samples (Pa at 48 kHz); standalone only. */
    public void accept(double[] pressurePa, int from, int length) {
        if (!ownsBands) {
            throw new IllegalStateException("the owner of the shared front end feeds it");
        }
        for (int done = 0; done < length; ) {
            int n = Math.min(RectifiedBands.maxAppend(), length - done);
            bands.append(pressurePa, from + done, n);
            advance();
            done += n;
        }
    }

    /** Input samples taken so far. */
    public long inputSamples() {
        return bands.inputSamples();
    }

    /** Processes the blocks that the input so far completes. */
    public void advance() {
        long inputEnd = RectifiedBands.LEAD_IN + bands.inputSamples();
        List<Long> starts = new ArrayList<>();
        while (RectifiedBands.LEAD_IN + nextBlock * HOP <= inputEnd) {
            starts.add(RectifiedBands.LEAD_IN + nextBlock * HOP - BLOCK_SIZE);
            addTime(nextBlock * HOP / CriticalBands.SAMPLE_RATE_HZ);
            nextBlock++;
        }
        process(starts);
    }

    /**
     * Ends the input: the last block (ending at the signal's end, Section 5.1.5 with the increased overlap), then
     * the time-dependent and overall values. Needs at least {@link #MINIMUM_SAMPLES} input samples.
     */
    public EcmaRoughnessResult finish() {
        if (result == null) {
            SpecificFrames frames = endInput();
            Aggregate aggregate = new Aggregate(frames.count, keepSpecificSeries);
            for (int l = 0; l < frames.count; l++) {
                aggregate.frame(l, frames.next());
            }
            result = aggregate.result();
        }
        return result;
    }

    /**
     * Binaural roughness, Section 7.1.11: ends both ears' input and combines their specific roughness frame by frame
     * as R′_B(l₅₀, z) = √((R′_left² + R′_right²)/2) (Equation 112), summed and aggregated as for one ear. The ears'
     * frames are produced in step, so neither ear's R′(l₅₀, z) needs to be kept.
     *
     * @return the left ear's, the right ear's and the binaural result (the ears' also from their {@link #finish})
     */
    public static EcmaRoughnessResult[] finishBinaural(EcmaRoughness left, EcmaRoughness right) {
        SpecificFrames leftFrames = left.endInput();
        SpecificFrames rightFrames = right.endInput();
        if (leftFrames.count != rightFrames.count) {
            throw new IllegalArgumentException("the two ears' signals differ in length");
        }
        int count = leftFrames.count;
        Aggregate leftAggregate = new Aggregate(count, left.keepSpecificSeries);
        Aggregate rightAggregate = new Aggregate(count, right.keepSpecificSeries);
        Aggregate binaural = new Aggregate(count, left.keepSpecificSeries && right.keepSpecificSeries);
        double[] combined = new double[CriticalBands.COUNT];
        for (int l = 0; l < count; l++) {
            double[] a = leftFrames.next();
            double[] b = rightFrames.next();
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                combined[z] = Math.sqrt((a[z] * a[z] + b[z] * b[z]) / 2);
            }
            leftAggregate.frame(l, a);
            rightAggregate.frame(l, b);
            binaural.frame(l, combined);
        }
        left.result = leftAggregate.result();
        right.result = rightAggregate.result();
        return new EcmaRoughnessResult[] {left.result, right.result, binaural.result()};
    }

    /** The last block (ending at the signal's end, Section 5.1.5 with the increased overlap), then the 50 Hz frames. */
    private SpecificFrames endInput() {
        if (result != null) {
            throw new IllegalStateException("finished already");
        }
        long n = bands.inputSamples();
        if (n < MINIMUM_SAMPLES) {
            throw new IllegalStateException("ECMA-418-2 roughness needs at least " + MINIMUM_SAMPLES + " samples");
        }
        advance();
        if (n % HOP != 0) {
            addTime(n / CriticalBands.SAMPLE_RATE_HZ);
            process(List.of(RectifiedBands.LEAD_IN + n - BLOCK_SIZE));
        }
        return new SpecificFrames(n);
    }

    private void addTime(double t) {
        if (blockCount == blockTimes.length) {
            blockTimes = Arrays.copyOf(blockTimes, 2 * blockCount);
        }
        blockTimes[blockCount++] = t;
    }

    /** Blocks starting at the given padded positions (of {@link RectifiedBands}): their A(l, z). */
    private void process(List<Long> starts) {
        if (starts.isEmpty()) {
            return;
        }
        int blocks = starts.size();
        BandBlock[][] spectra = new BandBlock[blocks][CriticalBands.COUNT];
        List<ForkJoinTask<?>> tasks = new ArrayList<>(CriticalBands.COUNT);
        for (int band = 0; band < CriticalBands.COUNT; band++) {
            int z = band;
            tasks.add(ForkJoinTask.adapt(() -> {
                Scratch scratch = SCRATCH.get();
                for (int b = 0; b < blocks; b++) {
                    int from = (int) (starts.get(b) - bands.rawStart(z));
                    spectra[b][z] = BandBlock.of(z, bands.rawHistory(z), from, scratch);
                }
            }));
        }
        ForkJoinTask.invokeAll(tasks);
        for (BandBlock[] block : spectra) {
            estimates.add(estimates(block));
        }
    }

    /** One band's block: basis loudness N′(l, z), Σ of the windowed envelope's squares and |DFT|² for k ≤ 256. */
    private record BandBlock(double basisLoudness, double envelopeEnergy, double[] power) {
        /** A band below its threshold in quiet in this block: no envelope analysis needed. */
        static final BandBlock SILENT = new BandBlock(0, 0, new double[BINS]);

        static BandBlock of(int band, double[] signal, int from, Scratch s) {
            // Sections 5.1.6 to 5.1.9 on the rectified block; Σx² in refmap's (row-wise, sequential) order
            double sumOfSquares = 0;
            for (int i = 0; i < BLOCK_SIZE; i++) {
                double x = signal[from + i];
                if (x > 0) {
                    sumOfSquares += x * x;
                }
            }
            double basis = BasisLoudness.of(band, sumOfSquares, BLOCK_SIZE);
            if (basis == 0) {
                // Equation 66 scales the band's spectrum by N′(l, z)² = 0: exactly zero whatever the envelope
                return SILENT;
            }
            // Equation 65: |analytic signal| (scipy.signal.hilbert) at every 32nd sample. Only those samples are
            // needed, so the one-sided spectrum is folded onto 512 bins and inverted with 512 points.
            double[] a = s.block;
            System.arraycopy(signal, from, a, 0, BLOCK_SIZE);
            s.blockFft.realForward(a);
            double[] folded = s.folded;
            folded[0] = a[0];
            folded[1] = 0;
            for (int k = 1; k < ENVELOPE_POINTS; k++) {
                folded[2 * k] = 2 * a[2 * k];
                folded[2 * k + 1] = 2 * a[2 * k + 1];
            }
            for (int offset = ENVELOPE_POINTS; offset < BLOCK_SIZE / 2; offset += ENVELOPE_POINTS) {
                for (int k = 0; k < ENVELOPE_POINTS; k++) {
                    folded[2 * k] += 2 * a[2 * (offset + k)];
                    folded[2 * k + 1] += 2 * a[2 * (offset + k) + 1];
                }
            }
            folded[0] += a[1]; // X_{N/2}, weight 1, lands on bin 0
            s.envelopeInverse.complexInverse(folded, false);
            double[] windowed = s.windowed;
            for (int m = 0; m < ENVELOPE_POINTS; m++) {
                double re = folded[2 * m] / BLOCK_SIZE;
                double im = folded[2 * m + 1] / BLOCK_SIZE;
                windowed[m] = Math.sqrt(re * re + im * im) * HANN[m] / WINDOW_NORM;
            }
            double[] squares = s.squares;
            for (int m = 0; m < ENVELOPE_POINTS; m++) {
                squares[m] = windowed[m] * windowed[m];
            }
            double energy = PairwiseSum.sum(squares, 0, ENVELOPE_POINTS);
            s.envelopeFft.forward(windowed);
            double[] power = new double[BINS];
            power[0] = windowed[0] * windowed[0];
            power[BINS - 1] = windowed[1] * windowed[1];
            for (int k = 1; k < BINS - 1; k++) {
                double magnitude = Math.sqrt(windowed[2 * k] * windowed[2 * k] + windowed[2 * k + 1] * windowed[2 * k + 1]);
                power[k] = magnitude * magnitude;
            }
            return new BandBlock(basis, energy, power);
        }
    }

    /** Sections 7.1.3 to 7.1.5 for one block: A(l, z) of the 53 bands. */
    private static double[] estimates(BandBlock[] block) {
        int bandCount = CriticalBands.COUNT;
        double maxBasis = Double.NEGATIVE_INFINITY;
        for (BandBlock b : block) {
            maxBasis = Math.max(maxBasis, b.basisLoudness);
        }
        // Equations 66, 67: Φ_E(k) scaled by N′(l, z)²/(max_z N′(l, z)·Σ windowed envelope²)
        double[][] spectra = new double[bandCount][BINS];
        for (int z = 0; z < bandCount; z++) {
            double denominator = maxBasis * block[z].envelopeEnergy;
            if (denominator != 0) {
                double scaling = block[z].basisLoudness * block[z].basisLoudness / denominator;
                for (int k = 0; k < BINS; k++) {
                    spectra[z][k] = scaling * block[z].power[k];
                }
            }
        }
        // Section 7.1.4: mean over the band and its two neighbours (the outermost bands as they are), Equation 68
        double[][] averaged = new double[bandCount][];
        averaged[0] = spectra[0];
        averaged[bandCount - 1] = spectra[bandCount - 1];
        for (int z = 1; z < bandCount - 1; z++) {
            double[] mean = new double[BINS];
            for (int k = 0; k < BINS; k++) {
                mean[k] = (spectra[z - 1][k] + spectra[z][k] + spectra[z + 1][k]) / 3;
            }
            averaged[z] = mean;
        }
        double[] total = new double[BINS];
        for (int z = 0; z < bandCount; z++) {
            for (int k = 0; k < BINS; k++) {
                total[k] += averaged[z][k];
            }
        }
        // Equation 71: w̃(k) = 0.0856·s(k)/(median of s(2 … 255) + 1e-10)·clip(k)
        double[] middle = Arrays.copyOfRange(total, 2, 256);
        Arrays.sort(middle);
        double median = (middle[middle.length / 2 - 1] + middle[middle.length / 2]) / 2;
        double[] clipWeight = new double[BINS];
        double maxClipWeight = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < BINS; k++) {
            clipWeight[k] = 0.0856 * total[k] / (median + 1e-10) * CLIP[k];
            if (k >= 2 && k < 256) {
                maxClipWeight = Math.max(maxClipWeight, clipWeight[k]);
            }
        }
        // Equation 70: w(k) = clip(w̃(k) − 0.1407, 0, 1) where w̃(k) ≥ 0.05·max w̃, else 0
        double[] weight = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            if (clipWeight[k] >= 0.05 * maxClipWeight) {
                weight[k] = Math.min(Math.max(clipWeight[k] - 0.1407, 0), 1);
            }
        }
        double[] estimates = new double[bandCount];
        double[] weighted = new double[BINS];
        double[] amplitudes = new double[ModulationPeaks.MAX_PEAKS];
        double[] rates = new double[ModulationPeaks.MAX_PEAKS];
        double[] highWeighted = new double[ModulationPeaks.MAX_PEAKS];
        double[] fundamentalWeighted = new double[ModulationPeaks.MAX_PEAKS];
        double[] lowWeighted = new double[ModulationPeaks.MAX_PEAKS];
        for (int z = 0; z < bandCount; z++) {
            for (int k = 0; k < BINS; k++) {
                weighted[k] = averaged[z][k] * weight[k]; // Equation 69
            }
            ModulationPeaks.pick(weighted, amplitudes, rates);
            double rateOfMax = RATE_OF_MAX_WEIGHT[z];
            for (int i = 0; i < rates.length; i++) {
                // Equation 83 with the high-rate weighting of Equation 85
                double a = amplitudes[i] * SCALE[z];
                if (rates[i] <= ModulationPeaks.RESOLUTION_HZ) {
                    a = 0;
                } else if (rates[i] > rateOfMax) {
                    a = a * weighting(rates[i], rateOfMax, HIGH_Q1, HIGH_Q2[z]);
                }
                highWeighted[i] = a;
            }
            double fundamental = ModulationPeaks.fundamental(rates, highWeighted, fundamentalWeighted);
            // Equation 95 with the low-rate weighting of Equation 96
            double low = weighting(fundamental, rateOfMax, LOW_Q1, LOW_Q2[z]);
            for (int i = 0; i < lowWeighted.length; i++) {
                lowWeighted[i] = low * fundamentalWeighted[i];
            }
            double estimate;
            if (fundamental <= ModulationPeaks.RESOLUTION_HZ) {
                estimate = 0;
            } else if (fundamental > rateOfMax) {
                estimate = PairwiseSum.sum(fundamentalWeighted);
            } else {
                estimate = PairwiseSum.sum(lowWeighted);
            }
            estimates[z] = estimate < ESTIMATE_THRESHOLD ? 0 : estimate;
        }
        return estimates;
    }

    /** G(f) = 1/(1 + ((f/f_max − f_max/f)·q₁)²)^{q₂}, Equations 85 and 95; 0 for f = 0. */
    private static double weighting(double rate, double rateOfMax, double q1, double q2) {
        if (rate == 0) {
            return 0;
        }
        double x = (rate / rateOfMax - rateOfMax / rate) * q1;
        return 1 / Math.pow(1 + x * x, q2);
    }

    /**
     * Section 7.1.7 frame by frame: the block estimates interpolated (PCHIP) onto the 50 Hz grid, transformed
     * (Equations 104 to 108) and low-passed (109, 110) into the specific roughness R′(l₅₀, z).
     */
    private final class SpecificFrames {
        final int count;
        private final double duration;
        private final double step;
        private final Pchip[] interpolants = new Pchip[CriticalBands.COUNT];
        private final double[] specific = new double[CriticalBands.COUNT];
        private final double[] filtered = new double[CriticalBands.COUNT];
        private int l;

        SpecificFrames(long n) {
            int blocks = estimates.size();
            double[] times = Arrays.copyOf(blockTimes, blocks);
            duration = n / CriticalBands.SAMPLE_RATE_HZ;
            count = (int) Math.floor(n / CriticalBands.SAMPLE_RATE_HZ * FRAME_RATE_HZ) + 1;
            step = duration / (count - 1);
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                double[] values = new double[blocks];
                for (int b = 0; b < blocks; b++) {
                    values[b] = estimates.get(b)[z];
                }
                interpolants[z] = new Pchip(times, values);
            }
        }

        /** R′(l₅₀, z) of the next frame, in an array reused by the following call. */
        double[] next() {
            double t = l == count - 1 ? duration : l * step; // numpy.linspace(0, duration, count)
            double sumOfSquares = 0;
            double sum = 0;
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                double r = interpolants[z].value(t);
                specific[z] = r < 0 ? 0 : r;
                sumOfSquares += specific[z] * specific[z];
                sum += specific[z];
            }
            // Equations 105 to 108: the exponent from the ratio of the bands' RMS to their mean
            double rms = Math.sqrt(sumOfSquares / CriticalBands.COUNT);
            double mean = sum / CriticalBands.COUNT;
            double ratio = mean != 0 ? rms / mean : 0;
            double exponent = (0.95555 - 0.58449) * (Math.tanh(1.6407 * (ratio - 2.5804)) + 1) * 0.5 + 0.58449;
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                double transformed = CALIBRATION * Math.pow(specific[z], exponent); // Equation 104
                if (l == 0) {
                    filtered[z] = transformed;
                } else {
                    // Equations 109, 110: faster rise than fall
                    double a = transformed >= filtered[z] ? RISE : FALL;
                    filtered[z] = transformed * (1 - a) + filtered[z] * a;
                }
            }
            l++;
            return filtered;
        }
    }

    /** Sections 7.1.8 to 7.1.10 frame by frame: R(l₅₀) = Σ_z R′·Δz (Equation 111), R′(z) and R from l₅₀ = 16 on. */
    private static final class Aggregate {
        private final double[] series;
        private final double[][] specificSeries;
        private final double[] specificSum = new double[CriticalBands.COUNT];

        Aggregate(int frames, boolean keepSpecificSeries) {
            series = new double[frames];
            specificSeries = keepSpecificSeries ? new double[frames][] : null;
        }

        void frame(int l, double[] specific) {
            double total = 0;
            for (int z = 0; z < CriticalBands.COUNT; z++) {
                total += specific[z] * CriticalBands.BAND_STEP_BARK;
                if (l >= FIRST_AVERAGED_FRAME) {
                    specificSum[z] += specific[z];
                }
            }
            series[l] = total;
            if (specificSeries != null) {
                specificSeries[l] = specific.clone();
            }
        }

        EcmaRoughnessResult result() {
            int frames = series.length;
            double[] specificAverage = new double[CriticalBands.COUNT];
            for (int z = 0; z < specificAverage.length; z++) {
                specificAverage[z] = specificSum[z] / (frames - FIRST_AVERAGED_FRAME);
            }
            // Section 7.1.10: the 90th percentile (numpy's linear rule)
            double overall = Percentile.linear(Arrays.copyOfRange(series, FIRST_AVERAGED_FRAME, frames), 90);
            return new EcmaRoughnessResult(overall, specificAverage, series, specificSeries, 1 / FRAME_RATE_HZ);
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double square(double x) {
        return x * x;
    }

    /** Per-thread plans and work arrays (plans are not thread-safe; the results do not depend on the thread). */
    private static final class Scratch {
        /**
         * JTransforms for the 16 384-point block transform: its power-of-two split-radix path allocates nothing and
         * took 79 µs against RealFft's 141 µs here (RealFft is built for the mixed radices of other metrics).
         */
        final DoubleFFT_1D blockFft = Fft.plan(BLOCK_SIZE);
        final DoubleFFT_1D envelopeInverse = Fft.plan(ENVELOPE_POINTS);
        final RealFft envelopeFft = new RealFft(ENVELOPE_POINTS);
        final double[] block = new double[BLOCK_SIZE];
        final double[] folded = new double[2 * ENVELOPE_POINTS];
        final double[] windowed = new double[ENVELOPE_POINTS];
        final double[] squares = new double[ENVELOPE_POINTS];
    }
}
