package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratorRequest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of a sample generation, shared by the CLI ({@code segmenta generate ...}) and the Gogo shell
 * ({@code segmenta:generate ...}) like {@link RunArguments}: the same names, defaults and messages. Names,
 * defaults and help texts are compile-time constants for the shell's Gogo annotations. Every problem is a
 * {@link SegmentaException} with a one-line message.
 */
public final class GenerateArguments {
    public static final String FORMAT = "--format";
    public static final String OUT = "--out";
    public static final String CUSTOMERS = "--customers";
    public static final String LINES = "--lines";
    public static final String SEED = "--seed";
    public static final String DIRT = "--dirt";

    public static final String DEFAULT_CUSTOMERS = "4000";
    public static final String DEFAULT_LINES = "0";
    public static final String DEFAULT_SEED = "42";
    public static final String DEFAULT_DIRT = "true";

    public static final String FORMAT_HELP = "export format to write, e.g. uk-retail (required; see the generators "
            + "in the stage list)";
    public static final String OUT_HELP = "output folder, created when missing (required)";
    public static final String CUSTOMERS_HELP = "customers to plant (default " + DEFAULT_CUSTOMERS + ")";
    public static final String LINES_HELP = "about how many transaction lines to write; 0 writes what the planted "
            + "behaviour gives (default " + DEFAULT_LINES + ")";
    public static final String SEED_HELP = "random seed; the same options and seed give the same files (default "
            + DEFAULT_SEED + ")";
    public static final String DIRT_HELP = "add realistic dirt: missing ids, cancellations, free lines, duplicates "
            + "(default " + DEFAULT_DIRT + ")";

    private record Spec(String name, String value, String help) {
    }

    private static final List<Spec> ALL = List.of(new Spec(FORMAT, "NAME", FORMAT_HELP), new Spec(OUT, "DIR", OUT_HELP),
            new Spec(CUSTOMERS, "N", CUSTOMERS_HELP), new Spec(LINES, "N", LINES_HELP), new Spec(SEED, "N", SEED_HELP),
            new Spec(DIRT, "true|false", DIRT_HELP));

    private String format;
    private String out;
    private int customers = Integer.parseInt(DEFAULT_CUSTOMERS);
    private long lines = Long.parseLong(DEFAULT_LINES);
    private long seed = Long.parseLong(DEFAULT_SEED);
    private boolean dirt = Boolean.parseBoolean(DEFAULT_DIRT);
    private final Set<String> given = new HashSet<>();

    /** This command's options, for the shared word rules. */
    private final OptionWords.Target words = OptionWords.target(GenerateArguments::isOption, GenerateArguments::unknown,
            GenerateArguments::help, (name, value) -> set(name, value));

    /**
     * Parses command-line words: {@code --name value} or {@code --name=value}.
     *
     * @throws SegmentaException for an unknown option, a missing or bad value, an option given twice or a
     *         word that is not an option
     */
    public static GenerateArguments parse(List<String> args) {
        return new GenerateArguments().add(args);
    }

    /** Parses more words into these options, with the rules of {@link #parse(List)}. */
    public GenerateArguments add(List<String> args) {
        OptionWords.parse(args, "generate", words);
        return this;
    }

    /** True when {@code name} (with its leading "--") is a generate option. */
    public static boolean isOption(String name) {
        return ALL.stream().anyMatch(s -> s.name.equals(name));
    }

    /**
     * Sets one option from its text, as typed.
     *
     * @throws SegmentaException for an unknown option, a blank or bad value, or an option given twice
     */
    public GenerateArguments set(String name, String value) {
        String v = OptionWords.value(words, name, value);
        if (!given.add(name)) {
            throw new SegmentaException(name + " given twice");
        }
        switch (name) {
            case FORMAT -> format = v;
            case OUT -> out = v;
            case CUSTOMERS -> customers = (int) whole(name, v, 1, Integer.MAX_VALUE);
            case LINES -> lines = whole(name, v, 0, Long.MAX_VALUE);
            case SEED -> seed = whole(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case DIRT -> dirt = bool(name, v);
            default -> throw unknown(name);
        }
        return this;
    }

    /** @throws SegmentaException when {@value #FORMAT} is missing */
    public String format() {
        if (format == null) {
            throw new SegmentaException("missing " + FORMAT + ": name the export format, e.g. " + FORMAT + " uk-retail");
        }
        return format;
    }

    /** @throws SegmentaException when {@value #OUT} is missing or not a valid path */
    public Path out() {
        if (out == null) {
            throw new SegmentaException("missing " + OUT + ": name the folder to write the sample into");
        }
        try {
            return Path.of(out);
        } catch (InvalidPathException e) {
            throw new SegmentaException(OUT + ": '" + out + "' is not a valid path: " + e.getReason());
        }
    }

    /** What to generate. */
    public GeneratorRequest request() {
        return new GeneratorRequest(customers, lines, seed, dirt);
    }

    /** The option listing for help texts: one line per option with its value, description and default. */
    public static String usage() {
        int width = 0;
        for (Spec s : ALL) {
            width = Math.max(width, s.name.length() + 1 + s.value.length());
        }
        StringBuilder sb = new StringBuilder();
        for (Spec s : ALL) {
            String left = s.name + " " + s.value;
            sb.append("  ").append(left).append(" ".repeat(width - left.length() + 2)).append(s.help).append('\n');
        }
        return sb.toString();
    }

    private static String help(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().map(Spec::help).orElse("");
    }

    private static SegmentaException unknown(String name) {
        return new SegmentaException("unknown option " + name + "; generate options are "
                + String.join(", ", ALL.stream().map(Spec::name).toList()));
    }

    private static long whole(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SegmentaException(name + ": '" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new SegmentaException(name + ": must be at least " + min + ", got " + n);
        }
        if (n > max) {
            throw new SegmentaException(name + ": must be at most " + max + ", got " + n);
        }
        return n;
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SegmentaException(name + ": '" + value + "' is neither true nor false");
    }
}
