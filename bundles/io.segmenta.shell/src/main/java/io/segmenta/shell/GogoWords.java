package io.segmenta.shell;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What Gogo hands a {@code segmenta:} command: the options it bound to parameters, as name and value pairs (an
 * empty value: not given), and the words it did not bind. The commands give both to the argument parsers of
 * {@code io.segmenta.console}, which check them as they check a command line of {@code bin/segmenta}.
 */
final class GogoWords {
    private GogoWords() {
    }

    /** The words Gogo left over; null when there were none. */
    static String[] words(String[] more) {
        return more == null ? new String[0] : more;
    }

    static boolean isGiven(String[] option) {
        return option[1] != null && !option[1].isEmpty();
    }

    /** Hands the options to a parser: first those Gogo bound to parameters, then the words it did not bind. */
    static void bind(String[][] given, String[] more, BiConsumer<String, String> set, Consumer<List<String>> add) {
        for (String[] option : given) {
            if (isGiven(option)) {
                set.accept(option[0], option[1]);
            }
        }
        add.accept(Arrays.asList(more));
    }

    /** The command as the user typed it, in a normal form (bound options first), for the log. */
    static String typed(String command, String[][] given, String[] more) {
        StringBuilder line = new StringBuilder("segmenta:").append(command);
        for (String[] option : given) {
            if (isGiven(option)) {
                line.append(' ').append(option[0]).append(' ').append(option[1]);
            }
        }
        for (String word : more) {
            line.append(' ').append(word);
        }
        return line.toString();
    }
}
