package audioloop.loudness;

/**
 * ISO 532-1:2017 clause 5, stationary loudness from a third-octave spectrum (MoSQITo 1.2.1 {@code loudness_zwst}
 * after its {@code noct_spectrum}): core loudness, then slopes. The filter bank that turns a signal into the
 * 28 levels lives elsewhere.
 */
public final class StationaryLoudness {
    private StationaryLoudness() {
    }

    /**
     * @param levelsDb28 28 third-octave levels, dB re 20 µPa, bands 25 Hz … 12.5 kHz
     * @param field      free or diffuse sound field
     */
    public static StationaryLoudnessResult fromThirdOctaveLevels(double[] levelsDb28, SoundField field) {
        if (levelsDb28.length != CoreLoudness.THIRD_OCTAVE_BANDS) {
            throw new IllegalArgumentException("expected 28 third-octave levels, got " + levelsDb28.length);
        }
        double[] core = new double[CoreLoudness.CRITICAL_BANDS];
        CoreLoudness.compute(levelsDb28, field, core);
        double[] specific = new double[SpecificLoudnessSlopes.BARK_POINTS];
        double loudness = SpecificLoudnessSlopes.compute(core, specific);
        return new StationaryLoudnessResult(loudness, specific);
    }
}
