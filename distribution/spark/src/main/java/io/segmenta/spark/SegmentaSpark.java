package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.console.PipelineDefinition;
import io.segmenta.console.PredictArguments;
import io.segmenta.console.PredictionSummary;
import io.segmenta.console.RunArguments;
import io.segmenta.console.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark back-end's command line, for {@code spark-submit --class io.segmenta.spark.SegmentaSpark} and
 * {@code bin/segmenta-spark}:
 * <pre>
 *   run --source uk-retail --input PATH [the other options of segmenta run]
 *   pipeline FILE.cfg      (a named-pipeline definition, as the Felix distribution reads it)
 *   predict --model FILE --input PATH [the other options of segmenta predict]
 * </pre>
 * The master is spark-submit's ({@code --master}); without one (bin/segmenta-spark) it is {@code local[*]}. Errors
 * are one line on stderr; exit code 1 for a failed run, 2 for a bad command line.
 */
public final class SegmentaSpark {
    static final String USAGE = "usage: segmenta-spark run --source " + String.join("|", SparkPipeline.sources())
            + " --input PATH [options of segmenta run]\n"
            + "       segmenta-spark pipeline FILE.cfg\n"
            + "       segmenta-spark predict --model FILE --input PATH [options of segmenta predict]\n"
            + "PATH is anything Spark reads, on a local disk, hdfs:// or s3a://: a CSV (plain, or gzip named .gz),\n"
            + "for uk-retail also a .parquet file or a folder of them; for olist the export's folder. Options:\n";
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private SegmentaSpark() {
    }

    public static void main(String[] args) {
        int code;
        SparkSession[] started = new SparkSession[1];
        try {
            code = run(Arrays.asList(args), System.out, System.err, () -> started[0] = session());
        } finally {
            if (started[0] != null) {
                started[0].stop();
            }
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses, runs, prints the summary; returns the exit code.
     *
     * @param spark gives the session once the command line was understood (never for a usage error)
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Supplier<SparkSession> spark) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE + RunArguments.usage());
            return args.isEmpty() ? 2 : 0;
        }
        Function<SparkSession, String> command;
        try {
            command = parse(args.get(0), args.subList(1, args.size()));
        } catch (SegmentaException e) {
            err.println("segmenta-spark: " + e.getMessage());
            return 2;
        }
        try {
            out.print(command.apply(spark.get()));
            return 0;
        } catch (SegmentaException e) {
            // a cause is Spark's (an input it cannot read): its trace is in Spark's log
            err.println("segmenta-spark: " + e.getMessage() + (e.getCause() == null ? "" : SparkLog.hint()));
            return 1;
        } catch (Exception e) {
            // a failure of Spark itself (a failed task, a lost cluster, an executor out of memory): one line here,
            // the trace in Spark's log
            Throwable root = SparkPipeline.rootCause(e);
            err.println("segmenta-spark: the run failed on Spark: " + root.getClass().getSimpleName() + ": "
                    + SparkPipeline.firstLine(root) + SparkLog.hint());
            return 1;
        }
    }

    /**
     * What a command line asks, checked before Spark starts: the work on a session, giving the summary to print.
     * A range of k ({@code --k 2..8}, {@code --k auto}, or {@code k.min} and {@code k.max} in a .cfg file) is chosen
     * as {@code segmenta run} chooses it.
     */
    private static Function<SparkSession, String> parse(String name, List<String> rest) {
        switch (name) {
            case "run" -> {
                RunArguments parsed = RunArguments.parse(rest);
                PipelineSpec spec = parsed.spec();
                String input = rawInput(rest).orElse(spec.input().toString());
                SparkPipeline.requireOnSpark(spec);
                return session -> RunSummary.render(parsed.choosesK()
                        ? SparkPipeline.runChoosingK(session, spec, input, parsed.kMin(), parsed.kMax(), null)
                        : SparkPipeline.run(session, spec, input, null));
            }
            case "pipeline" -> {
                if (rest.size() != 1) {
                    throw new SegmentaException("pipeline takes one .cfg file");
                }
                PipelineDefinition definition = PipelineDefinition.read(Path.of(rest.get(0)));
                PipelineSpec spec = definition.spec();
                String input = SparkPaths.uri(spec.input().toString());
                SparkPipeline.requireOnSpark(spec);
                return session -> RunSummary.render(definition.choosesK()
                        ? SparkPipeline.runChoosingK(session, spec, input, definition.kMin(), definition.kMax(), null)
                        : SparkPipeline.run(session, spec, input, null));
            }
            case "predict" -> {
                PredictSpec spec = PredictArguments.parse(rest).spec();
                String input = rawInput(rest).orElse(spec.input().toString());
                spec.source().ifPresent(SparkPipeline::source);
                return session -> PredictionSummary.render(SparkPipeline.predict(session, spec, input, null));
            }
            default -> throw new SegmentaException("unknown command '" + name + "'; expected run, pipeline or"
                    + " predict");
        }
    }

    /**
     * spark-submit's session, or a local one using every core when no master was given; in local mode with the
     * settings of {@link #localDefaults} that the user did not give.
     */
    static SparkSession session() {
        SparkConf given = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("segmenta");
        if (!given.contains("spark.master")) {
            builder = builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        SparkContext context = spark.sparkContext();
        localDefaults(context.isLocal(), given, context.defaultParallelism()).forEach(spark.conf()::set);
        return spark;
    }

    /**
     * What a local-mode run sets unless the user gave it: as many shuffle partitions as cores. Spark's default of
     * 200 suits a cluster; in one JVM every shuffle map task would write 200 partitions (adaptive execution
     * coalesces them only on the reading side) for what is one row per customer and partition. The partition count
     * does not change the answers: each customer's rows are summed in one place either way.
     *
     * @param local whether the master runs everything in this JVM ({@code local}, {@code local[N]}, ...)
     * @param given the settings from spark-submit, {@code -Dspark.*} properties or spark-defaults.conf
     * @param cores the local master's threads (Spark's default parallelism)
     */
    static Map<String, String> localDefaults(boolean local, SparkConf given, int cores) {
        if (!local || given.contains(SHUFFLE_PARTITIONS)) {
            return Map.of();
        }
        return Map.of(SHUFFLE_PARTITIONS, Integer.toString(Math.max(1, cores)));
    }

    /** The --input word as typed, since a java.nio Path would fold s3a://bucket into s3a:/bucket. */
    static Optional<String> rawInput(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(RunArguments.INPUT) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (a.startsWith(RunArguments.INPUT + "=")) {
                return Optional.of(a.substring(RunArguments.INPUT.length() + 1));
            }
        }
        return Optional.empty();
    }
}
