package io.segmenta.table.rfm;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.Arrays;
import java.util.Optional;

/**
 * The RFM view of a run, as the reports show it: every entity scored R and F (1 to 5, {@link RfmQuintiles}, the
 * same scores as the {@code rfm-segments} algorithm) from the raw features {@code recency} and {@code frequency},
 * and counted in the 5 x 5 grid, per named RFM segment ({@link RfmSegment}), and per segment of the run against
 * named RFM segment. Where the features have a value column (the {@code rfm} extractor's {@code monetary}), the
 * value is summed alongside. Computed once here so that the HTML, JSON and any other report agree.
 * <p>
 * Arrays, not maps: cell {@code (r, f)} is at index {@link #cell(int, int)}, an RFM segment at its ordinal.
 *
 * @param entities the number of entities scored
 * @param cellCounts entities per cell, at {@link #cell(int, int)}
 * @param cellValues the summed value per cell (all NaN without a value column)
 * @param segmentCounts entities per RFM segment, by {@link RfmSegment#ordinal()}
 * @param segmentValues the summed value per RFM segment (all NaN without a value column)
 * @param totalValue the summed value of all entities (NaN without a value column)
 * @param bySegment {@code bySegment[s][o]}: entities of the run's segment {@code s} in RFM segment {@code o}
 */
public record RfmGrid(int entities, int[] cellCounts, double[] cellValues, int[] segmentCounts,
        double[] segmentValues, double totalValue, int[][] bySegment) {

    /** The features the grid is computed from. */
    public static final String RECENCY = "recency";
    public static final String FREQUENCY = "frequency";

    /**
     * The grid of a run's raw (unscaled) features and its segment labels, or empty when the features have no
     * numeric {@code recency} and {@code frequency} (the view needs them; the {@code rfm} extractor makes them)
     * or a value in them is not finite (it could not be ranked).
     *
     * @param labels the segment (0 to {@code k - 1}) of each row of {@code features}
     */
    public static Optional<RfmGrid> of(FeatureMatrix features, int[] labels, int k) {
        Optional<NumericColumn> recency = features.numericColumn(RECENCY);
        Optional<NumericColumn> frequency = features.numericColumn(FREQUENCY);
        if (recency.isEmpty() || frequency.isEmpty() || features.rowCount() == 0) {
            return Optional.empty();
        }
        double[] rv = recency.get().values();
        double[] fv = frequency.get().values();
        if (!allFinite(rv) || !allFinite(fv)) {
            return Optional.empty();
        }
        double[] value = features.value().map(NumericColumn::values).orElse(null);
        int n = features.rowCount();
        int[] order = RfmQuintiles.idOrder(features.ids());
        int[] r = RfmQuintiles.recencyScores(rv, order);
        int[] f = RfmQuintiles.scores(fv, order);
        int bins = RfmQuintiles.BINS;
        int[] cellCounts = new int[bins * bins];
        double[] cellValues = new double[bins * bins];
        int[] segmentCounts = new int[RfmSegment.count()];
        double[] segmentValues = new double[RfmSegment.count()];
        int[][] bySegment = new int[k][RfmSegment.count()];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int cell = cell(r[i], f[i]);
            int o = RfmSegment.of(r[i], f[i]).ordinal();
            cellCounts[cell]++;
            segmentCounts[o]++;
            bySegment[labels[i]][o]++;
            if (value != null) {
                cellValues[cell] += value[i];
                segmentValues[o] += value[i];
                total += value[i];
            }
        }
        if (value == null) {
            Arrays.fill(cellValues, Double.NaN);
            Arrays.fill(segmentValues, Double.NaN);
            total = Double.NaN;
        }
        return Optional.of(new RfmGrid(n, cellCounts, cellValues, segmentCounts, segmentValues, total, bySegment));
    }

    /** The index of cell R = {@code r}, F = {@code f} (1 to 5 each) in the cell arrays. */
    public static int cell(int r, int f) {
        return (r - 1) * RfmQuintiles.BINS + (f - 1);
    }

    /** Whether a value column was summed. */
    public boolean hasValue() {
        return !Double.isNaN(totalValue);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
