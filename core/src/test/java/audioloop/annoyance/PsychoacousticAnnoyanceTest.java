package audioloop.annoyance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The three PA formulas against refmap-psychoacoustics {@code psych_annoy.py} on a grid of inputs (resource
 * psych_annoy_grid.json, made by docs/oracle/fluct/make_grid.py), and against their defining properties.
 */
class PsychoacousticAnnoyanceTest {
    private static final double RELATIVE = 1e-12;

    @Test
    void matchesRefmapPsychAnnoyOnTheGrid() throws Exception {
        JsonNode rows;
        try (InputStream in = getClass().getResourceAsStream("psych_annoy_grid.json")) {
            rows = new ObjectMapper().readTree(in).get("rows");
        }
        assertEquals(1800, rows.size());
        double worst = 0;
        for (JsonNode row : rows) {
            double n = row.get("n5_sone").asDouble();
            double s = row.get("s5_acum").asDouble();
            double r = row.get("r_asper").asDouble();
            double f = row.get("f_vacil").asDouble();
            double k = row.get("k_tu").asDouble();
            worst = Math.max(worst, check(row, "widmann_au", PsychoacousticAnnoyance.widmann(n, s, r, f)));
            worst = Math.max(worst, check(row, "more_au", PsychoacousticAnnoyance.more(n, s, r, f, k)));
            worst = Math.max(worst, check(row, "di_au", PsychoacousticAnnoyance.di(n, s, r, f, k)));
        }
        System.out.println("PA vs psych_annoy.py, worst relative difference: " + worst);
    }

    private static double check(JsonNode row, String key, double actual) {
        double expected = row.get(key).asDouble();
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(relative <= RELATIVE, key + " at " + row + ": " + actual);
        return relative;
    }

    @Test
    void withoutSharpnessOrModulationTermsAnnoyanceIsLoudness() {
        // S ≤ 1.75 acum and R = F = 0 leave PA = N5 (Widmann); More keeps its constant −0.16, clipped at 0.
        assertEquals(12.5, PsychoacousticAnnoyance.widmann(12.5, 1.75, 0, 0), 0);
        assertEquals(12.5, PsychoacousticAnnoyance.more(12.5, 1.0, 0, 0, 0), 0);
        assertEquals(12.5, PsychoacousticAnnoyance.di(12.5, 1.0, 0, 0, 0), 0);
    }

    @Test
    void widmannTermsByHand() {
        // N = 10 sone, S = 2.75 acum: w_S = 0.25·lg 20; R = 0.5 asper, F = 1 vacil: w_FR = 2.18/10^0.4·0.7.
        double wS = 0.25 * Math.log10(20);
        double wFR = 2.18 / Math.pow(10, 0.4) * 0.7;
        assertEquals(10 * (1 + Math.hypot(wS, wFR)), PsychoacousticAnnoyance.widmann(10, 2.75, 0.5, 1), 1e-12);
    }
}
