package io.segmenta.source.customers;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.source.customers.TableOptions.MissingRule;
import io.segmenta.table.input.RejectionCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The missing values of the feature columns, counted by column, and the declared rule applied to them: drop the
 * row (counted under "missing value: COLUMN", its first column with one, in file order) or impute (a numeric
 * column's median, a categorical column's most frequent level, ties to the level seen first), as pandas'
 * {@code dropna()} and scikit-learn's {@code SimpleImputer(strategy="median" / "most_frequent")} do.
 */
final class MissingValues {
    static final String REASON_PREFIX = "missing value: ";

    private final List<NumericColumn> numeric;
    private final List<CategoricalColumn> categorical;
    /** The columns in file order, each numeric (a NumericColumn) or categorical. */
    private final List<Object> fileOrder;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> imputed = new ArrayList<>();
    private boolean[] keep;

    MissingValues(List<NumericColumn> numeric, List<CategoricalColumn> categorical, List<Object> fileOrder) {
        this.numeric = numeric;
        this.categorical = categorical;
        this.fileOrder = fileOrder;
    }

    /** Missing values by column, for the columns that have some, in file order. */
    Map<String, Long> counts() {
        return counts;
    }

    /** What was imputed, one entry per column ("Umur: median 35"). */
    List<String> imputed() {
        return imputed;
    }

    /**
     * Applies the rule.
     *
     * @param lines the line of each row, for the rejection account
     * @return for each row, whether it is kept
     */
    boolean[] apply(MissingRule rule, long[] lines, RejectionCounter rejections) {
        int n = lines.length;
        keep = new boolean[n];
        Arrays.fill(keep, true);
        for (Object column : fileOrder) {
            long count = 0;
            String name = column instanceof NumericColumn c ? c.name() : ((CategoricalColumn) column).name();
            for (int i = 0; i < n; i++) {
                if (isMissing(column, i)) {
                    count++;
                    if (rule == MissingRule.DROP && keep[i]) {
                        keep[i] = false;
                        rejections.reject(REASON_PREFIX + name, lines[i]);
                    }
                }
            }
            if (count > 0) {
                counts.put(name, count);
                if (rule == MissingRule.DROP) {
                    rejections.register(REASON_PREFIX + name); // a column's reason shows even if an earlier one took its rows
                }
            }
        }
        if (rule == MissingRule.IMPUTE) {
            impute();
        }
        return keep;
    }

    private static boolean isMissing(Object column, int row) {
        return column instanceof NumericColumn c ? Double.isNaN(c.get(row))
                : ((CategoricalColumn) column).code(row) == CategoricalColumn.MISSING;
    }

    private void impute() {
        for (NumericColumn c : numeric) {
            if (counts.containsKey(c.name())) {
                double median = median(c.values());
                double[] values = c.values(); // this source's own array, not yet handed over
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        values[i] = median;
                    }
                }
                imputed.add(String.format(Locale.ROOT, "%s: median %s", c.name(), plain(median)));
            }
        }
        for (CategoricalColumn c : categorical) {
            if (counts.containsKey(c.name())) {
                int mode = mostFrequent(c);
                int[] codes = c.codes();
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] == CategoricalColumn.MISSING) {
                        codes[i] = mode;
                    }
                }
                imputed.add(c.name() + ": most frequent '" + c.levels().get(mode) + "'");
            }
        }
    }

    /** The median of the values that are not NaN; NaN when there are none (a column with no value at all). */
    static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int m = present.length;
        if (m == 0) {
            return Double.NaN;
        }
        return m % 2 == 1 ? present[m / 2] : (present[m / 2 - 1] + present[m / 2]) / 2;
    }

    /** The level with the most rows; ties go to the level seen first. */
    static int mostFrequent(CategoricalColumn c) {
        long[] rows = new long[c.levelCount()];
        for (int code : c.codes()) {
            if (code != CategoricalColumn.MISSING) {
                rows[code]++;
            }
        }
        int best = 0;
        for (int l = 1; l < rows.length; l++) {
            if (rows[l] > rows[best]) {
                best = l;
            }
        }
        return best;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
