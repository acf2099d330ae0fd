package audioloop.plot;

import audioloop.pipeline.FileAnalysis;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --report} page: one self-contained HTML file (figures inline as {@code data:} URIs, no script, no
 * style sheet or font fetched from anywhere) with, per file, the summary table, the figures and the warnings, and
 * the settings of the run. With several files the page opens with a table of one row per file, each linking to its
 * section further down.
 *
 * <p>Files are added as their analyses arrive; their sections go to a scratch file at once, so a batch of any size
 * holds only the overview rows in memory. {@link #writeTo} assembles the page.
 */
public final class HtmlReport implements AutoCloseable {
    /** Summary values shown in the overview row of every file, in this order (when present). */
    private static final String[] OVERVIEW_KEYS = {
        "loudness_sone", "loudness_n5_sone", "sharpness_acum", "roughness_asper",
    };

    private final Map<String, String> settings;
    private final Path scratch;
    private final Writer sections;
    private final List<String> overviewRows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int files;

    /**
     * @param settings   the run's settings, shown as given (option → value)
     * @param scratchDir where the scratch file of the sections goes (beside the report)
     */
    public HtmlReport(Map<String, String> settings, Path scratchDir) throws IOException {
        this.settings = settings;
        this.scratch = Files.createTempFile(scratchDir, ".audioloop-report", ".tmp");
        this.sections = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8);
    }

    /** A rendered figure: its caption, file format and bytes. */
    public record Rendered(String title, FigureFormat format, byte[] bytes) {
    }

    /** Adds one analysed file with its rendered figures. */
    public void add(FileAnalysis analysis, List<Rendered> figures) throws IOException {
        int index = ++files;
        String anchor = "file-" + index;
        StringBuilder row = new StringBuilder("<tr><td><a href=\"#").append(anchor).append("\">")
                .append(escape(analysis.file())).append("</a></td><td>")
                .append(format(analysis.input().get("duration_s"))).append("</td>");
        for (String key : OVERVIEW_KEYS) {
            row.append("<td>").append(analysis.summary() == null ? "" : format(analysis.summary().get(key)))
                    .append("</td>");
        }
        row.append("<td>").append(analysis.warnings().size()).append("</td><td><a href=\"#").append(anchor)
                .append("\">").append(figures.size()).append(" figures</a></td></tr>");
        overviewRows.add(row.toString());

        Writer out = sections;
        out.write("<section id=\"" + anchor + "\">\n<h2>" + escape(analysis.file()) + "</h2>\n");
        out.write("<table class=\"values\"><tr><th>key</th><th>value</th></tr>\n");
        for (Map.Entry<String, Object> value : values(analysis)) {
            out.write("<tr><td>" + escape(value.getKey()) + "</td><td>" + format(value.getValue()) + "</td></tr>\n");
        }
        out.write("</table>\n");
        out.write("<h3>Warnings</h3>\n");
        if (analysis.warnings().isEmpty()) {
            out.write("<p>none</p>\n");
        } else {
            out.write("<ul class=\"warnings\">\n");
            for (String warning : analysis.warnings()) {
                out.write("<li>" + escape(warning) + "</li>\n");
            }
            out.write("</ul>\n");
        }
        for (Rendered figure : figures) {
            out.write("<figure><img alt=\"" + escape(figure.title()) + "\" src=\"data:" + figure.format().mediaType()
                    + ";base64,");
            out.write(Base64.getEncoder().encodeToString(figure.bytes()));
            out.write("\"><figcaption>" + escape(figure.title()) + "</figcaption></figure>\n");
        }
        out.write("</section>\n");
    }

    /** A file that could not be analysed: listed with its reason. */
    public void addFailure(String file, String message) {
        failures.add("<li>" + escape(file) + ": " + escape(message) + "</li>");
    }

    /** Writes the page. */
    public void writeTo(Writer page) throws IOException {
        sections.flush();
        page.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>audioloop report</title>\n");
        page.write("<style>body{font-family:sans-serif;margin:1.5em;max-width:1400px}"
                + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;"
                + "text-align:left}td:nth-child(n+2){font-variant-numeric:tabular-nums}"
                + "figure{margin:1em 0}figure img{width:100%;height:auto;border:1px solid #ddd}"
                + "figcaption{color:#555}section{border-top:2px solid #888;margin-top:2em}</style>\n");
        page.write("</head><body>\n<h1>audioloop report</h1>\n");
        if (files + failures.size() > 1) {
            page.write("<table class=\"overview\"><tr><th>file</th><th>duration_s</th>");
            for (String key : OVERVIEW_KEYS) {
                page.write("<th>" + key + "</th>");
            }
            page.write("<th>warnings</th><th>figures</th></tr>\n");
            for (String row : overviewRows) {
                page.write(row + "\n");
            }
            page.write("</table>\n");
        }
        if (!failures.isEmpty()) {
            page.write("<h2>Failed files</h2>\n<ul class=\"failures\">\n" + String.join("\n", failures) + "\n</ul>\n");
        }
        try (var in = Files.newBufferedReader(scratch, StandardCharsets.UTF_8)) {
            in.transferTo(page);
        }
        page.write("<h2>Settings</h2>\n<table class=\"settings\">\n");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            page.write("<tr><td>" + escape(setting.getKey()) + "</td><td>" + escape(setting.getValue()) + "</td></tr>\n");
        }
        page.write("</table>\n</body></html>\n");
    }

    @Override
    public void close() throws IOException {
        try {
            sections.close();
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /**
     * The values of the summary table: the {@code analysis} settings, every summary value, the spectral block's
     * single numbers and those of the metric sections (nested keys joined with dots), in the JSON's order.
     */
    private static List<Map.Entry<String, Object>> values(FileAnalysis analysis) {
        List<Map.Entry<String, Object>> values = new ArrayList<>();
        scalars("input.", analysis.input(), values);
        scalars("summary.", analysis.summary(), values);
        scalars("spectral.", analysis.spectral(), values);
        if (analysis.sections() != null) {
            for (Map.Entry<String, Object> section : analysis.sections().entrySet()) {
                if (section.getValue() instanceof Map<?, ?> map) {
                    scalars(section.getKey() + ".", map, values);
                }
            }
        }
        return values;
    }

    private static void scalars(String prefix, Map<?, ?> map, List<Map.Entry<String, Object>> values) {
        if (map == null) {
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            String key = prefix + e.getKey();
            if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
                values.add(Map.entry(key, v == null ? "null" : v));
            } else if (v instanceof Map<?, ?> stats && stats.get("mean") instanceof Number mean) {
                values.add(Map.entry(key + ".mean", mean));
            }
        }
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
        }
        return value == null ? "" : escape(String.valueOf(value));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
