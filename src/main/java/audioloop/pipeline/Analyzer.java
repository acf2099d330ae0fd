package audioloop.pipeline;

import audioloop.dsp.PolyphaseResampler;
import audioloop.io.DecodedAudio;
import audioloop.io.WavDecoder;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.roughness.RoughnessDw;
import audioloop.roughness.RoughnessResult;
import audioloop.sharpness.DinSharpness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Analyses one file: decode → resample once to 48 kHz → fork the metrics on the pool (spectral block;
 * time-varying loudness → sharpness; stationary loudness and sharpness; roughness) → join into a
 * {@link FileAnalysis}. Metrics that split their own work (bands, frames) do so on the same pool.
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

    private final AnalysisOptions options;
    private final ForkJoinPool pool;

    public Analyzer(AnalysisOptions options, ForkJoinPool pool) {
        this.options = options;
        this.pool = pool;
    }

    /**
     * Analyses {@code path}; the caller must not be a worker of {@code pool} (it waits for the pool's tasks).
     *
     * @throws IOException for files that cannot be read or are not WAVs we decode (message in words)
     * @throws MetricException when a metric fails on this input (a bug: the message names the metric)
     */
    public FileAnalysis analyze(Path path, String displayName) throws IOException {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer(displayName);
        // Each concurrent block writes its own list, read after its join: the warnings come in the same order
        // (decode, loudness, roughness, spectral) whatever the scheduling.
        List<String> warnings = new ArrayList<>();
        List<String> loudnessWarnings = new ArrayList<>();
        List<String> spectralWarnings = new ArrayList<>();

        DecodedAudio audio = onPool(() -> timer.time("decode", 0, () -> decode(path)));
        warnings.addAll(audio.warnings());
        if (audio.frames() == 0) {
            throw new IOException("no audio: the data chunk holds no sample frames");
        }
        checkInput(audio);
        double[] signal48k = onPool(() -> timer.time("resample", audio.frames(),
                () -> PolyphaseResampler.to48k(audio.mono(), audio.sampleRateHz())));

        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> series = new LinkedHashMap<>();
        Map<String, Object> spectral = null;

        CompletableFuture<SpectralBlock.Result> spectralTask = null;
        if (options.wants(Metric.SPECTRAL)) {
            spectralTask = CompletableFuture.supplyAsync(() -> timer.time("spectral", signal48k.length,
                    () -> SpectralBlock.compute(signal48k, options.series(), spectralWarnings)), pool);
        }
        double[] pressurePa = (options.wants(Metric.LOUDNESS) || options.wants(Metric.ROUGHNESS))
                ? calibrate(signal48k, options.calibrationPaPerFs()) : null;

        CompletableFuture<LoudnessBlock.TimeVarying> loudnessTask = null;
        CompletableFuture<double[]> sharpnessTask = null;
        CompletableFuture<StationaryLoudnessResult> stationaryTask = null;
        if (options.wants(Metric.LOUDNESS)) {
            loudnessTask = CompletableFuture.supplyAsync(() -> timer.time("loudness", pressurePa.length,
                    () -> LoudnessBlock.timeVarying(pressurePa, options.field(), options.wants(Metric.SHARPNESS),
                            loudnessWarnings)),
                    pool);
            if (options.wants(Metric.SHARPNESS)) {
                // DIN 45692 sharpness needs N(t) and the per-frame moments of N′(z,t): it starts after loudness.
                sharpnessTask = loudnessTask.thenApplyAsync(l -> l == null ? null : timer.time("sharpness",
                        l.loudnessSone().length, () -> DinSharpness.timeVarying(l.loudnessSone(), l.sharpnessMoments())), pool);
            }
            stationaryTask = CompletableFuture.supplyAsync(() -> timer.time("loudness_stationary", pressurePa.length,
                    () -> LoudnessBlock.stationary(pressurePa, options.field())), pool);
        }
        CompletableFuture<RoughnessResult> roughnessTask = null;
        if (options.wants(Metric.ROUGHNESS) && pressurePa.length >= RoughnessDw.frameLength(SAMPLE_RATE_HZ)) {
            roughnessTask = CompletableFuture.supplyAsync(() -> timer.time("roughness", pressurePa.length,
                    () -> RoughnessDw.compute(pressurePa, SAMPLE_RATE_HZ)), pool);
        }

        if (loudnessTask != null) {
            LoudnessBlock.TimeVarying loudness = join(loudnessTask, "loudness");
            warnings.addAll(loudnessWarnings);
            StationaryLoudnessResult stationary = join(stationaryTask, "loudness (stationary)");
            LoudnessBlock.summarise(loudness, stationary, summary);
            if (sharpnessTask != null) {
                double[] sharpness = join(sharpnessTask, "sharpness");
                summary.put("sharpness_acum", sharpness == null ? null : Summaries.mean(sharpness));
                summary.put("sharpness_stationary_acum", stationary == null ? null : DinSharpness.stationary(stationary));
                if (options.series() && sharpness != null) {
                    series.put("sharpness_acum", sharpness);
                }
            }
            if (options.series() && loudness != null) {
                series.put("loudness_sone", loudness.loudnessSone());
                series.put("loudness_time_step_s", loudness.timeStepS());
            }
        }
        if (options.wants(Metric.ROUGHNESS)) {
            RoughnessResult roughness = roughnessTask == null ? null : join(roughnessTask, "roughness");
            summary.put("roughness_asper", roughness == null ? null : Summaries.mean(roughness.roughnessAsper()));
            if (roughness == null) {
                warnings.add("roughness: input shorter than one 0.2 s frame, not computed");
            } else {
                warnings.addAll(roughness.warnings());
                if (options.series()) {
                    series.put("roughness_asper", roughness.roughnessAsper());
                    series.put("roughness_time_s", roughness.timeS());
                }
            }
        }
        if (spectralTask != null) {
            SpectralBlock.Result block = join(spectralTask, "spectral");
            warnings.addAll(spectralWarnings);
            spectral = block.summary();
            if (options.series()) {
                series.put("spectral", block.series());
                series.put("spectral_hop_s", SpectralBlock.hopS());
            }
        }

        Map<String, Object> timing = new LinkedHashMap<>();
        for (String stage : List.of("decode", "resample", "spectral", "loudness", "loudness_stationary", "sharpness",
                "roughness")) {
            Double ms = timer.millis(stage);
            if (ms != null) {
                timing.put(stage, ms);
            }
        }
        timing.put("total", (System.nanoTime() - start) / 1e6);
        return new FileAnalysis(displayName, inputInfo(audio), analysisInfo(), summary.isEmpty() ? null : summary,
                spectral, options.series() ? series : null, List.copyOf(warnings), timing);
    }

    private static DecodedAudio decode(Path path) {
        try {
            return WavDecoder.decode(path);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Inputs a valid WAV can hold but audioloop does not analyse fail here, in words, rather than inside a metric:
     * sample rates the resampler does not take, and sample values that cannot be audio.
     */
    private static void checkInput(DecodedAudio audio) throws IOException {
        int rate = audio.sampleRateHz();
        if (rate < PolyphaseResampler.MIN_RATE_HZ || rate > PolyphaseResampler.MAX_RATE_HZ) {
            throw new IOException("sample rate " + rate + " Hz not supported (" + PolyphaseResampler.MIN_RATE_HZ
                    + " … " + PolyphaseResampler.MAX_RATE_HZ + " Hz)");
        }
        double[] mono = audio.mono();
        for (int i = 0; i < mono.length; i++) {
            if (Math.abs(mono[i]) > MAX_SAMPLE_FS) {
                throw new IOException("sample value " + mono[i] + " at frame " + i
                        + " is beyond ±1e6 full scale (+120 dBFS): corrupt float data, not audio");
            }
        }
    }

    /** Pascals: the contract's calibration, sample value 1.0 = {@code paPerFs} Pa (MoSQITo's {@code wav_calib}). */
    private static double[] calibrate(double[] signal, double paPerFs) {
        double[] pa = new double[signal.length];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = signal[i] * paPerFs;
        }
        return pa;
    }

    private Map<String, Object> inputInfo(DecodedAudio audio) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sample_rate_hz", audio.sampleRateHz());
        input.put("channels", audio.channels());
        input.put("bits_per_sample", audio.bitsPerSample());
        input.put("encoding", audio.encoding());
        input.put("frames", audio.frames());
        input.put("duration_s", audio.durationS());
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
