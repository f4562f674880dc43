package io.segmenta.api.stage;

/**
 * The parameters every clustering algorithm takes; algorithm-specific ones come from the options.
 *
 * @param k the number of clusters
 * @param seed seed of the random generator: the same input and seed give the same model
 * @param runs how many independently seeded runs to make, keeping the one of lowest cost
 * @param maxIterations the iteration cap of one run
 */
public record ClusterRequest(int k, long seed, int runs, int maxIterations) {
    public static final int DEFAULT_RUNS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final long DEFAULT_SEED = 42L;
}
