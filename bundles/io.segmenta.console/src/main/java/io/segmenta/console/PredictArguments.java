package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.stage.Options;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a prediction ({@code segmenta predict ...}, {@code segmenta:predict ...}): the model file, the
 * new data, where to write, and stage options. Parsed with the same rules and messages as {@link RunArguments}.
 */
public final class PredictArguments {
    public static final String MODEL = "--model";
    public static final String INPUT = RunArguments.INPUT;
    public static final String SOURCE = RunArguments.SOURCE;
    public static final String OUT = RunArguments.OUT;
    public static final String SNAPSHOT = RunArguments.SNAPSHOT;
    public static final String OPTION = RunArguments.OPTION;
    public static final String OPTIONS = RunArguments.OPTIONS;

    public static final String MODEL_HELP = "the model file a run saved with " + RunArguments.SAVE_MODEL + " (required)";
    public static final String INPUT_HELP = "file or folder with the new data (required); a model whose feature-set "
            + "member NAME read an input of its own also takes " + RunArguments.MEMBER_INPUT + " PATH (and "
            + RunArguments.MEMBER_SOURCE + " to read it with another source)";
    public static final String SOURCE_HELP = "data source stage to read it with (default: the model's)";
    public static final String OUT_HELP = "folder " + PredictSpec.PREDICTIONS_FILE + " is written to, created when "
            + "missing (default " + RunArguments.DEFAULT_OUT + ")";
    public static final String SNAPSHOT_HELP = "date recency is measured to, yyyy-MM-dd (default: 24 hours after the "
            + "new data's last transaction)";
    public static final String OPTION_HELP = "a source or extractor option KEY=VALUE, or " + EngineOptions.SEGMENT_NAMES
            + "=0=VIP,...; "
            + "repeatable (default: the training run's)";
    public static final String OPTIONS_HELP = "options KEY=VALUE,KEY=VALUE";

    private static final List<String[]> ALL = List.of(new String[] {MODEL, "FILE", MODEL_HELP},
            new String[] {INPUT, "PATH", INPUT_HELP}, new String[] {SOURCE, "NAME", SOURCE_HELP},
            new String[] {OUT, "DIR", OUT_HELP}, new String[] {SNAPSHOT, "DATE", SNAPSHOT_HELP},
            new String[] {OPTION, "KEY=VALUE", OPTION_HELP}, new String[] {OPTIONS, "K=V,K=V", OPTIONS_HELP});

    private String model;
    private String input;
    private String source;
    private String out = RunArguments.DEFAULT_OUT;
    private final MemberInputs memberInputs = new MemberInputs();
    private final OptionWords.Pairs options = new OptionWords.Pairs();
    private final Set<String> given = new HashSet<>();

    /** This command's options, for the shared word rules. */
    private final OptionWords.Target words = OptionWords.target(PredictArguments::isOption, PredictArguments::unknown,
            PredictArguments::help, (name, value) -> set(name, value));

    /** Parses command-line words: {@code --name value} or {@code --name=value}. */
    public static PredictArguments parse(List<String> args) {
        return new PredictArguments().add(args);
    }

    /** Parses more words, with the rules of {@link #parse(List)}. */
    public PredictArguments add(List<String> args) {
        OptionWords.parse(args, "predict", words);
        return this;
    }

    /** Sets one option from its text, as typed (for the shell). */
    public PredictArguments set(String name, String value) {
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
            case MODEL -> model = v;
            case INPUT -> input = v;
            case SOURCE -> source = v;
            case OUT -> out = v;
            case SNAPSHOT -> options.put(RunArguments.SNAPSHOT_OPTION, v, SNAPSHOT);
            default -> throw unknown(name);
        }
        return this;
    }

    /** @throws SegmentaException when {@value #MODEL} or {@value #INPUT} is missing, or a path is invalid */
    public PredictSpec spec() {
        if (model == null) {
            throw new SegmentaException("missing " + MODEL + ": name the model file a run saved with "
                    + RunArguments.SAVE_MODEL);
        }
        if (input == null) {
            throw new SegmentaException("missing " + INPUT + ": name the file or folder with the new data");
        }
        return new PredictSpec(path(MODEL, model), path(INPUT, input), Optional.ofNullable(source), path(OUT, out),
                new Options(options.asMap()), memberInputs.asMap());
    }

    /** The option listing for help texts, in the layout of {@link RunArguments#usage()}. */
    public static String usage() {
        return RunArguments.usage(RunArguments.names(), ALL);
    }

    private static boolean isOption(String name) {
        return ALL.stream().anyMatch(s -> s[0].equals(name)) || MemberInputs.isOption(name);
    }

    private static String help(String name) {
        if (MemberInputs.isOption(name)) {
            return name.startsWith(MemberInputs.INPUT) ? RunArguments.MEMBER_INPUT_HELP
                    : RunArguments.MEMBER_SOURCE_HELP;
        }
        return ALL.stream().filter(s -> s[0].equals(name)).findFirst().map(s -> s[2]).orElse("");
    }

    private static SegmentaException unknown(String name) {
        List<String> names = new ArrayList<>();
        for (String[] s : ALL) {
            names.add(s[0]);
        }
        return new SegmentaException("unknown option " + name + "; predict options are " + String.join(", ", names));
    }


    private static Path path(String option, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new SegmentaException(option + ": '" + text + "' is not a valid path: " + e.getReason());
        }
    }
}
