package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of choosing k ({@code segmenta select-k ...}, {@code segmenta:select-k ...}): the run options
 * of {@link RunArguments} (parsed by it, with its defaults and messages) except those that make no sense when
 * nothing is written and k is not fixed ({@value RunArguments#K}, {@value RunArguments#REPORT},
 * {@value RunArguments#OUT}), plus the range {@value #K_MIN} to {@value #K_MAX}.
 */
public final class SelectKArguments {
    public static final String K_MIN = "--k-min";
    public static final String K_MAX = "--k-max";
    public static final String DEFAULT_K_MIN = "2";
    public static final String DEFAULT_K_MAX = "10";
    public static final String K_MIN_HELP = "smallest k tried (default " + DEFAULT_K_MIN + ")";
    public static final String K_MAX_HELP = "largest k tried (default " + DEFAULT_K_MAX + ")";
    /** Run options select-k does not take. */
    static final List<String> NOT_TAKEN = List.of(RunArguments.K, RunArguments.REPORT, RunArguments.OUT,
            RunArguments.SAVE_MODEL, RunArguments.COMPARE_WITH);

    private final RunArguments run = new RunArguments();
    private int kMin = Integer.parseInt(DEFAULT_K_MIN);
    private int kMax = Integer.parseInt(DEFAULT_K_MAX);
    private final Set<String> given = new HashSet<>();

    /**
     * Parses command-line words: {@code --name value} or {@code --name=value}.
     *
     * @throws SegmentaException as {@link RunArguments#parse}, and for the options select-k does not take
     */
    public static SelectKArguments parse(List<String> args) {
        return new SelectKArguments().add(args);
    }

    /** Parses more command-line words into these options, with the same rules as {@link #parse(List)}. */
    public SelectKArguments add(List<String> args) {
        SelectKArguments a = this;
        List<String> rest = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            int eq = word.indexOf('=');
            String name = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
            if (name.equals(K_MIN) || name.equals(K_MAX)) {
                String value;
                if (eq > 0) {
                    value = word.substring(eq + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new SegmentaException("missing value for " + name + " (" + help(name) + ")");
                }
                a.set(name, value);
            } else {
                if (name.startsWith("--")) {
                    check(name);
                }
                rest.add(word);
            }
        }
        run.add(rest);
        return this;
    }

    /**
     * Sets one option from its text, as typed (for the shell, whose parameters come one by one).
     *
     * @throws SegmentaException for an option select-k does not take, a bad value or an option given twice
     */
    public SelectKArguments set(String name, String value) {
        if (!name.equals(K_MIN) && !name.equals(K_MAX)) {
            check(name);
            run.set(name, value);
            return this;
        }
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new SegmentaException("missing value for " + name + " (" + help(name) + ")");
        }
        if (!given.add(name)) {
            throw new SegmentaException(name + " given twice");
        }
        int k;
        try {
            k = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SegmentaException(name + ": '" + v + "' is not a whole number");
        }
        if (k < 2) {
            throw new SegmentaException(name + ": must be at least 2, got " + k);
        }
        if (name.equals(K_MIN)) {
            kMin = k;
        } else {
            kMax = k;
        }
        return this;
    }

    public int kMin() {
        return kMin;
    }

    public int kMax() {
        return kMax;
    }

    /**
     * The pipeline: its k and reporters are not used by select-k.
     *
     * @throws SegmentaException when the range is empty, or as {@link RunArguments#spec()}
     */
    public PipelineSpec spec() {
        if (kMax < kMin) {
            throw new SegmentaException(K_MAX + " (" + kMax + ") is below " + K_MIN + " (" + kMin + ")");
        }
        return run.spec();
    }

    /** The option listing for help texts, as {@link RunArguments#usage()}. */
    public static String usage() {
        return RunArguments.usage(NOT_TAKEN, List.of(new String[] {K_MIN, "N", K_MIN_HELP},
                new String[] {K_MAX, "N", K_MAX_HELP}));
    }

    private static void check(String name) {
        if (NOT_TAKEN.contains(name)) {
            throw new SegmentaException(name + " is not a select-k option: select-k tries every k from " + K_MIN
                    + " to " + K_MAX + " and writes nothing");
        }
        if (!RunArguments.isOption(name)) {
            List<String> names = new ArrayList<>(RunArguments.names());
            names.removeAll(NOT_TAKEN);
            names.add(K_MIN);
            names.add(K_MAX);
            throw new SegmentaException("unknown option " + name + "; select-k options are " + String.join(", ", names));
        }
    }

    private static String help(String name) {
        return name.equals(K_MIN) ? K_MIN_HELP : K_MAX_HELP;
    }
}
