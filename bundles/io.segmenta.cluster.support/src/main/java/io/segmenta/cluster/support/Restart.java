package io.segmenta.cluster.support;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.stage.StageContext;
import java.util.SplittableRandom;

/** One run of {@link BestOfRestarts}: which it is, its seed, and a cancellation check to call inside it. */
public final class Restart {
    private final String algorithm;
    private final int index;
    private final int runs;
    private final long seed;
    private final StageContext context;

    Restart(String algorithm, int index, int runs, long seed, StageContext context) {
        this.algorithm = algorithm;
        this.index = index;
        this.runs = runs;
        this.seed = seed;
        this.context = context;
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
        context.checkCancelled(algorithm + " run " + (index + 1) + " of " + runs + ", " + what);
    }
}
