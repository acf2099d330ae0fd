package audioloop.cli;

import audioloop.io.FileErrors;
import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Batch;
import audioloop.pipeline.FileAnalysis;
import audioloop.pipeline.FileFailure;
import audioloop.pipeline.JsonReport;
import audioloop.pipeline.Metric;
import audioloop.plot.FigureFormat;
import audioloop.sii.SpeechLevel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code audioloop analyze [OPTIONS] FILE|DIR...}: options, inputs and outputs exactly as spec/cli.md.
 *
 * <p>The command line is declared with picocli's programmatic API rather than its annotations. Reading annotations
 * makes the JDK generate a proxy class per annotation type and picocli walk the fields by reflection, on every run
 * before anything is analysed: building and parsing this command line cold took 145 ms with annotations and 103 ms
 * so (median of 7 alternating JVMs each, C1, no class-data archive).
 */
final class AnalyzeCommand implements Callable<Integer> {
    private static final int MIN_FIGURE_PX = 200;
    private static final int MAX_FIGURE_PX = 10_000;
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    private final OptionSpec calibrationOption = option(OptionSpec.builder("--calibration").paramLabel("PA")
            .type(double.class).defaultValue("1.0")
            .description("Pascals per digital full scale: sample value 1.0 = PA pascals (ISO 532-1 test files: "
                    + "2.8284271247461903). Default: ${DEFAULT-VALUE}."));
    private final OptionSpec fieldOption = option(OptionSpec.builder("--field").paramLabel("free|diffuse")
            .type(SoundField.class).defaultValue("free")
            .description("Sound field for ISO 532-1 loudness. Default: ${DEFAULT-VALUE}."));
    private final OptionSpec metricsOption = option(OptionSpec.builder("--metrics").paramLabel("LIST")
            .type(String.class).defaultValue(Metric.DEFAULT_LIST)
            .description("Comma list of spectral, loudness, sharpness, roughness, levels, tonality, sii, fluctuation, "
                    + "annoyance, aures-tonality, ecma (ECMA-418-2: ecma-loudness, ecma-tonality and ecma-roughness, "
                    + "also alone) (sharpness implies loudness; annoyance implies loudness, sharpness, roughness, "
                    + "fluctuation and aures-tonality). "
                    + "Default: ${DEFAULT-VALUE}."));
    private final OptionSpec siiSpeechLevelOption = option(OptionSpec.builder("--sii-speech-level")
            .paramLabel("normal|raised|loud|shout").type(String.class).defaultValue("normal")
            .description("ANSI S3.5 vocal effort of the speech the SII assumes in the file's noise. "
                    + "Default: ${DEFAULT-VALUE}."));
    private final OptionSpec ecmaBinauralOption = option(OptionSpec.builder("--ecma-binaural").type(boolean.class)
            .initialValue(false)
            .description("ECMA-418-2 of a two-channel file per ear (channel 1 left, 2 right): binaural loudness "
                    + "(Section 8.1.5), each ear's tonality. Other metrics, and other files, use the mono mix."));
    private final OptionSpec seriesOption = option(OptionSpec.builder("--series").type(boolean.class).initialValue(false)
            .description("Include the time series (N(t), S(t), R(t), L_AF(t), spectral frames)."));
    private final OptionSpec threadsOption = option(OptionSpec.builder("--threads").paramLabel("N").type(Integer.class)
            .description("Parallelism of the worker pool. Default: the number of cores."));
    private final OptionSpec profileOption = option(OptionSpec.builder("--profile").paramLabel("FILE.jfr")
            .type(Path.class)
            .description("Write a Java Flight Recorder recording of the whole run to FILE (jfr print --events "
                    + "audioloop.Stage FILE)."));
    private final OptionSpec outputOption = option(OptionSpec.builder("-o", "--output").paramLabel("FILE")
            .type(Path.class).description("Write the JSON to FILE (atomically) instead of stdout."));
    private final OptionSpec plotOption = option(OptionSpec.builder("--plot").paramLabel("DIR").type(Path.class)
            .description("Write the figures of every file to DIR (made if missing) as <input path>.<figure>.png: "
                    + "loudness and sharpness, specific loudness, roughness, spectrogram, ... (those with data)."));
    private final OptionSpec plotSizeOption = option(OptionSpec.builder("--plot-size").paramLabel("WxH")
            .type(String.class).defaultValue("1600x900")
            .description("Figure size in pixels. Default: ${DEFAULT-VALUE}."));
    private final OptionSpec plotFormatOption = option(OptionSpec.builder("--plot-format").paramLabel("png|svg")
            .type(FigureFormat.class).defaultValue("png")
            .description("Figure file format. Default: ${DEFAULT-VALUE}."));
    private final OptionSpec reportOption = option(OptionSpec.builder("--report").paramLabel("FILE.html")
            .type(Path.class)
            .description("Write one self-contained HTML page with every file's summary, figures and warnings and the "
                    + "settings used."));
    private final OptionSpec progressOption = option(OptionSpec.builder("--progress").negatable(true)
            .type(Boolean.class)
            .description("Progress bar on stderr. Default: only when stderr is a terminal and there is more than one "
                    + "file."));
    private final OptionSpec verboseOption = option(OptionSpec.builder("--verbose").type(boolean.class).initialValue(false)
            .description("Print stack traces of failures on stderr."));
    private final PositionalParamSpec pathsParameter = PositionalParamSpec.builder().paramLabel("FILE|DIR")
            .arity("1..*").required(true).type(List.class).auxiliaryTypes(Path.class)
            .description("WAV files, or directories searched recursively for *.wav.").build();

    AnalyzeCommand() {
        spec.name("analyze").versionProvider(new Main.Version());
        spec.usageMessage().sortOptions(false).autoWidth(true).description(
                "Analyse WAV files and print JSON: one object for one file, JSON Lines (one compact object per file, "
                        + "in the order given) for several files or a directory (its *.wav files, recursively, sorted).",
                "Exit codes: 0 all analysed, 1 a file failed (the others are still printed), 2 usage error, 3 "
                        + "internal error.");
        Main.addHelpOptions(spec);
        spec.addPositional(pathsParameter);
    }

    private OptionSpec option(OptionSpec.Builder builder) {
        OptionSpec option = builder.build();
        spec.addOption(option);
        return option;
    }

    @Override
    public Integer call() throws Exception {
        AnalysisOptions options = options();
        Integer threads = threadsOption.getValue();
        int parallelism = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (parallelism < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + parallelism);
        }
        PrintWriter err = spec.commandLine().getErr();
        FigureOutput.Settings figureSettings = figureSettings();
        try (Profiler profiler = startProfiler()) {
            Inputs inputs = Inputs.expand(pathsParameter.getValue());
            boolean jsonLines = inputs.batch();
            int[] failures = new int[2]; // [input failures, internal failures]
            ForkJoinPool pool = new ForkJoinPool(parallelism);
            try (AtomicOutput sink = openOutput();
                 FigureOutput figures = openFigures(figureSettings, pool, inputs, options, parallelism);
                 ProgressBar bar = progressBar(inputs.files().size())) {
                JsonReport report = new JsonReport(sink.writer(), jsonLines);
                for (FileFailure failure : inputs.failures()) {
                    reportFailure(failure, report, figures, err, jsonLines, failures);
                }
                try {
                    new Batch(options, pool, jitIsC1Only()).run(inputs.files(), outcome -> {
                        if (outcome.failure() != null) {
                            reportFailure(outcome.failure(), report, figures, err, jsonLines, failures);
                        } else {
                            report.write(outcome.analysis().withoutFigureData(options.series()));
                            if (figures != null) {
                                writeFigures(outcome.analysis(), figures, report, err, jsonLines, failures);
                            }
                        }
                        if (bar != null) {
                            bar.step();
                        }
                    });
                } finally {
                    pool.shutdownNow();
                }
                sink.commit();
                if (figures != null) {
                    try {
                        figures.commit();
                    } catch (IOException e) {
                        err.println("audioloop: --report: cannot write " + figureSettings.report() + ": "
                                + FileErrors.inWords(e));
                        failures[0]++;
                    }
                }
            }
            return failures[1] > 0 ? Main.EXIT_INTERNAL : failures[0] > 0 ? Main.EXIT_FILE_FAILED : Main.EXIT_OK;
        }
    }

    /** The figures of one file; a figure that cannot be written fails the file (its JSON is already out). */
    private void writeFigures(FileAnalysis analysis, FigureOutput figures, JsonReport report, PrintWriter err,
            boolean jsonLines, int[] failures) {
        try {
            figures.accept(analysis);
        } catch (IOException e) {
            reportFailure(new FileFailure(analysis.file(), "figures: " + FileErrors.inWords(e), false, e), report,
                    figures, err, jsonLines, failures);
        }
    }

    /** The figure options, checked; null when neither --plot nor --report is given. */
    private FigureOutput.Settings figureSettings() {
        Path plotDir = plotOption.getValue();
        Path reportFile = reportOption.getValue();
        String size = plotSizeOption.getValue();
        Matcher wxh = Pattern.compile("(\\d{1,5})x(\\d{1,5})").matcher(size);
        if (!wxh.matches() || Integer.parseInt(wxh.group(1)) < MIN_FIGURE_PX || Integer.parseInt(wxh.group(2)) < MIN_FIGURE_PX
                || Integer.parseInt(wxh.group(1)) > MAX_FIGURE_PX || Integer.parseInt(wxh.group(2)) > MAX_FIGURE_PX) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot-size: expected WIDTHxHEIGHT in pixels, "
                    + MIN_FIGURE_PX + " to " + MAX_FIGURE_PX + " each (e.g. 1600x900), got '" + size + "'");
        }
        if (plotDir != null && Files.exists(plotDir) && !Files.isDirectory(plotDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot: " + plotDir + " is not a directory");
        }
        if (reportFile != null && Files.isDirectory(reportFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report: " + reportFile + " is a directory");
        }
        if (plotDir == null && reportFile == null) {
            return null;
        }
        return new FigureOutput.Settings(plotDir, reportFile, Integer.parseInt(wxh.group(1)),
                Integer.parseInt(wxh.group(2)), plotFormatOption.getValue());
    }

    private FigureOutput openFigures(FigureOutput.Settings settings, ForkJoinPool pool, Inputs inputs,
            AnalysisOptions options, int parallelism) {
        if (settings == null) {
            return null;
        }
        for (Batch.Input input : inputs.files()) {
            if (settings.report() != null && input.path().toAbsolutePath().normalize()
                    .equals(settings.report().toAbsolutePath().normalize())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--report: " + settings.report()
                        + " is an input file");
            }
        }
        Map<String, String> run = new LinkedHashMap<>();
        run.put("audioloop", new Main.Version().getVersion()[0]);
        run.put("--calibration (Pa per full scale)", String.valueOf(options.calibrationPaPerFs()));
        run.put("--field", options.field().name().toLowerCase(Locale.ROOT));
        run.put("--metrics", metricsOption.getValue());
        run.put("--threads", String.valueOf(parallelism));
        run.put("--plot-size", settings.widthPx() + "x" + settings.heightPx());
        run.put("--plot-format", settings.format().extension());
        try {
            return FigureOutput.open(settings, pool, inputs.files(), run);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Profiler startProfiler() {
        Path profile = profileOption.getValue();
        try {
            return Profiler.start(profile);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile: cannot write " + profile + ": " + e.getMessage());
        }
    }

    private AtomicOutput openOutput() {
        Path output = outputOption.getValue();
        try {
            return AtomicOutput.open(output, spec.commandLine().getOut());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o: cannot write " + output + ": "
                    + FileErrors.inWords(e));
        }
    }

    private AnalysisOptions options() {
        Set<Metric> metricSet;
        try {
            metricSet = Metric.parseList(metricsOption.getValue());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--metrics: " + e.getMessage());
        }
        SpeechLevel siiSpeechLevel;
        try {
            siiSpeechLevel = SpeechLevel.parse(siiSpeechLevelOption.getValue());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sii-speech-level: " + e.getMessage());
        }
        try {
            return new AnalysisOptions(calibrationOption.getValue(), fieldOption.getValue(), metricSet,
                    seriesOption.getValue(), siiSpeechLevel,
                    plotOption.getValue() != null || reportOption.getValue() != null,
                    ecmaBinauralOption.getValue());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--calibration: " + e.getMessage());
        }
    }

    private void reportFailure(FileFailure failure, JsonReport report, FigureOutput figures, PrintWriter err,
            boolean jsonLines, int[] failures) {
        if (figures != null) {
            figures.failure(failure.file(), failure.message());
        }
        err.println("audioloop: " + failure.file() + ": " + failure.message());
        if (verboseOption.<Boolean>getValue() && failure.cause() != null) {
            failure.cause().printStackTrace(err);
        }
        if (jsonLines) {
            report.writeError(failure.file(), failure.message());
        }
        failures[failure.internal() ? 1 : 0]++;
    }

    private ProgressBar progressBar(int files) {
        Boolean progress = progressOption.getValue();
        boolean show = progress != null ? progress : files > 1 && stderrIsTerminal();
        if (!show) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("analyze").setInitialMax(files).setUnit(" files", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** The launcher says when it limited the JVM to C1 (short inputs); {@code java -jar} alone runs C2 as well. */
    private static boolean jitIsC1Only() {
        return "c1".equals(System.getProperty("audioloop.jit"));
    }

    /** The launcher tells us (it can test fd 2); {@code java -jar} alone falls back to "is there a console". */
    private static boolean stderrIsTerminal() {
        String fromLauncher = System.getProperty("audioloop.stderrTty");
        return fromLauncher != null ? Boolean.parseBoolean(fromLauncher) : System.console() != null;
    }

    /** The files to analyse, in output order, and the inputs that already failed (a directory that cannot be listed). */
    record Inputs(List<Batch.Input> files, List<FileFailure> failures, boolean batch) {
        static Inputs expand(List<Path> paths) {
            List<Batch.Input> files = new ArrayList<>();
            List<FileFailure> failures = new ArrayList<>();
            boolean sawDirectory = false;
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    sawDirectory = true;
                    try (Stream<Path> walk = Files.walk(path)) {
                        List<Path> wavs = walk.filter(p -> Files.isRegularFile(p)
                                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                                .sorted(Comparator.comparing((Path p) -> p.toString().toLowerCase(Locale.ROOT))
                                        .thenComparing(Path::toString))
                                .toList();
                        if (wavs.isEmpty()) {
                            failures.add(new FileFailure(path.toString(), "directory holds no *.wav files", false, null));
                        }
                        wavs.forEach(p -> files.add(new Batch.Input(p, p.toString())));
                    } catch (IOException | UncheckedIOException e) {
                        failures.add(new FileFailure(path.toString(), "cannot list directory: " + e.getMessage(), false, e));
                    }
                } else {
                    files.add(new Batch.Input(path, path.toString()));
                }
            }
            return new Inputs(files, failures, sawDirectory || paths.size() > 1);
        }
    }

    /** Where the JSON goes: stdout, or a temporary file renamed over {@code -o FILE} only when the run completes. */
    static final class AtomicOutput implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final PrintWriter writer;
        private boolean committed;

        private AtomicOutput(Path target, Path temporary, PrintWriter writer) {
            this.target = target;
            this.temporary = temporary;
            this.writer = writer;
        }

        static AtomicOutput open(Path target, PrintWriter stdout) throws IOException {
            if (target == null) {
                return new AtomicOutput(null, null, stdout);
            }
            if (Files.isDirectory(target)) {
                throw new IOException("it is a directory");
            }
            Path dir = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new IOException("no such directory: " + dir);
            }
            Path temporary = temporaryBeside(target, dir);
            return new AtomicOutput(target, temporary, new PrintWriter(new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8))));
        }

        /** Writes {@code content} to {@code target} as {@link #commit} does: whole, or not at all. */
        static void write(Path target, byte[] content) throws IOException {
            Path temporary = temporaryBeside(target, target.toAbsolutePath().getParent());
            try {
                Files.write(temporary, content);
                replace(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }

        private static Path temporaryBeside(Path target, Path dir) throws IOException {
            // Not Files.createTempFile: it creates the file rw------- (0600), and the rename kept that, so a report
            // written with -o was unreadable by the group and others. A file created plainly gets the permissions the
            // user's umask gives any new file; an existing target keeps its own (replace).
            // A random 64-bit suffix: createFile's exclusive creation would report a clash rather than overwrite.
            return Files.createFile(dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
        }

        private static void replace(Path temporary, Path target) throws IOException {
            keepPermissionsOf(target, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        PrintWriter writer() {
            return writer;
        }

        void commit() throws IOException {
            writer.flush();
            if (target != null) {
                writer.close();
                if (writer.checkError()) {
                    throw new IOException("could not write " + temporary);
                }
                replace(temporary, target);
            }
            committed = true;
        }

        /** A target that exists keeps its permissions when it is replaced (where the file system has POSIX ones). */
        private static void keepPermissionsOf(Path target, Path replacement) throws IOException {
            if (Files.exists(target) && Files.getFileStore(replacement).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(target));
            }
        }

        @Override
        public void close() throws IOException {
            writer.flush();
            if (target != null && !committed) {
                writer.close();
                Files.deleteIfExists(temporary);
            }
        }
    }
}
