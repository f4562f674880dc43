package io.segmenta.cluster.support;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.stage.StageContext;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/** One run of {@link BestOfRestarts}: which it is, its seed, and a cancellation check to call inside it. */
public final class Restart {
    private final String algorithm;
    private final int index;
    private final int runs;
    private final long seed;
    private final StageContext context;
    private final BooleanSupplier abandoned;

    Restart(String algorithm, int index, int runs, long seed, StageContext context) {
        this(algorithm, index, runs, seed, context, () -> false);
    }

    /**
     * @param abandoned true once the fit has failed or was cancelled elsewhere (runs made in parallel), so that a run
     *        still under way stops at its next check
     */
    Restart(String algorithm, int index, int runs, long seed, StageContext context, BooleanSupplier abandoned) {
        this.algorithm = algorithm;
        this.index = index;
        this.runs = runs;
        this.seed = seed;
        this.context = context;
        this.abandoned = abandoned;
    }

    /** 0 for the first run. */
    public int index() {
        return index;
    }

    /** How many runs there are in all. */
    public int runs() {
        return runs;
    }

    /** This run's seed, drawn from the request's seed (see {@link BestOfRestarts}). */
    public long seed() {
        return seed;
    }

    /** A generator of its own for this run, seeded with {@link #seed()}. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    /**
     * For long runs: call between units of work (iterations, passes).
     *
     * @param what how far the run is, e.g. "after 12 iterations"
     * @throws RunCancelledException when the run was cancelled
     */
    public void checkCancelled(String what) {
        String where = algorithm + " run " + (index + 1) + " of " + runs + ", " + what;
        if (abandoned.getAsBoolean()) {
            throw new RunCancelledException(where + " (the fit stopped)");
        }
        context.checkCancelled(where);
    }
}
