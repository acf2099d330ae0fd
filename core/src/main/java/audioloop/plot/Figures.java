package audioloop.plot;

import audioloop.pipeline.FileAnalysis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figures of one file, drawn with JFreeChart from the JSON-shaped maps of its {@link FileAnalysis} only: no
 * second analysis. Each figure needs certain keys and is left out when they are absent (a metric not asked for, not
 * computable for this input, or not built yet), so a metric family that writes the keys below gets its figure:
 * <ul>
 *   <li>{@code loudness}: {@code series.loudness_sone}, {@code loudness_time_step_s}; lines at
 *       {@code summary.loudness_n5_sone} / {@code loudness_n10_sone}; {@code series.sharpness_acum} on a second
 *       axis when present;</li>
 *   <li>{@code specific-loudness}: {@code figureData.specific_loudness} (N′(z, t) as a heat map);</li>
 *   <li>{@code roughness}: {@code series.roughness_asper} over {@code roughness_time_s};</li>
 *   <li>{@code spectrogram}: {@code figureData.melspectrogram_db}, beats at {@code spectral.beat_times_s};</li>
 *   <li>{@code spectrum}: bars of {@code levels.third_octave_db} at {@code levels.third_octave_hz}, and tones at
 *       {@code tonality.tones[].frequency_hz} (with {@code tnr_db}, {@code prominent}) marked on them (or, without
 *       levels, on the mean mel spectrum);</li>
 *   <li>{@code fluctuation}: {@code series.fluctuation_vacil} over {@code fluctuation_time_s};</li>
 *   <li>{@code ecma}: {@link #ECMA_SERIES}, one panel per series present.</li>
 * </ul>
 * Line series longer than the figure is wide are reduced to the minimum and maximum of each pixel column, in the
 * order they occur, which draws the same envelope as the full series (a one-frame peak still shows) with at most two
 * points per pixel.
 */
public final class Figures {
    /** A figure: {@code id} names its file ({@code <input>.<id>.png}), {@code title} its caption. */
    public record Figure(String id, String title, JFreeChart chart) {
    }

    /**
     * ECMA-418-2 time series drawn as panels of the {@code ecma} figure: series key, axis label, key of its frame
     * step. Frame l of each is at l·step ({@code series.ecma_time_step_s} = 1/187.5 s for N and T,
     * {@code series.ecma_roughness_time_step_s} = 1/50 s for R), as the ECMA metric writes them.
     */
    static final String[][] ECMA_SERIES = {
        {"loudness_ecma_sone", "Loudness N (sone_HMS)", "ecma_time_step_s"},
        {"tonality_ecma_tu", "Tonality T (tu_HMS)", "ecma_time_step_s"},
        {"roughness_ecma_asper", "Roughness R (asper_HMS)", "ecma_roughness_time_step_s"},
    };

    private static final Color LINE = new Color(31, 94, 168);
    private static final Color SECOND_LINE = new Color(214, 96, 22);
    private static final Color MARKER = new Color(90, 90, 90);
    private static final BasicStroke LINE_STROKE = new BasicStroke(1.5f);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {8f, 5f}, 0f);

    private final String name;
    private final int widthPx;
    private final int heightPx;
    private final FileAnalysis analysis;

    private Figures(FileAnalysis analysis, int widthPx, int heightPx) {
        this.analysis = analysis;
        this.name = Path.of(analysis.file()).getFileName().toString();
        this.widthPx = widthPx;
        this.heightPx = heightPx;
    }

    /** The figures the analysis has data for, laid out for {@code widthPx × heightPx} pixels. */
    public static List<Figure> of(FileAnalysis analysis, int widthPx, int heightPx) {
        Figures f = new Figures(analysis, widthPx, heightPx);
        List<Figure> figures = new ArrayList<>();
        f.add(figures, f.loudness());
        f.add(figures, f.specificLoudness());
        f.add(figures, f.roughness());
        f.add(figures, f.specificRoughness());
        f.add(figures, f.spectrogram());
        f.add(figures, f.spectrum());
        f.add(figures, f.timeSeries("fluctuation", "Fluctuation strength F(t)", "fluctuation_vacil",
                "fluctuation_time_s", "Fluctuation strength F (vacil)", "fluctuation_f5_vacil", "F5"));
        f.add(figures, f.ecma());
        return figures;
    }

    private void add(List<Figure> figures, Figure figure) {
        if (figure != null) {
            theme().apply(figure.chart());
            figure.chart().setBackgroundPaint(Color.WHITE);
            figures.add(figure);
        }
    }

    /** JFreeChart's fonts scaled with the figure, so that a 1600 × 900 figure reads as a 800 × 450 one would. */
    private StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        float scale = fontScale();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(20 * scale)));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(14 * scale)));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale)));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(10 * scale)));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(210, 210, 210));
        theme.setRangeGridlinePaint(new Color(210, 210, 210));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        return theme;
    }

    private Font labelFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * fontScale()));
    }

    private float fontScale() {
        return Math.max(0.6f, Math.min(widthPx / 1600f, heightPx / 900f) * 1.6f);
    }

    private String title(String what) {
        return what + " — " + name;
    }

    // ---- the figures ----

    private Figure loudness() {
        double[] n = doubles(series("loudness_sone"));
        Double step = number(series("loudness_time_step_s"));
        if (n == null || n.length == 0 || step == null) {
            return null;
        }
        XYPlot plot = linePlot(minMax("N(t)", n.length, i -> i * step, n), "Loudness N (sone)", LINE);
        // N5 ≥ N10, often close: N5's label above its line, N10's below.
        marker(plot, number(analysis.summary(), "loudness_n5_sone"), "N5", true);
        marker(plot, number(analysis.summary(), "loudness_n10_sone"), "N10", false);
        double[] s = doubles(series("sharpness_acum"));
        String what = "Loudness N(t)";
        if (s != null && s.length == n.length) {
            NumberAxis sharpnessAxis = new NumberAxis("Sharpness S (acum)");
            plot.setRangeAxis(1, sharpnessAxis);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.setDataset(1, new XYSeriesCollection(minMax("S(t)", s.length, i -> i * step, s)));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, lines(SECOND_LINE));
            what = "Loudness N(t) and sharpness S(t)";
        }
        plot.setDomainAxis(timeAxis());
        return new Figure("loudness", title(what), chart(title(what), plot, true));
    }

    /** R′(z) averaged over the frames, a value per 0.5-Bark channel (their sum is the mean R). */
    private Figure specificRoughness() {
        Object value = analysis.figureData() == null ? null : analysis.figureData().get("specific_roughness");
        Map<String, Object> data = value instanceof Map<?, ?> m ? cast(m) : null;
        double[] r = data == null ? null : doubles(data.get("values"));
        double[] z = data == null ? null : doubles(data.get("rows"));
        if (r == null || z == null || r.length != z.length || r.length == 0) {
            return null;
        }
        XYSeries line = new XYSeries("R′(z)", false, true);
        for (int c = 0; c < r.length; c++) {
            line.add(z[c], r[c]);
        }
        NumberAxis bark = new NumberAxis("Critical-band rate z (Bark)");
        bark.setRange(0, 24);
        NumberAxis specific = new NumberAxis("Specific roughness R′ (asper per 0.5-Bark channel)");
        XYPlot plot = new XYPlot(new XYSeriesCollection(line), bark, specific, lines(LINE));
        String what = "Specific roughness R′(z), mean over frames";
        return new Figure("specific-roughness", title(what), chart(title(what), plot, false));
    }

    private Figure roughness() {
        return timeSeries("roughness", "Roughness R(t)", "roughness_asper", "roughness_time_s",
                "Roughness R (asper)", "roughness_asper", "mean");
    }

    /** A line over its own time axis, with an optional marker line from the summary. */
    private Figure timeSeries(String id, String what, String key, String timeKey, String axisLabel,
            String markerKey, String markerLabel) {
        double[] y = doubles(series(key));
        double[] t = doubles(series(timeKey));
        if (y == null || t == null || y.length == 0 || t.length != y.length) {
            return null;
        }
        XYPlot plot = linePlot(minMax(key, y.length, i -> t[i], y), axisLabel, LINE);
        plot.setDomainAxis(timeAxis());
        if (markerKey != null) {
            marker(plot, number(analysis.summary(), markerKey), markerLabel, true);
        }
        return new Figure(id, title(what), chart(title(what), plot, false));
    }

    private Figure ecma() {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis());
        combined.setGap(12);
        for (String[] keys : ECMA_SERIES) {
            Double step = series(keys[2]) instanceof Number n ? n.doubleValue() : null;
            double[] y = doubles(series(keys[0]));
            if (step != null && y != null && y.length > 0) {
                combined.add(linePlot(minMax(keys[0], y.length, i -> i * step, y), keys[1], LINE));
            }
        }
        if (combined.getSubplots().isEmpty()) {
            return null;
        }
        String what = "ECMA-418-2 time-dependent values";
        return new Figure("ecma", title(what), chart(title(what), combined, false));
    }

    private Figure specificLoudness() {
        Map<String, Object> grid = figureData("specific_loudness");
        if (grid == null) {
            return null;
        }
        double[] bark = doubles(grid.get("rows"));
        double halfStep = (bark[1] - bark[0]) / 2;
        NumberAxis z = new NumberAxis("Critical-band rate z (Bark)");
        z.setRange(bark[0] - halfStep, bark[bark.length - 1] + halfStep);
        String what = "Specific loudness N′(z, t)";
        return heatMap("specific-loudness", what, grid, z, "N′ (sone/Bark)", 0.0);
    }

    private Figure spectrogram() {
        Map<String, Object> grid = figureData("melspectrogram_db");
        if (grid == null) {
            return null;
        }
        double[] bandHz = doubles(grid.get("rows"));
        // The rows are equally spaced in mel: the axis counts bands, its labels say their centre frequency.
        NumberAxis bands = new NumberAxis("Frequency (Hz, mel scale)");
        bands.setRange(-0.5, bandHz.length - 0.5);
        bands.setNumberFormatOverride(new BandHzFormat(bandHz));
        double[] beats = doubles(analysis.spectral() == null ? null : analysis.spectral().get("beat_times_s"));
        // Beat lines closer than ~8 pixels on average (a long file) would hide the spectrogram: then none.
        boolean drawBeats = beats != null && beats.length > 0 && beats.length * 8 <= widthPx;
        Figure figure = heatMap("spectrogram", drawBeats ? "Mel spectrogram and beats" : "Mel spectrogram", grid,
                bands, "Mel power (dB re 1)", null);
        if (drawBeats) {
            XYPlot plot = figure.chart().getXYPlot();
            for (double beat : beats) {
                ValueMarker marker = new ValueMarker(beat, new Color(255, 255, 255, 150), new BasicStroke(1f));
                plot.addDomainMarker(marker);
            }
        }
        return figure;
    }

    /**
     * A heat map: the grid's cells are one image, which JFreeChart scales into the data area of a plot whose axes
     * span the grid exactly (XYBlockRenderer would draw every cell as a shape: 480 000 of them for 2000 × 240).
     */
    private Figure heatMap(String id, String what, Map<String, Object> grid, NumberAxis rowAxis, String unit,
            Double lowest) {
        double[][] values = (double[][]) grid.get("values");
        double durationS = number(grid, "duration_s");
        int columns = values.length;
        int rows = values[0].length;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double[] column : values) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        ColourScale scale = new ColourScale(lowest != null ? lowest : min, Math.max(max, 1e-12));
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        // Straight into the raster: setRGB converts every pixel through the colour model (10 times slower here).
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                pixels[(rows - 1 - r) * columns + c] = scale.rgb(values[c][r]);
            }
        }
        NumberAxis time = new NumberAxis("Time (s)");
        time.setRange(0, durationS);
        // A renderer that draws nothing: XYPlot draws markers (the beats) only through a renderer.
        XYPlot plot = new XYPlot(null, time, rowAxis, new XYLineAndShapeRenderer(false, false));
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = chart(title(what), plot, false);
        NumberAxis legendAxis = new NumberAxis(unit);
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(Math.max(10, widthPx / 80.0));
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        return new Figure(id, title(what), chart);
    }

    private Figure spectrum() {
        Map<String, Object> levels = section("levels");
        double[] hz = levels == null ? null : doubles(levels.get("third_octave_hz"));
        double[] db = levels == null ? null : doubles(levels.get("third_octave_db"));
        boolean bars = hz != null && db != null && hz.length == db.length && hz.length > 0;
        Map<String, Object> tonality = section("tonality");
        List<?> tones = tonality != null && tonality.get("tones") instanceof List<?> list ? list : List.of();
        if (!bars && tones.isEmpty()) {
            return null;
        }
        LogAxis frequency = new LogAxis("Frequency (Hz)");
        frequency.setBase(10);
        frequency.setNumberFormatOverride(new DecimalFormat("0"));
        XYPlot plot;
        String what;
        if (bars) {
            XYIntervalSeries series = new XYIntervalSeries("third-octave levels");
            double floor = Double.POSITIVE_INFINITY;
            for (double v : db) {
                floor = Math.min(floor, v);
            }
            floor = Math.floor(floor / 10) * 10 - 10;
            for (int b = 0; b < hz.length; b++) {
                // IEC 61260-1 band edges of a base-10 third-octave band: fm · 10^(∓0.05).
                series.add(hz[b], hz[b] * Math.pow(10, -0.05), hz[b] * Math.pow(10, 0.05), db[b], floor, db[b]);
            }
            XYBarRenderer renderer = new XYBarRenderer(0.1);
            renderer.setUseYInterval(true);
            renderer.setBarPainter(new StandardXYBarPainter());
            renderer.setShadowVisible(false);
            renderer.setSeriesPaint(0, LINE);
            NumberAxis level = new NumberAxis("Level (dB re 20 µPa)");
            level.setAutoRangeIncludesZero(false);
            XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
            dataset.addSeries(series);
            plot = new XYPlot(dataset, frequency, level, renderer);
            what = "Third-octave levels";
        } else {
            Map<String, Object> mel = figureData("melspectrogram_db");
            Object stats = analysis.spectral() == null ? null : analysis.spectral().get("melspectrogram_db");
            double[] mean = stats instanceof Map<?, ?> m ? doubles(m.get("mean")) : null;
            double[] bandHz = mel == null ? null : doubles(mel.get("rows"));
            if (mean == null || bandHz == null || mean.length != bandHz.length) {
                return null;
            }
            XYSeries line = new XYSeries("mean mel spectrum", false, true);
            for (int m = 0; m < mean.length; m++) {
                line.add(bandHz[m], mean[m]);
            }
            NumberAxis level = new NumberAxis("Mel power (dB re 1), mean over frames");
            level.setAutoRangeIncludesZero(false);
            plot = new XYPlot(new XYSeriesCollection(line), frequency, level, lines(LINE));
            what = "Mean mel spectrum";
        }
        for (Object item : tones) {
            if (item instanceof Map<?, ?> tone && number(cast(tone), "frequency_hz") != null) {
                double f = number(cast(tone), "frequency_hz");
                Double tnr = number(cast(tone), "tnr_db");
                boolean prominent = Boolean.TRUE.equals(tone.get("prominent"));
                ValueMarker marker = new ValueMarker(f, prominent ? new Color(200, 30, 30) : MARKER,
                        prominent ? LINE_STROKE : DASHED);
                marker.setLabel(String.format(Locale.ROOT, "%.0f Hz%s", f,
                        tnr == null ? "" : String.format(Locale.ROOT, ", TNR %.1f dB", tnr)));
                marker.setLabelFont(labelFont());
                marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(marker);
            }
        }
        if (!tones.isEmpty()) {
            what += " and tones (ECMA-74 TNR)";
        }
        return new Figure("spectrum", title(what), chart(title(what), plot, false));
    }

    // ---- building blocks ----

    /** The time axis of the line figures: from the first to the last value, no margins. */
    private static NumberAxis timeAxis() {
        NumberAxis time = new NumberAxis("Time (s)");
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        return time;
    }

    private static XYPlot linePlot(XYSeries series, String axisLabel, Color colour) {
        NumberAxis axis = new NumberAxis(axisLabel);
        return new XYPlot(new XYSeriesCollection(series), null, axis, lines(colour));
    }

    private static XYLineAndShapeRenderer lines(Color colour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, LINE_STROKE);
        return renderer;
    }

    /** A horizontal line at a summary value, labelled at the right end, above or below the line. */
    private void marker(XYPlot plot, Double value, String label, boolean labelAbove) {
        if (value == null) {
            return;
        }
        ValueMarker marker = new ValueMarker(value, MARKER, DASHED);
        marker.setLabel(String.format(Locale.ROOT, "%s = %.3g", label, value));
        marker.setLabelFont(labelFont());
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(labelAbove ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(labelAbove ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(marker);
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        return chart;
    }

    /**
     * {@code values[i]} at {@code time(i)} reduced to at most two points per pixel column: the minimum and the
     * maximum of the samples in the column, in the order they occur. The time axis must be non-decreasing.
     */
    XYSeries minMax(String key, int n, IntToDoubleFunction time, double[] values) {
        XYSeries series = new XYSeries(key, false, true);
        int columns = Math.max(1, widthPx);
        if (n <= 2 * columns) {
            for (int i = 0; i < n; i++) {
                series.add(time.applyAsDouble(i), values[i], false);
            }
            return series;
        }
        double t0 = time.applyAsDouble(0);
        double span = time.applyAsDouble(n - 1) - t0;
        int column = -1;
        int lowest = 0;
        int highest = 0;
        for (int i = 0; i <= n; i++) {
            int c = i == n ? -2 : (int) Math.min(columns - 1, (time.applyAsDouble(i) - t0) / span * columns);
            if (c != column) {
                if (column >= 0) {
                    int first = Math.min(lowest, highest);
                    int second = Math.max(lowest, highest);
                    series.add(time.applyAsDouble(first), values[first], false);
                    if (second != first) {
                        series.add(time.applyAsDouble(second), values[second], false);
                    }
                }
                column = c;
                lowest = i;
                highest = i;
            } else {
                lowest = values[i] < values[lowest] ? i : lowest;
                highest = values[i] > values[highest] ? i : highest;
            }
        }
        series.fireSeriesChanged();
        return series;
    }

    // ---- reading the JSON-shaped maps ----

    private Object series(String key) {
        return analysis.series() == null ? null : analysis.series().get(key);
    }

    private Map<String, Object> section(String key) {
        Object value = analysis.sections() == null ? null : analysis.sections().get(key);
        return value instanceof Map<?, ?> m ? cast(m) : null;
    }

    private Map<String, Object> figureData(String key) {
        Object value = analysis.figureData() == null ? null : analysis.figureData().get(key);
        if (!(value instanceof Map<?, ?> m) || !(m.get("values") instanceof double[][] grid) || grid.length == 0
                || grid[0].length < 2 || number(cast(m), "duration_s") == null) {
            return null;
        }
        double[] rows = doubles(m.get("rows"));
        return rows != null && rows.length == grid[0].length ? cast(m) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Double number(Map<String, Object> map, String key) {
        return map == null ? null : number(map.get(key));
    }

    private static Double number(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** A double[] or a list of numbers (as a metric may write either) as a double[]; null otherwise. */
    static double[] doubles(Object value) {
        if (value instanceof double[] array) {
            return array;
        }
        if (value instanceof List<?> list) {
            double[] array = new double[list.size()];
            for (int i = 0; i < array.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                array[i] = n.doubleValue();
            }
            return array;
        }
        return null;
    }

    /** Tick labels of a band-index axis in Hz, interpolated between the bands' centre frequencies. */
    private static final class BandHzFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final double[] bandHz;

        BandHzFormat(double[] bandHz) {
            this.bandHz = bandHz;
        }

        @Override
        public StringBuffer format(double band, StringBuffer to, FieldPosition position) {
            double clamped = Math.max(0, Math.min(bandHz.length - 1, band));
            int i = Math.min((int) clamped, bandHz.length - 2);
            double hz = bandHz[i] + (clamped - i) * (bandHz[i + 1] - bandHz[i]);
            return to.append(hz >= 1000 ? String.format(Locale.ROOT, "%.1fk", hz / 1000)
                    : String.format(Locale.ROOT, "%.0f", hz));
        }

        @Override
        public StringBuffer format(long band, StringBuffer to, FieldPosition position) {
            return format((double) band, to, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException();
        }
    }
}
