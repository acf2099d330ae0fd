package audioloop.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code audioloop}: the command-line entry point. Exit codes per spec/cli.md: 0 ok, 1 a file failed, 2 usage, 3 bug.
 * The command line is declared with picocli's programmatic API (see {@link AnalyzeCommand} for why).
 */
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FILE_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    private Main() {
        spec.name("audioloop").versionProvider(new Version());
        spec.usageMessage().description("Measures how audio sounds: ISO 532-1 loudness, DIN 45692 sharpness, Daniel "
                + "& Weber roughness and librosa-style spectral features of WAV files, as JSON.");
        addHelpOptions(spec);
        spec.addSubcommand("analyze", new AnalyzeCommand().spec);
    }

    /** -h/--help and -V/--version, as picocli's standard help options would add them. */
    static void addHelpOptions(CommandSpec command) {
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'audioloop analyze FILE...'");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main().spec);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("audioloop: " + ex.getMessage());
            err.println("Try 'audioloop analyze --help'.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("audioloop: internal error: " + ex);
            if (parseResult.hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar manifest (Maven writes Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"audioloop " + (version == null ? "(development build)" : version)};
        }
    }
}
