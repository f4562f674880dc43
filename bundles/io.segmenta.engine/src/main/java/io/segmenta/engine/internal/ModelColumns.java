package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.model.SavedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's columns of an entity table's features at predict. A file of new customers has the columns of the
 * training file, but what the table's reading decides from the values may differ on a few rows: a one-row table has
 * no column that repeats, and a code such as "1" looks numeric. So the model's columns are taken by name (each with
 * the model's kind: a categorical value read as a number is turned back into text), the other columns are left out
 * with an info line, and a missing column is an error naming it and the file.
 */
final class ModelColumns {
    private ModelColumns() {
    }

    static FeatureMatrix select(Path model, Path input, SavedModel saved, FeatureMatrix raw, StepRunner steps) {
        Map<String, NumericColumn> numeric = new LinkedHashMap<>();
        raw.numeric().forEach(c -> numeric.put(c.name(), c));
        Map<String, CategoricalColumn> categorical = new LinkedHashMap<>();
        raw.categorical().forEach(c -> categorical.put(c.name(), c));
        List<String> missing = new ArrayList<>();
        List<NumericColumn> keptNumeric = new ArrayList<>();
        for (String name : saved.numeric()) {
            NumericColumn c = numeric.remove(name);
            if (c == null) {
                missing.add(name + (categorical.containsKey(name) ? " (numeric in the model, not numbers here)" : ""));
            } else {
                keptNumeric.add(c);
            }
        }
        List<CategoricalColumn> keptCategorical = new ArrayList<>();
        for (String name : saved.categorical()) {
            CategoricalColumn c = categorical.remove(name);
            NumericColumn asNumber = c == null ? numeric.remove(name) : null;
            if (c != null) {
                keptCategorical.add(c);
            } else if (asNumber != null) {
                keptCategorical.add(asText(asNumber));
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SegmentaException(input + " lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " that the model " + model + " was trained on (numeric "
                    + saved.numeric() + ", categorical " + saved.categorical() + ")");
        }
        List<String> extra = new ArrayList<>(numeric.keySet());
        extra.addAll(categorical.keySet());
        if (!extra.isEmpty()) {
            steps.progress().info(StageKind.FEATURES, saved.features(), "left out (not in the model): "
                    + String.join(", ", extra));
        }
        return new FeatureMatrix(raw.entity(), raw.ids(), keptNumeric, keptCategorical,
                saved.valueColumn() != null && saved.numeric().contains(saved.valueColumn())
                        ? saved.valueColumn() : null);
    }

    /** A numeric column as text levels: whole numbers without ".0", as the file wrote them. */
    private static CategoricalColumn asText(NumericColumn column) {
        double[] values = column.values();
        int[] codes = new int[values.length];
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                codes[i] = CategoricalColumn.MISSING;
            } else {
                String text = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
                codes[i] = levels.computeIfAbsent(text, t -> levels.size());
            }
        }
        return new CategoricalColumn(column.name(), codes, List.copyOf(levels.keySet()));
    }
}
