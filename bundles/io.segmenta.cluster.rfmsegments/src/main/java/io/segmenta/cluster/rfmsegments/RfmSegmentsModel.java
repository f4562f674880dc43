package io.segmenta.cluster.rfmsegments;

import io.segmenta.table.rfm.RfmQuintiles;
import io.segmenta.table.rfm.RfmSegment;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ModelState;
import io.segmenta.cluster.support.CentroidModel;
import java.util.List;

/**
 * Customers named by their RFM segment: immutable, so it may be shared between threads. Segment numbers
 * follow the canonical order of {@link RfmSegment}, keeping only the segments that some training customer
 * is in (see {@link RfmSegmentsClusterer}). A {@link CentroidModel} for its columns, centroids (the segment means),
 * cost and saving; it places rows by score, not by nearest centre.
 */
final class RfmSegmentsModel extends CentroidModel {
    static final String RECENCY_UPPER = "recencyUpperBounds";
    static final String FREQUENCY_UPPER = "frequencyUpperBounds";
    static final String NUMBER_OF = "segmentNumbers";
    static final String SEGMENTS = "segments";

    /** Training boundaries of the recency and frequency scores ({@link RfmQuintiles#upperBounds}), scaled units. */
    private final double[] recencyUpper;
    private final double[] frequencyUpper;
    /** The segment number of each {@link RfmSegment} ordinal, or -1 for a segment no training customer is in. */
    private final int[] numberOf;
    private final List<String> names;
    private final int[] r;
    private final int[] f;
    private final int[] m;

    /** Takes ownership of the arrays. */
    RfmSegmentsModel(List<String> columns, double[] recencyUpper, double[] frequencyUpper, int[] numberOf,
            int[] labels, double[][] centroids, double cost, int[] r, int[] f, int[] m) {
        super(RfmSegmentsClusterer.NAMING, columns, centroids, labels, cost);
        this.recencyUpper = recencyUpper;
        this.frequencyUpper = frequencyUpper;
        this.numberOf = numberOf;
        int count = 0;
        for (int number : numberOf) {
            count += number >= 0 ? 1 : 0;
        }
        String[] byNumber = new String[count];
        for (int s = 0; s < numberOf.length; s++) {
            if (numberOf[s] >= 0) {
                byNumber[numberOf[s]] = RfmSegment.byOrdinal(s).label();
            }
        }
        this.names = List.of(byNumber);
        this.r = r;
        this.f = f;
        this.m = m;
    }

    @Override
    public List<String> segmentNames() {
        return names;
    }

    /** The recency score (1 to 5, most recent 5) of each training customer. */
    int[] recencyScores() {
        return r.clone();
    }

    /** The frequency score (1 to 5) of each training customer. */
    int[] frequencyScores() {
        return f.clone();
    }

    /** The monetary score (1 to 5) of each training customer; not used for the name. */
    int[] monetaryScores() {
        return m.clone();
    }

    /**
     * Scores each customer's recency and frequency against the training data's bins (a value equal to a bin
     * boundary gets the lower score, as in {@code qcut}; see {@link RfmQuintiles}) and names it by the same rule.
     * The values must be scaled with the training data's scaler: the boundaries are in those units. Other
     * columns are not read.
     * <p>
     * Predicting the training data itself gives {@link #labels()} except where equal training values were split
     * between two scores by their order of appearance: such values all get the lower score here.
     *
     * @throws SegmentaException when recency or frequency is missing or not finite, or when a customer falls in
     *         a segment that no training customer was in (the model has no number for it)
     */
    @Override
    public int[] predict(FeatureMatrix features) {
        double[] recency = RfmSegmentsClusterer.column(features, RfmSegmentsClusterer.RECENCY, "predict");
        double[] frequency = RfmSegmentsClusterer.column(features, RfmSegmentsClusterer.FREQUENCY, "predict");
        int n = features.rowCount();
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            int rs = RfmQuintiles.BINS + 1 - RfmQuintiles.scoreOf(recency[i], recencyUpper);
            int fs = RfmQuintiles.scoreOf(frequency[i], frequencyUpper);
            RfmSegment segment = RfmSegment.of(rs, fs);
            int number = numberOf[segment.ordinal()];
            if (number < 0) {
                throw new SegmentaException("rfm-segments: " + features.entity().label() + " "
                        + features.ids().get(i) + " (row " + (i + 1) + ") scores R=" + rs + ", F=" + fs + ", i.e. '"
                        + segment.label() + "', a segment no training " + features.entity().label()
                        + " was in; this model knows only " + names + "; refit on data that includes such "
                        + features.entity().label() + "s");
            }
            result[i] = number;
        }
        return result;
    }

    /**
     * The score boundaries (scaled units), which RFM segment has which number ({@code -1}: none, in the order
     * of {@link RfmSegment}) and the names, between the columns and the centroids and cost; the names follow from
     * the numbering.
     */
    @Override
    protected void saveParameters(ModelState state) {
        state.put(RECENCY_UPPER, recencyUpper)
                .put(FREQUENCY_UPPER, frequencyUpper)
                .put(NUMBER_OF, numberOf)
                .putTexts(SEGMENTS, names);
    }

    /**
     * The model a {@link #state()} describes, with no training rows, ready to place new customers in every RFM
     * segment: the segments the training customers were in keep their numbers (0 to k-1), and the others, which
     * a new customer may well fall in (a first purchase makes a "New Customer"), are numbered after them in the
     * order of {@link RfmSegment} and have no centroid (NaN). Its {@link #k()} is therefore the number of RFM
     * segments, and {@link #segmentNames()} names them all.
     *
     * @throws SegmentaException when an entry is missing or of the wrong shape
     */
    static RfmSegmentsModel restore(ModelState state) {
        CentroidModel.Saved saved = CentroidModel.read(RfmSegmentsClusterer.NAMING, state);
        List<String> columns = saved.columns();
        double[][] trained = saved.centres();
        double[] recencyUpper = state.numbers(RECENCY_UPPER);
        double[] frequencyUpper = state.numbers(FREQUENCY_UPPER);
        int[] numberOf = state.integers(NUMBER_OF);
        if (recencyUpper.length != RfmQuintiles.BINS - 1 || frequencyUpper.length != RfmQuintiles.BINS - 1) {
            throw state.inconsistent("'" + RECENCY_UPPER + "' and '" + FREQUENCY_UPPER + "' must hold "
                    + (RfmQuintiles.BINS - 1) + " score boundaries each");
        }
        int segments = RfmSegment.values().length;
        if (numberOf.length != segments) {
            throw state.inconsistent("'" + NUMBER_OF + "' must hold a number (or -1) for each of the " + segments
                    + " RFM segments");
        }
        boolean[] used = new boolean[segments];
        int k = 0;
        for (int number : numberOf) {
            if (number >= 0) {
                if (number >= segments || used[number]) {
                    throw state.inconsistent("'" + NUMBER_OF + "' must number the segments 0, 1, 2, ... without "
                            + "repeating a number");
                }
                used[number] = true;
                k++;
            }
        }
        for (int number = 0; number < k; number++) {
            if (!used[number]) {
                throw state.inconsistent("'" + NUMBER_OF + "' skips the number " + number);
            }
        }
        if (trained.length != k) {
            throw state.inconsistent(k + " segments but " + trained.length + " centroids");
        }
        int[] all = numberOf.clone();
        int next = k;
        for (int s = 0; s < segments; s++) {
            if (all[s] < 0) {
                all[s] = next++;
            }
        }
        double[][] centroids = new double[segments][];
        for (int c = 0; c < segments; c++) {
            if (c < k) {
                centroids[c] = trained[c];
            } else {
                centroids[c] = new double[columns.size()];
                java.util.Arrays.fill(centroids[c], Double.NaN);
            }
        }
        return new RfmSegmentsModel(columns, recencyUpper, frequencyUpper, all, new int[0], centroids, saved.cost(),
                new int[0], new int[0], new int[0]);
    }

    @Override
    public String toString() {
        return "RfmSegmentsModel[k=" + names.size() + ", rows=" + labels().length + ", inertia=" + cost()
                + ", segments=" + names + "]";
    }
}
