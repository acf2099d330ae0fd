package audioloop.pipeline;

import audioloop.loudness.LoudnessLevel;
import audioloop.loudness.SoundField;
import audioloop.loudness.SpecificLoudnessSink;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.loudness.TimeVaryingLoudnessResult;
import audioloop.sharpness.Sharpness;
import audioloop.sharpness.SharpnessWeighting;
import java.util.List;
import java.util.Map;

/** The loudness part of a file's analysis: runs ISO 532-1 time-varying loudness and writes the summary keys. */
final class LoudnessBlock {
    /**
     * Below 10 ms (5 frames of 2 ms) the summaries (mean, N5, N10 over frames still inside the filters' start-up)
     * describe the filters, not the sound: such files get {@code null} loudness and a warning.
     */
    static final int MINIMUM_SAMPLES = Analyzer.SAMPLE_RATE_HZ / 100;

    /**
     * N(t) every 2 ms and, when sharpness is wanted, the moments Σ N′·g·z·Δz of every frame, one row per
     * {@link SharpnessWeighting} (by ordinal).
     */
    record TimeVarying(double[] loudnessSone, double timeStepS, double[][] sharpnessMoments) {
    }

    private LoudnessBlock() {
    }

    /**
     * ISO 532-1 time-varying loudness fed block by block ({@link TimeVaryingLoudness.Stream}); the N′(z) of each
     * frame is reduced to its sharpness moments (one per weighting: 32 bytes a frame) as it comes (and, for figures,
     * max-pooled into a few columns), so N′(z, t) is never held for the whole file.
     */
    static final class TimeVaryingStream {
        private static final SharpnessWeighting[] WEIGHTINGS = SharpnessWeighting.values();
        private final TimeVaryingLoudness.Stream stream;
        private final double[][] moments;

        TimeVaryingStream(SoundField field, boolean withSharpness, int samples) {
            this(field, withSharpness, samples, null);
        }

        /**
         * @param samples          the signal's length, known from the header: sizes the moments, one per 2 ms frame
         * @param specificLoudness receives N′(z) of every frame for the figures; {@code null} when not plotting
         */
        TimeVaryingStream(SoundField field, boolean withSharpness, int samples, ColumnMaxPool specificLoudness) {
            moments = withSharpness ? new double[WEIGHTINGS.length][TimeVaryingLoudness.frameCount(samples)] : null;
            SpecificLoudnessSink sink = SpecificLoudnessSink.NONE;
            if (withSharpness || specificLoudness != null) {
                sink = (frame, nPrime) -> {
                    if (moments != null) {
                        for (SharpnessWeighting w : WEIGHTINGS) {
                            moments[w.ordinal()][frame] = Sharpness.weightedMoment(w, nPrime);
                        }
                    }
                    if (specificLoudness != null) {
                        specificLoudness.accept(frame, nPrime);
                    }
                };
            }
            stream = new TimeVaryingLoudness.Stream(field, sink);
        }

        void accept(double[] pressurePa, int from, int length) {
            stream.accept(pressurePa, from, length);
        }

        TimeVarying finish(List<String> warnings) {
            TimeVaryingLoudnessResult result = stream.finish();
            warnings.addAll(result.warnings());
            return new TimeVarying(result.loudnessSone(), result.timeStepS(), moments);
        }
    }

    /** ISO 532-1 stationary loudness of the whole file, from its band levels fed block by block. */
    static StationaryLoudnessResult stationary(ThirdOctaveFeed levels, SoundField field) {
        return StationaryLoudness.fromThirdOctaveLevels(levels.finish(), field);
    }

    static void summarise(TimeVarying loudness, StationaryLoudnessResult stationary, Map<String, Object> summary) {
        double[] n = loudness == null ? null : loudness.loudnessSone();
        summary.put("loudness_sone", n == null ? null : Summaries.mean(n));
        summary.put("loudness_sone_max", n == null ? null : Summaries.max(n));
        Double n5 = n == null ? null : Summaries.percentile(n, 95);
        summary.put("loudness_n5_sone", n5);
        summary.put("loudness_n10_sone", n == null ? null : Summaries.percentile(n, 90));
        summary.put("loudness_stationary_sone", stationary == null ? null : stationary.loudnessSone());
        summary.put("loudness_stationary_phon", stationary == null ? null : LoudnessLevel.phon(stationary.loudnessSone()));
        summary.put("loudness_n5_phon", n5 == null ? null : LoudnessLevel.phon(n5));
    }

    /** S(t) for every {@link SharpnessWeighting} (rows by ordinal), from N(t) and the frames' moments. */
    static double[][] sharpness(TimeVarying loudness) {
        SharpnessWeighting[] weightings = SharpnessWeighting.values();
        double[][] sharpness = new double[weightings.length][];
        for (SharpnessWeighting w : weightings) {
            sharpness[w.ordinal()] = Sharpness.timeVarying(w, loudness.loudnessSone(), loudness.sharpnessMoments()[w.ordinal()]);
        }
        return sharpness;
    }

    /**
     * Sharpness summary keys (mean of S(t) and the stationary value; DIN as {@code sharpness_acum} and {@code
     * sharpness_stationary_acum}, the others as {@code sharpness_<weighting>_acum} and {@code
     * sharpness_<weighting>_stationary_acum}) and, when {@code series} is non-null, the S(t) series under the
     * time-varying keys.
     */
    static void summariseSharpness(double[][] sharpness, StationaryLoudnessResult stationary,
                                   Map<String, Object> summary, Map<String, Object> series) {
        // The DIN keys first (DIN is the first weighting), in the contract's order; then the other weightings' means,
        // then their stationary values.
        for (SharpnessWeighting w : SharpnessWeighting.values()) {
            summary.put(meanKey(w), sharpness == null ? null : Summaries.mean(sharpness[w.ordinal()]));
            if (w == SharpnessWeighting.DIN) {
                summary.put(stationaryKey(w), stationary == null ? null : Sharpness.stationary(w, stationary));
            }
        }
        for (SharpnessWeighting w : SharpnessWeighting.values()) {
            if (w != SharpnessWeighting.DIN) {
                summary.put(stationaryKey(w), stationary == null ? null : Sharpness.stationary(w, stationary));
            }
        }
        if (series != null && sharpness != null) {
            for (SharpnessWeighting w : SharpnessWeighting.values()) {
                series.put(meanKey(w), sharpness[w.ordinal()]);
            }
        }
    }

    /** {@code sharpness_acum} for DIN (the contract's first key), {@code sharpness_<weighting>_acum} for the others. */
    static String meanKey(SharpnessWeighting w) {
        return "sharpness" + (w == SharpnessWeighting.DIN ? "" : "_" + w.key()) + "_acum";
    }

    private static String stationaryKey(SharpnessWeighting w) {
        return "sharpness" + (w == SharpnessWeighting.DIN ? "" : "_" + w.key()) + "_stationary_acum";
    }
}
