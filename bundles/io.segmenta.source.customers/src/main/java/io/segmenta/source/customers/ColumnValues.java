package io.segmenta.source.customers;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.input.TextFormat;
import java.util.Set;

/**
 * The values of one candidate column as read, dictionary-encoded (each distinct text once), so that deciding
 * whether the column holds numbers parses each distinct value once rather than every row.
 */
final class ColumnValues {
    /**
     * The texts that mean "no value", as pandas' {@code read_csv} reads them by default (besides the empty field).
     */
    static final Set<String> MISSING_TOKENS = Set.of("NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None",
            "#N/A", "<NA>", "-NaN", "-nan");

    final String name;
    final int index;
    private final DictionaryColumnBuilder values = new DictionaryColumnBuilder(256);

    ColumnValues(String name, int index) {
        this.name = name;
        this.index = index;
    }

    /** Whether a field means "no value". */
    static boolean missing(String text) {
        return text.isEmpty() || MISSING_TOKENS.contains(text);
    }

    void add(String text) {
        values.add(missing(text) ? null : text);
    }

    /** The codes and distinct texts; missing values have {@link CategoricalColumn#MISSING}. */
    CategoricalColumn levels() {
        return values.build(name);
    }

    /** Whether every distinct value is a number in this format, and there is at least one. */
    static boolean numbers(CategoricalColumn levels, TextFormat format) {
        if (levels.levelCount() == 0) {
            return false;
        }
        for (String level : levels.levels()) {
            if (Double.isNaN(format.number(level))) {
                return false;
            }
        }
        return true;
    }

    /** The column's values as numbers (NaN where missing); every level must be a number. */
    static double[] asNumbers(CategoricalColumn levels, TextFormat format) {
        double[] byLevel = new double[levels.levelCount()];
        for (int l = 0; l < byLevel.length; l++) {
            byLevel[l] = format.number(levels.levels().get(l));
        }
        int[] codes = levels.codes();
        double[] values = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = codes[i] == CategoricalColumn.MISSING ? Double.NaN : byLevel[codes[i]];
        }
        return values;
    }
}
