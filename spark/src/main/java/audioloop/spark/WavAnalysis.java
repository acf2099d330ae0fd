package audioloop.spark;

import audioloop.api.AnalysisResult;
import audioloop.api.Audioloop;
import audioloop.pipeline.AnalysisOptions;
import audioloop.pipeline.Batch;
import audioloop.pipeline.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of the job: WAV files read with the {@code binaryFile} source (any Hadoop file system the cluster
 * has), analysed per partition by the library, one record per file. Each task analyses its files one after the other
 * on a pool of one worker, so that a task uses the one executor core Spark gave it; a file that fails is a record
 * with its error in words (the command line's wording), never a failed task.
 */
public final class WavAnalysis {
    /** Probe length: longer than every metric's minimum input, so that every value shows its type. */
    private static final double PROBE_SECONDS = 3;

    /** What a partition makes of each file: a record of its result, or of its failure. */
    private interface Records<T> extends Serializable {
        T analysed(String path, AnalysisResult result);

        T failed(String path, String error);
    }

    private WavAnalysis() {
    }

    /** The files under {@code input} as the typed table of {@link RowLayout}, one row per file. */
    public static Dataset<Row> table(SparkSession spark, String input, AnalysisOptions options, int partitions)
            throws IOException {
        RowLayout layout = RowLayout.of(Audioloop.analyze(probe(), 48_000, options));
        return analyse(files(spark, input, partitions), options, Encoders.row(layout.schema()), new Records<Row>() {
            @Override
            public Row analysed(String path, AnalysisResult result) {
                return layout.row(path, result);
            }

            @Override
            public Row failed(String path, String error) {
                return layout.failure(path, error);
            }
        });
    }

    /** The files under {@code input} as the command line's JSON Lines: its object for each file, or its error line. */
    public static Dataset<String> jsonLines(SparkSession spark, String input, AnalysisOptions options, int partitions) {
        return analyse(files(spark, input, partitions), options, Encoders.STRING(), new Records<String>() {
            @Override
            public String analysed(String path, AnalysisResult result) {
                return result.toJson();
            }

            @Override
            public String failed(String path, String error) {
                return JsonReport.errorJson(path, error, false);
            }
        });
    }

    /**
     * Every {@code *.wav} (any case) under {@code input}: a file, a directory (searched recursively) or a glob.
     *
     * @param partitions partitions to spread the files over, or 0 for the file source's own split
     */
    private static Dataset<Row> files(SparkSession spark, String input, int partitions) {
        Dataset<Row> files = spark.read().format("binaryFile")
                .option("pathGlobFilter", "*.[wW][aA][vV]")
                .option("recursiveFileLookup", "true")
                .load(input)
                .select("path", "content");
        return partitions > 0 ? files.repartition(partitions) : files;
    }

    private static <T> Dataset<T> analyse(Dataset<Row> files, AnalysisOptions options, Encoder<T> encoder,
                                          Records<T> records) {
        return files.mapPartitions((MapPartitionsFunction<Row, T>) rows -> analyse(rows, options, records), encoder);
    }

    private static <T> Iterator<T> analyse(Iterator<Row> files, AnalysisOptions options, Records<T> records) {
        ForkJoinPool pool = new ForkJoinPool(1);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = files.hasNext();
                if (!more) {
                    pool.shutdown();
                }
                return more;
            }

            @Override
            public T next() {
                Row file = files.next();
                String path = file.getString(0);
                byte[] content = (byte[]) file.get(1);
                try {
                    return records.analysed(path,
                            Audioloop.analyze(new ByteArrayInputStream(content), path, options, pool));
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    return records.failed(path, Batch.failure(path, e).message());
                }
            }
        };
    }

    /**
     * Two tones, one of them amplitude-modulated, and a little noise: a signal on which every metric has something
     * to measure, so that the probe's values show every column's type.
     */
    private static double[] probe() {
        int n = (int) (PROBE_SECONDS * 48_000);
        double[] x = new double[n];
        SplittableRandom noise = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double t = i / 48_000.0;
            x[i] = 0.05 * Math.sin(2 * Math.PI * 440 * t)
                    + 0.05 * (1 + Math.sin(2 * Math.PI * 70 * t)) * Math.sin(2 * Math.PI * 1000 * t)
                    + 0.01 * (noise.nextDouble() - 0.5);
        }
        return x;
    }
}
