package audioloop.spark;

import audioloop.loudness.SoundField;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Metric;
import audioloop.sii.SpeechLevel;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit spark/target/audioloop-spark.jar [OPTIONS] INPUT OUTPUT}: every WAV under INPUT analysed on the
 * cluster, one row per file written to OUTPUT as Parquet (typed columns, see {@link RowLayout}) or as the command
 * line's JSON Lines. The analysis options are the command line's, with the same names and defaults.
 */
@Command(name = "audioloop-spark", mixinStandardHelpOptions = true,
        description = "Analyse every *.wav under INPUT (a file, directory or glob on any Hadoop file system) and write "
                + "one row per file to OUTPUT.")
public final class AnalyzeJob implements Callable<Integer> {
    /** Output formats. */
    enum Format { PARQUET, JSONL }

    @Parameters(index = "0", paramLabel = "INPUT", description = "WAV file, directory (recursive) or glob.")
    String input;
    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Output directory (Spark writes part files).")
    String output;
    @Option(names = "--calibration", paramLabel = "PA", defaultValue = "1.0",
            description = "Pascals per digital full scale. Default: ${DEFAULT-VALUE}.")
    double calibrationPaPerFs;
    @Option(names = "--field", paramLabel = "free|diffuse", defaultValue = "free",
            description = "Sound field for ISO 532-1 loudness. Default: ${DEFAULT-VALUE}.")
    SoundField field;
    @Option(names = "--metrics", paramLabel = "LIST", defaultValue = Metric.DEFAULT_LIST,
            description = "Comma list of metric groups, as the command line's. Default: ${DEFAULT-VALUE}.")
    String metrics;
    @Option(names = "--sii-speech-level", paramLabel = "normal|raised|loud|shout", defaultValue = "normal",
            description = "ANSI S3.5 vocal effort of the speech the SII assumes. Default: ${DEFAULT-VALUE}.")
    String siiSpeechLevel;
    @Option(names = "--series", description = "Add the time series (array columns, or the JSON's series).")
    boolean series;
    @Option(names = "--format", paramLabel = "parquet|jsonl", defaultValue = "parquet",
            description = "parquet: typed columns; jsonl: the command line's JSON object per file. Default: "
                    + "${DEFAULT-VALUE}.")
    String format;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the files over N partitions (a shuffle of their bytes); 0: the file source's split.")
    int partitions;
    @Option(names = "--overwrite", description = "Replace OUTPUT if it exists (default: fail if it exists).")
    boolean overwrite;

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new AnalyzeJob()).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(line.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AnalysisOptions options = new AnalysisOptions(calibrationPaPerFs, field, Metric.parseList(metrics), series,
                SpeechLevel.parse(siiSpeechLevel));
        Format as = Format.valueOf(format.toUpperCase(Locale.ROOT));
        SparkSession spark = SparkSession.builder().appName("audioloop").getOrCreate();
        try {
            run(spark, input, output, options, as, partitions, overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** The job on a session the caller owns (tests, notebooks). */
    static void run(SparkSession spark, String input, String output, AnalysisOptions options, Format format,
                    int partitions, SaveMode mode) throws Exception {
        if (format == Format.JSONL) {
            WavAnalysis.jsonLines(spark, input, options, partitions).write().mode(mode).text(output);
        } else {
            WavAnalysis.table(spark, input, options, partitions).write().mode(mode).parquet(output);
        }
    }
}
