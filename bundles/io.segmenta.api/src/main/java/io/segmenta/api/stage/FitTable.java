package io.segmenta.api.stage;

import java.util.List;

/**
 * A table of a {@link FeatureFit}: a title, column names and rows of labelled numbers (the holdout comparison
 * by calibration frequency).
 *
 * @param name a key for machine-readable outputs ("holdout_by_frequency")
 * @param title what a reader sees
 * @param columns the names of the numbers of each row (the label column not included)
 * @param rows the rows
 * @since 1.4
 */
public record FitTable(String name, String title, List<String> columns, List<Row> rows) {
    public FitTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** One row: its label and one finite number per column. */
    public record Row(String label, List<Double> values) {
        public Row {
            values = List.copyOf(values);
        }
    }
}
