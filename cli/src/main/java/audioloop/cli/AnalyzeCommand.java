package audioloop.cli;

import audioloop.io.FileErrors;
import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Batch;
import audioloop.pipeline.FileFailure;
import audioloop.pipeline.JsonReport;
import audioloop.pipeline.Metric;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
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
                    + "annoyance, ecma (ECMA-418-2: ecma-loudness and ecma-tonality, also alone) (sharpness implies "
                    + "loudness; annoyance implies loudness, sharpness, roughness and fluctuation). "
                    + "Default: ${DEFAULT-VALUE}."));
    private final OptionSpec siiSpeechLevelOption = option(OptionSpec.builder("--sii-speech-level")
            .paramLabel("normal|raised|loud|shout").type(String.class).defaultValue("normal")
            .description("ANSI S3.5 vocal effort of the speech the SII assumes in the file's noise. "
                    + "Default: ${DEFAULT-VALUE}."));
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
        try (Profiler profiler = startProfiler()) {
            Inputs inputs = Inputs.expand(pathsParameter.getValue());
            boolean jsonLines = inputs.batch();
            int[] failures = new int[2]; // [input failures, internal failures]
            try (AtomicOutput sink = openOutput();
                 ProgressBar bar = progressBar(inputs.files().size())) {
                JsonReport report = new JsonReport(sink.writer(), jsonLines);
                for (FileFailure failure : inputs.failures()) {
                    reportFailure(failure, report, err, jsonLines, failures);
                }
                ForkJoinPool pool = new ForkJoinPool(parallelism);
                try {
                    new Batch(options, pool, jitIsC1Only()).run(inputs.files(), outcome -> {
                        if (outcome.failure() != null) {
                            reportFailure(outcome.failure(), report, err, jsonLines, failures);
                        } else {
                            report.write(outcome.analysis());
                        }
                        if (bar != null) {
                            bar.step();
                        }
                    });
                } finally {
                    pool.shutdownNow();
                }
                sink.commit();
            }
            return failures[1] > 0 ? Main.EXIT_INTERNAL : failures[0] > 0 ? Main.EXIT_FILE_FAILED : Main.EXIT_OK;
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
                    seriesOption.getValue(), siiSpeechLevel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--calibration: " + e.getMessage());
        }
    }

    private void reportFailure(FileFailure failure, JsonReport report, PrintWriter err, boolean jsonLines, int[] failures) {
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
            // Not Files.createTempFile: it creates the file rw------- (0600), and the rename kept that, so a report
            // written with -o was unreadable by the group and others. A file created plainly gets the permissions the
            // user's umask gives any new file; an existing target keeps its own (commit).
            // A random 64-bit suffix: createFile's exclusive creation would report a clash rather than overwrite.
            Path temporary = Files.createFile(dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
            return new AtomicOutput(target, temporary, new PrintWriter(new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8))));
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
                keepPermissionsOf(target, temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
