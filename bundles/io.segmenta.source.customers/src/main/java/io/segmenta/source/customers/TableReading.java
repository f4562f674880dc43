package io.segmenta.source.customers;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.stage.StageContext;
import io.segmenta.source.customers.TableOptions.ColumnKind;
import io.segmenta.table.column.LongColumnBuilder;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.ReadTicker;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One read of a customer table: rows read (a row whose id is empty, or whose value in a column declared numeric
 * is not a number, is malformed; a repeated id is rejected), then each column's kind decided, identifier-like
 * columns left out, and missing values handled by the declared rule. Not thread-safe; one per read.
 */
final class TableReading {
    static final String REPEATED_ID = "id repeats an earlier row";
    /** Below this many rows no column is taken for an identifier: a few rows are all distinct by chance. */
    static final int IDENTIFIER_MIN_ROWS = 20;
    /** A categorical column with at least this share of distinct values among its values is taken for a name. */
    static final double IDENTIFIER_SHARE = 0.9;

    private final CsvTable table;
    private final TableOptions options;
    private final StageContext context;
    private final ReadTicker ticker;
    private final RejectionCounter rejections;

    TableReading(CsvTable table, TableOptions options, StageContext context, ReadTicker ticker) {
        this.table = table;
        this.options = options;
        this.context = context;
        this.ticker = ticker;
        this.rejections = new RejectionCounter(table.file());
        rejections.register(REPEATED_ID);
    }

    SourceData run() {
        TableColumns columns = TableColumns.of(table, options);
        List<ColumnValues> values = new ArrayList<>();
        List<Integer> declaredNumeric = new ArrayList<>();
        for (int c : columns.candidates()) {
            values.add(new ColumnValues(table.columnName(c), c));
            if (options.kinds().get(table.columnName(c)) == ColumnKind.NUMERIC) {
                declaredNumeric.add(c);
            }
        }
        String idName = table.columnName(columns.id());
        List<String> ids = new ArrayList<>();
        LongColumnBuilder lines = new LongColumnBuilder();
        Set<String> seen = new HashSet<>();
        while (table.next()) {
            ticker.tick();
            String id = table.id(columns.id(), "an id (column " + idName + ")");
            for (int c : declaredNumeric) {
                String text = table.text(c);
                if (!ColumnValues.missing(text) && Double.isNaN(options.format().number(text))) {
                    table.bad(c, "is not a number", text, options.format().describeNumbers() + " (option "
                            + TableOptions.KIND + " declares it numeric)");
                }
            }
            if (table.malformed()) {
                continue;
            }
            if (!seen.add(id)) {
                rejections.reject(REPEATED_ID, table.line());
                continue;
            }
            ids.add(id);
            lines.add(table.line());
            for (ColumnValues v : values) {
                v.add(table.text(v.index));
            }
        }
        table.finish();
        long rowsRead = table.rows();
        ticker.finished(rowsRead);
        return build(idName, ids, lines.toArray(), values, rowsRead);
    }

    private SourceData build(String idName, List<String> ids, long[] lines, List<ColumnValues> values, long rowsRead) {
        List<NumericColumn> numeric = new ArrayList<>();
        List<CategoricalColumn> categorical = new ArrayList<>();
        List<Object> fileOrder = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        for (ColumnValues v : values) {
            CategoricalColumn levels = v.levels();
            if (levels.levelCount() == 0) {
                context.info("column '" + v.name + "' has no values: left out");
                continue;
            }
            ColumnKind declared = options.kinds().get(v.name);
            ColumnKind kind = declared != null ? declared
                    : ColumnValues.numbers(levels, options.format()) ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL;
            if (kind == ColumnKind.NUMERIC) {
                NumericColumn c = new NumericColumn(v.name, ColumnValues.asNumbers(levels, options.format()));
                numeric.add(c);
                fileOrder.add(c);
            } else if (declared == null && !options.keep().contains(v.name) && identifierLike(levels)) {
                identifiers.add(v.name + " (" + levels.levelCount() + " distinct values)");
            } else {
                categorical.add(levels);
                fileOrder.add(levels);
            }
        }
        if (!identifiers.isEmpty()) {
            String message = "left out, as almost every value is distinct (a name or an id, not a feature): "
                    + String.join(", ", identifiers) + "; option " + TableOptions.KEEP + " keeps such a column";
            context.info(message);
            context.logger().log(Level.INFO, "{0}: {1}: {2}", CustomerTableSource.NAME, table.file(), message);
        }
        MissingValues missing = new MissingValues(numeric, categorical, fileOrder);
        boolean[] keep = missing.apply(options.missing(), lines, rejections);
        tellMissing(missing);
        List<String> keptIds = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                keptIds.add(ids.get(i));
            }
        }
        EntityTable entities = new EntityTable(options.entity(), idName, keptIds,
                numeric.stream().map(c -> new NumericColumn(c.name(), kept(c.values(), keep))).toList(),
                categorical.stream().map(c -> kept(c, keep)).toList());
        context.info(describe(entities));
        List<Rejection> all = new ArrayList<>(table.malformedRows().toRejections());
        all.addAll(rejections.toRejections());
        DataQuality quality = new DataQuality(CustomerTableSource.NAME, List.of(table.file()), rowsRead,
                keptIds.size(), all, TimestampColumn.MISSING, TimestampColumn.MISSING,
                Map.of(options.entity().label() + "s", (long) keptIds.size()));
        return SourceData.ofEntities(entities, quality);
    }

    private boolean identifierLike(CategoricalColumn levels) {
        long present = 0;
        for (int code : levels.codes()) {
            if (code != CategoricalColumn.MISSING) {
                present++;
            }
        }
        return present >= IDENTIFIER_MIN_ROWS && levels.levelCount() >= IDENTIFIER_SHARE * present;
    }

    private void tellMissing(MissingValues missing) {
        if (missing.counts().isEmpty()) {
            return;
        }
        String counts = missing.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String message = "missing values: " + counts + (options.missing() == TableOptions.MissingRule.DROP
                ? "; rows with one are dropped (option " + TableOptions.MISSING + "=drop)"
                : "; imputed (option " + TableOptions.MISSING + "=impute): " + String.join(", ", missing.imputed()));
        context.info(message);
        context.logger().log(Level.INFO, "{0}: {1}: {2}", CustomerTableSource.NAME, table.file(), message);
    }

    private String describe(EntityTable t) {
        return t.rowCount() + " " + t.entity().label() + "s by " + t.idColumn() + "; numeric "
                + t.numeric().stream().map(NumericColumn::name).toList() + ", categorical "
                + t.categorical().stream().map(CategoricalColumn::name).toList();
    }

    private static double[] kept(double[] values, boolean[] keep) {
        double[] out = new double[count(keep)];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    /** The kept rows of a column; levels no kept row has are dropped, so that reports show no empty level. */
    private static CategoricalColumn kept(CategoricalColumn c, boolean[] keep) {
        int[] remap = new int[c.levelCount()];
        Arrays.fill(remap, -2);
        List<String> levels = new ArrayList<>();
        int[] codes = new int[count(keep)];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                int code = c.code(i);
                if (code != CategoricalColumn.MISSING && remap[code] == -2) {
                    remap[code] = levels.size();
                    levels.add(c.levels().get(code));
                }
                codes[j++] = code == CategoricalColumn.MISSING ? code : remap[code];
            }
        }
        return new CategoricalColumn(c.name(), codes, levels);
    }

    private static int count(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        return n;
    }
}
