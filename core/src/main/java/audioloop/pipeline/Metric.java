package audioloop.pipeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The metric groups a user can ask for with {@code --metrics}. */
public enum Metric {
    SPECTRAL, LOUDNESS, SHARPNESS, ROUGHNESS, LEVELS, TONALITY, SII, FLUCTUATION, ANNOYANCE,
    /** Aures (1985) tonality as SQAT implements it. */
    AURES_TONALITY,
    /** ECMA-418-2:2025 (Sottek Hearing Model): all of its metrics that are implemented. */
    ECMA, ECMA_LOUDNESS, ECMA_TONALITY, ECMA_ROUGHNESS;

    /** What {@code --metrics} computes when not given, and {@link AnalysisOptions#defaults()}. */
    public static final String DEFAULT_LIST = "spectral,loudness,sharpness,roughness,levels,tonality,sii";

    /** The name on the command line: lower case, '-' for '_' (e.g. {@code ecma-loudness}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a comma list such as {@code "spectral,sharpness"}; sharpness implies loudness (it is computed from
     * N(t) and N′(z,t)); annoyance implies the metrics it combines (loudness, sharpness, roughness, fluctuation, Aures tonality);
     * {@code ecma} stands for all ECMA-418-2 metrics.
     *
     * @throws IllegalArgumentException naming the unknown entry
     */
    public static Set<Metric> parseList(String list) {
        EnumSet<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String part : list.split(",", -1)) {
            String name = part.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                metrics.add(Metric.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown metric '" + part.trim() + "' (known: spectral, loudness, "
                        + "sharpness, roughness, levels, tonality, sii, fluctuation, annoyance, aures-tonality, ecma, "
                        + "ecma-loudness, ecma-tonality, ecma-roughness)");
            }
        }
        if (metrics.contains(ANNOYANCE)) {
            metrics.addAll(EnumSet.of(SHARPNESS, ROUGHNESS, FLUCTUATION, AURES_TONALITY));
        }
        if (metrics.contains(SHARPNESS)) {
            metrics.add(LOUDNESS);
        }
        if (metrics.contains(ECMA)) {
            metrics.add(ECMA_LOUDNESS);
            metrics.add(ECMA_TONALITY);
            metrics.add(ECMA_ROUGHNESS);
        }
        return metrics;
    }
}
