package audioloop.cli;

import audioloop.io.FileErrors;
import audioloop.pipeline.Batch;
import audioloop.pipeline.FileAnalysis;
import audioloop.plot.FigureFormat;
import audioloop.plot.Figures;
import audioloop.plot.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code --plot DIR} and {@code --report FILE.html}: the figures of every analysed file, drawn from its analysis
 * (no second analysis), rendered as pool tasks side by side, written to {@code DIR} as {@code <stem>.<figure>.png}
 * (or {@code .svg}) and added to the report page. Every file is written atomically (temporary file, then rename),
 * never over an input.
 */
final class FigureOutput implements AutoCloseable {
    /** What to draw and where: {@code plotDir} and {@code report} may each be null, not both. */
    record Settings(Path plotDir, Path report, int widthPx, int heightPx, FigureFormat format) {
    }

    private final Settings settings;
    private final ForkJoinPool pool;
    private final Map<String, String> stems;
    private final Set<Path> inputs = new HashSet<>();
    private final HtmlReport report;

    private FigureOutput(Settings settings, ForkJoinPool pool, List<Batch.Input> files, HtmlReport report) {
        this.settings = settings;
        this.pool = pool;
        this.stems = stems(files);
        this.report = report;
        for (Batch.Input file : files) {
            inputs.add(file.path().toAbsolutePath().normalize());
        }
    }

    /**
     * Prepares the outputs: creates the plot directory and opens the report's scratch file.
     *
     * @throws IOException naming the option whose output cannot be prepared
     */
    static FigureOutput open(Settings settings, ForkJoinPool pool, List<Batch.Input> files,
            Map<String, String> runSettings) throws IOException {
        // Figures are drawn into images only: never look for a display (a DISPLAY set to a dead X server would fail).
        // No warm-up of the drawing classes beside the analysis: a thread drawing small figures meanwhile took the
        // figure phase of a 10 s file from 240-260 to 150-180 ms but delayed the analysis by more (run 1.06-1.13 s
        // without, 1.11-1.21 s with, 4 alternating runs each at load 4.7).
        System.setProperty("java.awt.headless", "true");
        if (settings.plotDir() != null) {
            try {
                Files.createDirectories(settings.plotDir());
            } catch (IOException e) {
                throw new IOException("--plot: cannot make " + settings.plotDir() + ": " + FileErrors.inWords(e), e);
            }
        }
        HtmlReport report = null;
        if (settings.report() != null) {
            try {
                report = new HtmlReport(runSettings, settings.report().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new IOException("--report: cannot write beside " + settings.report() + ": "
                        + FileErrors.inWords(e), e);
            }
        }
        return new FigureOutput(settings, pool, files, report);
    }

    /**
     * The figures of one file, written and added to the report.
     *
     * @throws IOException when a figure cannot be written (the message names it)
     */
    void accept(FileAnalysis analysis) throws IOException {
        List<Figures.Figure> figures = Figures.of(analysis, settings.widthPx(), settings.heightPx());
        List<CompletableFuture<byte[]>> rendering = new ArrayList<>();
        for (Figures.Figure figure : figures) {
            rendering.add(CompletableFuture.supplyAsync(() -> settings.format().render(figure.chart(),
                    settings.widthPx(), settings.heightPx()), pool));
        }
        List<HtmlReport.Rendered> rendered = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figures.Figure figure = figures.get(i);
            byte[] bytes = rendering.get(i).join();
            rendered.add(new HtmlReport.Rendered(figure.title(), settings.format(), bytes));
            if (settings.plotDir() != null) {
                Path target = settings.plotDir().resolve(stems.get(analysis.file()) + "." + figure.id() + "."
                        + settings.format().extension());
                if (inputs.contains(target.toAbsolutePath().normalize())) {
                    throw new IOException("--plot: " + target + " is an input file; not overwritten");
                }
                AnalyzeCommand.AtomicOutput.write(target, bytes);
            }
        }
        if (report != null) {
            report.add(analysis, rendered);
        }
    }

    void failure(String file, String message) {
        if (report != null) {
            report.addFailure(file, message);
        }
    }

    /** Writes the report page (atomically), after the last file. */
    void commit() throws IOException {
        if (report != null) {
            try (AnalyzeCommand.AtomicOutput page = AnalyzeCommand.AtomicOutput.open(settings.report(), null)) {
                report.writeTo(page.writer());
                page.commit();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (report != null) {
            report.close();
        }
    }

    /**
     * File-name stems of the inputs' figures, from their paths as given: the directories and the name without
     * {@code .wav}, joined by "_" (so a/x.wav and b/x.wav give a_x and b_x), "." and ".." dropped, characters other
     * than letters, digits, '-' and '.' replaced by '_'. Two inputs that still map to one stem (a_x.wav beside
     * a/x.wav) get "-2", "-3"... in input order.
     */
    static Map<String, String> stems(List<Batch.Input> files) {
        Map<String, String> stems = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Batch.Input file : files) {
            if (stems.containsKey(file.displayName())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Path part : file.path().normalize()) {
                String name = part.toString();
                if (!name.equals(".") && !name.equals("..") && !name.isEmpty()) {
                    parts.add(name);
                }
            }
            String joined = String.join("_", parts);
            if (joined.toLowerCase(Locale.ROOT).endsWith(".wav")) {
                joined = joined.substring(0, joined.length() - 4);
            }
            String stem = joined.replaceAll("[^A-Za-z0-9.-]", "_");
            if (stem.isEmpty()) {
                stem = "input";
            }
            String unique = stem;
            for (int n = 2; !taken.add(unique); n++) {
                unique = stem + "-" + n;
            }
            stems.put(file.displayName(), unique);
        }
        return stems;
    }
}
