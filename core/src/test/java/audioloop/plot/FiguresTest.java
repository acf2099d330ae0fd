package audioloop.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import audioloop.pipeline.FileAnalysis;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The figures from synthetic analysis maps: which figures appear for which keys (including the metrics of other
 * families, by their JSON keys), image sizes, non-blank plot areas, axes that follow the data, and the reduction of
 * long series for drawing.
 */
class FiguresTest {
    private static final int W = 800;
    private static final int H = 450;

    @Test
    void eachFigureAppearsExactlyWhenItsKeysArePresent() throws Exception {
        assertEquals(List.of(), ids(analysis(Map.of(), Map.of(), Map.of(), null)));
        Map<String, Object> series = loudnessSeries(1000, 7.5);
        assertEquals(List.of("loudness"), ids(analysis(Map.of(), series, Map.of(), null)));
        series.put("roughness_asper", new double[] {0.1, 0.3, 0.2});
        series.put("roughness_time_s", new double[] {0.1, 0.2, 0.3});
        series.put("fluctuation_vacil", List.of(0.5, 0.7, 0.6, 0.4)); // a list of numbers reads as an array too
        series.put("fluctuation_time_s", new double[] {0, 0.5, 1, 1.5});
        assertEquals(List.of("loudness", "roughness", "fluctuation"), ids(analysis(Map.of(), series, Map.of(), null)));
        // A time axis of another length than its series is not drawn (inconsistent maps fail no figure but that one).
        series.put("fluctuation_time_s", new double[] {0, 0.5});
        assertEquals(List.of("loudness", "roughness"), ids(analysis(Map.of(), series, Map.of(), null)));

        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("levels", thirdOctaveLevels());
        assertEquals(List.of("spectrum"), ids(analysis(sections, Map.of(), Map.of(), null)));
        Map<String, Object> ecma = new HashMap<>();
        ecma.put("loudness_ecma_sone", new double[] {1, 2, 3});
        ecma.put("tonality_ecma_tu", new double[] {0.1, 0.2});
        assertEquals(List.of(), ids(analysis(Map.of(), ecma, Map.of(), null)), "no frame step, no time axis");
        ecma.put("ecma_time_step_s", 1 / 187.5);
        List<Figures.Figure> figures = Figures.of(analysis(Map.of(), ecma, Map.of(), null), W, H);
        assertEquals(List.of("ecma"), ids(figures));
        assertEquals(2, ((CombinedDomainXYPlot) figures.get(0).chart().getPlot()).getSubplots().size());
        // R(l50) has its own frame step: a third panel only with it
        ecma.put("roughness_ecma_asper", new double[] {0.5, 0.6, 0.7, 0.8});
        assertEquals(2, ((CombinedDomainXYPlot) Figures.of(analysis(Map.of(), ecma, Map.of(), null), W, H).get(0)
                .chart().getPlot()).getSubplots().size());
        ecma.put("ecma_roughness_time_step_s", 0.02);
        assertEquals(3, ((CombinedDomainXYPlot) Figures.of(analysis(Map.of(), ecma, Map.of(), null), W, H).get(0)
                .chart().getPlot()).getSubplots().size());

        // R′(z): 47 channel values against their critical-band rates; the axis holds the largest.
        double[] bark = new double[47];
        double[] specific = new double[47];
        for (int c = 0; c < 47; c++) {
            bark[c] = (c + 1) / 2.0;
            specific[c] = Math.exp(-Math.pow(bark[c] - 8.5, 2));
        }
        Map<String, Object> figureData = Map.of("specific_roughness", Map.of("values", specific, "rows", bark));
        List<Figures.Figure> roughness = Figures.of(analysis(Map.of(), Map.of(), Map.of(), figureData), W, H);
        assertEquals(List.of("specific-roughness"), ids(roughness));
        Range r = roughness.get(0).chart().getXYPlot().getRangeAxis().getRange();
        assertTrue(r.contains(1.0) && r.getUpperBound() < 1.2, "R′ axis " + r);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage drawn = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        roughness.get(0).chart().draw(drawn.createGraphics(), new Rectangle2D.Double(0, 0, W, H), info);
        assertTrue(distinctColours(png(roughness.get(0), W, H), info.getPlotInfo().getDataArea()) > 3, "R′(z) drawn");
    }

    @Test
    void loudnessFigureHasItsSizeInkInThePlotAreaAndAxesAroundTheData() throws Exception {
        Map<String, Object> series = loudnessSeries(5000, 23.25);
        Map<String, Object> summary = Map.of("loudness_n5_sone", 20.0, "loudness_n10_sone", 18.0);
        Figures.Figure figure = Figures.of(analysis(Map.of(), series, summary, null), W, H).get(0);
        assertTrue(figure.title().contains("a.wav"), figure.title());
        BufferedImage image = png(figure, W, H);
        assertEquals(W, image.getWidth());
        assertEquals(H, image.getHeight());

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage drawn = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        figure.chart().draw(drawn.createGraphics(), new Rectangle2D.Double(0, 0, W, H), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertTrue(area.getWidth() > W / 2.0 && area.getHeight() > H / 2.0, "plot area " + area);
        assertTrue(distinctColours(image, area) > 3, "the plot area is blank");

        XYPlot plot = (XYPlot) figure.chart().getPlot();
        Range n = plot.getRangeAxis(0).getRange();
        assertTrue(n.contains(23.25) && n.getUpperBound() < 23.25 * 1.2, "loudness axis " + n);
        Range s = plot.getRangeAxis(1).getRange();
        assertTrue(s.contains(2.5) && s.getUpperBound() < 2.5 * 1.2, "sharpness axis " + s);
        Range t = plot.getDomainAxis().getRange();
        assertTrue(t.getLowerBound() <= 0 && t.contains(4999 * 0.002) && t.getUpperBound() < 11, "time axis " + t);
        assertEquals("Loudness N (sone)", plot.getRangeAxis(0).getLabel());
        assertEquals("Time (s)", plot.getDomainAxis().getLabel());
        assertEquals(2, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "N5 and N10 lines");
    }

    @Test
    void longSeriesAreReducedToTheirEnvelopePerPixelColumn() {
        int n = 1_800_000; // an hour of 2 ms frames
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i * 0.001) + (i == 1_234_567 ? 9 : 0) + (i == 42 ? -5 : 0);
        }
        Map<String, Object> series = new HashMap<>();
        series.put("loudness_sone", y);
        series.put("loudness_time_step_s", 0.002);
        Figures.Figure figure = Figures.of(analysis(Map.of(), series, Map.of(), null), W, H).get(0);
        XYSeries drawn = ((XYSeriesCollection) ((XYPlot) figure.chart().getPlot()).getDataset()).getSeries(0);
        assertTrue(drawn.getItemCount() <= 2 * W, drawn.getItemCount() + " points");
        assertTrue(drawn.getItemCount() >= W, drawn.getItemCount() + " points");
        assertEquals(y[1_234_567], drawn.getMaxY());
        assertEquals(y[42], drawn.getMinY());
        for (int i = 1; i < drawn.getItemCount(); i++) {
            assertTrue(drawn.getX(i).doubleValue() >= drawn.getX(i - 1).doubleValue(), "time order");
        }
        // Short series are drawn whole.
        Figures.Figure small = Figures.of(analysis(Map.of(), loudnessSeries(1000, 3), Map.of(), null), W, H).get(0);
        assertEquals(1000, ((XYPlot) small.chart().getPlot()).getDataset().getItemCount(0));
    }

    @Test
    void heatMapsSpectrumAndTonesFromSyntheticMaps() throws Exception {
        double[][] specific = new double[300][240];
        double[] bark = new double[240];
        for (int r = 0; r < 240; r++) {
            bark[r] = (r + 1) * 0.1;
            for (int c = 0; c < 300; c++) {
                specific[c][r] = Math.exp(-Math.pow((bark[r] - 8) / 2, 2)) * (1 + Math.sin(c * 0.05));
            }
        }
        Map<String, Object> grid = new HashMap<>();
        grid.put("values", specific);
        grid.put("duration_s", 12.0);
        grid.put("rows", bark);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("levels", thirdOctaveLevels());
        List<Object> tones = new ArrayList<>();
        tones.add(Map.of("frequency_hz", 1000.0, "tnr_db", 12.5, "prominent", true));
        tones.add(Map.of("frequency_hz", 3150.0, "tnr_db", 4.0, "prominent", false));
        sections.put("tonality", Map.of("tnr_db", 12.5, "tones", tones));
        List<Figures.Figure> figures = Figures.of(analysis(sections, Map.of(), Map.of(),
                Map.of("specific_loudness", grid)), W, H);
        assertEquals(List.of("specific-loudness", "spectrum"), ids(figures));

        Figures.Figure heat = figures.get(0);
        XYPlot heatPlot = (XYPlot) heat.chart().getPlot();
        assertEquals(new Range(0, 12), heatPlot.getDomainAxis().getRange());
        assertEquals(0.05, heatPlot.getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(24.05, heatPlot.getRangeAxis().getUpperBound(), 1e-12);
        BufferedImage image = png(heat, W, H);
        ChartRenderingInfo info = new ChartRenderingInfo();
        heat.chart().draw(new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new Rectangle2D.Double(0, 0, W, H), info);
        assertTrue(distinctColours(image, info.getPlotInfo().getDataArea()) > 20, "heat map has too few colours");

        Figures.Figure spectrum = figures.get(1);
        XYPlot plot = (XYPlot) spectrum.chart().getPlot();
        assertEquals(2, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "one marker per tone");
        assertEquals(3, plot.getDataset().getItemCount(0), "one bar per band");
        Range f = plot.getDomainAxis().getRange();
        assertTrue(f.contains(100 * Math.pow(10, -0.05)) && f.contains(1000 * Math.pow(10, 0.05)), "frequency axis " + f);
        Range level = plot.getRangeAxis().getRange();
        assertTrue(level.contains(71.5) && level.getUpperBound() < 90, "level axis " + level);
        png(spectrum, W, H);
    }

    @Test
    void spectrogramWithBeatsUnlessTheyAreTooDenseToSee() {
        double[][] melDb = new double[50][128];
        double[] bandHz = new double[128];
        for (int m = 0; m < 128; m++) {
            bandHz[m] = 20 + 170 * m;
            for (int c = 0; c < 50; c++) {
                melDb[c][m] = -80 + (m + c) % 60;
            }
        }
        Map<String, Object> grid = new HashMap<>();
        grid.put("values", melDb);
        grid.put("duration_s", 5.0);
        grid.put("rows", bandHz);
        for (int beats : new int[] {9, W / 8, W / 8 + 1}) {
            double[] times = new double[beats];
            for (int i = 0; i < beats; i++) {
                times[i] = 5.0 * i / beats;
            }
            FileAnalysis analysis = new FileAnalysis("a.wav", Map.of(), Map.of(), Map.of(),
                    Map.of("beat_times_s", times), Map.of(), Map.of(), List.of(), Map.of(),
                    Map.of("melspectrogram_db", grid));
            Figures.Figure figure = Figures.of(analysis, W, H).get(0);
            assertEquals("spectrogram", figure.id());
            var markers = ((XYPlot) figure.chart().getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            assertEquals(beats <= W / 8 ? beats : 0, markers == null ? 0 : markers.size(), beats + " beats");
            Range rows = ((XYPlot) figure.chart().getPlot()).getRangeAxis().getRange();
            assertEquals(new Range(-0.5, 127.5), rows, "one row per mel band");
        }
    }

    @Test
    void svgHasTheSizeAndTheText() {
        Figures.Figure figure = Figures.of(analysis(Map.of(), loudnessSeries(100, 5), Map.of(), null), W, H).get(0);
        String svg = new String(FigureFormat.SVG.render(figure.chart(), W, H), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, 200));
        assertTrue(svg.contains("width='" + W + ".0'") && svg.contains("height='" + H + ".0'"), svg.substring(0, 300));
        assertTrue(svg.contains(">Time (s)</text>") && svg.contains("a.wav</text>"), "axis label and title as text");
        assertFalse(svg.contains("href='http") || svg.contains("href=\"http"), "no external reference");
    }

    // ---- helpers ----

    private static List<String> ids(List<Figures.Figure> figures) {
        return figures.stream().map(Figures.Figure::id).toList();
    }

    private static List<String> ids(FileAnalysis analysis) {
        return ids(Figures.of(analysis, W, H));
    }

    static FileAnalysis analysis(Map<String, Object> sections, Map<String, Object> series, Map<String, Object> summary,
            Map<String, Object> figureData) {
        return new FileAnalysis("dir/a.wav", Map.of("duration_s", 10.0), Map.of(), summary, null, sections, series,
                List.of(), Map.of(), figureData);
    }

    /** N(t) rising to {@code peak} at frame n/2, S(t) up to 2.5 acum, 2 ms steps. */
    private static Map<String, Object> loudnessSeries(int n, double peak) {
        double[] loudness = new double[n];
        double[] sharpness = new double[n];
        for (int i = 0; i < n; i++) {
            loudness[i] = peak * (1 - Math.abs(i - n / 2) / (double) n);
            sharpness[i] = 1.5 + Math.sin(i * 0.01);
        }
        sharpness[n / 3] = 2.5;
        Map<String, Object> series = new HashMap<>();
        series.put("loudness_sone", loudness);
        series.put("sharpness_acum", sharpness);
        series.put("loudness_time_step_s", 0.002);
        return series;
    }

    private static Map<String, Object> thirdOctaveLevels() {
        Map<String, Object> levels = new LinkedHashMap<>();
        levels.put("third_octave_hz", new double[] {100, 1000, 1000 * Math.pow(10, 0.1)});
        levels.put("third_octave_db", new double[] {60.0, 71.5, 65.0});
        levels.put("LAeq_db", 70.1);
        return levels;
    }

    private static BufferedImage png(Figures.Figure figure, int w, int h) throws Exception {
        byte[] bytes = FigureFormat.PNG.render(figure.chart(), w, h);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static int distinctColours(BufferedImage image, Rectangle2D area) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = (int) area.getMinY() + 2; y < area.getMaxY() - 2; y++) {
            for (int x = (int) area.getMinX() + 2; x < area.getMaxX() - 2; x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
