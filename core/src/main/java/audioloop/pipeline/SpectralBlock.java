package audioloop.pipeline;

import audioloop.spectral.FeatureStats;
import audioloop.spectral.SpectralAnalyzer;
import audioloop.spectral.SpectralFrames;
import audioloop.spectral.SpectralStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/** The spectral part of a file's analysis, shaped as the contract's {@code spectral} block and series. */
final class SpectralBlock {
    record Result(Map<String, Object> summary, Map<String, Object> series) {
    }

    private SpectralBlock() {
    }

    static double hopS() {
        return SpectralFrames.HOP_S;
    }

    static Result compute(double[] signal48k, boolean withSeries, List<String> warnings) {
        return compute(signal48k, withSeries, warnings, null);
    }

    /** @param melDbFrames receives every frame's dB mel row (row, frame), in frame order; {@code null} for none */
    static Result compute(double[] signal48k, boolean withSeries, List<String> warnings,
            ObjIntConsumer<double[]> melDbFrames) {
        SpectralFrames f = SpectralAnalyzer.analyze(signal48k);
        if (melDbFrames != null) {
            for (int t = 0; t < f.frameCount(); t++) {
                melDbFrames.accept(f.melDb()[t], t);
            }
        }
        return shape(f, FeatureStats.perRow(f.spectralContrast()), FeatureStats.perRow(f.mfcc()),
                FeatureStats.perRow(f.chromaStft()), FeatureStats.perRow(f.melDb()), withSeries, warnings);
    }

    /**
     * The same block for a signal fed in pieces, over {@link Stream#passes} passes ({@link SpectralStream}):
     * equal to {@link #compute} on the whole signal, bit for bit.
     *
     * @param totalSamples48k the signal's length: exactly this many samples are fed in each pass
     */
    static Stream stream(long totalSamples48k, boolean withSeries) {
        return stream(totalSamples48k, withSeries, null);
    }

    /** @param melDbFrames as for {@link #compute(double[], boolean, List, ObjIntConsumer)} */
    static Stream stream(long totalSamples48k, boolean withSeries, ObjIntConsumer<double[]> melDbFrames) {
        SpectralStream stream = new SpectralStream(totalSamples48k, withSeries, melDbFrames);
        return new Stream() {
            @Override
            public int passes() {
                return SpectralStream.PASSES;
            }

            @Override
            public void beginPass(int pass) {
                stream.beginPass(pass);
            }

            @Override
            public void accept(double[] y48k, int from, int length) {
                stream.accept(y48k, from, length);
            }

            @Override
            public void endPass() {
                stream.endPass();
            }

            @Override
            public Result result(List<String> warnings) {
                SpectralStream.Result r = stream.result();
                return shape(r.frames(), r.contrastStats(), r.mfccStats(), r.chromaStats(), r.melDbStats(),
                        withSeries, warnings);
            }
        };
    }

    /**
     * The block fed in order, in pieces of any size, on a ForkJoinPool worker (accept may fork work on its pool):
     * for p = 0 … passes() − 1: beginPass(p), accept(…) over the whole signal, endPass(); then result().
     */
    interface Stream {
        int passes();

        void beginPass(int pass);

        void accept(double[] y48k, int from, int length);

        void endPass();

        Result result(List<String> warnings);
    }

    /** The contract's summary and series from the frame series and the per-row statistics of the multi-row ones. */
    private static Result shape(SpectralFrames f, FeatureStats.PerRow contrast, FeatureStats.PerRow mfcc,
            FeatureStats.PerRow chroma, FeatureStats.PerRow melDb, boolean withSeries, List<String> warnings) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rms", stats(f.rms()));
        summary.put("zero_crossing_rate", stats(f.zeroCrossingRate()));
        summary.put("spectral_centroid", stats(f.spectralCentroid()));
        summary.put("spectral_bandwidth", stats(f.spectralBandwidth()));
        summary.put("spectral_rolloff", stats(f.spectralRolloff()));
        summary.put("spectral_flatness", stats(f.spectralFlatness()));
        summary.put("onset_strength", stats(f.onsetStrength()));
        summary.put("spectral_contrast", stats(contrast));
        summary.put("mfcc", stats(mfcc));
        summary.put("chroma_stft", stats(chroma));
        summary.put("melspectrogram_db", stats(melDb));
        summary.put("tempo_bpm", f.beats().tempoBpm());
        summary.put("beat_times_s", f.beats().beatTimesS());
        summary.put("tuning", f.tuning());
        if (f.pitch().voicedHz().length == 0) {
            warnings.add("pitch_hz: no voiced frame (no periodic sound found), not computed");
            summary.put("pitch_hz", null);
        } else {
            summary.put("pitch_hz", stats(f.pitch().voicedHz()));
        }
        summary.put("voiced_fraction", f.pitch().voicedFraction());

        Map<String, Object> series = null;
        if (withSeries) {
            series = new LinkedHashMap<>();
            series.put("rms", f.rms());
            series.put("zero_crossing_rate", f.zeroCrossingRate());
            series.put("spectral_centroid", f.spectralCentroid());
            series.put("spectral_bandwidth", f.spectralBandwidth());
            series.put("spectral_rolloff", f.spectralRolloff());
            series.put("spectral_flatness", f.spectralFlatness());
            series.put("onset_strength", f.onsetStrength());
            series.put("spectral_contrast", f.spectralContrast());
            series.put("mfcc", f.mfcc());
            series.put("chroma_stft", f.chromaStft());
            series.put("melspectrogram_db", f.melDb());
        }
        return new Result(summary, series);
    }

    private static Map<String, Object> stats(double[] series) {
        FeatureStats s = FeatureStats.of(series);
        return statsMap(s.mean(), s.std(), s.min(), s.max());
    }

    private static Map<String, Object> stats(FeatureStats.PerRow s) {
        return statsMap(s.mean(), s.std(), s.min(), s.max());
    }

    /** The contract's stats object: mean, population std, min, max over frames (numbers, or arrays per row). */
    private static Map<String, Object> statsMap(Object mean, Object std, Object min, Object max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", std);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
