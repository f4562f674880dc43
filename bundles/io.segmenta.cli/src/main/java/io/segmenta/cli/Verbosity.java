package io.segmenta.cli;

import io.segmenta.api.SegmentaException;
import java.util.List;
import java.util.logging.Level;

/**
 * How much {@code bin/segmenta} says on standard error, from its global options: {@code --quiet} (errors
 * only, no progress lines), nothing (warnings and progress), {@code --verbose} (also what the run does: which
 * stage, which file, how many rows, slow steps) and {@code --verbose --verbose} or {@code -vv} (also DEBUG).
 */
enum Verbosity {
    QUIET(Level.SEVERE, "error"),
    NORMAL(Level.WARNING, "warn"),
    // Smile logs every iteration of every k-means restart at INFO: that stays out of --verbose
    VERBOSE(Level.INFO, "warn"),
    DEBUG(Level.FINE, "info");

    static final String VERBOSE_OPTION = "--verbose";
    static final String QUIET_OPTION = "--quiet";

    /** The java.util.logging level behind System.Logger: SEVERE is ERROR, FINE is DEBUG. */
    final Level level;
    /** The level of slf4j-simple, through which Smile and cron-utils log. */
    final String slf4jLevel;

    Verbosity(Level level, String slf4jLevel) {
        this.level = level;
        this.slf4jLevel = slf4jLevel;
    }

    /**
     * Takes the global options {@code -v}/{@code --verbose} (twice, or {@code -vv}, for DEBUG) and
     * {@code -q}/{@code --quiet} out of the words, wherever they stand, as {@code --debug} is.
     *
     * @throws SegmentaException when both are given
     */
    static Verbosity take(List<String> words) {
        int verbose = 0;
        boolean quiet = false;
        for (int i = words.size() - 1; i >= 0; i--) {
            switch (words.get(i)) {
                case "-v", VERBOSE_OPTION -> verbose++;
                case "-vv" -> verbose += 2;
                case "-q", QUIET_OPTION -> quiet = true;
                default -> {
                    continue;
                }
            }
            words.remove(i);
        }
        if (quiet && verbose > 0) {
            throw new SegmentaException(VERBOSE_OPTION + " and " + QUIET_OPTION + " cannot be given together");
        }
        return quiet ? QUIET : verbose == 0 ? NORMAL : verbose == 1 ? VERBOSE : DEBUG;
    }
}
