package io.segmenta.shell;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineCatalog;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.console.ConsoleProgress;
import io.segmenta.console.GenerateArguments;
import io.segmenta.console.Generation;
import io.segmenta.console.KSelectionSummary;
import io.segmenta.console.PipelineDefinition;
import io.segmenta.console.PipelineList;
import io.segmenta.console.PredictArguments;
import io.segmenta.console.PredictionSummary;
import io.segmenta.console.RunArguments;
import io.segmenta.console.RunSummary;
import io.segmenta.console.SelectKArguments;
import io.segmenta.console.StageList;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@code segmenta:} commands of the Felix Gogo shell.
 * <p>
 * Output: the commands print to {@code System.out} (which Gogo redirects to the calling session) and
 * return nothing. Gogo prints a command's return value only at an interactive prompt, not in a script run
 * with {@code --nointeractive}; printing makes the output appear exactly once in both. Errors are printed
 * the same way, as one line starting with {@code error:}, instead of being thrown: a thrown exception
 * would show as Gogo's own message (or a stack trace with {@code e}) and stop a script.
 * <p>
 * The engine reference is optional and dynamic: the commands stay registered while the engine bundle
 * is stopped, updated or refreshed, and say so in one line instead of disappearing ("command not found"
 * tells a user nothing). Each command reads the volatile field once, so a run keeps the engine it started
 * with; the engine itself notices stages that go away during a run.
 * <p>
 * Sample generators are referenced the same way (any number, dynamic, greedy), kept by name: a generator
 * that comes or goes changes the list of formats {@code segmenta:generate} accepts, without restarting
 * the commands.
 * <p>
 * Each working command has a Gogo form (public, its options as annotated parameters) and a form for tests
 * and for it to call (package-private, printing to a given stream), which takes the options Gogo bound as
 * name and value pairs (an empty value: not given) and the words it did not bind (see {@link GogoWords}).
 * <p>
 * {@code segmenta:select-k} is {@link #selectk}: a Gogo function name is a method name, and a method cannot be
 * called select-k, so {@link SelectKCommand} registers that name and calls this method through Gogo. The method
 * is spelt {@code selectk}, as the function {@code segmenta:selectk}: Gogo calls methods whatever their case,
 * but its {@code help} lists a function only when a method has exactly its name.
 */
@Component(service = SegmentaCommands.class, property = {
    "osgi.command.scope=segmenta",
    "osgi.command.function=stages",
    "osgi.command.function=run",
    "osgi.command.function=generate",
    "osgi.command.function=selectk",
    "osgi.command.function=predict",
    "osgi.command.function=pipelines",
    "osgi.command.function=history"
})
public class SegmentaCommands {
    static final String NO_CATALOG = "no pipeline catalog is registered (is the io.segmenta.pipelines bundle "
            + "active?)";
    static final String NO_ENGINE = "no pipeline engine is registered (is the io.segmenta.engine bundle active?)";
    private static final String DEBUG_HELP = "print the stack trace of an unexpected error";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PipelineEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PipelineCatalog catalog;

    /**
     * The OSGi Log Service's logger for this component (Declarative Services 1.4 injects a {@link Logger} for a
     * {@link LoggerFactory} reference), when there is one: the commands that do work are recorded in the log.
     */
    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Logger logger;

    /** The sample generators by name; sorted, so that listings do not depend on binding order. */
    private final Map<String, SampleGenerator> generators = new ConcurrentSkipListMap<>();

    /** For Declarative Services. */
    public SegmentaCommands() {
    }

    /** For tests: commands bound to the given engine, or to none, and to the given generators. */
    SegmentaCommands(PipelineEngine engine, SampleGenerator... generators) {
        this(engine, null, generators);
    }

    /** For tests: commands bound to the given engine, pipeline catalog and generators (each may be absent). */
    SegmentaCommands(PipelineEngine engine, PipelineCatalog catalog, SampleGenerator... generators) {
        this.engine = engine;
        this.catalog = catalog;
        for (SampleGenerator g : generators) {
            addGenerator(g);
        }
    }

    @Reference(service = SampleGenerator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeGenerator")
    void addGenerator(SampleGenerator generator) {
        generators.put(generator.name(), generator);
    }

    void removeGenerator(SampleGenerator generator) {
        // only when it is the one registered under its name (a second one of the same name may have replaced it)
        generators.remove(generator.name(), generator);
    }

    @Descriptor("lists the registered pipeline stages (sources, feature extractors, algorithms and reporters) "
            + "and the sample generators")
    public void stages(
            @Descriptor("also show where each stage comes from and the options it reads")
            @Parameter(names = {"-v", "--verbose"}, presentValue = "true", absentValue = "false")
            boolean verbose,
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug) {
        stages(System.out, verbose, debug);
    }

    @Descriptor("runs a segmentation pipeline (or, as segmenta:run NAME, a named pipeline of segmenta:pipelines): "
            + "reads the input, extracts features, clusters, measures and "
            + "writes the reports; prints progress and a summary (paths are relative to the framework's "
            + "working directory)")
    public void run(
            @Descriptor(RunArguments.SOURCE_HELP)
            @Parameter(names = RunArguments.SOURCE, absentValue = "") String source,
            @Descriptor(RunArguments.INPUT_HELP)
            @Parameter(names = RunArguments.INPUT, absentValue = "") String input,
            @Descriptor(RunArguments.FEATURES_HELP)
            @Parameter(names = RunArguments.FEATURES, absentValue = "") String features,
            @Descriptor(RunArguments.ALGORITHM_HELP)
            @Parameter(names = RunArguments.ALGORITHM, absentValue = "") String algorithm,
            @Descriptor(RunArguments.K_HELP)
            @Parameter(names = RunArguments.K, absentValue = "") String k,
            @Descriptor(RunArguments.SEED_HELP)
            @Parameter(names = RunArguments.SEED, absentValue = "") String seed,
            @Descriptor(RunArguments.RUNS_HELP)
            @Parameter(names = RunArguments.RUNS, absentValue = "") String runs,
            @Descriptor(RunArguments.MAX_ITERATIONS_HELP)
            @Parameter(names = RunArguments.MAX_ITERATIONS, absentValue = "") String maxIterations,
            @Descriptor(RunArguments.REPORT_HELP)
            @Parameter(names = RunArguments.REPORT, absentValue = "") String report,
            @Descriptor(RunArguments.OUT_HELP)
            @Parameter(names = RunArguments.OUT, absentValue = "") String out,
            @Descriptor(RunArguments.SNAPSHOT_HELP)
            @Parameter(names = RunArguments.SNAPSHOT, absentValue = "") String snapshot,
            @Descriptor(RunArguments.SAVE_MODEL_HELP)
            @Parameter(names = RunArguments.SAVE_MODEL, absentValue = "") String saveModel,
            @Descriptor(RunArguments.COMPARE_WITH_HELP)
            @Parameter(names = RunArguments.COMPARE_WITH, absentValue = "") String compareWith,
            @Descriptor(RunArguments.OPTION_HELP)
            @Parameter(names = RunArguments.OPTION, absentValue = "") String option,
            @Descriptor(RunArguments.OPTIONS_HELP)
            @Parameter(names = RunArguments.OPTIONS, absentValue = "") String options,
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug,
            @Descriptor("the name of a configured pipeline (alone), or further options: a repeated --option, or "
                    + "--name=value forms")
            String... more) {
        String[][] given = {
            {RunArguments.SOURCE, source}, {RunArguments.INPUT, input}, {RunArguments.FEATURES, features},
            {RunArguments.ALGORITHM, algorithm}, {RunArguments.K, k}, {RunArguments.SEED, seed},
            {RunArguments.RUNS, runs}, {RunArguments.MAX_ITERATIONS, maxIterations}, {RunArguments.REPORT, report},
            {RunArguments.OUT, out}, {RunArguments.SNAPSHOT, snapshot}, {RunArguments.SAVE_MODEL, saveModel},
            {RunArguments.COMPARE_WITH, compareWith}, {RunArguments.OPTION, option}, {RunArguments.OPTIONS, options}};
        run(System.out, given, GogoWords.words(more), debug);
    }

    @Descriptor("chooses the number of segments: reads and extracts once, fits the algorithm for every k from "
            + SelectKArguments.K_MIN + " to " + SelectKArguments.K_MAX + ", prints cost, silhouette, Davies-Bouldin "
            + "and Calinski-Harabasz per k, the elbow of the cost curve and a recommended k; writes nothing (the "
            + "option " + EngineOptions.SILHOUETTE_SAMPLE + "=N|" + EngineOptions.SILHOUETTE_EXACT + " sets when the "
            + "silhouette is sampled, " + EngineOptions.DEFAULT_SILHOUETTE_SAMPLE + " rows by default)")
    // named exactly as the function: Felix's help finds a function's methods by their exact (case-sensitive) name
    public void selectk(
            @Descriptor(RunArguments.SOURCE_HELP)
            @Parameter(names = RunArguments.SOURCE, absentValue = "") String source,
            @Descriptor(RunArguments.INPUT_HELP)
            @Parameter(names = RunArguments.INPUT, absentValue = "") String input,
            @Descriptor(RunArguments.FEATURES_HELP)
            @Parameter(names = RunArguments.FEATURES, absentValue = "") String features,
            @Descriptor(RunArguments.ALGORITHM_HELP)
            @Parameter(names = RunArguments.ALGORITHM, absentValue = "") String algorithm,
            @Descriptor(SelectKArguments.K_MIN_HELP)
            @Parameter(names = SelectKArguments.K_MIN, absentValue = "") String kMin,
            @Descriptor(SelectKArguments.K_MAX_HELP)
            @Parameter(names = SelectKArguments.K_MAX, absentValue = "") String kMax,
            @Descriptor(RunArguments.SEED_HELP)
            @Parameter(names = RunArguments.SEED, absentValue = "") String seed,
            @Descriptor(RunArguments.RUNS_HELP)
            @Parameter(names = RunArguments.RUNS, absentValue = "") String runs,
            @Descriptor(RunArguments.MAX_ITERATIONS_HELP)
            @Parameter(names = RunArguments.MAX_ITERATIONS, absentValue = "") String maxIterations,
            @Descriptor(RunArguments.SNAPSHOT_HELP)
            @Parameter(names = RunArguments.SNAPSHOT, absentValue = "") String snapshot,
            @Descriptor(RunArguments.OPTION_HELP)
            @Parameter(names = RunArguments.OPTION, absentValue = "") String option,
            @Descriptor(RunArguments.OPTIONS_HELP)
            @Parameter(names = RunArguments.OPTIONS, absentValue = "") String options,
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug,
            @Descriptor("further options: a repeated --option, or --name=value forms")
            String... more) {
        String[][] given = {
            {RunArguments.SOURCE, source}, {RunArguments.INPUT, input}, {RunArguments.FEATURES, features},
            {RunArguments.ALGORITHM, algorithm}, {SelectKArguments.K_MIN, kMin}, {SelectKArguments.K_MAX, kMax},
            {RunArguments.SEED, seed}, {RunArguments.RUNS, runs}, {RunArguments.MAX_ITERATIONS, maxIterations},
            {RunArguments.SNAPSHOT, snapshot}, {RunArguments.OPTION, option}, {RunArguments.OPTIONS, options}};
        selectK(System.out, given, GogoWords.words(more), debug);
    }

    @Descriptor("places the customers (or sellers) of new data in the segments of a saved model (segmenta:run "
            + "--save-model FILE): reads them with the model's source, extracts its features, scales them with its "
            + "fitted parameters and writes " + PredictSpec.PREDICTIONS_FILE + " (id, features, segment name, "
            + "segment); paths are relative to the framework's working directory")
    public void predict(
            @Descriptor(PredictArguments.MODEL_HELP)
            @Parameter(names = PredictArguments.MODEL, absentValue = "") String model,
            @Descriptor(PredictArguments.INPUT_HELP)
            @Parameter(names = PredictArguments.INPUT, absentValue = "") String input,
            @Descriptor(PredictArguments.SOURCE_HELP)
            @Parameter(names = PredictArguments.SOURCE, absentValue = "") String source,
            @Descriptor(PredictArguments.OUT_HELP)
            @Parameter(names = PredictArguments.OUT, absentValue = "") String out,
            @Descriptor(PredictArguments.SNAPSHOT_HELP)
            @Parameter(names = PredictArguments.SNAPSHOT, absentValue = "") String snapshot,
            @Descriptor(PredictArguments.OPTION_HELP)
            @Parameter(names = PredictArguments.OPTION, absentValue = "") String option,
            @Descriptor(PredictArguments.OPTIONS_HELP)
            @Parameter(names = PredictArguments.OPTIONS, absentValue = "") String options,
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug,
            @Descriptor("further options: a repeated --option, or --name=value forms")
            String... more) {
        String[][] given = {
            {PredictArguments.MODEL, model}, {PredictArguments.INPUT, input}, {PredictArguments.SOURCE, source},
            {PredictArguments.OUT, out}, {PredictArguments.SNAPSHOT, snapshot}, {PredictArguments.OPTION, option},
            {PredictArguments.OPTIONS, options}};
        predict(System.out, given, GogoWords.words(more), debug);
    }

    @Descriptor("writes a sample export with planted customer segments, in the file layout the source of the "
            + "same name reads, and planted-segments.csv (paths are relative to the framework's working directory)")
    public void generate(
            @Descriptor(GenerateArguments.FORMAT_HELP)
            @Parameter(names = GenerateArguments.FORMAT, absentValue = "") String format,
            @Descriptor(GenerateArguments.OUT_HELP)
            @Parameter(names = GenerateArguments.OUT, absentValue = "") String out,
            @Descriptor(GenerateArguments.CUSTOMERS_HELP)
            @Parameter(names = GenerateArguments.CUSTOMERS, absentValue = "") String customers,
            @Descriptor(GenerateArguments.LINES_HELP)
            @Parameter(names = GenerateArguments.LINES, absentValue = "") String lines,
            @Descriptor(GenerateArguments.SEED_HELP)
            @Parameter(names = GenerateArguments.SEED, absentValue = "") String seed,
            @Descriptor(GenerateArguments.DIRT_HELP)
            @Parameter(names = GenerateArguments.DIRT, absentValue = "") String dirt,
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug,
            @Descriptor("further options in --name=value form")
            String... more) {
        String[][] given = {
            {GenerateArguments.FORMAT, format}, {GenerateArguments.OUT, out},
            {GenerateArguments.CUSTOMERS, customers}, {GenerateArguments.LINES, lines},
            {GenerateArguments.SEED, seed}, {GenerateArguments.DIRT, dirt}};
        generate(System.out, given, GogoWords.words(more), debug);
    }

    void stages(PrintStream out, boolean verbose, boolean debug) {
        CommandGuard.run(out, debug, null, "segmenta:stages", () -> out.print(StageList.render(engine().stages(),
                List.copyOf(generators.values()), verbose)));
    }

    void generate(PrintStream out, String[][] given, String[] more, boolean debug) {
        CommandGuard.run(out, debug, logger, GogoWords.typed("generate", given, more), () -> {
            GenerateArguments arguments = new GenerateArguments();
            GogoWords.bind(given, more, arguments::set, arguments::add);
            printSummary(out, Generation.run(arguments, List.copyOf(generators.values()), new ConsoleProgress(out)));
        });
    }

    void run(PrintStream out, String[][] given, String[] more, boolean debug) {
        CommandGuard.run(out, debug, logger, GogoWords.typed("run", given, more), () -> {
            if (more.length > 0 && !more[0].startsWith("--")) {
                runNamed(out, given, more);
                return;
            }
            RunArguments arguments = new RunArguments();
            // the same parser reports unknown options and duplicates, and accepts --name=value
            GogoWords.bind(given, more, arguments::set, arguments::add);
            arguments.spec(); // a missing --source or --input is reported before the engine is looked up
            printSummary(out, RunSummary.render(arguments.run(engine(), new ConsoleProgress(out))));
        });
    }

    void selectK(PrintStream out, String[][] given, String[] more, boolean debug) {
        CommandGuard.run(out, debug, logger, GogoWords.typed("select-k", given, more), () -> {
            SelectKArguments arguments = new SelectKArguments();
            GogoWords.bind(given, more, arguments::set, arguments::add);
            PipelineSpec spec = arguments.spec();
            KSelection selection = engine().selectK(spec, arguments.kMin(), arguments.kMax(), new ConsoleProgress(out));
            printSummary(out, KSelectionSummary.render(selection));
        });
    }

    void predict(PrintStream out, String[][] given, String[] more, boolean debug) {
        CommandGuard.run(out, debug, logger, GogoWords.typed("predict", given, more), () -> {
            PredictArguments arguments = new PredictArguments();
            GogoWords.bind(given, more, arguments::set, arguments::add);
            PredictionResult result = engine().predict(arguments.spec(), new ConsoleProgress(out));
            printSummary(out, PredictionSummary.render(result));
        });
    }

    /** {@code segmenta:run NAME}: a pipeline of the catalog, with no other options. */
    private void runNamed(PrintStream out, String[][] given, String[] more) {
        for (String[] option : given) {
            if (GogoWords.isGiven(option)) {
                throw new SegmentaException("segmenta:run " + more[0] + " runs the pipeline as configured and takes "
                        + "no options (got " + option[0] + "); edit its configuration instead");
            }
        }
        if (more.length > 1) {
            throw new SegmentaException("segmenta:run " + more[0] + " takes no further arguments (got '" + more[1]
                    + "')");
        }
        printSummary(out, RunSummary.render(catalog().run(more[0], new ConsoleProgress(out))));
    }

    @Descriptor("lists the named pipelines defined as configuration (" + PipelineDefinition.FACTORY_PID
            + "-NAME.cfg files in the deploy folder, or ConfigAdmin), with their state: ready, or which stage is "
            + "missing, or what is wrong with the definition; run one with segmenta:run NAME")
    public void pipelines(
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug) {
        pipelines(System.out, debug);
    }

    @Descriptor("lists the recent runs of named pipelines (manual and scheduled) with their outcome")
    public void history(
            @Descriptor(DEBUG_HELP)
            @Parameter(names = {"-d", "--debug"}, presentValue = "true", absentValue = "false") boolean debug) {
        history(System.out, debug);
    }

    void pipelines(PrintStream out, boolean debug) {
        CommandGuard.run(out, debug, null, "segmenta:pipelines",
                () -> out.print(PipelineList.render(catalog().pipelines())));
    }

    void history(PrintStream out, boolean debug) {
        CommandGuard.run(out, debug, null, "segmenta:history",
                () -> out.print(PipelineList.history(catalog().history())));
    }

    private PipelineCatalog catalog() {
        PipelineCatalog c = catalog;
        if (c == null) {
            throw new SegmentaException(NO_CATALOG);
        }
        return c;
    }

    private PipelineEngine engine() {
        PipelineEngine e = engine;
        if (e == null) {
            throw new SegmentaException(NO_ENGINE);
        }
        return e;
    }

    /** A command's result after its progress lines, set apart by an empty line. */
    private static void printSummary(PrintStream out, String summary) {
        out.println();
        out.print(summary);
    }
}
