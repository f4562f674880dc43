package io.segmenta.spark;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.source.mapped.MappedColumns;
import io.segmenta.source.mapped.MappedRules;
import io.segmenta.source.mapped.Mapping;
import io.segmenta.table.input.MalformedRows;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The mapped-csv source's rules for one row, run on the executors with the single-machine source's own
 * {@link MappedRules} (the values read first, then the enabled rules in their order, then the amount overflow).
 * The mapping and its columns are built again on each executor from the mapping's keys and the first record (they
 * hold formatters that do not serialise), once per task.
 * <p>
 * In: {@link CsvLines}' rows. Out: {@link #schema}, one row per row read.
 */
final class MappedRowsOnSpark implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String mappingFile;
    private final Map<String, String> mappingValues;
    private final List<String> first;
    private final long firstLine;
    private transient MappedRules rules;
    private transient MappedColumns columns;

    MappedRowsOnSpark(String input, Mapping mapping, List<String> first, long firstLine) {
        this.input = input;
        this.mappingFile = mapping.file();
        this.mappingValues = Map.copyOf(mapping.values());
        this.first = List.copyOf(first);
        this.firstLine = firstLine;
    }

    /**
     * The classified rows: position, customer, order, timestamp, quantity, amount, the categorical columns and the
     * numeric output columns by the mapping's names, reason, record.
     */
    static StructType schema(MappedColumns columns) {
        StructType schema = new StructType().add(SparkTransactions.ROW, DataTypes.LongType, false)
                .add("customer", DataTypes.StringType).add("order", DataTypes.StringType)
                .add("timestamp", DataTypes.LongType).add("quantity", DataTypes.DoubleType)
                .add("amount", DataTypes.DoubleType);
        for (String name : columns.categoricalNames()) {
            schema = schema.add(name, DataTypes.StringType);
        }
        List<String> numeric = columns.numericNames();
        for (int s = 0; s < numeric.size(); s++) {
            if (columns.numericOutput(s)) {
                schema = schema.add(numeric.get(s), DataTypes.DoubleType);
            }
        }
        return schema.add(ReadAccount.REASON, DataTypes.StringType).add(SparkTransactions.RECORD, DataTypes.StringType);
    }

    @Override
    public Row call(Row in) {
        if (rules == null) {
            Mapping mapping = Mapping.of(mappingFile, mappingValues);
            columns = new MappedColumns(mapping, input, first, firstLine);
            rules = new MappedRules(mapping, columns);
        }
        int width = columns.width();
        long line = in.getLong(width + 1);
        String record = record(in, width);
        int outputs = columns.categoricalNames().size() + outputNumbers();
        Object[] out = new Object[6 + outputs + 2];
        out[0] = line;
        out[out.length - 1] = record;
        if (!in.isNullAt(width)) {
            out[out.length - 2] = MalformedRows.WRONG_WIDTH;
            return RowFactory.create(out);
        }
        MappedRules.Fields fields = i -> in.isNullAt(i) ? "" : in.getString(i);
        int outcome = rules.read(fields);
        if (outcome == MappedRules.KEEP) {
            outcome = rules.judge(fields);
        }
        if (outcome != MappedRules.KEEP) {
            out[out.length - 2] = rules.reason(outcome);
            return RowFactory.create(out);
        }
        out[1] = rules.customer();
        // without an order column each row is its own order, keyed by its line (unique in the file)
        out[2] = rules.order() != null ? rules.order() : Long.toString(line);
        out[3] = rules.time() == TimestampColumn.MISSING ? null : rules.time();
        out[4] = rules.quantity();
        out[5] = rules.amount();
        int o = 6;
        for (int s = 0; s < columns.categoricalNames().size(); s++) {
            String v = fields.get(columns.categoricalColumn(s)).strip();
            out[o++] = v.isEmpty() ? null : v;
        }
        for (int s = 0; s < columns.numericNames().size(); s++) {
            if (columns.numericOutput(s)) {
                out[o++] = rules.value(s);
            }
        }
        return RowFactory.create(out);
    }

    private int outputNumbers() {
        int n = 0;
        for (int s = 0; s < columns.numericNames().size(); s++) {
            n += columns.numericOutput(s) ? 1 : 0;
        }
        return n;
    }

    /** The row's fields joined by a character no export holds, so that equal records give equal texts. */
    private static String record(Row in, int width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < width; i++) {
            b.append(in.isNullAt(i) ? "" : in.getString(i)).append('\u0001');
        }
        return b.toString();
    }
}
