package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The word rules every command's options share, so that run, select-k, predict and generate read and report
 * alike: {@code --name value} or {@code --name=value}, a value that does not start with {@code --}, each option
 * once, and {@code --option KEY=VALUE} (repeatable) and {@code --options K=V,K=V} for stage options.
 */
final class OptionWords {
    private OptionWords() {
    }

    /** What a command's options offer the parser. */
    interface Target {
        boolean isOption(String name);

        SegmentaException unknown(String name);

        String help(String name);

        void set(String name, String value);
    }

    /** A command's option rules, from its static look-ups and its setter (so each command states them in one line). */
    static Target target(Predicate<String> isOption, Function<String, SegmentaException> unknown,
            UnaryOperator<String> help, BiConsumer<String, String> set) {
        return new Target() {
            @Override
            public boolean isOption(String name) {
                return isOption.test(name);
            }

            @Override
            public SegmentaException unknown(String name) {
                return unknown.apply(name);
            }

            @Override
            public String help(String name) {
                return help.apply(name);
            }

            @Override
            public void set(String name, String value) {
                set.accept(name, value);
            }
        };
    }

    /**
     * Feeds {@code args} to {@code target} one option at a time.
     *
     * @param command the command's name, for the message about a word that is not an option
     */
    static void parse(List<String> args, String command, Target target) {
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("--")) {
                throw new SegmentaException("unexpected argument '" + word + "': " + command
                        + " options start with --");
            }
            int eq = word.indexOf('=');
            String name = eq > 0 ? word.substring(0, eq) : word;
            if (!target.isOption(name)) {
                throw target.unknown(name);
            }
            String value;
            if (eq > 0) {
                value = word.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new SegmentaException("missing value for " + name + " (" + target.help(name) + ")");
            }
            target.set(name, value);
        }
    }

    /**
     * The value as typed, trimmed.
     *
     * @throws SegmentaException for an unknown option or a blank value
     */
    static String value(Target target, String name, String value) {
        if (!target.isOption(name)) {
            throw target.unknown(name);
        }
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new SegmentaException("missing value for " + name + " (" + target.help(name) + ")");
        }
        return v;
    }

    /** Stage options given as {@code KEY=VALUE} pairs, each key once. */
    static final class Pairs {
        private final Map<String, String> values = new LinkedHashMap<>();

        /** One {@code KEY=VALUE} ({@code --option}), or several separated by commas ({@code --options}). */
        void add(String via, String text, boolean several) {
            if (!several) {
                addPair(text, via);
                return;
            }
            for (String pair : text.split(",")) {
                if (!pair.isBlank()) {
                    addPair(pair.trim(), via);
                }
            }
        }

        private void addPair(String pair, String via) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new SegmentaException(via + ": '" + pair + "' is not KEY=VALUE");
            }
            put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim(), via);
        }

        void put(String key, String value, String via) {
            if (values.containsKey(key)) {
                throw new SegmentaException(via + ": option " + key + " given twice");
            }
            values.put(key, value);
        }

        Map<String, String> asMap() {
            return values;
        }
    }
}
