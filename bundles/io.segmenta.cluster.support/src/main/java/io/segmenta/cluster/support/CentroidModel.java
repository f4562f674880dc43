package io.segmenta.cluster.support;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ModelState;
import java.util.List;
import java.util.Optional;

/**
 * A fitted clustering represented by one centre per segment over the numeric columns, as Smile's
 * {@code CentroidClustering}: the segment of each training row, the cost, nearest-centre prediction and saving.
 * Immutable, so it may be shared between threads; restored models have no training rows.
 * <p>
 * As it stands it is the whole model of K-Means and K-Medoids: rows go to the nearest centre by squared Euclidean
 * distance over the numeric columns (ties to the lower segment), categorical columns are ignored, and the saved
 * state is {@value #COLUMNS}, the centres under {@link CentroidNaming#centresKey()} and {@value #COST}.
 * Algorithms whose models hold more (K-Prototypes' modes, rfm-segments' score boundaries) extend it and override
 * {@link #predict} and what they save.
 */
public class CentroidModel implements ClusterModel {
    public static final String COLUMNS = "columns";
    public static final String CENTROIDS = "centroids";
    public static final String COST = "cost";

    private final CentroidNaming naming;
    private final List<String> columns;
    private final double[][] centres;
    private final int[] labels;
    private final double cost;

    /**
     * Takes ownership of the arrays.
     *
     * @param columns the numeric columns the centres are over, in order
     * @param centres {@code [segment][column]}, in scaled units
     * @param labels the segment of each training row (empty for a restored model)
     * @param cost what the algorithm minimised, on the training rows
     */
    public CentroidModel(CentroidNaming naming, List<String> columns, double[][] centres, int[] labels, double cost) {
        this.naming = naming;
        this.columns = List.copyOf(columns);
        this.centres = centres;
        this.labels = labels;
        this.cost = cost;
    }

    /**
     * The model a state written by {@link #state()} describes.
     *
     * @throws SegmentaException when an entry is missing or of the wrong shape
     */
    public static CentroidModel restore(CentroidNaming naming, ModelState state) {
        Saved saved = read(naming, state);
        return new CentroidModel(naming, saved.columns(), saved.centres(), new int[0], saved.cost());
    }

    /** What {@link #state()} saves of every centroid model. */
    public record Saved(List<String> columns, double[][] centres, double cost) {
    }

    /**
     * The columns, centres and cost of a saved state, checked: at least one centre, each with one coordinate per
     * column.
     *
     * @throws SegmentaException when an entry is missing or of the wrong shape
     */
    public static Saved read(CentroidNaming naming, ModelState state) {
        List<String> columns = state.texts(COLUMNS);
        double[][] centres = state.table(naming.centresKey());
        if (centres.length < 1) {
            throw state.inconsistent("'" + naming.centresKey() + "' holds no " + naming.centreNoun());
        }
        for (int c = 0; c < centres.length; c++) {
            if (centres[c].length != columns.size()) {
                throw state.inconsistent(naming.centreNoun() + " " + c + " has " + centres[c].length
                        + " coordinates but there are " + columns.size() + " columns " + columns);
            }
        }
        return new Saved(columns, centres, state.number(COST));
    }

    @Override
    public final String algorithm() {
        return naming.algorithm();
    }

    /** How the algorithm names itself and its centres. */
    public final CentroidNaming naming() {
        return naming;
    }

    @Override
    public int k() {
        return centres.length;
    }

    @Override
    public final int[] labels() {
        return labels.clone();
    }

    @Override
    public final double cost() {
        return cost;
    }

    /** A copy of the centres, {@code [segment][column]}, in scaled units. */
    @Override
    public final double[][] centroids() {
        double[][] copy = new double[centres.length][];
        for (int c = 0; c < centres.length; c++) {
            copy[c] = centres[c].clone();
        }
        return copy;
    }

    /** The numeric columns the centres are over, in order. */
    public final List<String> columns() {
        return columns;
    }

    /**
     * The nearest centre of every row (squared Euclidean distance over the numeric columns; ties to the lower
     * segment). Categorical columns are ignored, as in fitting.
     *
     * @throws SegmentaException when the numeric columns differ from the training ones, or a value is not finite
     */
    @Override
    public int[] predict(FeatureMatrix features) {
        List<String> names = features.numericNames();
        if (!names.equals(columns)) {
            throw new SegmentaException(naming.algorithm() + ": the model was fitted on the numeric columns " + columns
                    + " but the data to place has " + names);
        }
        FitChecks.requireFinite(naming.algorithm(), naming.title(), features);
        return NearestCentre.ofEach(features.numericRows(), centres);
    }

    /** The columns, whatever {@link #saveParameters} adds, the centres and the training cost. */
    @Override
    public Optional<ModelState> state() {
        ModelState state = new ModelState(naming.algorithm()).putTexts(COLUMNS, columns);
        saveParameters(state);
        return Optional.of(state.put(naming.centresKey(), centres).put(COST, cost));
    }

    /** Adds an algorithm's own entries to its saved state, between the columns and the centres; none here. */
    protected void saveParameters(ModelState state) {
    }

    @Override
    public String toString() {
        return naming.algorithm() + " model[k=" + centres.length + ", rows=" + labels.length + ", cost=" + cost
                + ", columns=" + columns + "]";
    }
}
