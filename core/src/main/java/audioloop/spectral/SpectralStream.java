package audioloop.spectral;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * The spectral block for a signal fed block by block, for files too long to hold (an hour at 48 kHz is 1.4 GB of
 * samples and a 2.8 GB spectrogram). The same per-frame code as {@link SpectralAnalyzer} gives the same values;
 * what needs the whole file first takes three passes over the signal, each recomputing the STFT:
 * <ol>
 * <li>every one-frame feature ({@link FrameFeatures}), rms, zcr, pitch; the largest mel dB value (for the 80 dB
 *     floor) and where the median magnitude of the tuning's peaks lies ({@link Tuning.TwoPassEstimate});</li>
 * <li>the floored dB mel spectrogram → MFCC, onset envelopes, the sums for the mel dB means; the tuning;</li>
 * <li>chroma with that tuning; the mel dB squared deviations from the means (numpy's two-pass std).</li>
 * </ol>
 * Kept for the whole file: about 50 values per frame (the one-row features, contrast, MFCC and chroma, column by
 * column); the {@code [frame][128]} mel dB spectrogram only when the series are wanted.
 *
 * <p>Frames are computed in batches as their samples arrive, each batch split into chunks that run as fork/join
 * tasks in the caller's pool; per-frame values do not depend on the chunking, and what is gathered across frames
 * is a maximum, integer counts or a sum in frame order, so the result does not depend on the pool size.
 */
public final class SpectralStream {
    public static final int PASSES = 3;
    private static final int BATCH_FRAMES = 256;
    private static final int FRAMES_PER_TASK = 64;

    /**
     * The streamed analysis: the frame series — the multi-row ones ({@code spectralContrast}, {@code mfcc},
     * {@code chromaStft}, {@code melDb}) only when kept, {@code melPower} never — and the per-row statistics.
     */
    public record Result(SpectralFrames frames, FeatureStats.PerRow contrastStats, FeatureStats.PerRow mfccStats,
                         FeatureStats.PerRow chromaStats, FeatureStats.PerRow melDbStats) {
    }

    private final long length;
    private final int frames;
    private final boolean keepSeries;
    private final ObjIntConsumer<double[]> melDbFrames;
    private final FrameFeatures features;
    private final FrameFeatures.Worker[] workers = new FrameFeatures.Worker[BATCH_FRAMES / FRAMES_PER_TASK];
    private final Rms.Accumulator rms;
    private final ZeroCrossingRate.Accumulator zcr;
    private final Tuning.TwoPassEstimate tuning = new Tuning.TwoPassEstimate();
    private final double[][] mfccBasis = Mfcc.dctBasis(Mfcc.N_MFCC, MelFilterbank.N_MELS);
    /** {@code [row][frame]}: MFCC and chroma, column by column. */
    private final double[][] mfcc = new double[Mfcc.N_MFCC][];
    private final double[][] chroma = new double[Chroma.N_CHROMA][];
    private final double[] onsetMean;
    private final double[] onsetMedian;
    private final double[][] melDb;

    /** Samples {@code bufferStart … bufferStart + buffered − 1} of the signal. */
    private final double[] buffer = new double[BATCH_FRAMES * Stft.HOP + Stft.N_FFT];
    private long bufferStart;
    private int buffered;
    private int pass = -1;
    private int nextFrame;
    private long received;

    private double melDbFloor;
    private PairwiseColumns melDbSums;
    private PairwiseColumns melDbSquaredDeviations;
    private double[] melDbMean;
    private double[] melDbMin;
    private double[] melDbMax;
    private double tuningValue;
    private double[][] chromaBank;
    /** dB mel rows of the current batch (pass 1 and 2), of the frame before it, and scratch of a row. */
    private final double[][] batchMelDb = new double[BATCH_FRAMES][MelFilterbank.N_MELS];
    private final double[] previousMelDb = new double[MelFilterbank.N_MELS];
    private final double[] scratch = new double[MelFilterbank.N_MELS];

    /**
     * @param totalSamples48k the signal's length: exactly this many samples are fed in each pass
     * @param keepSeries      whether the multi-row series are kept (the JSON's {@code --series})
     */
    public SpectralStream(long totalSamples48k, boolean keepSeries) {
        this(totalSamples48k, keepSeries, null);
    }

    /**
     * @param melDbFrames receives every frame's floored dB mel row (row, frame) in frame order, in the second pass
     *                    (the row is reused after the call); {@code null} for none
     */
    public SpectralStream(long totalSamples48k, boolean keepSeries, ObjIntConsumer<double[]> melDbFrames) {
        if (totalSamples48k >= (long) Integer.MAX_VALUE - Stft.N_FFT) {
            throw new IllegalArgumentException("signal too long: " + totalSamples48k + " samples");
        }
        this.length = totalSamples48k;
        this.frames = Stft.frameCount((int) totalSamples48k);
        this.keepSeries = keepSeries;
        this.melDbFrames = melDbFrames;
        this.features = new FrameFeatures(frames, Pitch.frameCount(totalSamples48k), false);
        this.rms = new Rms.Accumulator(totalSamples48k);
        this.zcr = new ZeroCrossingRate.Accumulator(totalSamples48k);
        for (int r = 0; r < mfcc.length; r++) {
            mfcc[r] = new double[frames];
        }
        for (int r = 0; r < chroma.length; r++) {
            chroma[r] = new double[frames];
        }
        onsetMean = new double[frames];
        onsetMedian = new double[frames];
        melDb = keepSeries ? new double[frames][] : null;
        for (int c = 0; c < workers.length; c++) {
            workers[c] = new FrameFeatures.Worker();
        }
    }

    public void beginPass(int p) {
        if (p != pass + 1 || p >= PASSES) {
            throw new IllegalStateException("pass " + p + " after pass " + pass);
        }
        pass = p;
        bufferStart = 0;
        buffered = 0;
        nextFrame = 0;
        received = 0;
        if (p == 1) {
            melDbSums = new PairwiseColumns(MelFilterbank.N_MELS, frames);
            melDbMin = new double[MelFilterbank.N_MELS];
            melDbMax = new double[MelFilterbank.N_MELS];
            Arrays.fill(melDbMin, Double.POSITIVE_INFINITY);
            Arrays.fill(melDbMax, Double.NEGATIVE_INFINITY);
        } else if (p == 2) {
            melDbSquaredDeviations = new PairwiseColumns(MelFilterbank.N_MELS, frames);
        }
    }

    /** The next {@code count} samples of the signal, from {@code y[from]}. */
    public void accept(double[] y, int from, int count) {
        if (received + count > length) {
            throw new IllegalArgumentException("more than " + length + " samples");
        }
        if (pass == 0) {
            rms.accept(y, from, count);
            zcr.accept(y, from, count);
        }
        received += count;
        while (count > 0) {
            int take = Math.min(count, buffer.length - buffered);
            System.arraycopy(y, from, buffer, buffered, take);
            buffered += take;
            from += take;
            count -= take;
            // The buffer spans a batch of frames: when it is full, a whole batch is ready.
            while (readyFrames() - nextFrame >= BATCH_FRAMES) {
                batch(nextFrame + BATCH_FRAMES);
            }
        }
    }

    /** Frames whose samples have all arrived: frame t needs samples up to t·512 + 1023 (or the last one). */
    private int readyFrames() {
        long available = bufferStart + buffered;
        if (available == length) {
            return frames;
        }
        return available < Stft.N_FFT / 2 ? 0 : (int) Math.min(frames, (available - Stft.N_FFT / 2) / Stft.HOP + 1);
    }

    public void endPass() {
        if (received != length) {
            throw new IllegalStateException(received + " of " + length + " samples fed in pass " + pass);
        }
        while (nextFrame < frames) {
            batch(Math.min(frames, nextFrame + BATCH_FRAMES));
        }
        if (pass == 0) {
            melDbFloor = PowerToDb.floor(maxMelDb());
            tuning.endFirst();
        } else if (pass == 1) {
            double[] sums = melDbSums.sums();
            melDbMean = new double[sums.length];
            for (int m = 0; m < sums.length; m++) {
                melDbMean[m] = sums[m] / frames;
            }
            tuningValue = tuning.estimate();
            chromaBank = Chroma.filterbank(tuningValue);
        }
    }

    private double maxMelDb() {
        double max = Double.NEGATIVE_INFINITY;
        for (FrameFeatures.Worker w : workers) {
            max = Math.max(max, w.maxMelDb);
        }
        return max;
    }

    /** Frames nextFrame … end − 1, whose samples are all buffered; then drops the samples no later frame needs. */
    private void batch(int end) {
        int first = nextFrame;
        FrameChunks.forEach(end - first, FRAMES_PER_TASK, (chunk, from, to) -> {
            FrameFeatures.Worker w = workers[chunk];
            for (int t = first + from; t < first + to; t++) {
                double[] magnitude = w.magnitude(buffer, bufferStart, length, t, w.magnitude);
                switch (pass) {
                    case 0 -> features.frame(t, magnitude, w);
                    case 1 -> {
                        melDbRow(magnitude, w, batchMelDb[t - first]);
                        Tuning.framePeaks(magnitude, w.power, w.peaks);
                    }
                    default -> {
                        melDbRow(magnitude, w, batchMelDb[t - first]);
                        double[] c = Chroma.frame(magnitude, chromaBank, w.power);
                        for (int r = 0; r < c.length; r++) {
                            chroma[r][t] = c[r];
                        }
                    }
                }
            }
        });
        for (FrameFeatures.Worker w : workers) {
            if (pass == 0) {
                tuning.first(w.peaks);
            } else if (pass == 1) {
                tuning.second(w.peaks);
            }
            w.peaks.clear();
        }
        // In frame order: what runs across frames (onset differences, sums over frames).
        for (int t = first; t < end; t++) {
            if (pass == 1) {
                afterMelDbPass1(t, batchMelDb[t - first]);
            } else if (pass == 2) {
                double[] row = batchMelDb[t - first];
                for (int m = 0; m < row.length; m++) {
                    double d = row[m] - melDbMean[m];
                    scratch[m] = d * d;
                }
                melDbSquaredDeviations.add(scratch);
            }
        }
        nextFrame = end;
        long keepFrom = Math.min(length, Math.max(0, (long) nextFrame * Stft.HOP - Stft.N_FFT / 2));
        int drop = (int) Math.max(0, Math.min(buffered, keepFrom - bufferStart));
        System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
        buffered -= drop;
        bufferStart += drop;
    }

    /** The floored dB mel row of a frame (the floor is known after pass 0). */
    private void melDbRow(double[] magnitude, FrameFeatures.Worker w, double[] out) {
        Stft.power(magnitude, w.power);
        features.melFilterbank().frame(w.power, out);
        PowerToDb.unfloored(out);
        PowerToDb.applyFloor(out, melDbFloor);
    }

    private void afterMelDbPass1(int t, double[] row) {
        double[] coefficients = Mfcc.frame(row, mfccBasis);
        for (int j = 0; j < coefficients.length; j++) {
            mfcc[j][t] = coefficients[j];
        }
        if (t >= 1) {
            int onsetFrame = OnsetStrength.frameOfRise(t);
            if (onsetFrame < frames) {
                onsetMean[onsetFrame] = OnsetStrength.frame(previousMelDb, row, OnsetStrength.Aggregate.MEAN, scratch);
                onsetMedian[onsetFrame] =
                        OnsetStrength.frame(previousMelDb, row, OnsetStrength.Aggregate.MEDIAN, scratch);
            }
        }
        melDbSums.add(row);
        for (int m = 0; m < row.length; m++) {
            melDbMin[m] = Math.min(melDbMin[m], row[m]);
            melDbMax[m] = Math.max(melDbMax[m], row[m]);
        }
        if (keepSeries) {
            melDb[t] = row.clone();
        }
        if (melDbFrames != null) {
            melDbFrames.accept(row, t);
        }
        System.arraycopy(row, 0, previousMelDb, 0, row.length);
    }

    /** The analysis, after the last pass. */
    public Result result() {
        if (pass != PASSES - 1 || nextFrame != frames) {
            throw new IllegalStateException("passes not completed");
        }
        double[][] contrast = SpectralContrast.fromPeaksAndValleys(features.contrastPeak, features.contrastValley);
        double[] std = new double[MelFilterbank.N_MELS];
        double[] squares = melDbSquaredDeviations.sums();
        for (int m = 0; m < std.length; m++) {
            std[m] = Math.sqrt(squares[m] / frames);
        }
        FeatureStats.PerRow melDbStats = new FeatureStats.PerRow(melDbMean, std, melDbMin, melDbMax);
        SpectralFrames f = new SpectralFrames(rms.frames(), zcr.frames(), features.centroid, features.bandwidth,
                features.rolloff, features.flatness, keepSeries ? FeatureStats.transpose(contrast) : null, null,
                melDb, keepSeries ? FeatureStats.transpose(mfcc) : null,
                keepSeries ? FeatureStats.transpose(chroma) : null, tuningValue, onsetMean,
                BeatTracker.track(onsetMedian), Pitch.fromFrames(features.pitchHz));
        return new Result(f, FeatureStats.ofRows(contrast), FeatureStats.ofRows(mfcc), FeatureStats.ofRows(chroma),
                melDbStats);
    }
}
