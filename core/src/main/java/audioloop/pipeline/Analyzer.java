package audioloop.pipeline;

import audioloop.dsp.PolyphaseResampler;
import audioloop.io.WavFormat;
import audioloop.io.WavSource;
import audioloop.io.WavStream;
import audioloop.loudness.SoundField;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.loudness.SpecificLoudnessSlopes;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.roughness.RoughnessDw;
import audioloop.roughness.RoughnessResult;
import audioloop.sharpness.SharpnessWeighting;
import audioloop.spectral.MelFilterbank;
import audioloop.spectral.Stft;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Analyses one file: the file is read block by block, each block resampled to 48 kHz ({@link
 * PolyphaseResampler.Stream}) and calibrated, and fed to the metrics' block-fed forms (spectral block; time-varying
 * loudness → sharpness; stationary loudness and sharpness; roughness), then the results are joined into a {@link
 * FileAnalysis}. Each metric consumes the blocks in order, one task after the other, as its own chain of tasks on
 * the pool, so the metrics run side by side. A file whose whole-signal spectral block fits the heap (see {@link
 * #SPECTRAL_BYTES_PER_SAMPLE}) is read at once; a longer one is read at most {@link #BLOCKS_IN_FLIGHT} blocks ahead
 * of the slowest metric, and the spectral block makes further passes over it: memory apart from the metrics' own
 * state does not grow with duration. Metrics that split their own work (bands, frames) do so on the same pool.
 * Block boundaries depend only on the file, so results are the same for any pool size.
 */
public final class Analyzer {
    public static final int SAMPLE_RATE_HZ = 48_000;
    /**
     * Largest sample magnitude taken as audio, in full-scale units: +120 dBFS. Only float data can exceed 1.0; a
     * float WAV beyond this holds corrupt data (e.g. integers read as floats), and values near 1e150 would overflow
     * the squared pressures of the metrics. With {@link AnalysisOptions#MAX_CALIBRATION_PA_PER_FS} it bounds the
     * sound pressure at 1e12 Pa, far inside the range where every metric stays finite.
     */
    static final double MAX_SAMPLE_FS = 1e6;
    /**
     * Longest input, in samples at 48 kHz: 12 hours. Sample positions are ints throughout (the spectral block's
     * stream needs fewer than 2³¹ − 2048 samples, 12.4 hours); a longer file fails in words, not with an overflow.
     */
    static final long MAX_SAMPLES_48K = 12L * 3600 * SAMPLE_RATE_HZ;
    /**
     * Input frames per block, in seconds of the file's own rate. Measured on 60 s 44.1 kHz stereo, all metrics,
     * 5 alternating runs (load 2): 2 s blocks 4.82 s wall, 8.12 s user CPU, 255 MiB peak RSS; 8 s blocks 4.97 s,
     * 8.04 s, 292 MiB: larger blocks buy nothing and hold more.
     */
    static final double BLOCK_SECONDS = 2;
    /** Blocks read ahead of the slowest metric. */
    static final int BLOCKS_IN_FLIGHT = 3;
    /**
     * Heap the whole-signal spectral block needs per 48 kHz sample: the signal (8 B) and its magnitude spectrogram
     * (1025 doubles per 512-sample hop, 16 B) and the mel and feature rows; measured: 60 s alone completes with
     * -Xmx96m, not with -Xmx64m. The block-fed form (three passes, each recomputing the STFT) costs more CPU:
     * 60 s 44.1 kHz stereo, all metrics, median of 5 alternating runs: 10.73 s user CPU whole, 11.42 s fed (+6 %),
     * identical JSON. So the spectral block gets the whole signal while that takes at most a quarter of the heap
     * (room for the other metrics and the other files of a batch; with the default heap of a quarter of RAM that
     * is files up to ~17 min on this 24 GB machine, with -Xmx512m up to 83 s), and is fed block by block beyond.
     */
    static final long SPECTRAL_BYTES_PER_SAMPLE = 32;
    /**
     * Time columns kept of N′(z, t) and of the mel spectrogram for figures: above the pixel width of any figure
     * (1600 by default), and only 240 × 2000 doubles (3.8 MB) however long the file.
     */
    static final int FIGURE_COLUMNS = 2000;

    private final AnalysisOptions options;
    private final ForkJoinPool pool;
    private final long wholeSignalSpectralBytes;
    private final MetricStreams streams;

    /**
     * Makes the block-fed state of the loudness, stationary loudness and roughness metrics for one file. The
     * application uses {@link #STANDARD}; tests substitute a failing one to check that a failing metric fails its
     * file only, in words, and leaves the pool working.
     */
    interface MetricStreams {
        /** For a JVM that compiles with C2, the default: roughness with its channels as SIMD lanes. */
        MetricStreams STANDARD = new MetricStreams() {
        };
        /**
         * For a JVM limited to C1 (the launcher's choice for short inputs), which does not vectorise: roughness one
         * channel at a time, faster there and identical in every bit.
         */
        MetricStreams C1_ONLY = new MetricStreams() {
            @Override
            public RoughnessDw.Stream roughness() {
                return new RoughnessDw.Stream(SAMPLE_RATE_HZ, false);
            }
        };

        default ThirdOctaveFeed stationary(int samples48k) {
            return new ThirdOctaveFeed(samples48k, ThirdOctaveSpectrum.LOUDNESS_MIN_HZ, ThirdOctaveSpectrum.LOUDNESS_MAX_HZ,
                    BlockMetrics.wholeSignalBudgetBytes());
        }

        default LoudnessBlock.TimeVaryingStream timeVarying(SoundField field, boolean withSharpness, int samples48k,
                ColumnMaxPool specificLoudness) {
            return new LoudnessBlock.TimeVaryingStream(field, withSharpness, samples48k, specificLoudness);
        }

        default RoughnessDw.Stream roughness() {
            return new RoughnessDw.Stream(SAMPLE_RATE_HZ);
        }

        default List<BlockMetric> blockMetrics(AnalysisOptions options, int samples48k) {
            return BlockMetrics.make(options, samples48k);
        }
    }

    public Analyzer(AnalysisOptions options, ForkJoinPool pool) {
        this(options, pool, false);
    }

    /** @param jitIsC1Only whether this JVM runs C1 only (-XX:TieredStopAtLevel=1): then it picks kernels for C1 */
    public Analyzer(AnalysisOptions options, ForkJoinPool pool, boolean jitIsC1Only) {
        this(options, pool, Runtime.getRuntime().maxMemory() / 4,
            jitIsC1Only ? MetricStreams.C1_ONLY : MetricStreams.STANDARD);
    }

    /**
     * @param wholeSignalSpectralBytes heap the whole-signal spectral block may take (tests force the fed form)
     * @param streams                  makes the block-fed metric states (tests make one fail)
     */
    Analyzer(AnalysisOptions options, ForkJoinPool pool, long wholeSignalSpectralBytes, MetricStreams streams) {
        this.options = options;
        this.pool = pool;
        this.wholeSignalSpectralBytes = wholeSignalSpectralBytes;
        this.streams = streams;
    }

    /**
     * Analyses {@code path}; the caller must not be a worker of {@code pool} (it waits for the pool's tasks).
     *
     * @throws IOException for files that cannot be read or are not WAVs we decode (message in words)
     * @throws MetricException when a metric fails on this input (a bug: the message names the metric)
     */
    public FileAnalysis analyze(Path path, String displayName) throws IOException {
        return analyze(WavSource.of(path), displayName);
    }

    /**
     * Analyses the WAV {@code source} gives (opened once per pass over it); the caller must not be a worker of
     * {@code pool}.
     *
     * @throws IOException for sources that cannot be read or are not WAVs we decode (message in words)
     * @throws MetricException when a metric fails on this input (a bug: the message names the metric)
     */
    public FileAnalysis analyze(WavSource source, String displayName) throws IOException {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer(displayName);
        try (WavStream wav = onPool(() -> timer.time("decode", 0, () -> open(source)))) {
            WavFormat format = wav.format();
            if (wav.frames() == 0) {
                throw new IOException("no audio: the data chunk holds no sample frames");
            }
            checkRate(format.sampleRateHz());
            long outputLength = PolyphaseResampler.outputLength(wav.frames(), format.sampleRateHz());
            if (outputLength > MAX_SAMPLES_48K) {
                throw new IOException(String.format(Locale.ROOT, "too long: %.1f hours of audio; audioloop analyses up"
                        + " to 12 hours per file (split it, e.g. sox FILE part.wav trim 0 12:00:00 : newfile : restart)",
                        wav.frames() / (double) format.sampleRateHz() / 3600));
            }
            int samples48k = (int) outputLength;
            Metrics metrics = new Metrics(samples48k, format.channels(), timer);
            feed(wav, metrics, 0, timer);
            metrics.finish();
            // Later passes of the spectral block (global quantities need the whole signal first) re-read the file.
            for (int pass = 1; pass < metrics.spectralPasses(); pass++) {
                try (WavStream again = onPool(() -> timer.time("decode", 0, () -> open(source)))) {
                    feed(again, metrics, pass, timer);
                }
            }
            metrics.finishSpectral();
            List<String> warnings = new ArrayList<>(wav.warnings());
            Map<String, Object> summary = new LinkedHashMap<>();
            Map<String, Object> series = new LinkedHashMap<>();
            Map<String, Object> sections = new LinkedHashMap<>();
            Map<String, double[]> results = new LinkedHashMap<>();
            Map<String, Object> spectral = metrics.collect(summary, series, results, warnings);
            metrics.report(new MetricOutput(summary, options.keepsSeries() ? series : null, sections, warnings, results));

            Map<String, Object> timing = new LinkedHashMap<>();
            List<String> stages = new ArrayList<>(List.of("decode", "resample", "spectral", "loudness",
                    "loudness_stationary", "sharpness", "roughness"));
            metrics.blockMetrics.forEach(m -> stages.add(m.stage()));
            for (String stage : stages) {
                Double ms = timer.millis(stage);
                if (ms != null) {
                    timing.put(stage, ms);
                }
            }
            timing.put("total", (System.nanoTime() - start) / 1e6);
            return new FileAnalysis(displayName, inputInfo(format, wav.frames()), analysisInfo(),
                    summary.isEmpty() ? null : summary, spectral, sections, options.keepsSeries() ? series : null,
                    List.copyOf(warnings), timing, options.figures() ? metrics.figureData() : null);
        }
    }

    /**
     * Reads, checks, resamples and calibrates the file block by block and hands every block to the metrics.
     * <p>When the spectral block holds the whole signal, its work can only start after the last block: the file is
     * then read whole in one pool task (the memory model said it fits), and the spectral block is started right after
     * the other metrics' first block, so that all run side by side from the start (the pool starts submitted tasks
     * in order). Otherwise every block is
     * read by a task of its own while the metrics work on the previous ones, and when {@link #BLOCKS_IN_FLIGHT}
     * blocks are in flight the oldest is waited for, so memory does not grow with duration. Measured on a 1 s file
     * (2 cores, C1): reading block by block queued the end-of-file read behind the other metrics' tasks and started
     * the spectral block last, 0.98 s wall instead of the 0.67 s before the metrics were block-fed.
     */
    private void feed(WavStream wav, Metrics metrics, int pass, StageTimer timer) throws IOException {
        int rate = wav.format().sampleRateHz();
        int blockFrames = (int) Math.min(wav.frames(), Math.round(BLOCK_SECONDS * rate));
        PolyphaseResampler.Stream resampler = new PolyphaseResampler.Stream(rate);
        ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        long[] framesRead = {0};
        boolean[] ended = {false};
        try {
            metrics.beginPass(pass);
            // One decode buffer for all blocks: the resampler copies what it keeps. Fresh memory is dear here (see
            // ZeroPhaseDecimator): a new buffer per block was 21 of the 230 MB a 60 s file allocated.
            double[] mono = new double[blockFrames];
            // The two ears of a binaural file, for the metrics that take them (first pass only): decoded from the
            // same bytes and resampled by resamplers of their own, so the mono mix stays bit for bit what it is
            // without them.
            int channels = wav.format().channels();
            boolean ears = pass == 0 && metrics.wantsEars();
            double[][] perChannel = ears ? new double[channels][blockFrames] : null;
            PolyphaseResampler.Stream[] earResamplers = ears
                    ? new PolyphaseResampler.Stream[] {new PolyphaseResampler.Stream(rate), new PolyphaseResampler.Stream(rate)}
                    : null;
            Supplier<Block> nextBlock = () -> {
                int n = timer.time("decode", blockFrames, () -> read(wav, mono, perChannel));
                if (n < 0) {
                    ended[0] = true;
                    return timer.time("resample", 0, () -> new Block(resampler.finish(),
                            ears ? new double[][] {earResamplers[0].finish(), earResamplers[1].finish()} : null));
                }
                if (pass == 0) {
                    checkSamples(mono, n, framesRead[0]);
                }
                framesRead[0] += n;
                return timer.time("resample", n, () -> new Block(resampler.accept(mono, 0, n), ears
                        ? new double[][] {earResamplers[0].accept(perChannel[0], 0, n),
                            earResamplers[1].accept(perChannel[1], 0, n)}
                        : null));
            };
            if (metrics.spectralHoldsWholeSignal()) {
                List<Block> blocks = onPool(() -> {
                    List<Block> all = new ArrayList<>();
                    while (!ended[0]) {
                        Block block = nextBlock.get();
                        if (block.mono48k().length > 0) {
                            all.add(block);
                        }
                    }
                    return all;
                });
                for (int i = 0; i < blocks.size(); i++) {
                    inFlight.add(metrics.accept(blocks.get(i), pass));
                    if (i == 0) {
                        metrics.startWholeSignalSpectral(blocks.stream().map(Block::mono48k).toList());
                    }
                }
            } else {
                while (!ended[0]) {
                    Block block = onPool(nextBlock);
                    if (block.mono48k().length > 0) {
                        inFlight.add(metrics.accept(block, pass));
                    }
                    if (inFlight.size() >= BLOCKS_IN_FLIGHT) {
                        metrics.awaitBlock(inFlight.remove());
                    }
                }
            }
            if (framesRead[0] != wav.frames() || PolyphaseResampler.outputLength(framesRead[0], rate) != metrics.samples48k) {
                throw new IOException("the file changed while it was read: " + framesRead[0] + " frames read, "
                        + wav.frames() + " expected");
            }
            metrics.endPass();
        } finally {
            // A failed read leaves no task behind: the metrics' pending blocks are awaited (their errors are
            // reported by the join of their results, or superseded by the read error).
            for (CompletableFuture<Void> block : inFlight) {
                block.exceptionally(e -> null).join();
            }
        }
    }

    /**
     * The metrics asked for, each a chain of tasks that consumes the blocks in order, and their results. Each
     * metric writes its own warnings list, read after its join: the warnings come in the same order (decode,
     * loudness, roughness, spectral) whatever the scheduling.
     */
    private final class Metrics {
        final int samples48k;
        private final StageTimer timer;
        private final List<String> loudnessWarnings = new ArrayList<>();
        private final List<String> spectralWarnings = new ArrayList<>();
        private final boolean wantsPressure;
        private final boolean spectralWholeSignal;
        private final SpectralBlock.Stream spectralFeed;
        private final MadeOnFirstUse<ThirdOctaveFeed> stationaryStream;
        /**
         * The levels section's metric when it runs beside loudness: its third-octave bands 25 Hz … 20 kHz include
         * the 28 of the stationary loudness (the same bands through the same {@link ThirdOctaveFeed} path, each band
         * computed on its own: bit for bit), which then takes them from it instead of computing them again; else
         * null.
         */
        private final LevelsMetric sharedBands;
        private final MadeOnFirstUse<LoudnessBlock.TimeVaryingStream> loudnessStream;
        private final MadeOnFirstUse<RoughnessDw.Stream> roughnessStream;
        /** N′(z, t) and the dB mel spectrogram reduced for the figures; null when not plotting (or not computed). */
        private final ColumnMaxPool specificLoudnessColumns;
        private final ColumnMaxPool melDbColumns;
        /** Roughness as collected, for the figures' R′(z); null when not computed. */
        private RoughnessResult roughnessResult;
        private final List<BlockMetric> blockMetrics;
        /** Per block metric: whether it takes the two ears of this (two-channel) file instead of the mono mix. */
        private final List<Boolean> earMetrics;
        private final List<CompletableFuture<Void>> blockMetricChains = new ArrayList<>();
        private CompletableFuture<Void> spectralChain = CompletableFuture.completedFuture(null);
        private CompletableFuture<Void> loudnessChain = CompletableFuture.completedFuture(null);
        private CompletableFuture<Void> stationaryChain = CompletableFuture.completedFuture(null);
        private CompletableFuture<Void> roughnessChain = CompletableFuture.completedFuture(null);
        private CompletableFuture<SpectralBlock.Result> spectralTask;
        private CompletableFuture<LoudnessBlock.TimeVarying> loudnessTask;
        private CompletableFuture<double[][]> sharpnessTask;
        private CompletableFuture<StationaryLoudnessResult> stationaryTask;
        private CompletableFuture<RoughnessResult> roughnessTask;

        Metrics(int samples48k, int channels, StageTimer timer) {
            this.samples48k = samples48k;
            this.timer = timer;
            boolean loudness = options.wants(Metric.LOUDNESS) && samples48k >= LoudnessBlock.MINIMUM_SAMPLES;
            boolean roughness = options.wants(Metric.ROUGHNESS) && samples48k >= RoughnessDw.frameLength(SAMPLE_RATE_HZ);
            blockMetrics = streams.blockMetrics(options, samples48k);
            blockMetrics.forEach(m -> blockMetricChains.add(CompletableFuture.completedFuture(null)));
            earMetrics = channels == 2 ? blockMetrics.stream().map(BlockMetric::wantsEars).toList()
                    : blockMetrics.stream().map(m -> false).toList();
            wantsPressure = loudness || roughness || !blockMetrics.isEmpty();
            spectralWholeSignal = options.wants(Metric.SPECTRAL)
                    && SPECTRAL_BYTES_PER_SAMPLE * samples48k <= wholeSignalSpectralBytes;
            specificLoudnessColumns = options.figures() && loudness ? new ColumnMaxPool(
                    TimeVaryingLoudness.frameCount(samples48k), SpecificLoudnessSlopes.BARK_POINTS, FIGURE_COLUMNS) : null;
            melDbColumns = options.figures() && options.wants(Metric.SPECTRAL)
                    ? new ColumnMaxPool(Stft.frameCount(samples48k), MelFilterbank.N_MELS, FIGURE_COLUMNS) : null;
            spectralFeed = options.wants(Metric.SPECTRAL) && !spectralWholeSignal
                    ? SpectralBlock.stream(samples48k, options.series(), melDbRows()) : null;
            sharedBands = loudness ? blockMetrics.stream().filter(LevelsMetric.class::isInstance)
                    .map(LevelsMetric.class::cast).findFirst().orElse(null) : null;
            stationaryStream = loudness && sharedBands == null
                    ? new MadeOnFirstUse<>(() -> streams.stationary(samples48k)) : null;
            loudnessStream = loudness ? new MadeOnFirstUse<>(() -> streams.timeVarying(options.field(),
                    options.wants(Metric.SHARPNESS), samples48k, specificLoudnessColumns)) : null;
            roughnessStream = roughness ? new MadeOnFirstUse<>(streams::roughness) : null;
            if (options.wants(Metric.LOUDNESS) && !loudness) {
                loudnessWarnings.add("loudness: input shorter than 10 ms, not computed");
            }
        }

        private ObjIntConsumer<double[]> melDbRows() {
            return melDbColumns == null ? null : (row, frame) -> melDbColumns.accept(frame, row);
        }

        /** What only the figures draw (FileAnalysis#figureData), after collect. */
        Map<String, Object> figureData() {
            Map<String, Object> data = new LinkedHashMap<>();
            if (specificLoudnessColumns != null && specificLoudnessColumns.frames() > 0) {
                double[] bark = new double[SpecificLoudnessSlopes.BARK_POINTS];
                for (int r = 0; r < bark.length; r++) {
                    bark[r] = (r + 1) * SpecificLoudnessSlopes.BARK_STEP;
                }
                data.put("specific_loudness", figureGrid(specificLoudnessColumns,
                        specificLoudnessColumns.frames() * TimeVaryingLoudness.TIME_STEP_S, bark));
            }
            if (roughnessResult != null) {
                Map<String, Object> specific = new LinkedHashMap<>();
                specific.put("values", roughnessResult.specificRoughnessAsper());
                specific.put("rows", RoughnessResult.channelBark());
                data.put("specific_roughness", specific);
            }
            if (melDbColumns != null && melDbColumns.frames() > 0) {
                double[] edges = MelFilterbank.librosaDefault().bandEdgesHz();
                data.put("melspectrogram_db", figureGrid(melDbColumns, melDbColumns.frames() * SpectralBlock.hopS(),
                        Arrays.copyOfRange(edges, 1, edges.length - 1)));
            }
            return data;
        }

        /** Whether a metric takes the two ears of this file (then the reader decodes them beside the mono mix). */
        boolean wantsEars() {
            return earMetrics.contains(true);
        }

        boolean spectralHoldsWholeSignal() {
            return spectralWholeSignal;
        }

        int spectralPasses() {
            return spectralFeed == null ? 0 : spectralFeed.passes();
        }

        /** The whole-signal spectral block, from all the blocks of the file, as a task of its own. */
        void startWholeSignalSpectral(List<double[]> blocks48k) {
            double[] signal48k = new double[samples48k];
            int filled = 0;
            for (double[] block : blocks48k) {
                System.arraycopy(block, 0, signal48k, filled, block.length);
                filled += block.length;
            }
            spectralTask = CompletableFuture.supplyAsync(() -> timer.time("spectral", samples48k,
                    () -> SpectralBlock.compute(signal48k, options.series(), spectralWarnings, melDbRows())), pool);
        }

        void beginPass(int pass) {
            if (spectralFeed != null) {
                spectralChain = spectralChain.thenRunAsync(() -> spectralFeed.beginPass(pass), pool);
            }
        }

        void endPass() {
            if (spectralFeed != null) {
                spectralChain = spectralChain.thenRunAsync(() -> timer.time("spectral", 0, spectralFeed::endPass), pool);
            }
        }

        /**
         * Hands one block to every metric's chain (in passes after the first, to the spectral block's only); the
         * future completes when all have consumed it.
         */
        CompletableFuture<Void> accept(Block block, int pass) {
            double[] block48k = block.mono48k();
            int length = block48k.length;
            if (spectralFeed != null) {
                spectralChain = spectralChain.thenRunAsync(() -> timer.time("spectral", length,
                        () -> spectralFeed.accept(block48k, 0, length)), pool);
            }
            if (pass > 0) {
                return spectralChain;
            }
            double[] pressurePa = wantsPressure ? calibrate(block48k, options.calibrationPaPerFs()) : null;
            // Longest first: the pool starts submitted tasks in order.
            if (roughnessStream != null) {
                roughnessChain = roughnessChain.thenRunAsync(() -> timer.time("roughness", length,
                        () -> roughnessStream.get().accept(pressurePa, 0, length)), pool);
            }
            if (loudnessStream != null) {
                loudnessChain = loudnessChain.thenRunAsync(() -> timer.time("loudness", length,
                        () -> loudnessStream.get().accept(pressurePa, 0, length)), pool);
            }
            if (stationaryStream != null) {
                stationaryChain = stationaryChain.thenRunAsync(() -> timer.time("loudness_stationary", length,
                        () -> stationaryStream.get().accept(pressurePa, 0, length)), pool);
            }
            double[][] earsPa = block.ears48k() == null ? null : new double[][] {
                calibrate(block.ears48k()[0], options.calibrationPaPerFs()),
                calibrate(block.ears48k()[1], options.calibrationPaPerFs())};
            for (int i = 0; i < blockMetrics.size(); i++) {
                BlockMetric metric = blockMetrics.get(i);
                Runnable step = earMetrics.get(i) ? () -> metric.acceptEars(earsPa[0], earsPa[1], 0, length)
                        : () -> metric.accept(pressurePa, 0, length);
                blockMetricChains.set(i, blockMetricChains.get(i).thenRunAsync(() -> timer.time(metric.stage(), length,
                        step), pool));
            }
            List<CompletableFuture<Void>> all = new ArrayList<>(blockMetricChains);
            all.addAll(List.of(spectralChain, stationaryChain, loudnessChain, roughnessChain));
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        }

        /** Waits for one block's tasks; a metric's failure is reported when its result is joined. */
        void awaitBlock(CompletableFuture<Void> block) {
            block.exceptionally(e -> null).join();
        }

        /**
         * Starts the final step of every metric but the spectral block (sharpness after loudness; the stationary
         * loudness after the levels metric when it takes its bands).
         */
        void finish() {
            for (int i = 0; i < blockMetrics.size(); i++) {
                BlockMetric metric = blockMetrics.get(i);
                blockMetricChains.set(i, blockMetricChains.get(i).thenRunAsync(() -> timer.time(metric.stage(), 0,
                        metric::finish), pool));
            }
            if (loudnessStream != null) {
                loudnessTask = loudnessChain.thenApplyAsync(v -> timer.time("loudness", 0,
                        () -> loudnessStream.get().finish(loudnessWarnings)), pool);
                if (options.wants(Metric.SHARPNESS)) {
                    // Sharpness needs N(t) and the per-frame moments of N′(z,t): it starts after loudness.
                    sharpnessTask = loudnessTask.thenApplyAsync(l -> timer.time("sharpness", l.loudnessSone().length,
                            () -> LoudnessBlock.sharpness(l)), pool);
                }
                if (sharedBands == null) {
                    stationaryTask = stationaryChain.thenApplyAsync(v -> timer.time("loudness_stationary", 0,
                            () -> LoudnessBlock.stationary(stationaryStream.get(), options.field())), pool);
                } else {
                    stationaryTask = blockMetricChains.get(blockMetrics.indexOf(sharedBands)).thenApplyAsync(v ->
                            timer.time("loudness_stationary", 0, () -> StationaryLoudness.fromThirdOctaveLevels(
                                    sharedBands.loudnessBandLevelsDb(), options.field())), pool);
                }
            }
            if (roughnessStream != null) {
                roughnessTask = roughnessChain.thenApplyAsync(v -> timer.time("roughness", 0,
                        () -> roughnessStream.get().finish()), pool);
            }
        }

        /** The {@link BlockMetric}s' results, in their order, after the built-in metrics' (collect). */
        void report(MetricOutput out) {
            for (int i = 0; i < blockMetrics.size(); i++) {
                join(blockMetricChains.get(i), blockMetrics.get(i).stage());
                blockMetrics.get(i).report(out);
            }
        }

        /** Starts the spectral block's final step, after its last pass. */
        void finishSpectral() {
            if (spectralFeed != null) {
                spectralTask = spectralChain.thenApplyAsync(v -> timer.time("spectral", 0,
                        () -> spectralFeed.result(spectralWarnings)), pool);
            }
        }

        /**
         * Joins the results into the summary and series, and the loudness, sharpness and roughness series into
         * {@code results} for the derived metrics; returns the spectral block (null if not asked for).
         */
        Map<String, Object> collect(Map<String, Object> summary, Map<String, Object> series,
                                    Map<String, double[]> results, List<String> warnings) {
            if (options.wants(Metric.LOUDNESS)) {
                LoudnessBlock.TimeVarying loudness = loudnessTask == null ? null : join(loudnessTask, "loudness");
                warnings.addAll(loudnessWarnings);
                StationaryLoudnessResult stationary = stationaryTask == null ? null
                        : join(stationaryTask, "loudness (stationary)");
                LoudnessBlock.summarise(loudness, stationary, summary);
                if (options.wants(Metric.SHARPNESS)) {
                    double[][] sharpness = sharpnessTask == null ? null : join(sharpnessTask, "sharpness");
                    LoudnessBlock.summariseSharpness(sharpness, stationary, summary, options.keepsSeries() ? series : null);
                    if (sharpness != null) {
                        for (SharpnessWeighting w : SharpnessWeighting.values()) {
                            results.put(LoudnessBlock.meanKey(w), sharpness[w.ordinal()]);
                        }
                    }
                }
                if (loudness != null) {
                    results.put("loudness_sone", loudness.loudnessSone());
                }
                if (options.keepsSeries() && loudness != null) {
                    series.put("loudness_sone", loudness.loudnessSone());
                    series.put("loudness_time_step_s", loudness.timeStepS());
                }
            }
            if (options.wants(Metric.ROUGHNESS)) {
                RoughnessResult roughness = roughnessTask == null ? null : join(roughnessTask, "roughness");
                roughnessResult = roughness;
                summary.put("roughness_asper", roughness == null ? null : Summaries.mean(roughness.roughnessAsper()));
                if (roughness == null) {
                    warnings.add("roughness: input shorter than one 0.2 s frame, not computed");
                } else {
                    results.put("roughness_asper", roughness.roughnessAsper());
                    warnings.addAll(roughness.warnings());
                    if (options.keepsSeries()) {
                        series.put("roughness_asper", roughness.roughnessAsper());
                        series.put("roughness_time_s", roughness.timeS());
                    }
                }
            }
            if (spectralTask == null) {
                return null;
            }
            SpectralBlock.Result block = join(spectralTask, "spectral");
            warnings.addAll(spectralWarnings);
            if (options.series()) {
                series.put("spectral", block.series());
                series.put("spectral_hop_s", SpectralBlock.hopS());
            }
            return block.summary();
        }
    }

    private static Map<String, Object> figureGrid(ColumnMaxPool columns, double durationS, double[] rows) {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("values", columns.columns());
        grid.put("duration_s", durationS);
        grid.put("rows", rows);
        return grid;
    }

    /**
     * A metric's block-fed state, made by the first task of the metric's own chain, which alone uses it (one task
     * after the other, ordered by the chain). Its set-up — filter designs, tables — so runs on the pool beside the
     * other metrics' instead of one after the other on the reading thread: 60 ms of a 1 s file's run, measured.
     */
    private static final class MadeOnFirstUse<T> {
        private final Supplier<T> make;
        private T value;

        MadeOnFirstUse(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }

    private static WavStream open(WavSource source) {
        try {
            return source.open();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static int read(WavStream wav, double[] mono, double[][] perChannel) {
        try {
            return perChannel == null ? wav.readMono(mono, 0, mono.length)
                    : wav.readMonoAndChannels(mono, perChannel, 0, mono.length);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Inputs a valid WAV can hold but audioloop does not analyse fail here, in words, rather than inside a metric:
     * sample rates the resampler does not take ...
     */
    private static void checkRate(int rate) throws IOException {
        if (rate < PolyphaseResampler.MIN_RATE_HZ || rate > PolyphaseResampler.MAX_RATE_HZ) {
            throw new IOException("sample rate " + rate + " Hz not supported (" + PolyphaseResampler.MIN_RATE_HZ
                    + " … " + PolyphaseResampler.MAX_RATE_HZ + " Hz)");
        }
    }

    /** ... and sample values that cannot be audio (checked as each block is read; {@code first} = its first frame). */
    private static void checkSamples(double[] mono, int length, long first) {
        for (int i = 0; i < length; i++) {
            if (Math.abs(mono[i]) > MAX_SAMPLE_FS) {
                throw new CompletionException(new IOException("sample value " + mono[i] + " at frame " + (first + i)
                        + " is beyond ±1e6 full scale (+120 dBFS): corrupt float data, not audio"));
            }
        }
    }

    /**
     * Pascals: the contract's calibration, sample value 1.0 = {@code paPerFs} Pa (MoSQITo's {@code wav_calib}). At the
     * default 1 Pa the block itself (x·1.0 = x exactly; the metrics only read it), saving a copy of the signal.
     */
    /** One block of the file at 48 kHz: the mono mix, and the two ears when a metric takes them (else null). */
    private record Block(double[] mono48k, double[][] ears48k) {
    }

    private static double[] calibrate(double[] signal, double paPerFs) {
        if (paPerFs == 1.0) {
            return signal;
        }
        double[] pa = new double[signal.length];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = signal[i] * paPerFs;
        }
        return pa;
    }

    private static Map<String, Object> inputInfo(WavFormat format, long frames) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sample_rate_hz", format.sampleRateHz());
        input.put("channels", format.channels());
        input.put("bits_per_sample", format.validBits());
        input.put("encoding", format.encoding());
        input.put("frames", frames);
        input.put("duration_s", frames / (double) format.sampleRateHz());
        return input;
    }

    private Map<String, Object> analysisInfo() {
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("sample_rate_hz", SAMPLE_RATE_HZ);
        analysis.put("calibration_pa_per_fs", options.calibrationPaPerFs());
        analysis.put("field", options.field().name().toLowerCase(Locale.ROOT));
        return analysis;
    }

    /** Runs {@code work} as a task of the pool, so --threads bounds all computation, and waits for it. */
    private <T> T onPool(Supplier<T> work) throws IOException {
        try {
            return CompletableFuture.supplyAsync(work, pool).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> task, String metric) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw new MetricException(metric, e.getCause() == null ? e : e.getCause());
        }
    }
}
