package io.segmenta.generator;

import io.segmenta.api.stage.StageContext;

/**
 * Counts the lines a generation writes, reports progress every {@value #EVERY} lines and stops the generation
 * there when the run was cancelled. Not thread-safe: one per generation.
 */
final class LineProgress {
    static final int EVERY = 100_000;
    static final String UNIT = "lines";

    private final StageContext context;
    private final String generator;
    private final long expected;
    private long lines;
    private long next = EVERY;

    /** @param expected the lines the request should give, the progress total until they are exceeded */
    LineProgress(StageContext context, String generator, long expected) {
        this.context = context;
        this.generator = generator;
        this.expected = expected;
    }

    /** One more line written. */
    void line() {
        if (++lines == next) {
            next += EVERY;
            context.progress(lines, Math.max(expected, lines), UNIT);
            context.checkCancelled(generator + " sample after " + lines + " lines");
        }
    }

    long lines() {
        return lines;
    }
}
