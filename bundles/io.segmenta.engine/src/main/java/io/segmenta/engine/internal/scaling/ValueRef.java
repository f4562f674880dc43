package io.segmenta.engine.internal.scaling;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;

/** Names a value of one column of a feature matrix in error messages: "'monetary' of customer 12346". */
record ValueRef(FeatureMatrix matrix, String column) {

    String at(int row) {
        return "'" + column + "' of " + matrix.entity().label() + " " + matrix.ids().get(row);
    }

    /**
     * The usual check of a step that needs finite values: a missing (NaN) value and an infinite one are
     * rejected with the step's name.
     */
    void requireFinite(String step, double value, int row) {
        if (Double.isNaN(value)) {
            throw new SegmentaException(step + " scaling needs a value for every " + matrix.entity().label() + "; "
                    + at(row) + " is missing");
        }
        if (Double.isInfinite(value)) {
            throw new SegmentaException(step + " scaling needs finite values; " + at(row) + " is " + value);
        }
    }
}
