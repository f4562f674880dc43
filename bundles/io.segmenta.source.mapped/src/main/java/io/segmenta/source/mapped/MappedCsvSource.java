package io.segmenta.source.mapped;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.input.InputText;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Source {@value #NAME}: any delimited text export whose columns a small mapping file (option {@value #MAPPING}, a
 * Java properties file) assigns to the canonical {@code TransactionField}s. docs/sources/mapped-csv.md is its
 * specification: the mapping keys, the rules that drop rows and in which order, malformed rows and duplicates.
 */
@Component(service = DataSource.class)
@StageName(MappedCsvSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class MappedCsvSource implements DataSource {
    static final String NAME = "mapped-csv";
    /** The option naming the mapping file. */
    static final String MAPPING = "mapping";

    static final String MISSING_CUSTOMER = "missing customer";
    static final String NON_POSITIVE_QUANTITY = "quantity <= 0";
    static final String NON_POSITIVE_AMOUNT = "amount <= 0";
    /** Always applied, last; shown only when a row breaks it: a computed amount that is not finite. */
    static final String AMOUNT_OVERFLOW = TransactionTableBuilder.nonFiniteAmount("quantity x unit price");

    static final String NO_ORDER_INFO = "no order mapped: each row is its own order";
    static final String NO_TIMESTAMP_INFO = "no timestamp mapped: recency cannot be computed";
    static final String NO_QUANTITY_INFO = "no quantity mapped: every row counts as quantity 1";

    /** How often progress is reported and cancellation checked, in rows. */
    static final int PROGRESS_EVERY = ReadTicker.EVERY;

    private static final int BUFFER = 1 << 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "any CSV/TSV export (plain or gzip) whose columns a mapping file assigns to the canonical fields";
    }

    @Override
    public List<StageOption> options() {
        return List.of(new StageOption(MAPPING, "the mapping file (.properties, UTF-8) that assigns the export's"
                + " columns to the canonical fields; see docs/sources/mapped-csv.md", "none (required)"),
                MalformedRows.option(), new StageOption(SourceEncoding.OPTION, "the character set of the export,"
                        + " overriding the mapping's " + Mapping.ENCODING + " (a Java name: UTF-8, windows-1252,"
                        + " ISO-8859-1, ...); bytes not valid in it stop the read, naming file, line and column",
                        "the mapping's " + Mapping.ENCODING + " (UTF-8)"));
    }

    /** The values of max-malformed and encoding, checked before anything is read (the mapping when reading). */
    @Override
    public void validate(Options options) {
        MalformedRows.max(options);
        SourceEncoding.given(options);
    }

    static String orderPrefixReason(String prefix) {
        return "order starts with " + prefix;
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        String mappingPath = context.options().get(MAPPING).orElseThrow(() -> new SegmentaException("the " + NAME
                + " source needs the option " + MAPPING + "=<file.properties> naming the mapping of the export's"
                + " columns (see docs/sources/mapped-csv.md)"));
        Path mappingFile;
        try {
            mappingFile = Path.of(mappingPath); // relative to the current folder, as --input is
        } catch (InvalidPathException e) {
            throw new SegmentaException("option " + MAPPING + ": '" + mappingPath + "' is not a file path: "
                    + e.getReason(), e);
        }
        Mapping mapping = Mapping.load(mappingFile);
        double maxMalformed = MalformedRows.max(context.options());
        // the one encoding option of every source; the mapping's format.encoding when it is not given
        Optional<Charset> option = SourceEncoding.given(context.options());
        InputFiles.requireFile(input, "the " + NAME + " source reads one delimited text file (plain or .gz)");
        // Bytes that are not valid in the mapping's encoding are an error, not U+FFFD: a wrong encoding would
        // otherwise split one customer or category into several.
        InputText text = InputFiles.openText(input, option.orElse(mapping.encoding), true,
                (mapping.header ? "a header and rows" : "rows") + " with the columns of mapping " + mapping.file,
                option.isPresent() ? SourceEncoding.HINT : "set " + Mapping.ENCODING + " in mapping " + mapping.file
                        + " (or option " + SourceEncoding.OPTION + ") to the file's encoding (e.g. UTF-8, ISO-8859-1,"
                        + " windows-1252)");
        ReadTicker ticker = new ReadTicker(context, NAME, List.of(input));
        try (CsvRecords records = mapping.whitespace ? CsvRecords.whitespaceSeparated(text)
                : new CsvRecords(text, mapping.delimiter)) {
            ticker.reading(records);
            SourceData data = new Reading(mapping, records, context, ticker, maxMalformed).run();
            ticker.log(data.quality());
            return data;
        }
    }

    /** The state of one read; {@link MappedCsvSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final String file;
        private final Mapping mapping;
        private final CsvRecords records;
        private final StageContext context;
        private final ReadTicker ticker;

        private final RejectionCounter rejections;
        private final double maxMalformed;
        private MalformedRows malformed;
        private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
        private final TransactionTableBuilder rows;

        private MappedColumns columns;
        /** The row rules, shared with the Spark back-end. */
        private MappedRules rules;
        private DictionaryColumnBuilder[] cats;
        /** Per numeric slot, its output column; null for quantity and amount, which are required columns. */
        private DoubleColumnBuilder[] nums;

        Reading(Mapping mapping, CsvRecords records, StageContext context, ReadTicker ticker, double maxMalformed) {
            this.maxMalformed = maxMalformed;
            this.file = records.file();
            this.mapping = mapping;
            this.records = records;
            this.context = context;
            this.ticker = ticker;
            // only the canonical columns the run reads, and sellers and products, which the account counts
            this.rows = new TransactionTableBuilder(BUFFER, TransactionTableBuilder.fields(context.transactionFields(),
                    TransactionField.SELLER, TransactionField.PRODUCT));
            this.rejections = new RejectionCounter(file);
        }

        SourceData run() {
            CSVRecord first = records.first();
            columns = new MappedColumns(mapping, file, first.toList(), records.line());
            rules = new MappedRules(mapping, columns);
            // Only enabled rules are registered, in the order they apply; each shows with 0 when nothing
            // broke it.
            rules.registered().forEach(rejections::register);
            outputColumns();
            tellDefaults();
            records.expectWidth(columns.width, mapping.header ? "as in the header" : "as on the first line");
            malformed = new MalformedRows(records, maxMalformed);
            if (!mapping.header) {
                records.firstIsData();
                row(first, records.line());
            }
            for (CSVRecord record = records.next(); record != null; record = records.next()) {
                row(record, records.line());
            }
            malformed.finish();
            // Rows of the wrong width never reach row(): the reader skipped and counted them.
            long rowsRead = records.rows();
            ticker.finished(rowsRead);
            return result(rowsRead);
        }

        /** The optional output columns, in mapping order after the required ones. */
        private void outputColumns() {
            cats = new DictionaryColumnBuilder[columns.catCols.length];
            nums = new DoubleColumnBuilder[columns.numCols.length];
            for (MappedColumns.Output out : columns.outputOrder) {
                int s = out.slot();
                if (out.kind() == 'c') {
                    cats[s] = rows.categorical(columns.catNames[s]);
                } else {
                    nums[s] = rows.numeric(columns.numNames[s]);
                }
            }
        }

        private void tellDefaults() {
            context.info("mapping " + mapping.file + " read");
            if (columns.order < 0) {
                context.info(NO_ORDER_INFO);
            }
            if (columns.time < 0) {
                context.info(NO_TIMESTAMP_INFO);
            }
            if (columns.quantitySlot < 0) {
                context.info(NO_QUANTITY_INFO);
            }
            if (columns.amountSlot < 0) {
                context.info("no amount mapped: amount = quantity x unit_price");
            }
        }

        private void row(CSVRecord record, long line) {
            if (values(record, line)) {
                apply(record, line);
            }
            ticker.tick();
        }

        /** Applies the enabled rules to a row whose values could all be read; keeps it or counts it. */
        private void apply(CSVRecord record, long line) {
            int outcome = rules.judge(record::get);
            if (outcome != MappedRules.KEEP) {
                rejections.reject(rules.reason(outcome), line);
            } else {
                keep(record, line);
                duplicates.add(record);
            }
        }

        /**
         * Reads the row's order key, time and numbers ({@link MappedRules#read}), so that a bad value makes the
         * row malformed whichever rule it would break.
         *
         * @return false when the row is malformed: it has been counted (or the read stopped)
         */
        private boolean values(CSVRecord record, long line) {
            int outcome = rules.read(record::get);
            if (outcome == MappedRules.KEEP) {
                return true;
            }
            InputDataException error;
            if (outcome == MappedRules.EMPTY_ORDER) {
                error = new InputDataException(file, line, columns.orderName, "", "an order key (field.order is"
                        + " mapped, so every row needs one)");
            } else if (outcome == MappedRules.BAD_TIME) {
                error = new InputDataException(file, line, columns.timeName, record.get(columns.time), "a date-time as "
                        + mapping.timestampPattern + " (format.timestamp in mapping " + mapping.file + ")");
            } else {
                int s = rules.badSlot();
                error = new InputDataException(file, line, columns.numHeaders[s], record.get(columns.numCols[s]),
                        Decimals.describe(mapping.decimal, mapping.thousands) + " for " + columns.numNames[s]
                        + " (format.decimal / format.thousands in mapping " + mapping.file + ")");
            }
            malformed.reject(rules.reason(outcome), error);
            return false;
        }

        private void keep(CSVRecord record, long line) {
            String order = rules.order();
            // Without an order column each row is its own order, keyed by its line (unique in the file).
            rows.add(rules.customer(), order != null ? order : Long.toString(line), rules.time(), rules.quantity(),
                    rules.amount());
            for (int s = 0; s < cats.length; s++) {
                if (cats[s].keeps()) { // a column the run does not read is not built
                    cats[s].add(record.get(columns.catCols[s]).strip());
                }
            }
            for (int s = 0; s < nums.length; s++) {
                if (nums[s] != null) { // quantity and amount are required columns
                    nums[s].add(rules.value(s));
                }
            }
        }

        private SourceData result(long rowsRead) {
            Map<String, Long> entities = new LinkedHashMap<>();
            entities.put("customers", (long) rows.customers().levelCount());
            entities.put("orders", (long) rows.orders().levelCount());
            if (columns.productSlot >= 0) {
                entities.put("products", (long) cats[columns.productSlot].levelCount());
            }
            if (columns.sellerSlot >= 0) {
                entities.put("sellers", (long) cats[columns.sellerSlot].levelCount());
            }
            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> all = new ArrayList<>(malformed.toRejections());
            all.addAll(rejections.toRejections());
            return rows.toSourceData(NAME, List.of(file), rowsRead, all, entities, duplicates.count());
        }
    }
}
