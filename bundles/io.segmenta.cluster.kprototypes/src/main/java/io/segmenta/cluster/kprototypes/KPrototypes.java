package io.segmenta.cluster.kprototypes;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One run of Huang's K-Prototypes on primitive arrays, following Python kmodes' {@code KPrototypes} (version
 * 0.12) step by step so that costs are comparable:
 * <ol>
 * <li>Categorical prototypes from Huang's or Cao's initialisation; numeric prototypes drawn as
 * {@code mean + N(0,1) * std} per column. Every row is assigned to its nearest initial prototype without
 * updating; if a cluster stays empty the initialisation is drawn again, up to {@value #MAX_INIT_TRIES} times.</li>
 * <li>Prototypes become the means (numeric) and modes (categorical) of their rows.</li>
 * <li>Each pass visits the rows in order and moves a row to a nearer prototype at once, updating both
 * prototypes incrementally (running sums for means, counts per level for modes). A cluster left empty gets a
 * random row of the largest cluster. Passes repeat until no row moves or the iteration cap.</li>
 * </ol>
 * Modes follow kmodes exactly: where a row arrives, its level becomes the mode only when its count now
 * exceeds the mode's; where a row leaves and it held the mode, the mode is recomputed as the most frequent
 * level, ties to the smallest code (the first in sorted order, see {@link MixedData}).
 *
 * <h2>Deliberate differences from kmodes</h2>
 * <ul>
 * <li>A row moves only to a strictly nearer prototype (kmodes moves to the first of equally near ones, which
 * may be a different cluster than its own). Every move therefore lowers the cost, so the cost never rises and
 * passes end when no row moves, without kmodes' extra "cost did not fall" stop.</li>
 * <li>After an empty cluster is refilled, both affected numeric prototypes are the means of their rows
 * (kmodes leaves the refilled one at 0 and the donor's unchanged until the next move touches them).</li>
 * <li>The running numeric sums are recomputed exactly after every pass, so that a million moves do not leave
 * rounding drift in the means.</li>
 * <li>When {@value #MAX_INIT_TRIES} initialisations all leave a cluster empty, the prototypes become k
 * distinct rows picked at random, which cannot leave a cluster empty (kmodes switches to random rows that
 * may repeat, and gives up after 100 tries); when there are not k distinct rows, the run fails with
 * {@link TooFewDistinctRows}.</li>
 * </ul>
 * The cost returned is recomputed from scratch: the sum over rows of the dissimilarity to their prototype.
 */
final class KPrototypes {
    /** Initialisations tried before falling back to distinct random rows (kmodes' MAX_INIT_TRIES). */
    static final int MAX_INIT_TRIES = 20;

    /** How categorical prototypes are initialised. */
    enum Init {
        /** Huang [1997]: levels drawn by frequency per column, then each prototype moved to its nearest row. */
        HUANG,
        /** Cao et al. [2009]: deterministic, by density of rows and dissimilarity to earlier prototypes. */
        CAO
    }

    /**
     * The outcome of a run. {@code centres} is {@code k * d} and {@code modes} {@code k * c}, row-major.
     */
    record Result(double[] centres, int[] modes, int[] labels, double cost, int iterations, boolean converged) {
    }

    /** There are fewer distinct rows than clusters, so some cluster must stay empty. */
    static final class TooFewDistinctRows extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int distinct;

        TooFewDistinctRows(int distinct) {
            super(distinct + " distinct rows", null, false, false);
            this.distinct = distinct;
        }
    }

    private final MixedData x;
    private final int k;
    private final int n;
    private final int d;
    private final int c;
    private final int levelTotal;
    private final SplittableRandom random;
    private final double[] centres;
    private final int[] modes;
    private final int[] labels;
    private final int[] size;
    private final double[] sums;
    private final int[] counts;

    private KPrototypes(MixedData x, int k, SplittableRandom random) {
        this.x = x;
        this.k = k;
        this.n = x.n;
        this.d = x.d;
        this.c = x.c;
        this.levelTotal = x.levelTotal;
        this.random = random;
        this.centres = new double[k * d];
        this.modes = new int[k * c];
        this.labels = new int[n];
        this.size = new int[k];
        this.sums = new double[k * d];
        this.counts = new int[k * levelTotal];
    }

    /**
     * Runs K-Prototypes once.
     *
     * @param caoModes the Cao prototypes ({@link CategoricalInit#cao}), computed once per fit since they depend on
     *        the data only; {@code null} for Huang's initialisation
     * @param checkCancelled called before every pass with how far the run is ("after 3 iterations"); throws to stop
     *        the run (the stage's {@code RunCancelledException})
     * @throws TooFewDistinctRows when there are fewer distinct rows than k
     */
    static Result run(MixedData x, int k, int[] caoModes, SplittableRandom random, int maxIterations,
            Consumer<String> checkCancelled) {
        return new KPrototypes(x, k, random).run(caoModes, maxIterations, checkCancelled);
    }

    private Result run(int[] caoModes, int maxIterations, Consumer<String> checkCancelled) {
        // With Cao and no numeric columns nothing is random, so drawing again would give the same clusters.
        int tries = caoModes != null && d == 0 ? 1 : MAX_INIT_TRIES;
        boolean initialised = false;
        for (int attempt = 0; attempt < tries && !initialised; attempt++) {
            if (caoModes != null) {
                System.arraycopy(caoModes, 0, modes, 0, k * c);
            } else {
                CategoricalInit.huang(x, k, random, modes);
            }
            for (int p = 0; p < k; p++) { // row-major like numpy's randn(k, d)
                for (int j = 0; j < d; j++) {
                    centres[p * d + j] = x.mean[j] + random.nextGaussian() * x.std[j];
                }
            }
            initialised = assignToInitialPrototypes();
        }
        if (!initialised) {
            distinctRows();
            if (!assignToInitialPrototypes()) {
                throw new IllegalStateException("distinct rows as prototypes left a cluster empty");
            }
        }
        accumulate();
        for (int p = 0; p < k; p++) {
            updateCentre(p);
            for (int j = 0; j < c; j++) {
                modes[p * c + j] = mostFrequent(p, j);
            }
        }

        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            checkCancelled.accept("after " + iterations + " iterations");
            iterations++;
            int moves = pass();
            refreshSums();
            if (moves == 0) {
                converged = true;
                break;
            }
        }
        double cost = 0;
        for (int i = 0; i < n; i++) {
            cost += x.distance(i, centres, modes, labels[i]);
        }
        return new Result(centres, modes, labels, cost, iterations, converged);
    }

    /** Assigns every row to its nearest prototype (first of equals), counting sizes; true when none is empty. */
    private boolean assignToInitialPrototypes() {
        Arrays.fill(size, 0);
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDist = x.distance(i, centres, modes, 0);
            for (int p = 1; p < k; p++) {
                double dist = x.distance(i, centres, modes, p);
                if (dist < bestDist) {
                    best = p;
                    bestDist = dist;
                }
            }
            labels[i] = best;
            size[best]++;
        }
        for (int p = 0; p < k; p++) {
            if (size[p] == 0) {
                return false;
            }
        }
        return true;
    }

    /** One pass over the rows, moving each to a strictly nearer prototype at once; returns the number of moves. */
    private int pass() {
        int moves = 0;
        for (int i = 0; i < n; i++) {
            int current = labels[i];
            int best = current;
            double bestDist = x.distance(i, centres, modes, current);
            for (int p = 0; p < k; p++) {
                if (p != current) {
                    double dist = x.distance(i, centres, modes, p);
                    if (dist < bestDist) {
                        best = p;
                        bestDist = dist;
                    }
                }
            }
            if (best == current) {
                continue;
            }
            moves++;
            move(i, current, best);
            if (size[current] == 0) {
                refill(current);
            }
        }
        return moves;
    }

    /** Moves row i between clusters, updating sizes, sums, counts, means and modes as kmodes does. */
    private void move(int i, int from, int to) {
        labels[i] = to;
        size[to]++;
        size[from]--;
        for (int j = 0; j < d; j++) {
            double v = x.num[i * d + j];
            sums[to * d + j] += v;
            sums[from * d + j] -= v;
        }
        if (size[from] == 0) {
            Arrays.fill(sums, from * d, from * d + d, 0.0); // exactly zero, not the rounding left by +v -v
        }
        for (int j = 0; j < c; j++) {
            int v = x.cat[i * c + j];
            int toBase = to * levelTotal + x.offset[j];
            counts[toBase + v]++;
            int toMode = modes[to * c + j];
            if (counts[toBase + toMode] < counts[toBase + v]) {
                modes[to * c + j] = v; // the arriving level now outnumbers the mode; ties keep the mode
            }
            counts[from * levelTotal + x.offset[j] + v]--;
            if (modes[from * c + j] == v) {
                modes[from * c + j] = mostFrequent(from, j);
            }
        }
        updateCentre(to);
        updateCentre(from);
    }

    /**
     * Gives an empty cluster a random row of the largest cluster (first of equals), as kmodes does. A safety
     * net: since rows move only to strictly nearer prototypes and a one-row cluster's prototype is that row
     * (distance 0), a cluster can empty during a pass only through rounding in the running sums (a duplicate
     * row elsewhere at distance exactly 0). Empty clusters after initialisation are handled in {@link #run}.
     */
    private void refill(int empty) {
        int donor = 0;
        for (int p = 1; p < k; p++) {
            if (size[p] > size[donor]) {
                donor = p;
            }
        }
        int pick = random.nextInt(size[donor]);
        for (int i = 0; i < n; i++) {
            if (labels[i] == donor && pick-- == 0) {
                move(i, donor, empty);
                return;
            }
        }
        throw new IllegalStateException("cluster sizes out of step with labels");
    }

    /** The most frequent level of column j in cluster p; ties to the smallest code (kmodes' get_max_value_key). */
    private int mostFrequent(int p, int j) {
        int base = p * levelTotal + x.offset[j];
        int best = 0;
        for (int v = 1; v < x.levels[j]; v++) {
            if (counts[base + v] > counts[base + best]) {
                best = v;
            }
        }
        return best;
    }

    private void updateCentre(int p) {
        if (size[p] == 0) {
            return; // about to be refilled; kmodes sets 0 here, which nothing reads
        }
        for (int j = 0; j < d; j++) {
            centres[p * d + j] = sums[p * d + j] / size[p];
        }
    }

    /** Sums and level counts per cluster from the labels. */
    private void accumulate() {
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            int p = labels[i];
            for (int j = 0; j < c; j++) {
                counts[p * levelTotal + x.offset[j] + x.cat[i * c + j]]++;
            }
        }
        refreshSums();
    }

    /** Recomputes the numeric sums and means from the labels, discarding incremental rounding. */
    private void refreshSums() {
        Arrays.fill(sums, 0);
        for (int i = 0; i < n; i++) {
            int p = labels[i];
            for (int j = 0; j < d; j++) {
                sums[p * d + j] += x.num[i * d + j];
            }
        }
        for (int p = 0; p < k; p++) {
            updateCentre(p);
        }
    }

    /**
     * Fallback initialisation: k distinct rows, taken in a random order, become the prototypes. Each such row
     * is at distance 0 from its own prototype and at a positive distance from the others (gamma is positive),
     * so no cluster is empty.
     */
    private void distinctRows() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int r = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[r];
            order[r] = t;
        }
        int[] chosen = new int[k];
        int found = 0;
        for (int t = 0; t < n && found < k; t++) {
            int i = order[t];
            boolean fresh = true;
            for (int f = 0; f < found && fresh; f++) {
                fresh = !x.sameRow(i, chosen[f]);
            }
            if (fresh) {
                chosen[found++] = i;
            }
        }
        if (found < k) {
            throw new TooFewDistinctRows(found);
        }
        for (int p = 0; p < k; p++) {
            System.arraycopy(x.num, chosen[p] * d, centres, p * d, d);
            System.arraycopy(x.cat, chosen[p] * c, modes, p * c, c);
        }
    }
}
