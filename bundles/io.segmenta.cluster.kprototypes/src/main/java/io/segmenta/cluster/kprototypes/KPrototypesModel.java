package io.segmenta.cluster.kprototypes;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ModelState;
import io.segmenta.cluster.support.CentroidModel;
import io.segmenta.cluster.support.FitChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fitted K-Prototypes model: immutable, so it may be shared between threads. Segments are numbered by size,
 * largest first (see {@link KPrototypesClusterer}). A {@link CentroidModel} whose {@link #centroids()} are the
 * numeric part of the prototypes; {@link #modes()} gives the categorical part as level text. It places rows and
 * saves itself its own way (below), since its dissimilarity and state hold the modes too.
 */
final class KPrototypesModel extends CentroidModel {
    static final String NUMERIC = "numericColumns";
    static final String CATEGORICAL = "categoricalColumns";
    static final String LEVELS = "levels";
    static final String GAMMA = "gamma";
    static final String CENTRES = "centres";
    static final String MODES = "modes";
    static final String ITERATIONS = "iterations";

    private final List<String> categoricalColumns;
    /** Levels of each categorical column in sorted order: the code of a level is its index here. */
    private final List<List<String>> levels;
    private final double gamma;
    private final double[][] centres;
    private final int[][] modes;
    private final int iterations;

    /** Takes ownership of the arrays. */
    KPrototypesModel(List<String> numericColumns, List<String> categoricalColumns, List<List<String>> levels,
            double gamma, double[][] centres, int[][] modes, int[] labels, double cost, int iterations) {
        super(KPrototypesClusterer.NAMING, numericColumns, centres, labels, cost);
        this.categoricalColumns = List.copyOf(categoricalColumns);
        this.levels = levels.stream().map(List::copyOf).toList();
        this.gamma = gamma;
        this.centres = centres;
        this.modes = modes;
        this.iterations = iterations;
    }

    /** The categorical part of each prototype ({@code [segment][categorical column]}), as level text. */
    List<List<String>> modes() {
        List<List<String>> result = new ArrayList<>(modes.length);
        for (int[] mode : modes) {
            List<String> row = new ArrayList<>(mode.length);
            for (int j = 0; j < mode.length; j++) {
                row.add(levels.get(j).get(mode[j]));
            }
            result.add(List.copyOf(row));
        }
        return List.copyOf(result);
    }

    /** The weight of a categorical mismatch that was used. */
    double gamma() {
        return gamma;
    }

    /** Gamma: the silhouette is then measured with this model's own dissimilarity. */
    @Override
    public OptionalDouble categoricalWeight() {
        return OptionalDouble.of(gamma);
    }

    /** The passes made by the best run. */
    int iterations() {
        return iterations;
    }

    /**
     * The nearest prototype (first of equals) of every row, by the dissimilarity used in fitting. Levels are
     * matched to the training levels by text; a level not seen in training, or a missing value, matches no
     * prototype and so adds gamma to every distance alike (kmodes encodes both as -1 when predicting).
     *
     * @throws SegmentaException when the columns differ from the training ones, or a numeric value is not finite
     */
    @Override
    public int[] predict(FeatureMatrix features) {
        List<String> numericColumns = columns();
        List<String> numericNames = features.numericNames();
        List<String> categoricalNames = features.categorical().stream().map(CategoricalColumn::name).toList();
        if (!numericNames.equals(numericColumns) || !categoricalNames.equals(categoricalColumns)) {
            throw new SegmentaException("kprototypes: the model was fitted on the numeric columns " + numericColumns
                    + " and categorical columns " + categoricalColumns + " but the data to place has "
                    + numericNames + " and " + categoricalNames);
        }
        FitChecks.requireFinite(algorithm(), naming().title(), features);
        int n = features.rowCount();
        int d = numericColumns.size();
        int c = categoricalColumns.size();
        double[] num = KPrototypesClusterer.numericRows(features);
        int[] cat = new int[n * c];
        for (int j = 0; j < c; j++) {
            CategoricalColumn column = features.categorical().get(j);
            int[] toTraining = trainingCodes(column.levels(), levels.get(j));
            int[] codes = column.codes();
            for (int i = 0; i < n; i++) {
                cat[i * c + j] = codes[i] == CategoricalColumn.MISSING ? -1 : toTraining[codes[i]];
            }
        }
        int k = centres.length;
        double[] flatCentres = new double[k * d];
        int[] flatModes = new int[k * c];
        for (int p = 0; p < k; p++) {
            System.arraycopy(centres[p], 0, flatCentres, p * d, d);
            System.arraycopy(modes[p], 0, flatModes, p * c, c);
        }
        int[] levelCounts = new int[c];
        for (int j = 0; j < c; j++) {
            levelCounts[j] = levels.get(j).size();
        }
        MixedData x = new MixedData(n, d, c, num, cat, levelCounts, gamma);
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDist = x.distance(i, flatCentres, flatModes, 0);
            for (int p = 1; p < k; p++) {
                double dist = x.distance(i, flatCentres, flatModes, p);
                if (dist < bestDist) {
                    best = p;
                    bestDist = dist;
                }
            }
            result[i] = best;
        }
        return result;
    }

    /** For each level of new data (by its code), the training code of the same text, or -1 when unseen. */
    private static int[] trainingCodes(List<String> newLevels, List<String> trainingLevels) {
        Map<String, Integer> index = new HashMap<>(); // one entry per level, not per row
        for (int v = 0; v < trainingLevels.size(); v++) {
            index.put(trainingLevels.get(v), v);
        }
        int[] map = new int[newLevels.size()];
        for (int v = 0; v < map.length; v++) {
            map[v] = index.getOrDefault(newLevels.get(v), -1);
        }
        return map;
    }

    /**
     * The columns, the levels of each categorical column, gamma, the prototypes (numeric centres, and modes as
     * level text so that the file reads without the code tables) and the training cost.
     */
    @Override
    public Optional<ModelState> state() {
        return Optional.of(new ModelState(KPrototypesClusterer.NAME)
                .putTexts(NUMERIC, columns())
                .putTexts(CATEGORICAL, categoricalColumns)
                .putTextTable(LEVELS, levels)
                .put(GAMMA, gamma)
                .put(CENTRES, centres)
                .putTextTable(MODES, modes())
                .put(COST, cost())
                .put(ITERATIONS, iterations));
    }

    /**
     * The model a {@link #state()} describes, with no training rows.
     *
     * @throws SegmentaException when an entry is missing, of the wrong shape, or a mode is not one of its levels
     */
    static KPrototypesModel restore(ModelState state) {
        List<String> numeric = state.texts(NUMERIC);
        List<String> categorical = state.texts(CATEGORICAL);
        List<List<String>> levels = state.textTable(LEVELS);
        double[][] centres = state.table(CENTRES);
        List<List<String>> modeText = state.textTable(MODES);
        if (levels.size() != categorical.size()) {
            throw state.inconsistent(categorical.size() + " categorical columns but level lists for " + levels.size());
        }
        if (centres.length < 1 || modeText.size() != centres.length) {
            throw state.inconsistent(centres.length + " numeric centres and " + modeText.size()
                    + " modes: there must be one of each per segment, and at least one segment");
        }
        int[][] modes = new int[centres.length][];
        for (int p = 0; p < centres.length; p++) {
            if (centres[p].length != numeric.size()) {
                throw state.inconsistent("prototype " + p + " has " + centres[p].length
                        + " numeric coordinates but there are " + numeric.size() + " numeric columns " + numeric);
            }
            List<String> mode = modeText.get(p);
            if (mode.size() != categorical.size()) {
                throw state.inconsistent("prototype " + p + " has " + mode.size() + " modes but there are "
                        + categorical.size() + " categorical columns " + categorical);
            }
            modes[p] = new int[mode.size()];
            for (int j = 0; j < mode.size(); j++) {
                modes[p][j] = levels.get(j).indexOf(mode.get(j));
                if (modes[p][j] < 0) {
                    throw state.inconsistent("the mode '" + mode.get(j) + "' of prototype " + p + " is not a level of '"
                            + categorical.get(j) + "' " + levels.get(j));
                }
            }
        }
        double gamma = state.number(GAMMA);
        if (!(gamma >= 0)) {
            throw state.inconsistent("gamma must be at least 0, is " + gamma);
        }
        int iterations = state.has(ITERATIONS) ? (int) state.number(ITERATIONS) : 0;
        return new KPrototypesModel(numeric, categorical, levels, gamma, centres, modes, new int[0],
                state.number(COST), iterations);
    }

    @Override
    public String toString() {
        return "KPrototypesModel[k=" + centres.length + ", rows=" + labels().length + ", cost=" + cost() + ", gamma="
                + gamma + ", numeric=" + columns() + ", categorical=" + categoricalColumns + "]";
    }
}
