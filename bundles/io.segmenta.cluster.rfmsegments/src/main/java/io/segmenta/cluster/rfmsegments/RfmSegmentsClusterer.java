package io.segmenta.cluster.rfmsegments;

import io.segmenta.annotation.StageName;
import io.segmenta.table.rfm.RfmQuintiles;
import io.segmenta.table.rfm.RfmSegment;
import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageContext;
import io.segmenta.cluster.support.CentroidNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * Rule-based RFM segments instead of clustering: every customer gets quintile scores R, F and M (1 to 5) and
 * the standard segment named by its R and F scores (Champions, Loyal Customers, ..., Hibernating, Lost).
 * docs/rfm-segments.md has the definitions and the full grid.
 *
 * <h2>Scores</h2>
 * Needs the numeric columns {@value #RECENCY}, {@value #FREQUENCY} and {@value #MONETARY} (as the rfm feature
 * extractor makes them). F and M are the {@link RfmQuintiles quintile scores by rank} of frequency and monetary,
 * i.e. pandas' {@code pd.qcut(x.rank(method='first'), 5, labels=[1, 2, 3, 4, 5])}; R is reversed, so that the
 * most recent customers score 5: {@code pd.qcut(recency.rank(method='first'), 5, labels=[5, 4, 3, 2, 1])}.
 * M is computed and reported (mean M per segment, as an info line) but, as in the recipe, not used for the
 * name.
 * <p>
 * The engine hands algorithms the scaled features (log1p then z-score). The scores depend only on the order
 * of the values, and both steps are increasing, so the scores on the scaled values are those on the raw ones.
 * Floating point can only weaken this where two raw values differ in their last few bits (log1p may round
 * them to the same number, and a tie is then broken by order of appearance instead of by value) or where a
 * column is so nearly constant that the scaler writes zeros; neither happens with counts, days or amounts.
 *
 * <h2>The model</h2>
 * k is the number of distinct segments the customers fall in, numbered in the canonical order of
 * {@link RfmSegment} with absent segments left out, so that a segment's number does not depend on anything
 * but which segments are present; {@link ClusterModel#segmentNames()} gives their names. Leaving absent
 * segments out (rather than always having 11, some empty) keeps empty rows with undefined means out of the
 * profiles and reports. The centroids are the mean scaled feature vectors of the segments (all numeric
 * columns), and the cost is the inertia of this assignment (sum of squared distances to those means), so the
 * model reads like any other. The requested k, seed, runs and iteration cap are ignored: nothing is random.
 */
@Component(service = Clusterer.class)
@StageName(RfmSegmentsClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class RfmSegmentsClusterer implements Clusterer {
    static final String NAME = "rfm-segments";
    static final CentroidNaming NAMING = CentroidNaming.of(NAME, "RFM segments");
    static final String RECENCY = "recency";
    static final String FREQUENCY = "frequency";
    static final String MONETARY = "monetary";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Named RFM segments (Champions, Loyal Customers, ..., Lost) from quintile scores, by rule; "
                + "needs --features rfm and ignores --k";
    }

    /** A model saved from {@link RfmSegmentsModel#state()}: predicts as the fitted one did. */
    @Override
    public ClusterModel restore(ModelState state) {
        return RfmSegmentsModel.restore(state);
    }

    @Override
    public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
        String entity = features.entity().label();
        requireRfmColumns(features);
        int n = features.rowCount();
        if (n == 0) {
            throw new SegmentaException("rfm-segments: there are no " + entity + "s to score");
        }
        List<NumericColumn> numeric = features.numeric();
        for (NumericColumn c : numeric) {
            requireFinite(features, c, "fit");
        }
        double[] recency = column(features, RECENCY, "fit");
        double[] frequency = column(features, FREQUENCY, "fit");
        double[] monetary = column(features, MONETARY, "fit");

        double[] recencySorted = RfmQuintiles.sorted(recency);
        double[] frequencySorted = RfmQuintiles.sorted(frequency);
        // ties broken by customer id, as the pandas recipe (groupby sorts by id) does
        int[] order = RfmQuintiles.idOrder(features.ids());
        int[] r = RfmQuintiles.recencyScores(recency, order); // most recent (smallest recency) scores 5
        int[] f = RfmQuintiles.scores(frequency, order);
        int[] m = RfmQuintiles.scores(monetary, order);

        int segments = RfmSegment.count();
        int[] ordinal = new int[n];
        int[] size = new int[segments];
        for (int i = 0; i < n; i++) {
            ordinal[i] = RfmSegment.of(r[i], f[i]).ordinal();
            size[ordinal[i]]++;
        }
        int[] numberOf = new int[segments];
        int k = 0;
        for (int s = 0; s < segments; s++) {
            numberOf[s] = size[s] > 0 ? k++ : -1;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = numberOf[ordinal[i]];
        }

        int d = numeric.size();
        double[][] centroids = new double[k][d];
        int[] members = new int[k];
        for (int l : labels) {
            members[l]++;
        }
        for (int j = 0; j < d; j++) {
            double[] v = numeric.get(j).values();
            for (int i = 0; i < n; i++) {
                centroids[labels[i]][j] += v[i];
            }
            for (int c = 0; c < k; c++) {
                centroids[c][j] /= members[c];
            }
        }
        double cost = 0;
        for (int j = 0; j < d; j++) {
            double[] v = numeric.get(j).values();
            for (int i = 0; i < n; i++) {
                double t = v[i] - centroids[labels[i]][j];
                cost += t * t;
            }
        }

        context.info("rfm-segments names segments by rule; --k is ignored (" + k + " of the " + segments
                + " segments have " + entity + "s)");
        List<String> ignored = new ArrayList<>();
        for (NumericColumn c : numeric) {
            if (!c.name().equals(RECENCY) && !c.name().equals(FREQUENCY) && !c.name().equals(MONETARY)) {
                ignored.add(c.name());
            }
        }
        for (CategoricalColumn c : features.categorical()) {
            ignored.add(c.name());
        }
        if (!ignored.isEmpty()) {
            context.info("rfm-segments scores recency, frequency and monetary only; these columns do not affect "
                    + "the segments: " + String.join(", ", ignored));
        }
        context.info(summary(size, m, ordinal, entity));
        context.progress(n, n, entity + "s");
        return new RfmSegmentsModel(features.numericNames(), RfmQuintiles.upperBounds(recencySorted),
                RfmQuintiles.upperBounds(frequencySorted), numberOf, labels, centroids, cost, r, f, m);
    }

    /** One line: each present segment's size and mean M score (the scores have no other way out yet). */
    private static String summary(int[] size, int[] m, int[] ordinal, String entity) {
        double[] mSum = new double[size.length];
        for (int i = 0; i < m.length; i++) {
            mSum[ordinal[i]] += m[i];
        }
        StringBuilder b = new StringBuilder("rfm-segments: ").append(entity).append("s and mean M score per segment:");
        String sep = " ";
        for (int s = 0; s < size.length; s++) {
            if (size[s] > 0) {
                b.append(sep).append(RfmSegment.byOrdinal(s).label()).append(' ').append(size[s])
                        .append(String.format(Locale.ROOT, " (M %.2f)", mSum[s] / size[s]));
                sep = "; ";
            }
        }
        return b.toString();
    }

    /** Fails, naming every missing column, unless recency, frequency and monetary are numeric columns. */
    static void requireRfmColumns(FeatureMatrix features) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(RECENCY, FREQUENCY, MONETARY)) {
            if (features.numericColumn(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw missing(features, missing);
        }
    }

    private static SegmentaException missing(FeatureMatrix features, List<String> missing) {
        List<String> present = new ArrayList<>(features.numericNames());
        for (CategoricalColumn c : features.categorical()) {
            present.add(c.name() + " (categorical)");
        }
        String entity = features.entity().label();
        return new SegmentaException("rfm-segments needs the numeric " + entity + " features recency, frequency"
                + " and monetary, but " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " missing (the features are: " + (present.isEmpty() ? "none" : String.join(", ", present))
                + "); use --features rfm");
    }

    /**
     * A numeric column's values, which must exist and be finite.
     *
     * @param step "fit" or "predict", for messages
     */
    static double[] column(FeatureMatrix features, String name, String step) {
        NumericColumn c = features.numericColumn(name).orElseThrow(() -> missing(features, List.of(name)));
        requireFinite(features, c, step);
        return c.values();
    }

    private static void requireFinite(FeatureMatrix features, NumericColumn column, String step) {
        double[] values = column.values();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new SegmentaException("rfm-segments (" + step + "): column '" + column.name() + "' is "
                        + values[i] + " for " + features.entity().label() + " " + features.ids().get(i) + " (row "
                        + (i + 1) + "); scores need a finite number for every " + features.entity().label());
            }
        }
    }
}
