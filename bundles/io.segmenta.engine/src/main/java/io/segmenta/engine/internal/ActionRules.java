package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.stage.Options;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an action rules file: one rule a line, {@code WHEN => ACTION}, where WHEN is {@code default},
 * {@code name "Champions"} or conditions {@code FEATURE OP INDEX} or {@code FEATURE / FEATURE OP INDEX} joined by
 * {@code and}; lines starting with
 * {@code #} and blank lines are skipped; the default rule is required and last. The syntax is specified in
 * docs/user-guide.md ("Recommended actions"); the engine's own rules are {@value #BUILT_IN}, shipped in the
 * distribution as conf/segment-actions.txt. An error names the file, line and column and what was expected.
 */
final class ActionRules {
    static final String BUILT_IN = "segment-actions.txt";
    static final String OPTION = EngineOptions.ACTIONS;
    private static final String ARROW = "=>";
    private static final Pattern NAME = Pattern.compile("name\\s+\"([^\"]+)\"\\s*");
    private static final String NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_.]*";
    private static final Pattern CONDITION = Pattern.compile("(" + NAME_PATTERN + ")\\s*(?:/\\s*(" + NAME_PATTERN
            + ")\\s*)?(<=|>=|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern FEATURE = Pattern.compile(NAME_PATTERN + "\\s*(?:/\\s*" + NAME_PATTERN
            + "\\s*)?");
    private static final Pattern OPERATOR = Pattern.compile("(<=|>=|<|>)\\s*");
    private static final Pattern AND = Pattern.compile("and\\s+");

    private ActionRules() {
    }

    /** The rules of the option {@value #OPTION}'s file, or the built-in rules without the option. */
    static List<ActionRule> load(Options options) {
        Optional<String> value = options.get(OPTION);
        if (value.isEmpty()) {
            try (InputStream in = ActionRules.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the engine lacks its " + BUILT_IN);
                }
                return parse(BUILT_IN + " (built in)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the engine's " + BUILT_IN, e);
            }
        }
        Path file = Path.of(value.get().trim());
        if (value.get().isBlank() || !Files.isRegularFile(file)) {
            throw new SegmentaException("option " + OPTION + ": " + (value.get().isBlank() ? "no file given"
                    : file + " is not a file") + "; expected an action rules file, e.g. " + OPTION
                    + "=conf/segment-actions.txt");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new SegmentaException(file + ": not UTF-8 text; expected an action rules file");
        } catch (IOException e) {
            throw new SegmentaException("option " + OPTION + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The rules of a file's text; {@code file} names it in messages. */
    static List<ActionRule> parse(String file, String text) {
        List<ActionRule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int defaultLine = 0;
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (defaultLine > 0) {
                throw error(file, l + 1, indent(line), "no rule after the default rule of line " + defaultLine
                        + ", which every segment matches", "'" + line.strip() + "'");
            }
            ActionRule rule = rule(file, l + 1, line);
            if (rule.isDefault()) {
                defaultLine = l + 1;
            }
            rules.add(rule);
        }
        if (defaultLine == 0) {
            throw new SegmentaException(file + ", line " + (lines.length) + ": no default rule; expected a last "
                    + "rule 'default => ACTION' for the segments no other rule matches");
        }
        return List.copyOf(rules);
    }

    private static ActionRule rule(String file, int number, String line) {
        String source = file.replace(" (built in)", "") + " line " + number;
        int arrow = line.indexOf(ARROW);
        if (arrow < 0) {
            throw error(file, number, line.stripTrailing().length() + 1, "'" + ARROW + "' and the action after "
                    + "the condition", "the end of the line");
        }
        String action = line.substring(arrow + ARROW.length()).strip();
        if (action.isEmpty()) {
            throw error(file, number, arrow + ARROW.length() + 1, "the action after '" + ARROW + "'",
                    "the end of the line");
        }
        String when = line.substring(0, arrow);
        int at = indent(when) - 1;
        if (when.strip().equals("default")) {
            return new ActionRule(source, null, List.of(), action);
        }
        Matcher name = NAME.matcher(when).region(at, when.length());
        if (name.lookingAt()) {
            if (name.end() < when.length()) {
                throw error(file, number, name.end() + 1, "'" + ARROW + "' after the segment name",
                        when.substring(name.end()).strip());
            }
            return new ActionRule(source, name.group(1), List.of(), action);
        }
        List<ActionRule.Condition> conditions = new ArrayList<>();
        while (true) {
            Matcher c = CONDITION.matcher(when).region(at, when.length());
            if (!c.lookingAt()) {
                throw conditionError(file, number, when, at);
            }
            conditions.add(new ActionRule.Condition(c.group(1), c.group(2), c.group(3),
                    Double.parseDouble(c.group(4))));
            at = c.end();
            if (at == when.length()) {
                return new ActionRule(source, null, List.copyOf(conditions), action);
            }
            Matcher and = AND.matcher(when).region(at, when.length());
            if (!and.lookingAt()) {
                throw error(file, number, at + 1, "'and' and another condition, or '" + ARROW + "'",
                        word(when, at));
            }
            at = and.end();
        }
    }

    /** What is wrong in the condition starting at {@code at}: the feature, the operator or the index. */
    private static SegmentaException conditionError(String file, int number, String when, int at) {
        String expected = "'default', name \"SEGMENT NAME\" or a condition FEATURE OP INDEX (e.g. recency >= 200) "
                + "or FEATURE / FEATURE OP INDEX";
        Matcher f = FEATURE.matcher(when).region(at, when.length());
        if (!f.lookingAt()) {
            return error(file, number, at + 1, expected, word(when, at));
        }
        if (when.startsWith("/", f.end())) {
            int after = indent(when.substring(f.end() + 1)) + f.end();
            return error(file, number, after + 1, "a feature after '/'", word(when, after));
        }
        Matcher op = OPERATOR.matcher(when).region(f.end(), when.length());
        if (!op.lookingAt()) {
            return error(file, number, f.end() + 1, "an operator <, <=, > or >= after the feature "
                    + when.substring(at, f.end()).strip(), word(when, f.end()));
        }
        return error(file, number, op.end() + 1, "an index, a number such as 150 (100 = average)",
                word(when, op.end()));
    }

    private static String word(String s, int at) {
        String rest = s.substring(at).strip();
        if (rest.isEmpty()) {
            return "nothing";
        }
        int end = rest.indexOf(' ');
        return "'" + (end < 0 ? rest : rest.substring(0, end)) + "'";
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    private static SegmentaException error(String file, int line, int column, String expected, String found) {
        return new SegmentaException(file + ", line " + line + ", column " + column + ": expected " + expected
                + ", found " + found);
    }
}
