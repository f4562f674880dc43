package io.segmenta.cluster.kprototypes;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.cluster.support.BestOfRestarts;
import io.segmenta.cluster.support.CentroidNaming;
import io.segmenta.cluster.support.FitChecks;
import io.segmenta.cluster.support.SizeOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * Huang's K-Prototypes for mixed numeric and categorical features: the dissimilarity of a row to a prototype
 * is the squared Euclidean distance over the numeric columns plus gamma times the number of categorical
 * columns that differ from the prototype's mode. Numeric-only data gives K-Means with kmodes' iteration;
 * categorical-only data gives K-Modes. The algorithm follows Python kmodes' {@code KPrototypes} (see
 * {@link KPrototypes} for the few deliberate differences), so costs are comparable with it.
 *
 * <h2>Options</h2>
 * {@value #OPTION_INIT}: {@code cao} (kmodes' default) or {@code huang}. {@value #OPTION_GAMMA}: a positive
 * number; by default half the mean population standard deviation of the numeric columns (Huang's suggestion
 * with the usual factor 0.5). kmodes takes 0.5 times the standard deviation of all numeric values pooled; the
 * two agree on standardised columns, which is what the engine passes. With no numeric column gamma is 1, so
 * that the cost counts mismatches as K-Modes does; when every numeric column is constant, gamma is also 1.
 *
 * <h2>Determinism</h2>
 * Run seeds are drawn from the request's seed by {@link BestOfRestarts}, as in kmeans; each run draws only from its
 * own generator and visits rows in order, so the same matrix, k, options and seed give the
 * same model. The runs are made on as many threads as there are processors ({@link BestOfRestarts#bestInParallel}),
 * which chooses among them in run order, so the number of threads does not change the model. Categorical codes
 * are re-ranked in sorted order of the level text (see {@link MixedData}), so neither results nor tie-breaks
 * depend on the order in which a source met the levels.
 *
 * <h2>Segment numbers</h2>
 * Segments are renumbered by size ({@link SizeOrder}), largest first; ties by numeric centre coordinate by
 * coordinate, then by modes in level order, then by the old number.
 */
@Component(service = Clusterer.class)
@StageName(KPrototypesClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class KPrototypesClusterer implements Clusterer {
    static final String NAME = "kprototypes";
    static final CentroidNaming NAMING = new CentroidNaming(NAME, "K-Prototypes", KPrototypesModel.CENTRES,
            "prototype");
    static final String OPTION_INIT = "init";
    static final String OPTION_GAMMA = "gamma";
    /** The largest Java array it is safe to ask for. */
    private static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "K-Prototypes (Huang) on numeric and categorical features: squared Euclidean distance plus gamma "
                + "times categorical mismatches, best of n runs by cost";
    }

    @Override
    public List<StageOption> options() {
        return List.of(
                new StageOption(OPTION_INIT, "kprototypes: initialisation of the categorical prototypes, cao or huang",
                        "cao"),
                new StageOption(OPTION_GAMMA, "kprototypes: weight of one categorical mismatch against squared "
                        + "distance on the scaled numeric columns",
                        "0.5 x mean standard deviation of the numeric columns"));
    }

    /** A model saved from {@link KPrototypesModel#state()}: predicts as the fitted one did. */
    @Override
    public ClusterModel restore(ModelState state) {
        return KPrototypesModel.restore(state);
    }

    @Override
    public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
        FitChecks.requireParameters(NAME, request);
        int k = request.k();
        int runs = request.runs();
        int maxIterations = request.maxIterations();
        KPrototypes.Init init = init(context);
        String entity = features.entity().label();
        int n = features.rowCount();
        int d = features.numeric().size();
        int c = features.categorical().size();
        if (d == 0 && c == 0) {
            throw new SegmentaException("kprototypes: the " + entity + " features have no columns");
        }
        FitChecks.requireRows(NAME, k, features);
        if ((long) n * Math.max(d, c) > MAX_CELLS) {
            // the flat row-major arrays are indexed by int
            throw new SegmentaException("kprototypes: " + n + " " + entity + "s x " + Math.max(d, c)
                    + " columns is more than the " + MAX_CELLS + " values per array it can hold");
        }
        FitChecks.requireFinite(NAME, NAMING.title(), features);
        double[] num = numericRows(features);
        List<List<String>> levels = new ArrayList<>(c);
        int[] cat = categoricalRows(features, levels);
        int[] levelCounts = new int[c];
        for (int j = 0; j < c; j++) {
            levelCounts[j] = levels.get(j).size();
        }
        double gamma = gamma(features, num, context);

        MixedData x = new MixedData(n, d, c, num, cat, levelCounts, gamma);
        int[] caoModes = init == KPrototypes.Init.CAO ? CategoricalInit.cao(x, k) : null;
        if (caoModes != null && d == 0 && runs > 1) {
            context.info("kprototypes: Cao's initialisation is deterministic on categorical-only data; making 1 "
                    + "run instead of " + runs);
            runs = 1;
        }
        // the runs are single-threaded and share only the read-only rows: one per core at a time
        KPrototypes.Result best = BestOfRestarts.bestInParallel(NAME, runs, request.seed(),
                Runtime.getRuntime().availableProcessors(), context, KPrototypes.Result::cost, restart -> {
                    try {
                        return KPrototypes.run(x, k, caoModes, restart.random(), maxIterations,
                                restart::checkCancelled);
                    } catch (KPrototypes.TooFewDistinctRows e) {
                        throw new SegmentaException("k = " + k + " but the " + n + " " + entity + "s have only "
                                + e.distinct + " distinct feature vectors");
                    }
                });
        if (!best.converged()) {
            context.info("kprototypes: the best run reached the iteration cap (" + maxIterations
                    + ") before converging");
        }
        return renumberBySize(features, levels, gamma, k, best);
    }

    private static KPrototypes.Init init(StageContext context) {
        String value = context.options().get(OPTION_INIT, "cao");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "cao" -> KPrototypes.Init.CAO;
            case "huang" -> KPrototypes.Init.HUANG;
            default -> throw new SegmentaException("option " + OPTION_INIT + ": '" + value
                    + "' is not an initialisation of kprototypes (expected cao or huang)");
        };
    }

    /** The gamma option, or Huang's automatic value; reported as an info line either way. */
    private static double gamma(FeatureMatrix features, double[] num, StageContext context) {
        if (context.options().get(OPTION_GAMMA).isPresent()) {
            double gamma = context.options().decimal(OPTION_GAMMA, Double.NaN);
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new SegmentaException("option " + OPTION_GAMMA + ": '" + context.options().get(OPTION_GAMMA)
                        .orElseThrow() + "' is not a positive finite number (the weight of a categorical mismatch)");
            }
            context.info("kprototypes: gamma = " + shown(gamma) + " (given)");
            return gamma;
        }
        int d = features.numeric().size();
        if (d == 0) {
            context.info("kprototypes: gamma = 1 (no numeric columns: the cost counts categorical mismatches)");
            return 1;
        }
        double gamma = automaticGamma(num, features.rowCount(), d);
        if (gamma == 0) {
            context.info("kprototypes: gamma = 1 (every numeric column is constant, so Huang's automatic value "
                    + "would be 0)");
            return 1;
        }
        if (!features.categorical().isEmpty()) {
            context.info("kprototypes: gamma = " + shown(gamma)
                    + " (automatic: 0.5 x mean standard deviation of the numeric columns)");
        }
        return gamma;
    }

    /** Gamma as an operator reads it: 6 significant digits, no trailing zeros (0.5, not 0.4999999999999969). */
    static String shown(double gamma) {
        return new BigDecimal(gamma).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** 0.5 times the mean over numeric columns of their population standard deviation. */
    static double automaticGamma(double[] num, int n, int d) {
        double[] mean = new double[d];
        double[] std = new double[d];
        MixedData.columnStatistics(num, n, d, mean, std);
        double sum = 0;
        for (double s : std) {
            sum += s;
        }
        return 0.5 * (sum / d);
    }

    /** The numeric columns as one flat row-major array. */
    static double[] numericRows(FeatureMatrix features) {
        int n = features.rowCount();
        int d = features.numeric().size();
        double[] num = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] col = features.numeric().get(j).values();
            for (int i = 0; i < n; i++) {
                num[i * d + j] = col[i];
            }
        }
        return num;
    }

    /**
     * The categorical columns as one flat row-major array of codes ranked in sorted level order; fills
     * {@code levels} with each column's levels in that order.
     *
     * @throws SegmentaException on a missing value, naming the column and the entity
     */
    private static int[] categoricalRows(FeatureMatrix features, List<List<String>> levels) {
        int n = features.rowCount();
        int c = features.categorical().size();
        int[] cat = new int[n * c];
        for (int j = 0; j < c; j++) {
            CategoricalColumn column = features.categorical().get(j);
            int[] rank = sortedRanks(column.levels());
            String[] sorted = new String[rank.length];
            for (int code = 0; code < rank.length; code++) {
                sorted[rank[code]] = column.levels().get(code);
            }
            levels.add(List.of(sorted));
            int[] codes = column.codes();
            for (int i = 0; i < n; i++) {
                int code = codes[i];
                if (code == CategoricalColumn.MISSING) {
                    throw new SegmentaException("kprototypes: column '" + column.name() + "' has no value for "
                            + features.entity().label() + " " + features.ids().get(i) + " (row " + (i + 1)
                            + "); K-Prototypes needs a level in every categorical column (map missing values to "
                            + "a level of their own, or drop the column)");
                }
                if (code < 0 || code >= rank.length) {
                    throw new IllegalArgumentException("column " + column.name() + " row " + i + ": code " + code
                            + " outside its " + rank.length + " levels");
                }
                cat[i * c + j] = rank[code];
            }
        }
        return cat;
    }

    /** For each level (by its code), its position when the levels are sorted (String order). */
    static int[] sortedRanks(List<String> levels) {
        int m = levels.size();
        Integer[] order = new Integer[m]; // one object per level, not per row
        for (int v = 0; v < m; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (a, b) -> levels.get(a).compareTo(levels.get(b)));
        int[] rank = new int[m];
        for (int r = 0; r < m; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /**
     * Renumbers segments by size, largest first; ties by numeric centre, then modes, then the old number.
     */
    static KPrototypesModel renumberBySize(FeatureMatrix features, List<List<String>> levels, double gamma, int k,
            KPrototypes.Result result) {
        int d = features.numeric().size();
        int c = features.categorical().size();
        double[][] centres = new double[k][d];
        int[][] modes = new int[k][c];
        for (int p = 0; p < k; p++) {
            System.arraycopy(result.centres(), p * d, centres[p], 0, d);
            System.arraycopy(result.modes(), p * c, modes[p], 0, c);
        }
        SizeOrder bySize = SizeOrder.of(result.labels(), k,
                SizeOrder.byCentre(centres).thenComparing((a, b) -> Arrays.compare(modes[a], modes[b])));
        List<String> categoricalNames = features.categorical().stream().map(CategoricalColumn::name).toList();
        return new KPrototypesModel(features.numericNames(), categoricalNames, levels, gamma, bySize.rows(centres),
                bySize.rows(modes), bySize.labels(result.labels()), result.cost(), result.iterations());
    }
}
