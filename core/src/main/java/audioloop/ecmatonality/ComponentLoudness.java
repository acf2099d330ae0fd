package audioloop.ecmatonality;

import audioloop.dsp.PairwiseSum;
import audioloop.dsp.RealFft;
import audioloop.hearingmodel.BasisLoudness;
import audioloop.hearingmodel.CriticalBands;
import audioloop.hearingmodel.RectifiedBands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinTask;

/**
 * Specific loudness of the tonal and the noise component of every critical band, ECMA-418-2:2025 Sections 6.2.2 to
 * 6.2.8, as refmap-psychoacoustics' {@code shm_tonality_ecma} computes them, fed block by block. Both the tonality
 * (Section 6) and the loudness (Section 8) of the standard are derived from these two quantities.
 *
 * <p>Per band and block (block size s_b(z) of Table 4, 75 % overlap, blocks ending on a common grid): the unbiased
 * normalised autocorrelation function of the rectified band signal times the block's basis loudness (Equations 27
 * to 29), averaged over the neighbouring bands of Table 5 and, below band 16, over three consecutive blocks; in
 * the lag window of Equations 31 to 35 its spectrum's largest magnitude estimates the tonal loudness (36, 37);
 * both that and the lag-0 value (the band's loudness, 41) are brought to the common frame rate of 187.5 Hz by
 * linear interpolation (Section 6.2.6, Table 6) and go through the noise reduction of Section 6.2.7 (42 to 48).
 *
 * <p>Frames come out in order through a {@link FrameSink}: frame l stands for t = l/187.5 s, l = 0 … ⌈n/256⌉ for n
 * input samples (Equation 40). Only the recent signal and per-band state are held, so the memory does not grow
 * with the input's length.
 */
public final class ComponentLoudness {
    /** Frame rate r_sd of the results, Section 6.2.6: 48 kHz over the smallest hop (256). */
    public static final double FRAME_RATE_HZ = 187.5;
    /** Shortest input refmap accepts: more than 300 ms. */
    public static final int MINIMUM_SAMPLES = 14_401;
    private static final int HOP_1024 = 256;
    /** Section 6.2.2 Table 4: 75 % overlap. */
    private static final int HOP_DIVISOR = 4;
    /** Footnote 14: the ε guarding divisions. */
    static final double EPSILON = 1e-12;
    /** Noise reduction constants, Table 7. */
    private static final double ALPHA = 20;
    private static final double BETA = 0.07;
    /** Time constant of the noise-reduction low-pass, footnote 20, and its order, footnote 21. */
    private static final double LOW_PASS_TAU_S = 1.0 / 32 * 6 / 7;

    /** Receives the frames in order. The arrays are reused after the call returns. */
    public interface FrameSink {
        /**
         * @param frame         frame index l (t = l/187.5 s)
         * @param tonalLoudness N′_tonal(l, z) of the 53 bands, sone_HMS/Bark_HMS, ≥ 0
         * @param noiseLoudness N′_noise(l, z) of the 53 bands, ≥ 0
         */
        void frame(int frame, double[] tonalLoudness, double[] noiseLoudness);
    }

    private final RectifiedBands bands;
    private final BandBlocks[] pairs;
    private final TargetBand[] targets = new TargetBand[CriticalBands.COUNT];
    private final FrameSink sink;
    private final double[] frameTonal = new double[CriticalBands.COUNT];
    private final double[] frameNoise = new double[CriticalBands.COUNT];
    private int framesOut;
    /** Last frame to hand on: l_end once the input's length is known. */
    private int frameLimit = Integer.MAX_VALUE - 1;

    public ComponentLoudness(boolean diffuseField, FrameSink sink) {
        this(new RectifiedBands(diffuseField, keepSamples()), sink);
    }

    /**
     * On a front end shared with other consumers (roughness): {@code bands} keeps at least {@link #keepSamples()}
     * rectified samples per band; the owner appends the input and calls {@link #advance()} after every append,
     * and lets the other consumers read the input's end before {@link #finish()} appends the end padding.
     */
    public ComponentLoudness(RectifiedBands bands, FrameSink sink) {
        this.sink = sink;
        this.bands = bands;
        Map<Long, BandBlocks> byKey = new HashMap<>();
        List<BandBlocks> order = new ArrayList<>();
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            int blockSize = blockSize(z);
            int[] range = averagedBands(z);
            BandBlocks[] sources = new BandBlocks[range[1] - range[0] + 1];
            int lags = lagWindowEnd(z) + 1;
            for (int b = range[0]; b <= range[1]; b++) {
                long key = (long) b << 32 | blockSize;
                BandBlocks pair = byKey.get(key);
                if (pair == null) {
                    pair = new BandBlocks(b, blockSize);
                    byKey.put(key, pair);
                    order.add(pair);
                }
                pair.lags = Math.max(pair.lags, lags);
                sources[b - range[0]] = pair;
            }
            targets[z] = new TargetBand(z, sources);
        }
        pairs = order.toArray(new BandBlocks[0]);
    }

    /** Per band, the rectified history the blocks need: the largest block size cut from it. */
    public static int[] keepSamples() {
        int[] keep = new int[CriticalBands.COUNT];
        for (int z = 0; z < CriticalBands.COUNT; z++) {
            int[] range = averagedBands(z);
            for (int b = range[0]; b <= range[1]; b++) {
                keep[b] = Math.max(keep[b], blockSize(z));
            }
        }
        return keep;
    }

    /** Block size s_b(z), Table 4. */
    static int blockSize(int band) {
        return band < 3 ? 8192 : band < 16 ? 4096 : band < 25 ? 2048 : 1024;
    }

    /** First and last band whose ACFs are averaged for band z (N_B of Table 5, limited to the existing bands). */
    static int[] averagedBands(int band) {
        if (band < 3) {
            return new int[] {0, new int[] {1, 2, 4}[band]};
        }
        if (band < 16) {
            return new int[] {band - 2, band + 2};
        }
        if (band < 25) {
            return new int[] {band - 1, band + 1};
        }
        return new int[] {band, band};
    }

    /** m_start(z), Equations 31 and 33. */
    static int lagWindowStart(int band) {
        double tauStart = Math.max(0.5 / CriticalBands.bandwidthHz(band), 2e-3);
        return (int) (Math.ceil(tauStart * CriticalBands.SAMPLE_RATE_HZ) - 1);
    }

    /** m_end(z), Equations 32 and 34. */
    static int lagWindowEnd(int band) {
        double tauStart = Math.max(0.5 / CriticalBands.bandwidthHz(band), 2e-3);
        double tauEnd = Math.max(4 / CriticalBands.bandwidthHz(band), tauStart + 1e-3);
        return (int) (Math.floor(tauEnd * CriticalBands.SAMPLE_RATE_HZ) - 1);
    }

    /** Last frame index l_end of Equation 40 for n input samples. */
    public static int lastFrame(long inputSamples) {
        return (int) Math.ceil(inputSamples / CriticalBands.SAMPLE_RATE_HZ * FRAME_RATE_HZ);
    }

    /** Feeds input samples (Pa at 48 kHz). */
    public void accept(double[] pressurePa, int from, int length) {
        for (int done = 0; done < length; ) {
            int n = Math.min(RectifiedBands.maxAppend(), length - done);
            bands.append(pressurePa, from + done, n);
            process(-1);
            done += n;
        }
    }

    /** On a shared front end: processes what the owner's last append made available. */
    public void advance() {
        process(-1);
    }

    /** Input samples taken so far. */
    public long inputSamples() {
        return bands.inputSamples();
    }

    /**
     * Appends the end padding of Section 5.1.2 and delivers the remaining frames up to l_end.
     *
     * @return the number of frames delivered in all, l_end + 1
     */
    public int finish() {
        long n = bands.inputSamples();
        long hopMax = 8192 / HOP_DIVISOR;
        long total = 2L * RectifiedBands.LEAD_IN + hopMax * ((n + hopMax - 1) / hopMax);
        frameLimit = lastFrame(n);
        while (bands.end() < total) {
            bands.append(null, 0, (int) Math.min(RectifiedBands.maxAppend(), total - bands.end()));
            process(-1);
        }
        process(lastFrame(n));
        return framesOut;
    }

    /** Cuts the blocks now complete, turns them into band frames and hands on the frames all bands have. */
    private void process(int lastFrame) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(pairs.length);
        for (BandBlocks pair : pairs) {
            tasks.add(ForkJoinTask.adapt(pair::cut));
        }
        ForkJoinTask.invokeAll(tasks);
        tasks.clear();
        for (TargetBand target : targets) {
            tasks.add(ForkJoinTask.adapt(() -> target.advance(lastFrame)));
        }
        ForkJoinTask.invokeAll(tasks);
        for (BandBlocks pair : pairs) {
            pair.blocks.clear();
        }
        int ready = frameLimit + 1;
        for (TargetBand target : targets) {
            ready = Math.min(ready, target.framesReady());
        }
        for (; framesOut < ready; framesOut++) {
            for (TargetBand target : targets) {
                target.takeFrame(framesOut, frameTonal, frameNoise);
            }
            sink.frame(framesOut, frameTonal, frameNoise);
        }
        for (TargetBand target : targets) {
            target.dropFramesBefore(framesOut);
        }
    }

    /**
     * One band cut into blocks of one size: per block the unbiased normalised ACF times the basis loudness
     * (Equations 27 to 29), for lags 0 … lags − 1.
     */
    private final class BandBlocks {
        final int band;
        final int blockSize;
        final int hop;
        int lags;
        long nextBlock;
        final List<double[]> blocks = new ArrayList<>();
        private final double[] tailEnergy;
        private final double[] headEnergy;
        private final double[] squares;
        /** This pair's own plan: the pairs are cut in parallel tasks, and plans are not thread-safe. */
        private RealFft fft;

        BandBlocks(int band, int blockSize) {
            this.band = band;
            this.blockSize = blockSize;
            this.hop = blockSize / HOP_DIVISOR;
            tailEnergy = new double[blockSize];
            headEnergy = new double[blockSize];
            squares = new double[blockSize];
        }

        /** Block k ends at padded position LEAD_IN + k·hop (its start is LEAD_IN − s_b + k·hop, Section 5.1.5). */
        void cut() {
            while (RectifiedBands.LEAD_IN + nextBlock * hop <= bands.end()) {
                long startPosition = RectifiedBands.LEAD_IN + nextBlock * hop - blockSize;
                blocks.add(acf(bands.history(band), (int) (startPosition - bands.start(band))));
                nextBlock++;
            }
        }

        private double[] acf(double[] x, int from) {
            int n = blockSize;
            if (fft == null) {
                // 2·s_b points as refmap (Equation 27 with zero padding). Any length ≥ s_b + lags is as exact, but
                // T(l) is so sensitive to rounding near the sigmoids' thresholds that a shorter one moved it by
                // 1.4e-6 of its maximum on the 10 ms tone pulse (measured)
                fft = new RealFft(2 * n);
            }
            double[] a = new double[2 * n];
            System.arraycopy(x, from, a, 0, n);
            // Equations 22/23 on the block RMS; Σx² summed as numpy does (pairwise)
            for (int i = 0; i < n; i++) {
                squares[i] = x[from + i] * x[from + i];
            }
            double basis = BasisLoudness.of(band, PairwiseSum.sum(squares), n);
            fft.forward(a);
            a[0] = a[0] * a[0];
            a[1] = a[1] * a[1];
            for (int k = 2; k < 2 * n; k += 2) {
                a[k] = a[k] * a[k] + a[k + 1] * a[k + 1];
                a[k + 1] = 0;
            }
            fft.inverse(a);
            // Equation 29: the unbiased normalisation by the energies of the overlapping parts (numpy cumsum order)
            double sum = 0;
            for (int i = n - 1; i >= 0; i--) {
                sum += x[from + i] * x[from + i];
                tailEnergy[i] = sum;
            }
            sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[from + i] * x[from + i];
                headEnergy[i] = sum;
            }
            double[] out = new double[lags];
            double scale = 1.0 / (2 * n);
            for (int m = 0; m < lags; m++) {
                double denominator = Math.sqrt(tailEnergy[m] * headEnergy[n - 1 - m]) + EPSILON;
                out[m] = a[m] * scale / denominator * basis;
            }
            return out;
        }
    }

    /** One critical band's way from averaged ACFs to N′_tonal(l, z) and N′_noise(l, z). */
    private static final class TargetBand {
        /** Sigmoid parameters c(s_b), d(s_b) of Table 8, by block size 8192, 4096, 2048, 1024. */
        private static final Map<Integer, double[]> SIGMOID = Map.of(
                8192, new double[] {18.21, 0.36}, 4096, new double[] {12.14, 0.36},
                2048, new double[] {417.54, 0.71}, 1024, new double[] {962.68, 0.69});

        final int band;
        final BandBlocks[] sources;
        final int blockSize;
        final int interpolation;
        final boolean smoothInTime;
        final int lagStart;
        final int lagEnd;
        final double noiseThresholdG;
        final LowPass tonalLowPass = new LowPass();
        final LowPass snrLowPass = new LowPass();
        final LowPass loudnessLowPass = new LowPass();
        /** This band's plan for the lag spectrum (bands run as parallel tasks; plans are not thread-safe). */
        RealFft lagFft;
        /** Averaged ACFs of the last two blocks (for the three-block mean below band 16). */
        double[] older;
        double[] previous;
        long averagedBlocks;
        /** The previous block's tonal-loudness estimate and loudness, for the interpolation to frames. */
        double previousTonal;
        double previousLoudness;
        long blocksDone;
        /** Frames computed and not yet handed on: frame index firstFrame + i. */
        double[] tonal = new double[64];
        double[] noise = new double[64];
        int firstFrame;
        int frames;

        TargetBand(int band, BandBlocks[] sources) {
            this.band = band;
            this.sources = sources;
            blockSize = blockSize(band);
            interpolation = blockSize / 1024;
            smoothInTime = band < 16;
            lagStart = lagWindowStart(band);
            lagEnd = lagWindowEnd(band);
            double[] sigmoid = SIGMOID.get(blockSize);
            noiseThresholdG = sigmoid[0] / Math.pow(CriticalBands.centreHz(band), sigmoid[1]);
        }

        int framesReady() {
            return firstFrame + frames;
        }

        void takeFrame(int frame, double[] tonalOut, double[] noiseOut) {
            int i = frame - firstFrame;
            // the reference sets tiny negative values to zero after the noise reduction
            tonalOut[band] = tonal[i] < 0 ? 0 : tonal[i];
            noiseOut[band] = noise[i] < 0 ? 0 : noise[i];
        }

        void dropFramesBefore(int frame) {
            int drop = frame - firstFrame;
            System.arraycopy(tonal, drop, tonal, 0, frames - drop);
            System.arraycopy(noise, drop, noise, 0, frames - drop);
            frames -= drop;
            firstFrame = frame;
        }

        /** Consumes the new blocks of the sources; {@code lastFrame ≥ 0} at the end of the input. */
        void advance(int lastFrame) {
            int count = sources[0].blocks.size();
            for (int i = 0; i < count; i++) {
                double[] mean = Arrays.copyOf(sources[0].blocks.get(i), lagEnd + 1);
                for (int s = 1; s < sources.length; s++) {
                    double[] other = sources[s].blocks.get(i);
                    for (int m = 0; m < mean.length; m++) {
                        mean[m] += other[m];
                    }
                }
                for (int m = 0; m < mean.length; m++) {
                    mean[m] /= sources.length;
                }
                averaged(mean);
            }
            if (lastFrame >= 0) {
                if (smoothInTime) {
                    // the three-block mean is undefined at the last block: the reference's NaN → 0
                    block(null);
                }
                emitLastFrames(lastFrame);
            }
        }

        private void averaged(double[] acf) {
            if (!smoothInTime) {
                block(acf);
                return;
            }
            // Section 6.2.3: moving mean over blocks l − 1, l, l + 1; zero at the first and last block
            if (averagedBlocks == 1) {
                block(null);
            } else if (averagedBlocks >= 2) {
                double[] mean = new double[acf.length];
                for (int m = 0; m < acf.length; m++) {
                    mean[m] = (older[m] + previous[m] + acf[m]) / 3;
                }
                block(mean);
            }
            older = previous;
            previous = acf;
            averagedBlocks++;
        }

        /** One block's averaged ACF (null: all zero) → tonal loudness estimate and band loudness, then frames. */
        private void block(double[] acf) {
            double loudness = 0;
            double tonalEstimate = 0;
            if (acf != null) {
                loudness = acf[0];
                tonalEstimate = Math.min(loudness, tonalEstimate(acf));
            }
            if (blocksDone == 0) {
                previousTonal = tonalEstimate;
                previousLoudness = loudness;
            } else {
                double slopeTonal = tonalEstimate - previousTonal;
                double slopeLoudness = loudness - previousLoudness;
                for (int j = 0; j < interpolation; j++) {
                    double fraction = (double) j / interpolation;
                    frame(slopeTonal * fraction + previousTonal, slopeLoudness * fraction + previousLoudness);
                }
                previousTonal = tonalEstimate;
                previousLoudness = loudness;
            }
            blocksDone++;
        }

        /** At the end: the frame at the last block itself, if l_end reaches it; frames beyond l_end are cut. */
        private void emitLastFrames(int lastFrame) {
            if (framesReady() <= lastFrame) {
                frame(previousTonal, previousLoudness);
            }
            frames = Math.max(0, Math.min(frames, lastFrame + 1 - firstFrame));
        }

        /**
         * Equations 35 to 37: the ACF in the lag window, detrended, its spectrum's largest magnitude scaled to
         * a loudness, 2·max|Φ′(k)|/(M/2).
         */
        private double tonalEstimate(double[] acf) {
            int window = lagEnd - lagStart + 1;
            double mean = PairwiseSum.sum(acf, lagStart, window) / window;
            double[] detrended = new double[window];
            for (int m = 0; m < window; m++) {
                detrended[m] = acf[lagStart + m] - mean;
            }
            // |DFT| does not depend on where the window sits in the zero-padded sequence
            if (lagFft == null) {
                lagFft = new RealFft(LagSpectrumPeak.coarsePoints(window));
            }
            double max = LagSpectrumPeak.maxMagnitude(detrended, window, lagFft);
            if (max <= EPSILON) {
                max = 0;
            }
            return 2 * max / (window / 2.0);
        }

        /** Section 6.2.7, Equations 42 to 48, for one frame. */
        private void frame(double tonalEstimate, double loudness) {
            double snrEstimate = tonalEstimate / ((loudness - tonalEstimate) + EPSILON);
            double tonalSmoothed = tonalLowPass.next(tonalEstimate);
            double snr = snrLowPass.next(snrEstimate);
            double crit = Math.exp(-ALPHA * ((snr / noiseThresholdG) - BETA));
            double weight = crit >= 1 ? 0 : 1 - crit;
            double tonalLoudness = weight * tonalSmoothed;
            double noiseLoudness = loudnessLowPass.next(loudness) - tonalLoudness;
            if (frames == tonal.length) {
                tonal = Arrays.copyOf(tonal, 2 * frames);
                noise = Arrays.copyOf(noise, 2 * frames);
            }
            tonal[frames] = tonalLoudness;
            noise[frames] = noiseLoudness;
            frames++;
        }
    }

    /**
     * The noise-reduction low-pass of Section 6.2.7 (Equations 13 to 15 with k = 3, e = {0, 1, 1}, footnotes 20
     * and 21) at the frame rate, as scipy's {@code lfilter} runs it.
     */
    private static final class LowPass {
        private static final double D = Math.exp(-1 / (FRAME_RATE_HZ * LOW_PASS_TAU_S));
        private static final double A1 = -D * 3;
        private static final double A2 = Math.pow(-D, 2) * 3;
        private static final double A3 = Math.pow(-D, 3);
        private static final double GAIN = Math.pow(1 - D, 3) / (D + D * D);
        private static final double B1 = GAIN * D;
        private static final double B2 = GAIN * Math.pow(D, 2);
        private double z0;
        private double z1;
        private double z2;

        double next(double x) {
            double y = z0 + 0 * x;
            z0 = z1 + x * B1 - y * A1;
            z1 = z2 + x * B2 - y * A2;
            z2 = x * 0 - y * A3;
            return y;
        }
    }
}
