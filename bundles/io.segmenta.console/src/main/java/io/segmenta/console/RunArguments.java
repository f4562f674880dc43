package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of a pipeline run, shared by the CLI ({@code segmenta run ...}) and the Gogo shell
 * ({@code segmenta:run ...}) so both accept the same names with the same defaults and the same messages.
 * The names, defaults and help texts are compile-time constants so the shell can use them in its Gogo
 * annotations. Every problem is a {@link SegmentaException} with a one-line message.
 */
public final class RunArguments {
    public static final String SOURCE = "--source";
    public static final String INPUT = "--input";
    public static final String FEATURES = "--features";
    public static final String ALGORITHM = "--algorithm";
    public static final String K = "--k";
    public static final String SEED = "--seed";
    public static final String RUNS = "--runs";
    public static final String MAX_ITERATIONS = "--max-iterations";
    public static final String REPORT = "--report";
    public static final String OUT = "--out";
    public static final String SNAPSHOT = "--snapshot";
    public static final String SAVE_MODEL = "--save-model";
    public static final String COMPARE_WITH = "--compare-with";
    public static final String OPTION = "--option";
    public static final String OPTIONS = "--options";

    public static final String DEFAULT_FEATURES = "rfm";
    public static final String DEFAULT_ALGORITHM = "kmeans";
    public static final String DEFAULT_K = "4";
    /** Equal to {@link ClusterRequest#DEFAULT_SEED} (a test checks it); a literal because annotations need one. */
    public static final String DEFAULT_SEED = "42";
    /** Equal to {@link ClusterRequest#DEFAULT_RUNS}. */
    public static final String DEFAULT_RUNS = "10";
    /** Equal to {@link ClusterRequest#DEFAULT_MAX_ITERATIONS}. */
    public static final String DEFAULT_MAX_ITERATIONS = "300";
    public static final String DEFAULT_REPORT = "csv";
    public static final String DEFAULT_OUT = "out";
    /** The {@value #REPORT} value that asks for no reporter at all. */
    public static final String NO_REPORT = "none";
    /** The engine option {@value #SAVE_MODEL} stands for. */
    public static final String SAVE_MODEL_OPTION = EngineOptions.SAVE_MODEL;
    /** The stage option {@value #SNAPSHOT} stands for. */
    public static final String SNAPSHOT_OPTION = "snapshot";

    public static final String SOURCE_HELP = "data source stage, e.g. uk-retail (required)";
    public static final String INPUT_HELP = "file or folder the source reads (required)";
    public static final String FEATURES_HELP = "feature extractor stage, or a feature set joined on the customer: "
            + "members joined with +, each EXTRACTOR or NAME:EXTRACTOR, e.g. rfm+buyer (default " + DEFAULT_FEATURES
            + ")";
    /** How a member's own input is written in the usage. */
    public static final String MEMBER_INPUT = INPUT + ".NAME";
    /** How a member's own source is written in the usage. */
    public static final String MEMBER_SOURCE = SOURCE + ".NAME";
    public static final String MEMBER_INPUT_HELP = "the input of the feature-set member NAME, which then reads its "
            + "own instead of sharing " + INPUT;
    public static final String MEMBER_SOURCE_HELP = "the source stage that reads " + MEMBER_INPUT + " (default: "
            + SOURCE + ")";
    public static final String ALGORITHM_HELP = "clustering algorithm stage (default " + DEFAULT_ALGORITHM + ")";
    /** The {@value #K} value that chooses k in the default range, 2..10. */
    public static final String K_AUTO = "auto";
    public static final String K_HELP = "number of segments, or a range MIN..MAX to choose it at each run as select-k "
            + "recommends, or " + K_AUTO + " for the range 2..10 (default " + DEFAULT_K + ")";
    public static final String SEED_HELP = "random seed; the same input and seed give the same segments (default "
            + DEFAULT_SEED + ")";
    public static final String RUNS_HELP = "independently seeded runs; the one of lowest cost is kept (default "
            + DEFAULT_RUNS + ")";
    public static final String MAX_ITERATIONS_HELP = "iteration cap of one run (default " + DEFAULT_MAX_ITERATIONS
            + ")";
    public static final String REPORT_HELP = "reporter stages, comma-separated, or " + NO_REPORT + " (default "
            + DEFAULT_REPORT + ")";
    public static final String OUT_HELP = "output folder, created when missing (default " + DEFAULT_OUT + ")";
    public static final String SNAPSHOT_HELP = "date recency is measured to, yyyy-MM-dd; short for " + OPTION + " "
            + SNAPSHOT_OPTION + "=DATE (default: 24 hours after the last transaction)";
    public static final String SAVE_MODEL_HELP = "also save the fitted model to this JSON file, for predict; short for "
            + OPTION + " " + SAVE_MODEL_OPTION + "=FILE";
    public static final String COMPARE_WITH_HELP = "an earlier run to compare with: its output folder (with its "
            + "assignments.csv), or " + EngineOptions.COMPARE_WITH_PREVIOUS + " for the run the output folder holds; the "
            + "reports show how customers moved between segments; short for " + OPTION + " "
            + EngineOptions.COMPARE_WITH + "=DIR";
    public static final String OPTION_HELP = "a stage option KEY=VALUE; repeatable (see the stage list)";
    public static final String OPTIONS_HELP = "stage options KEY=VALUE,KEY=VALUE";

    private record Spec(String name, String value, String help) {
    }

    /** Every option in the order the usage lists them. */
    private static final List<Spec> ALL = List.of(new Spec(SOURCE, "NAME", SOURCE_HELP),
            new Spec(INPUT, "PATH", INPUT_HELP), new Spec(FEATURES, "NAME", FEATURES_HELP),
            new Spec(ALGORITHM, "NAME", ALGORITHM_HELP), new Spec(K, "N|MIN..MAX", K_HELP), new Spec(SEED, "N", SEED_HELP),
            new Spec(RUNS, "N", RUNS_HELP), new Spec(MAX_ITERATIONS, "N", MAX_ITERATIONS_HELP),
            new Spec(REPORT, "NAMES", REPORT_HELP), new Spec(OUT, "DIR", OUT_HELP),
            new Spec(SNAPSHOT, "DATE", SNAPSHOT_HELP), new Spec(SAVE_MODEL, "FILE", SAVE_MODEL_HELP),
            new Spec(COMPARE_WITH, "DIR", COMPARE_WITH_HELP),
            new Spec(OPTION, "KEY=VALUE", OPTION_HELP),
            new Spec(OPTIONS, "K=V,K=V", OPTIONS_HELP));

    private String source;
    private String input;
    private String features = DEFAULT_FEATURES;
    private String algorithm = DEFAULT_ALGORITHM;
    private int k = Integer.parseInt(DEFAULT_K);
    /** The range of an automatic choice of k ({@code --k 2..8}); both 0 for a fixed k. */
    private int kMin;
    private int kMax;
    private long seed = Long.parseLong(DEFAULT_SEED);
    private int runs = Integer.parseInt(DEFAULT_RUNS);
    private int maxIterations = Integer.parseInt(DEFAULT_MAX_ITERATIONS);
    private List<String> reporters = List.of(DEFAULT_REPORT);
    private String out = DEFAULT_OUT;
    private final MemberInputs memberInputs = new MemberInputs();
    private final OptionWords.Pairs options = new OptionWords.Pairs();
    private final Set<String> given = new HashSet<>();

    /** This command's options, for the shared word rules. */
    private final OptionWords.Target words = OptionWords.target(RunArguments::isOption, RunArguments::unknown,
            RunArguments::help, (name, value) -> set(name, value));

    /**
     * Parses command-line words: {@code --name value} or {@code --name=value}.
     *
     * @throws SegmentaException for an unknown option, a missing or bad value, an option given twice or a
     *         word that is not an option
     */
    public static RunArguments parse(List<String> args) {
        return new RunArguments().add(args);
    }

    /**
     * Parses more command-line words into these options, with the same rules as {@link #parse(List)}: an
     * option already set is an error, {@value #OPTION} may repeat.
     */
    public RunArguments add(List<String> args) {
        OptionWords.parse(args, "run", words);
        return this;
    }

    /** The options of feature-set members, listed in the usage after {@value #FEATURES}. */
    private static final List<Spec> MEMBER = List.of(new Spec(MEMBER_INPUT, "PATH", MEMBER_INPUT_HELP),
            new Spec(MEMBER_SOURCE, "NAME", MEMBER_SOURCE_HELP));

    /** True when {@code name} (with its leading "--") is a run option, {@code --input.NAME} and {@code --source.NAME} included. */
    public static boolean isOption(String name) {
        return ALL.stream().anyMatch(s -> s.name.equals(name)) || MemberInputs.isOption(name);
    }

    /**
     * Sets one option from its text, as typed.
     *
     * @param name the option with its leading "--", e.g. {@value #K}
     * @throws SegmentaException for an unknown option, a blank or bad value, or an option given twice
     */
    public RunArguments set(String name, String value) {
        String v = OptionWords.value(words, name, value);
        if (name.equals(OPTION) || name.equals(OPTIONS)) {
            options.add(name, v, name.equals(OPTIONS));
            return this;
        }
        if (MemberInputs.isOption(name)) {
            memberInputs.set(name, v);
            return this;
        }
        if (!given.add(name)) {
            throw new SegmentaException(name + " given twice");
        }
        switch (name) {
            case SOURCE -> source = v;
            case INPUT -> input = v;
            case FEATURES -> features = members(v);
            case ALGORITHM -> algorithm = v;
            case K -> k(v);
            case SEED -> seed = whole(name, v);
            case RUNS -> runs = positive(name, v);
            case MAX_ITERATIONS -> maxIterations = positive(name, v);
            case REPORT -> reporters = reporters(v);
            case OUT -> out = v;
            case SNAPSHOT -> options.put(SNAPSHOT_OPTION, v, SNAPSHOT);
            case SAVE_MODEL -> options.put(SAVE_MODEL_OPTION, v, SAVE_MODEL);
            case COMPARE_WITH -> options.put(EngineOptions.COMPARE_WITH, v, COMPARE_WITH);
            default -> throw unknown(name);
        }
        return this;
    }

    /**
     * The run these options describe.
     *
     * @throws SegmentaException when {@value #SOURCE} or {@value #INPUT} is missing, or a path is invalid
     */
    public PipelineSpec spec() {
        if (source == null) {
            throw new SegmentaException("missing " + SOURCE + ": name the data source, e.g. " + SOURCE + " uk-retail");
        }
        if (input == null) {
            throw new SegmentaException("missing " + INPUT + ": name the file or folder " + source + " reads");
        }
        return new PipelineSpec(source, path(INPUT, input), features, algorithm,
                new ClusterRequest(k, seed, runs, maxIterations), reporters, path(OUT, out), new Options(options.asMap()),
                memberInputs.asMap());
    }

    /** The option listing for help texts: one line per option with its value, description and default. */
    public static String usage() {
        return usage(List.of(), List.of());
    }

    /**
     * The option listing without some options and with more of another command (each {name, value, help}),
     * aligned together: commands that reuse these options (e.g. select-k) list theirs in the same layout.
     */
    static String usage(List<String> without, List<String[]> more) {
        List<Spec> specs = new ArrayList<>();
        for (Spec s : ALL) {
            if (!without.contains(s.name)) {
                specs.add(s);
            }
            if (s.name.equals(FEATURES) && !without.contains(FEATURES)) {
                specs.addAll(MEMBER);
            }
        }
        for (String[] m : more) {
            specs.add(new Spec(m[0], m[1], m[2]));
        }
        int width = 0;
        for (Spec s : specs) {
            width = Math.max(width, s.name.length() + 1 + s.value.length());
        }
        StringBuilder sb = new StringBuilder();
        for (Spec s : specs) {
            String left = s.name + " " + s.value;
            sb.append("  ").append(left).append(" ".repeat(width - left.length() + 2)).append(s.help).append('\n');
        }
        return sb.toString();
    }

    /** The names of the run options, in usage order. */
    static List<String> names() {
        return ALL.stream().map(Spec::name).toList();
    }

    private static String help(String name) {
        if (MemberInputs.isOption(name)) {
            return name.startsWith(MemberInputs.INPUT) ? MEMBER_INPUT_HELP : MEMBER_SOURCE_HELP;
        }
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().map(Spec::help).orElse("");
    }

    private static SegmentaException unknown(String name) {
        return new SegmentaException("unknown option " + name + "; run options are "
                + String.join(", ", ALL.stream().map(Spec::name).toList()));
    }


    /** The feature set as typed, once its members are known to be well written (checked before the engine). */
    private static String members(String value) {
        FeatureMember.parse(value);
        return value;
    }

    /** {@code N}, or {@code MIN..MAX}: the range select-k would search, with k chosen the way it recommends. */
    private void k(String value) {
        if (value.trim().equalsIgnoreCase(K_AUTO)) {
            // a fixed range, so that the evidence shown (and the elbow) does not depend on what was typed
            value = EngineOptions.DEFAULT_K_MIN + ".." + EngineOptions.DEFAULT_K_MAX;
        }
        int dots = value.indexOf("..");
        if (dots < 0) {
            k = positive(K, value);
            return;
        }
        int min = positive(K, value.substring(0, dots).trim());
        int max = positive(K, value.substring(dots + 2).trim());
        if (min < 2) {
            throw new SegmentaException(K + ": a range starts at 2 or more, got " + value);
        }
        if (max <= min) {
            throw new SegmentaException(K + ": the range " + value + " must end above its start");
        }
        kMin = min;
        kMax = max;
        k = min;
    }

    /** True when {@value #K} gave a range: a run then chooses k in it. */
    public boolean choosesK() {
        return kMax > 0;
    }

    /** The smallest k of the range, or 0 for a fixed k. */
    public int kMin() {
        return kMin;
    }

    /** The largest k of the range, or 0 for a fixed k. */
    public int kMax() {
        return kMax;
    }

    /**
     * Runs what these options describe: with a fixed k, {@link PipelineEngine#run}; with a range,
     * {@link PipelineEngine#runChoosingK}, whose result keeps the selection for the summary and the reports.
     */
    public PipelineResult run(PipelineEngine engine, ProgressListener listener) {
        PipelineSpec spec = spec();
        return choosesK() ? engine.runChoosingK(spec, kMin, kMax, listener) : engine.run(spec, listener);
    }

    private static int positive(String name, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SegmentaException(name + ": '" + value + "' is not a whole number");
        }
        if (n < 1) {
            throw new SegmentaException(name + ": must be at least 1, got " + n);
        }
        return n;
    }

    private static long whole(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SegmentaException(name + ": '" + value + "' is not a whole number");
        }
    }

    private static List<String> reporters(String value) {
        if (value.equals(NO_REPORT)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (names.contains(name)) {
                throw new SegmentaException(REPORT + ": reporter " + name + " named twice");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new SegmentaException(REPORT + ": no reporter named (use " + NO_REPORT + " for none)");
        }
        return List.copyOf(names);
    }

    private static Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new SegmentaException(name + ": '" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
