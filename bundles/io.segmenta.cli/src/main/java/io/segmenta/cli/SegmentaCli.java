package io.segmenta.cli;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceConsumer;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.console.ConsoleProgress;
import io.segmenta.console.GenerateArguments;
import io.segmenta.console.Generation;
import io.segmenta.console.KSelectionSummary;
import io.segmenta.console.PipelineDefinition;
import io.segmenta.console.PredictArguments;
import io.segmenta.console.PredictionSummary;
import io.segmenta.console.RunArguments;
import io.segmenta.console.RunSummary;
import io.segmenta.console.SelectKArguments;
import io.segmenta.console.StageList;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code segmenta} command: runs pipelines as batch jobs on the plain module path, where the engine
 * and its stages are found with {@link ServiceLoader}, as are the sample generators ({@code segmenta generate}).
 * <p>
 * Streams: the summary and listings go to standard output, progress, log lines and errors to standard error,
 * so {@code segmenta run ... > summary.txt} keeps a clean summary. Logging is System.Logger on
 * java.util.logging, one line per record, from WARNING up, INFO with {@code --verbose}, DEBUG with {@code -vv}
 * and errors only with {@code --quiet} (see {@link CliLog}). Exit codes: {@value #OK} success,
 * {@value #USER_ERROR} a usage or input problem (one line {@code segmenta: <message>}, no stack trace),
 * {@value #INTERNAL_ERROR} a bug (one line; the stack trace only with {@code --debug} or
 * {@code SEGMENTA_DEBUG=1}).
 */
@ServiceConsumer(value = PipelineEngine.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = SampleGenerator.class, resolution = Resolution.OPTIONAL)
public final class SegmentaCli {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int USER_ERROR = 2;

    static final String NO_ENGINE = "no pipeline engine on the module path (is io.segmenta.engine there?)";
    static final String DEBUG = "--debug";
    static final String DEBUG_VARIABLE = "SEGMENTA_DEBUG";
    private static final System.Logger LOG = System.getLogger("io.segmenta.cli");

    private final Supplier<PipelineEngine> engine;
    private final Supplier<List<SampleGenerator>> generators;
    private final boolean debugByDefault;
    /** Where the running command reports progress: the console, or nowhere with --quiet. */
    private ProgressListener progress = ProgressListener.NONE;

    /**
     * @param engine finds the engine, or returns null when there is none; called only by commands that
     *        need it, so {@code help} works without one
     * @param debugByDefault print stack traces of internal errors even without {@value #DEBUG}
     */
    SegmentaCli(Supplier<PipelineEngine> engine, boolean debugByDefault) {
        this(engine, List::of, debugByDefault);
    }

    /**
     * @param generators finds the sample generators; called only by {@code generate} and {@code stages}
     */
    SegmentaCli(Supplier<PipelineEngine> engine, Supplier<List<SampleGenerator>> generators, boolean debugByDefault) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.generators = Objects.requireNonNull(generators, "generators");
        this.debugByDefault = debugByDefault;
    }

    public static void main(String[] args) {
        // exit explicitly: the code matters to scripts, and no stray non-daemon thread may keep the JVM up
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with the engine found on the module path; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new SegmentaCli(SegmentaCli::loadEngine, SegmentaCli::loadGenerators,
                "1".equals(System.getenv(DEBUG_VARIABLE))).execute(args, out, err);
    }

    /**
     * The engine provided on the module path (or class path), or null. With several, the one whose class
     * name sorts first, so that the choice does not depend on the order of the path.
     */
    static PipelineEngine loadEngine() {
        return serviceLoader(PipelineEngine.class).stream()
                .sorted(Comparator.comparing(p -> p.type().getName()))
                .map(ServiceLoader.Provider::get)
                .findFirst().orElse(null);
    }

    /** The sample generators on the module path (or class path), by class name, so the order is stable. */
    static List<SampleGenerator> loadGenerators() {
        return serviceLoader(SampleGenerator.class).stream()
                .sorted(Comparator.comparing(p -> p.type().getName()))
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /**
     * On the module path the providers of the modules of the CLI's layer, as {@code uses} intends; on the class
     * path (tests) the plain {@link ServiceLoader#load(Class)}. The plain one on the module path would also look
     * for META-INF/services in every jar of the path, to find nothing more (docs/performance.md, "Memory and
     * start-up defaults of bin/segmenta").
     */
    private static <S> ServiceLoader<S> serviceLoader(Class<S> service) {
        Module module = SegmentaCli.class.getModule();
        ModuleLayer layer = module.getLayer();
        return module.isNamed() && layer != null ? ServiceLoader.load(layer, service) : ServiceLoader.load(service);
    }

    int execute(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean debug = debugByDefault | words.removeIf(DEBUG::equals);
        Verbosity verbosity;
        try {
            verbosity = Verbosity.take(words);
        } catch (SegmentaException e) {
            err.println("segmenta: " + oneLine(e.getMessage()));
            return USER_ERROR;
        }
        CliLog log = CliLog.install(verbosity, err);
        try {
            progress = verbosity == Verbosity.QUIET ? ProgressListener.NONE : new ConsoleProgress(err);
            return execute(words, debug, verbosity, out, err);
        } finally {
            log.close();
        }
    }

    private int execute(List<String> words, boolean debug, Verbosity verbosity, PrintStream out, PrintStream err) {
        try {
            if (words.isEmpty()) {
                err.print(usage());
                return USER_ERROR;
            }
            String command = words.get(0);
            List<String> rest = words.subList(1, words.size());
            switch (command) {
                case "help", "--help", "-h" -> out.print(usage());
                case "--version", "version" -> out.println("segmenta " + version());
                // stages --verbose (or -v) has always meant the detailed listing; it raises the log level too
                case "stages" -> stages(rest, verbosity.compareTo(Verbosity.VERBOSE) >= 0, out);
                case "run" -> run(rest, out);
                case "select-k" -> selectK(rest, out);
                case "predict" -> predict(rest, out);
                case "generate" -> generate(rest, out);
                default -> throw new SegmentaException("unknown command '" + command
                        + "'; commands are run, select-k, predict, generate, stages, help and --version");
            }
            return OK;
        } catch (SegmentaException e) {
            err.println("segmenta: " + oneLine(e.getMessage()));
            return USER_ERROR;
        } catch (RuntimeException | Error e) {
            // Error too: a provider that fails to load is a ServiceConfigurationError, and an
            // OutOfMemoryError deserves a clear line and exit code 1 as much as a bug does
            err.println("segmenta: internal error: " + e.getClass().getName() + ": " + oneLine(e.getMessage())
                    + (debug ? "" : " (rerun with " + DEBUG + " or " + DEBUG_VARIABLE + "=1 for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void stages(List<String> args, boolean verbose, PrintStream out) {
        if (!args.isEmpty()) {
            throw new SegmentaException("unknown argument '" + args.get(0) + "' for stages; it takes "
                    + Verbosity.VERBOSE_OPTION);
        }
        out.print(StageList.render(engine().stages(), generators.get(), verbose));
    }

    private void generate(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return;
        }
        // parse first: a typo is reported as such before generators are looked for
        GenerateArguments arguments = GenerateArguments.parse(args);
        arguments.format();
        arguments.out();
        out.print(logged("generate", args, () -> Generation.run(arguments, generators.get(), progress)));
    }

    private void run(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return;
        }
        if (!args.isEmpty() && (args.get(0).equals("--pipeline") || args.get(0).startsWith("--pipeline="))) {
            runPipelineFile(args, out);
            return;
        }
        // check the options before looking for the engine: a typo is reported as such even without one
        RunArguments arguments = RunArguments.parse(args);
        arguments.spec(); // a missing --source or --input is reported before the engine starts
        PipelineResult result = logged("run", args, () -> arguments.run(engine(), progress));
        out.print(RunSummary.render(result));
    }

    /** {@code segmenta run --pipeline FILE}: the pipeline a configuration file defines, as Felix would run it. */
    private void runPipelineFile(List<String> args, PrintStream out) {
        String first = args.get(0);
        List<String> rest = args.subList(1, args.size());
        String file = first.contains("=") ? first.substring(first.indexOf('=') + 1) : rest.isEmpty() ? "" : rest.get(0);
        int used = first.contains("=") ? 1 : 2;
        if (file.isBlank() || file.startsWith("--")) {
            throw new SegmentaException("missing value for --pipeline (a pipeline file, "
                    + PipelineDefinition.FACTORY_PID + "-NAME.cfg)");
        }
        if (args.size() > used) {
            throw new SegmentaException("--pipeline runs the file as it is and takes no other options (got '"
                    + args.get(used) + "'); edit the file instead");
        }
        PipelineDefinition definition = PipelineDefinition.read(Path.of(file));
        out.print(RunSummary.render(logged("run", args, () -> definition.run(engine(), progress))));
    }

    private void selectK(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return;
        }
        // check the options before looking for the engine, as run does
        SelectKArguments arguments = SelectKArguments.parse(args);
        PipelineSpec spec = arguments.spec();
        KSelection selection = logged("select-k", args,
                () -> engine().selectK(spec, arguments.kMin(), arguments.kMax(), progress));
        out.print(KSelectionSummary.render(selection));
    }

    private void predict(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return;
        }
        PredictSpec spec = PredictArguments.parse(args).spec();
        PredictionResult result = logged("predict", args, () -> engine().predict(spec, progress));
        out.print(PredictionSummary.render(result));
    }

    /** Runs a command's work, logged at INFO when it starts and ends (the failures are printed by execute). */
    private static <T> T logged(String command, List<String> args, Supplier<T> work) {
        LOG.log(System.Logger.Level.INFO, "{0} started: {1}", command, String.join(" ", args));
        long start = System.nanoTime();
        T result = work.get();
        LOG.log(System.Logger.Level.INFO, "{0} done in {1} ms", command,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return result;
    }

    private PipelineEngine engine() {
        PipelineEngine e = engine.get();
        if (e == null) {
            throw new SegmentaException(NO_ENGINE);
        }
        return e;
    }

    /** The usage text: commands, every run option with its default, global options and exit codes. */
    static String usage() {
        return """
                usage: segmenta run --source NAME --input PATH [run options]
                       segmenta run --pipeline FILE
                       segmenta select-k --source NAME --input PATH [select-k options]
                       segmenta predict --model FILE --input PATH [predict options]
                       segmenta generate --format NAME --out DIR [generate options]
                       segmenta stages [--verbose]
                       segmenta help | --help
                       segmenta --version

                Segments customers: reads an export, computes features per customer, clusters them and
                writes the reports. Stages (sources, feature extractors, algorithms, reporters) are found
                on the module path; `segmenta stages --verbose` lists them with their options, and the
                sample generators: `segmenta generate` writes a sample export with planted segments, in the
                layout the source of the same name reads, plus planted-segments.csv.

                run options:
                """ + RunArguments.usage() + """

                `segmenta select-k` helps choose --k: it reads and extracts once, fits the algorithm for every k
                of a range and prints cost, silhouette, Davies-Bouldin and Calinski-Harabasz per k, the elbow of
                the cost curve (Kneedle) and a recommended k with the reason; it writes nothing. Beyond 40,000
                rows the silhouette is computed on a uniform sample of 40,000 rows drawn with the seed; the
                option\s""" + EngineOptions.SILHOUETTE_SAMPLE + "=N (or " + EngineOptions.SILHOUETTE_EXACT
                + ") changes that, for run too.\n\n" + """
                select-k options:
                """ + SelectKArguments.usage() + """

                `segmenta predict` places the customers of new data in the segments of a model that
                `segmenta run --save-model FILE` saved: it reads them with the model's source, extracts the
                model's features, scales them with the model's fitted parameters (no refitting) and writes
                predictions.csv.

                predict options:
                """ + PredictArguments.usage() + """

                generate options:
                """ + GenerateArguments.usage() + """

                global options (anywhere on the line):
                  --debug        print the stack trace of an internal error (or set SEGMENTA_DEBUG=1)
                  -v, --verbose  also log what the command does on standard error (INFO: stages, files,
                                 rows, timings); given twice, or -vv, also DEBUG. The default logs
                                 warnings and errors only.
                  -q, --quiet    log errors only, and print no progress lines

                exit codes: 0 success, 1 internal error, 2 usage or input error
                """;
    }

    /** The project version (from version.properties), else the module's version, else "unknown". */
    static String version() {
        try (InputStream in = SegmentaCli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the module descriptor
        }
        ModuleDescriptor descriptor = SegmentaCli.class.getModule().getDescriptor();
        return descriptor != null ? descriptor.rawVersion().orElse("unknown") : "unknown";
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
