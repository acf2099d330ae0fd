package audioloop.pipeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The metric groups a user can ask for with {@code --metrics}. */
public enum Metric {
    SPECTRAL, LOUDNESS, SHARPNESS, ROUGHNESS, LEVELS, TONALITY, SII, FLUCTUATION, ANNOYANCE;

    /** What {@code --metrics} computes when not given, and {@link AnalysisOptions#defaults()}. */
    public static final String DEFAULT_LIST = "spectral,loudness,sharpness,roughness,levels,tonality,sii";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma list such as {@code "spectral,sharpness"}; sharpness implies loudness (it is computed from
     * N(t) and N′(z,t)); annoyance implies the metrics it combines (loudness, sharpness, roughness, fluctuation).
     *
     * @throws IllegalArgumentException naming the unknown entry
     */
    public static Set<Metric> parseList(String list) {
        EnumSet<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String part : list.split(",", -1)) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                metrics.add(Metric.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown metric '" + part.trim()
                        + "' (known: spectral, loudness, sharpness, roughness, levels, tonality, sii, fluctuation, annoyance)");
            }
        }
        if (metrics.contains(ANNOYANCE)) {
            metrics.addAll(EnumSet.of(SHARPNESS, ROUGHNESS, FLUCTUATION));
        }
        if (metrics.contains(SHARPNESS)) {
            metrics.add(LOUDNESS);
        }
        return metrics;
    }
}
