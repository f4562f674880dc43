package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.Options;
import io.segmenta.source.mapped.MappedColumns;
import io.segmenta.source.mapped.MappedRules;
import io.segmenta.source.mapped.Mapping;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The mapped-csv source on Spark: the mapping file (option {@value #MAPPING}, read on the driver) assigns the
 * export's columns to the canonical fields; {@link CsvLines} reads the file with the mapping's delimiter, encoding
 * and header setting, and {@link MappedRowsOnSpark} judges every row with the single-machine source's
 * {@link MappedRules}. The account, entity counts (customers, orders, and products and sellers when mapped) and
 * duplicates are the single-machine source's. Not on Spark: {@code format.delimiter=whitespace}.
 */
final class MappedCsvOnSpark implements SparkSource {
    static final String MAPPING = "mapping";

    @Override
    public String name() {
        return "mapped-csv";
    }

    @Override
    public SparkTransactions read(SparkSession spark, String input, Options options) {
        String mappingPath = options.get(MAPPING).orElseThrow(() -> new SegmentaException("the " + name()
                + " source needs the option " + MAPPING + "=<file.properties> naming the mapping of the export's"
                + " columns (see docs/sources/mapped-csv.md)"));
        Mapping mapping;
        try {
            mapping = Mapping.load(Path.of(mappingPath)); // on the driver, relative to the current folder
        } catch (InvalidPathException e) {
            throw new SegmentaException("option " + MAPPING + ": '" + mappingPath + "' is not a file path: "
                    + e.getReason(), e);
        }
        if (mapping.whitespace()) {
            throw new SegmentaException("mapping " + mapping.file() + ": format.delimiter=whitespace is not read on"
                    + " Spark yet; run it with bin/segmenta, or convert the file to a delimited one");
        }
        double maxMalformed = MalformedRows.max(options);
        String charset = SourceEncoding.given(options).orElse(mapping.encoding()).name();
        boolean multiLine = Boolean.parseBoolean(spark.conf().get(UkRetailRead.MULTI_LINE, "false"));
        CsvLines.Read read = CsvLines.read(spark, input, new CsvLines.Format(mapping.delimiter(), charset,
                !mapping.header()), multiLine, (mapping.header() ? "a header and rows" : "rows")
                + " with the columns of mapping " + mapping.file());
        List<String> first = List.of(read.header());
        // on the driver first: a column the mapping names and the file lacks fails here, in one line
        MappedColumns columns = new MappedColumns(mapping, input, first, read.headerLine());
        List<String> rules = new MappedRules(mapping, columns).registered();
        Dataset<Row> classified = read.rows().map(new MappedRowsOnSpark(input, mapping, first, read.headerLine()),
                Encoders.row(MappedRowsOnSpark.schema(columns))).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ReadAccount account = ReadAccount.of(classified, input, RowPlaces.lines(input), rules, maxMalformed);
            SparkPipeline.logCachedSize(spark, account);
            Dataset<Row> kept = classified.filter(functions.col(ReadAccount.REASON).isNull()).drop(ReadAccount.REASON);
            Map<String, String> entities = new LinkedHashMap<>();
            entities.put("customers", "customer");
            entities.put("orders", "order");
            if (columns.productSlot() >= 0) {
                entities.put("products", columns.categoricalNames().get(columns.productSlot()));
            }
            if (columns.sellerSlot() >= 0) {
                entities.put("sellers", columns.categoricalNames().get(columns.sellerSlot()));
            }
            DataQuality quality = SparkQuality.of(name(), input, account, kept, entities);
            return new SparkTransactions(kept, fields(columns), quality, name(), input, classified::unpersist);
        } catch (RuntimeException e) {
            classified.unpersist();
            throw e;
        }
    }

    /** The canonical fields of the kept rows (extra columns have names of their own and are not among them). */
    private static Set<TransactionField> fields(MappedColumns columns) {
        Set<TransactionField> fields = EnumSet.of(TransactionField.CUSTOMER, TransactionField.ORDER,
                TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT);
        for (TransactionField f : TransactionField.values()) {
            if (columns.categoricalNames().contains(f.columnName()) || columns.numericNames().contains(f.columnName())) {
                fields.add(f);
            }
        }
        return fields;
    }
}
