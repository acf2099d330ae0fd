package audioloop.pipeline;

import audioloop.loudness.SoundField;
import audioloop.loudness.SpecificLoudnessSink;
import audioloop.loudness.StationaryLoudness;
import audioloop.loudness.StationaryLoudnessResult;
import audioloop.loudness.ThirdOctaveSpectrum;
import audioloop.loudness.TimeVaryingLoudness;
import audioloop.loudness.TimeVaryingLoudnessResult;
import audioloop.sharpness.DinSharpness;
import java.util.List;
import java.util.Map;

/** The loudness part of a file's analysis: runs ISO 532-1 time-varying loudness and writes the summary keys. */
final class LoudnessBlock {
    /**
     * Below 10 ms (5 frames of 2 ms) the summaries (mean, N5, N10 over frames still inside the filters' start-up)
     * describe the filters, not the sound: such files get {@code null} loudness and a warning.
     */
    static final int MINIMUM_SAMPLES = Analyzer.SAMPLE_RATE_HZ / 100;

    /** N(t) every 2 ms and, when sharpness is wanted, the DIN 45692 moment Σ N′·g·z·Δz of every frame. */
    record TimeVarying(double[] loudnessSone, double timeStepS, double[] sharpnessMoments) {
    }

    private LoudnessBlock() {
    }

    /**
     * ISO 532-1 time-varying loudness fed block by block ({@link TimeVaryingLoudness.Stream}); the N′(z) of each
     * frame is reduced to its DIN 45692 moment as it comes (and, for figures, max-pooled into a few columns), so
     * N′(z, t) is never held for the whole file.
     */
    static final class TimeVaryingStream {
        private final TimeVaryingLoudness.Stream stream;
        private final double[] moments;

        TimeVaryingStream(SoundField field, boolean withSharpness, int samples) {
            this(field, withSharpness, samples, null);
        }

        /**
         * @param samples          the signal's length, known from the header: sizes the moments, one per 2 ms frame
         * @param specificLoudness receives N′(z) of every frame for the figures; {@code null} when not plotting
         */
        TimeVaryingStream(SoundField field, boolean withSharpness, int samples, ColumnMaxPool specificLoudness) {
            moments = withSharpness ? new double[TimeVaryingLoudness.frameCount(samples)] : null;
            SpecificLoudnessSink sink = SpecificLoudnessSink.NONE;
            if (withSharpness || specificLoudness != null) {
                sink = (frame, nPrime) -> {
                    if (moments != null) {
                        moments[frame] = DinSharpness.weightedMoment(nPrime);
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
    static StationaryLoudnessResult stationary(ThirdOctaveSpectrum.Stream levels, SoundField field) {
        return StationaryLoudness.fromThirdOctaveLevels(levels.finish(), field);
    }

    static void summarise(TimeVarying loudness, StationaryLoudnessResult stationary, Map<String, Object> summary) {
        double[] n = loudness == null ? null : loudness.loudnessSone();
        summary.put("loudness_sone", n == null ? null : Summaries.mean(n));
        summary.put("loudness_sone_max", n == null ? null : Summaries.max(n));
        summary.put("loudness_n5_sone", n == null ? null : Summaries.percentile(n, 95));
        summary.put("loudness_n10_sone", n == null ? null : Summaries.percentile(n, 90));
        summary.put("loudness_stationary_sone", stationary == null ? null : stationary.loudnessSone());
    }
}
