package io.segmenta.source.mapped;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.ColumnType;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.column.LongColumnBuilder;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.Headers;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.input.InputText;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.ReadProgress;
import io.segmenta.table.input.RejectionCounter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Reads any delimited text export whose columns a small mapping file (option {@value #MAPPING}, a Java
 * properties file) assigns to the canonical {@link TransactionField}s: the way a team with its own export
 * starts. The mapping also names further columns to keep, the text format (delimiter, encoding, decimal
 * and thousands separators, timestamp pattern, header) and which rows to drop; docs/sources/mapped-csv.md
 * lists the keys.
 * <p>
 * Rows are streamed; each is either kept or counted under the first of the enabled rules it breaks, in
 * this order: {@value #MISSING_CUSTOMER}, order starts with the configured prefix, quantity &lt;= 0,
 * amount &lt;= 0. A row with a value that cannot be read (a number or date not in the configured format, an
 * empty order key when the order is mapped) or the wrong number of fields is malformed: it is skipped and
 * counted as "malformed: {column} ..." or "{@value MalformedRows#WRONG_WIDTH}" (listed first, as it is
 * checked first), unless more than option {@value MalformedRows#OPTION} (default
 * {@value MalformedRows#DEFAULT}) of the rows are: then the read stops with a message quoting the first bad
 * value, as such a file does not match its mapping. With {@value MalformedRows#OPTION}=0 the first
 * malformed row stops the read with a message naming the file, line, column and value. Bytes that are not
 * in the configured encoding always stop the read: they are a wrong mapping, not a bad row.
 * <p>
 * Kept rows that repeat an earlier kept row in every field of the file (mapped or not) are kept and counted
 * in {@link DataQuality#duplicateRows()}.
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

    static final String NO_ORDER_INFO = "no order mapped: each row is its own order";
    static final String NO_TIMESTAMP_INFO = "no timestamp mapped: recency cannot be computed";
    static final String NO_QUANTITY_INFO = "no quantity mapped: every row counts as quantity 1";

    /** How often progress is reported and cancellation checked, in rows. */
    static final int PROGRESS_EVERY = 100_000;

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
                MalformedRows.option());
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
        InputFiles.requireFile(input, "the " + NAME + " source reads one delimited text file (plain or .gz)");
        // Bytes that are not valid in the mapping's encoding are an error, not U+FFFD: a wrong encoding would
        // otherwise split one customer or category into several.
        InputText text = InputFiles.openText(input, mapping.encoding, true,
                (mapping.header ? "a header and rows" : "rows") + " with the columns of mapping " + mapping.file,
                "set " + Mapping.ENCODING + " in mapping " + mapping.file
                        + " to the file's encoding (e.g. UTF-8, ISO-8859-1, windows-1252)");
        try (CsvRecords records = new CsvRecords(text, mapping.delimiter)) {
            return new Reading(mapping, records, context, maxMalformed).run();
        }
    }

    /**
     * Where one mapped column is: its index in the record and its header name (for messages). Resolved once
     * from the header; the row loop only uses the indices.
     */
    private record Resolved(int index, String name) {
    }

    /** The state of one read; {@link MappedCsvSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final String file;
        private final Mapping mapping;
        private final CsvRecords records;
        private final StageContext context;

        private int width;

        private final RejectionCounter rejections;
        private final String orderPrefixReason;
        private final double maxMalformed;
        private MalformedRows malformed;
        private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
        /** The numeric slot whose value {@link #number} could not read, or -1. */
        private int badSlot;

        // Canonical required columns. A column index of -1 means "not mapped".
        private int customerCol = -1;
        private int orderCol = -1;
        private int timeCol = -1;
        private String orderName;
        private String timeName;
        private final DictionaryColumnBuilder customers = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder orders = new DictionaryColumnBuilder(BUFFER);
        private final LongColumnBuilder timestamps = new LongColumnBuilder(BUFFER);
        private final DoubleColumnBuilder quantities = new DoubleColumnBuilder(BUFFER);
        private final DoubleColumnBuilder amounts = new DoubleColumnBuilder(BUFFER);

        // Further categorical columns (canonical optional fields, then extras), parallel arrays.
        private int[] catCols;
        private String[] catNames;
        private DictionaryColumnBuilder[] cats;

        // Numeric columns, parallel arrays, including quantity, amount and unit_price when mapped: every
        // value of a row is parsed into rowValues before the rules apply, so a bad value is an error
        // whichever rule the row breaks.
        private int[] numCols;
        private String[] numHeaders;
        private String[] numNames;
        /** Quantity, amount and unit price must have a value; other numeric columns may be empty (NaN). */
        private boolean[] numRequired;
        private DoubleColumnBuilder[] nums;
        private double[] rowValues;
        private int quantitySlot = -1;
        private int amountSlot = -1;
        private int priceSlot = -1;
        private int productSlot = -1;
        private int sellerSlot = -1;
        /** Output order after the five required columns: 'c' or 'n' and the slot, in mapping order. */
        private final List<int[]> outputOrder = new ArrayList<>();

        private long rowsRead;
        private long firstTime = Long.MAX_VALUE;
        private long lastTime = Long.MIN_VALUE;

        // One-entry caches: consecutive lines of an order share date and customer.
        private String lastDateText;
        private long lastDateSeconds;
        private String lastRawCustomer;
        private String lastCustomer;

        private final ReadProgress progress;

        Reading(Mapping mapping, CsvRecords records, StageContext context, double maxMalformed) {
            this.maxMalformed = maxMalformed;
            this.file = records.file();
            this.mapping = mapping;
            this.records = records;
            this.context = context;
            this.progress = ReadProgress.of(context, Path.of(records.file()));
            progress.reading(records);
            // Only enabled rules are registered, in the order they apply; each shows with 0 when nothing
            // broke it.
            this.rejections = new RejectionCounter(file);
            this.orderPrefixReason = mapping.dropOrderPrefix == null ? null : orderPrefixReason(mapping.dropOrderPrefix);
            if (mapping.dropMissingCustomer) {
                rejections.register(MISSING_CUSTOMER);
            }
            if (orderPrefixReason != null) {
                rejections.register(orderPrefixReason);
            }
            if (mapping.dropNonPositiveQuantity) {
                rejections.register(NON_POSITIVE_QUANTITY);
            }
            if (mapping.dropNonPositiveAmount) {
                rejections.register(NON_POSITIVE_AMOUNT);
            }
        }

        SourceData run() {
            CSVRecord first = records.first();
            width = first.size();
            resolve(first, records.line());
            tellDefaults();
            records.expectWidth(width, mapping.header ? "as in the header" : "as on the first line");
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
            rowsRead = records.rows();
            progress.finished(rowsRead);
            return result();
        }

        private void tellDefaults() {
            context.info("mapping " + mapping.file + " read");
            if (orderCol < 0) {
                context.info(NO_ORDER_INFO);
            }
            if (timeCol < 0) {
                context.info(NO_TIMESTAMP_INFO);
            }
            if (quantitySlot < 0) {
                context.info(NO_QUANTITY_INFO);
            }
            if (amountSlot < 0) {
                context.info("no amount mapped: amount = quantity x unit_price");
            }
        }

        // ---- header ---------------------------------------------------------------------------------

        private void resolve(CSVRecord first, long line) {
            String[] header = new String[width];
            for (int i = 0; i < width; i++) {
                header[i] = first.get(i).strip();
            }
            List<Integer> cat = new ArrayList<>();
            List<String> catName = new ArrayList<>();
            List<Integer> num = new ArrayList<>();
            List<String> numHeader = new ArrayList<>();
            List<String> numName = new ArrayList<>();
            List<Boolean> numReq = new ArrayList<>();
            for (Map.Entry<TransactionField, String> e : mapping.fields.entrySet()) {
                TransactionField f = e.getKey();
                Resolved r = find(header, Mapping.FIELD_PREFIX + f.columnName(), e.getValue(), line);
                switch (f) {
                    case CUSTOMER -> customerCol = r.index();
                    case ORDER -> {
                        orderCol = r.index();
                        orderName = r.name();
                    }
                    case TIMESTAMP -> {
                        timeCol = r.index();
                        timeName = r.name();
                    }
                    default -> {
                        if (f.type() == ColumnType.CATEGORICAL) {
                            if (f == TransactionField.PRODUCT) {
                                productSlot = cat.size();
                            } else if (f == TransactionField.SELLER) {
                                sellerSlot = cat.size();
                            }
                            outputOrder.add(new int[] {'c', cat.size()});
                            cat.add(r.index());
                            catName.add(f.columnName());
                        } else if (f.type() == ColumnType.NUMERIC) {
                            boolean core = f == TransactionField.QUANTITY || f == TransactionField.AMOUNT
                                    || f == TransactionField.UNIT_PRICE;
                            if (f == TransactionField.QUANTITY) {
                                quantitySlot = num.size();
                            } else if (f == TransactionField.AMOUNT) {
                                amountSlot = num.size();
                            } else {
                                if (f == TransactionField.UNIT_PRICE) {
                                    priceSlot = num.size();
                                }
                                outputOrder.add(new int[] {'n', num.size()});
                            }
                            num.add(r.index());
                            numHeader.add(r.name());
                            numName.add(f.columnName());
                            numReq.add(core);
                        } else {
                            throw new SegmentaException("mapping " + mapping.file + ": field." + f.columnName()
                                    + " has type " + f.type() + ", which the " + NAME + " source cannot read yet");
                        }
                    }
                }
            }
            for (String source : mapping.extraCategorical) {
                Resolved r = find(header, Mapping.EXTRA_CATEGORICAL, source, line);
                outputOrder.add(new int[] {'c', cat.size()});
                cat.add(r.index());
                catName.add(mapping.extraName(source));
            }
            for (String source : mapping.extraNumeric) {
                Resolved r = find(header, Mapping.EXTRA_NUMERIC, source, line);
                outputOrder.add(new int[] {'n', num.size()});
                num.add(r.index());
                numHeader.add(r.name());
                numName.add(mapping.extraName(source));
                numReq.add(false);
            }
            catCols = cat.stream().mapToInt(Integer::intValue).toArray();
            catNames = catName.toArray(String[]::new);
            cats = new DictionaryColumnBuilder[catCols.length];
            for (int i = 0; i < cats.length; i++) {
                cats[i] = new DictionaryColumnBuilder(BUFFER);
            }
            numCols = num.stream().mapToInt(Integer::intValue).toArray();
            numHeaders = numHeader.toArray(String[]::new);
            numNames = numName.toArray(String[]::new);
            numRequired = new boolean[numCols.length];
            for (int i = 0; i < numRequired.length; i++) {
                numRequired[i] = numReq.get(i);
            }
            nums = new DoubleColumnBuilder[numCols.length];
            for (int i = 0; i < nums.length; i++) {
                nums[i] = new DoubleColumnBuilder(BUFFER);
            }
            rowValues = new double[numCols.length];
        }

        /**
         * The column a mapping value names. With a header: the column whose name is exactly the value, or
         * failing that the only one equal to it ignoring case, spaces and underscores. Without a header: a
         * column number counted from 1.
         */
        private Resolved find(String[] header, String key, String value, long line) {
            if (!mapping.header) {
                int n;
                try {
                    n = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1 || n > width) {
                    throw new InputDataException(file, line, null, null, "key " + key + " in mapping " + mapping.file
                            + " names column '" + value + "'; with " + Mapping.HEADER + "=false columns are numbers"
                            + " from 1 to " + width + " (the fields on the first line)");
                }
                return new Resolved(n - 1, "column " + n);
            }
            int found = -1;
            for (int i = 0; i < width; i++) {
                if (header[i].equals(value)) {
                    if (found >= 0) {
                        throw twice(header, key, value, found, i, line);
                    }
                    found = i;
                }
            }
            if (found < 0) {
                String wanted = Headers.key(value);
                for (int i = 0; i < width; i++) {
                    if (Headers.key(header[i]).equals(wanted)) {
                        if (found >= 0) {
                            throw twice(header, key, value, found, i, line);
                        }
                        found = i;
                    }
                }
            }
            if (found < 0) {
                StringBuilder m = new StringBuilder("column '").append(value).append("' named by key ").append(key)
                        .append(" in mapping ").append(mapping.file).append(" is not in the header; the header found is: ")
                        .append(String.join(String.valueOf(mapping.delimiter), header));
                if (width == 1) {
                    m.append(" (a single column: is ").append(Mapping.DELIMITER).append(" right? the mapping says '")
                            .append(mapping.delimiter == '\t' ? "\\t" : String.valueOf(mapping.delimiter)).append("')");
                }
                throw new InputDataException(file, line, null, null, m.toString());
            }
            return new Resolved(found, header[found]);
        }

        private InputDataException twice(String[] header, String key, String value, int a, int b, long line) {
            return new InputDataException(file, line, null, null, "key " + key + " in mapping " + mapping.file
                    + " names column '" + value + "', which matches two columns of the header ('" + header[a]
                    + "' and '" + header[b] + "')");
        }

        // ---- rows -----------------------------------------------------------------------------------

        private void row(CSVRecord record, long line) {
            rowsRead++;
            if (!values(record, line)) {
                tick();
                return;
            }
            String rawCustomer = record.get(customerCol).strip();
            String order = orderCol >= 0 ? record.get(orderCol).strip() : null;
            long time = timeCol >= 0 ? time(record) : TimestampColumn.MISSING;
            double quantity = quantitySlot >= 0 ? rowValues[quantitySlot] : 1.0;
            double amount = amountSlot >= 0 ? rowValues[amountSlot] : quantity * rowValues[priceSlot];

            if (mapping.dropMissingCustomer && rawCustomer.isEmpty()) {
                rejections.reject(MISSING_CUSTOMER, line);
            } else if (orderPrefixReason != null && order.startsWith(mapping.dropOrderPrefix)) {
                rejections.reject(orderPrefixReason, line);
            } else if (mapping.dropNonPositiveQuantity && !(quantity > 0)) {
                rejections.reject(NON_POSITIVE_QUANTITY, line);
            } else if (mapping.dropNonPositiveAmount && !(amount > 0)) {
                rejections.reject(NON_POSITIVE_AMOUNT, line);
            } else {
                keep(record, line, rawCustomer, order, time, quantity, amount);
                duplicates.add(record);
            }
            tick();
        }

        /**
         * Reads the row's order key, time and numbers (into rowValues), so that a bad value makes the row
         * malformed whichever rule it would break.
         *
         * @return false when the row is malformed: it has been counted (or the read stopped)
         */
        private boolean values(CSVRecord record, long line) {
            if (orderCol >= 0 && record.get(orderCol).isBlank()) {
                malformed.reject(MalformedRows.reason(orderName, "is empty"), new InputDataException(file, line,
                        orderName, "", "an order key (field.order is mapped, so every row needs one)"));
                return false;
            }
            if (timeCol >= 0 && time(record) == DateTimes.BAD) {
                malformed.reject(MalformedRows.reason(timeName, "is not a date-time"), new InputDataException(file,
                        line, timeName, record.get(timeCol), "a date-time as " + mapping.timestampPattern
                        + " (format.timestamp in mapping " + mapping.file + ")"));
                return false;
            }
            for (int s = 0; s < numCols.length; s++) {
                rowValues[s] = number(record, s);
                if (badSlot >= 0) {
                    malformed.reject(MalformedRows.reason(numHeaders[s], "is not a number"), new InputDataException(
                            file, line, numHeaders[s], record.get(numCols[s]),
                            Decimals.describe(mapping.decimal, mapping.thousands) + " for " + numNames[s]
                            + " (format.decimal / format.thousands in mapping " + mapping.file + ")"));
                    return false;
                }
            }
            return true;
        }

        private void tick() {
            if (rowsRead % PROGRESS_EVERY == 0) {
                progress.report(rowsRead);
                if (context.isCancelled()) {
                    throw new SegmentaException("cancelled");
                }
            }
        }

        private void keep(CSVRecord record, long line, String rawCustomer, String order, long time,
                double quantity, double amount) {
            if (!rawCustomer.equals(lastRawCustomer)) {
                lastRawCustomer = rawCustomer;
                lastCustomer = mapping.customerStripDecimalZero ? Keys.stripDecimalZero(rawCustomer) : rawCustomer;
            }
            customers.add(lastCustomer);
            // Without an order column each row is its own order, keyed by its line (unique in the file).
            orders.add(order != null ? order : Long.toString(line));
            timestamps.add(time);
            quantities.add(quantity);
            amounts.add(amount);
            for (int s = 0; s < catCols.length; s++) {
                cats[s].add(record.get(catCols[s]).strip());
            }
            for (int s = 0; s < numCols.length; s++) {
                if (s != quantitySlot && s != amountSlot) { // those two are in quantities and amounts
                    nums[s].add(rowValues[s]);
                }
            }
            if (time != TimestampColumn.MISSING) {
                if (time < firstTime) {
                    firstTime = time;
                }
                if (time > lastTime) {
                    lastTime = time;
                }
            }
        }

        /** The number, or NaN for an optional value left empty; sets {@link #badSlot} when it is not one. */
        private double number(CSVRecord record, int slot) {
            badSlot = -1;
            String text = record.get(numCols[slot]);
            double value = Decimals.parse(text, mapping.decimal, mapping.thousands);
            if (Double.isNaN(value) && (numRequired[slot] || !text.isBlank())) {
                badSlot = slot;
            }
            return value;
        }

        /** The seconds, or {@link DateTimes#BAD}; the last value is cached, as an order's lines share it. */
        private long time(CSVRecord record) {
            String text = record.get(timeCol);
            if (text.equals(lastDateText)) {
                return lastDateSeconds;
            }
            long seconds = DateTimes.parse(text.strip(), mapping.timestampFormat, mapping.timestampHasTime);
            if (seconds == DateTimes.BAD) {
                return seconds;
            }
            lastDateText = text;
            lastDateSeconds = seconds;
            return seconds;
        }

        // ---- result ---------------------------------------------------------------------------------

        private SourceData result() {
            List<Column> columns = new ArrayList<>();
            columns.add(customers.build(TransactionField.CUSTOMER.columnName()));
            columns.add(orders.build(TransactionField.ORDER.columnName()));
            columns.add(timestamps.build(TransactionField.TIMESTAMP.columnName()));
            columns.add(quantities.build(TransactionField.QUANTITY.columnName()));
            columns.add(amounts.build(TransactionField.AMOUNT.columnName()));
            for (int[] out : outputOrder) {
                int s = out[1];
                columns.add(out[0] == 'c' ? cats[s].build(catNames[s]) : nums[s].build(numNames[s]));
            }
            TransactionTable table = new TransactionTable(columns);
            boolean anyTime = timeCol >= 0 && table.rowCount() > 0;
            Map<String, Long> entities = new LinkedHashMap<>();
            entities.put("customers", (long) customers.levelCount());
            entities.put("orders", (long) orders.levelCount());
            if (productSlot >= 0) {
                entities.put("products", (long) cats[productSlot].levelCount());
            }
            if (sellerSlot >= 0) {
                entities.put("sellers", (long) cats[sellerSlot].levelCount());
            }
            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> all = new ArrayList<>(malformed.toRejections());
            all.addAll(rejections.toRejections());
            DataQuality quality = new DataQuality(NAME, List.of(file), rowsRead, table.rowCount(), all,
                    anyTime ? firstTime : TimestampColumn.MISSING, anyTime ? lastTime : TimestampColumn.MISSING,
                    entities, duplicates.count());
            return new SourceData(table, quality);
        }
    }
}
