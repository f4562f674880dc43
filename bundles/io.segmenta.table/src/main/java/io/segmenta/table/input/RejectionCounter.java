package io.segmenta.table.input;

import io.segmenta.api.data.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts rejected rows by reason and remembers the first few line numbers of each, so that nothing a
 * source drops goes unreported. Reasons are reported in the order they were first registered, so a source
 * should {@link #register(String) register} its rules in the order it applies them.
 */
public final class RejectionCounter {
    /** How many line numbers are kept per reason. */
    public static final int SAMPLE_LINES = 5;

    private final String file;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    public RejectionCounter(String file) {
        this.file = file;
    }

    /** Makes a reason appear in the report even when no row is rejected for it. */
    public RejectionCounter register(String reason) {
        tallies.computeIfAbsent(reason, r -> new Tally());
        return this;
    }

    /** Counts one rejected row. */
    public void reject(String reason, long line) {
        Tally t = tallies.computeIfAbsent(reason, r -> new Tally());
        t.count++;
        if (t.lines.size() < SAMPLE_LINES) {
            t.lines.add(line);
        }
    }

    /**
     * Counts {@code count} rejected rows at once, whose first lines are {@code lines} (the tally of a block read in
     * parallel, added in file order): as many calls of {@link #reject}.
     */
    public void add(String reason, long count, long[] lines, int lineCount) {
        Tally t = tallies.computeIfAbsent(reason, r -> new Tally());
        t.count += count;
        for (int i = 0; i < lineCount && t.lines.size() < SAMPLE_LINES; i++) {
            t.lines.add(lines[i]);
        }
    }

    public long count(String reason) {
        Tally t = tallies.get(reason);
        return t == null ? 0 : t.count;
    }

    public long total() {
        long sum = 0;
        for (Tally t : tallies.values()) {
            sum += t.count;
        }
        return sum;
    }

    public List<Rejection> toRejections() {
        List<Rejection> list = new ArrayList<>(tallies.size());
        tallies.forEach((reason, t) -> list.add(new Rejection(reason, t.count, file, t.lines)));
        return list;
    }

    private static final class Tally {
        long count;
        final List<Long> lines = new ArrayList<>(SAMPLE_LINES);
    }
}
