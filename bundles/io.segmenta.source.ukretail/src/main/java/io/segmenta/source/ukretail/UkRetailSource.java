package io.segmenta.source.ukretail;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.data.Rejection;
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
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.ReadProgress;
import io.segmenta.table.input.RejectionCounter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Reads the UCI Online Retail export (a UK online gift retailer, 2010-12-01 to 2011-12-09): a CSV file,
 * plain or gzip-compressed, with the header
 * {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}.
 * <p>
 * Rows are streamed; each is either kept or counted under the first of these rules it breaks, in this order:
 * <ol>
 * <li>{@value #MISSING_CUSTOMER}: guest orders cannot be attributed to anyone;</li>
 * <li>{@value #CANCELLED}: cancellations and their negative quantities would be counted as purchases;</li>
 * <li>{@value #NON_POSITIVE_QUANTITY}: returns and adjustments that are not marked as cancellations;</li>
 * <li>{@value #NON_POSITIVE_PRICE}: free samples and stock corrections carry no revenue.</li>
 * </ol>
 * A row with a value that cannot be read (an empty InvoiceNo, a quantity or price that is not a number, a
 * date in no known format) or with the wrong number of fields is malformed: it is skipped and counted as
 * "malformed: {column} ..." or "{@value MalformedRows#WRONG_WIDTH}" (listed before the rules above, as it is
 * checked first), unless option {@value MalformedRows#OPTION} (default {@value MalformedRows#DEFAULT}) is
 * exceeded: then the read stops with a message quoting the first bad value, since such a file is not the
 * export this source knows. With {@value MalformedRows#OPTION}=0 the first malformed row stops the read
 * with a message naming the file, line, column and value.
 * <p>
 * Kept rows that repeat an earlier kept row in all eight fields are kept (the export has such lines; the
 * reference figures include them) and counted in {@link DataQuality#duplicateRows()}.
 */
@Component(service = DataSource.class)
@StageName(UkRetailSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class UkRetailSource implements DataSource {
    static final String NAME = "uk-retail";

    static final String MISSING_CUSTOMER = "missing CustomerID";
    static final String CANCELLED = "cancelled invoice (InvoiceNo starts with C)";
    static final String NON_POSITIVE_QUANTITY = "quantity <= 0";
    static final String NON_POSITIVE_PRICE = "unit price <= 0";

    /** How often progress is reported and cancellation checked, in rows. */
    static final int PROGRESS_EVERY = 100_000;

    static final String EXPECTED_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /**
     * The columns this source reads, as the export names them. Description is not read, so it is not
     * required. Matching ignores case, spaces and underscores ("Customer ID", "customer_id").
     */
    private static final String[] REQUIRED = {
        "InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"
    };
    private static final int INVOICE = 0;
    private static final int STOCK_CODE = 1;
    private static final int QUANTITY = 2;
    private static final int INVOICE_DATE = 3;
    private static final int UNIT_PRICE = 4;
    private static final int CUSTOMER = 5;
    private static final int COUNTRY = 6;

    private static final int BUFFER = 1 << 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UCI Online Retail export (CSV, plain or gzip); drops rows without CustomerID, cancellations, "
                + "and non-positive quantities or prices, counting each";
    }

    @Override
    public List<StageOption> options() {
        return List.of(MalformedRows.option());
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        double maxMalformed = MalformedRows.max(context.options());
        InputFiles.requireFile(input, "the " + NAME + " source reads one CSV file (plain or .gz)");
        // Malformed UTF-8 becomes U+FFFD instead of failing: it can only occur in free text such as
        // Description, which this source does not read; keys, numbers and dates are ASCII.
        try (CsvRecords records = new CsvRecords(InputFiles.openText(input, StandardCharsets.UTF_8, false,
                "a CSV with the header " + EXPECTED_HEADER, null), ',')) {
            return new Reading(records, context, maxMalformed).run();
        }
    }

    /** The state of one read; {@link UkRetailSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final String file;
        private final CsvRecords records;
        private final StageContext context;
        private final ReadProgress progress;

        private final int[] column = new int[REQUIRED.length];
        private final String[] columnName = new String[REQUIRED.length];

        private final RejectionCounter rejections;
        private final double maxMalformed;
        private MalformedRows malformed;
        private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
        private final DictionaryColumnBuilder customers = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder orders = new DictionaryColumnBuilder(BUFFER);
        private final LongColumnBuilder timestamps = new LongColumnBuilder(BUFFER);
        private final DoubleColumnBuilder quantities = new DoubleColumnBuilder(BUFFER);
        private final DoubleColumnBuilder amounts = new DoubleColumnBuilder(BUFFER);
        private final DoubleColumnBuilder prices = new DoubleColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder products = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder regions = new DictionaryColumnBuilder(BUFFER);

        private long rowsRead;
        private long firstTime = Long.MAX_VALUE;
        private long lastTime = Long.MIN_VALUE;

        // One-entry caches: the lines of an invoice are consecutive and share date and customer, so most
        // rows skip date parsing and the customer id copy.
        private String lastDateText;
        private long lastDateSeconds;
        private String lastRawCustomer;
        private String lastCustomer;

        Reading(CsvRecords records, StageContext context, double maxMalformed) {
            this.file = records.file();
            this.records = records;
            this.context = context;
            this.progress = ReadProgress.of(context, Path.of(records.file()));
            progress.reading(records);
            this.maxMalformed = maxMalformed;
            // Registered in the order the rules apply, so that all four show, with 0 when nothing broke them.
            this.rejections = new RejectionCounter(file).register(MISSING_CUSTOMER).register(CANCELLED)
                    .register(NON_POSITIVE_QUANTITY).register(NON_POSITIVE_PRICE);
        }

        SourceData run() {
            resolveHeader(records.first(), records.line());
            malformed = new MalformedRows(records, maxMalformed);
            for (CSVRecord record = records.next(); record != null; record = records.next()) {
                row(record, records.line());
            }
            malformed.finish();
            // Rows of the wrong width never reach row(): the reader skipped and counted them.
            rowsRead = records.rows();
            progress.finished(rowsRead);
            return result();
        }

        private void resolveHeader(CSVRecord header, long line) {
            String[] names = header.values();
            String[] keys = Headers.keys(names);
            List<String> missing = new ArrayList<>();
            for (int r = 0; r < REQUIRED.length; r++) {
                column[r] = Headers.find(names, keys, REQUIRED[r], file, line);
                if (column[r] < 0) {
                    missing.add(REQUIRED[r]);
                } else {
                    columnName[r] = names[column[r]];
                }
            }
            if (!missing.isEmpty()) {
                throw Headers.missing(file, line, missing, names, EXPECTED_HEADER);
            }
            records.expectWidth(names.length, "as in the header");
        }

        private void row(CSVRecord record, long line) {
            rowsRead++;
            String invoice = record.get(column[INVOICE]).trim();
            String rawCustomer = record.get(column[CUSTOMER]).trim();
            double quantity = number(record, QUANTITY);
            double price = number(record, UNIT_PRICE);
            long time = time(record);

            // Every value has been checked above, so a bad value makes the row malformed whichever rule it
            // would break.
            if (invoice.isEmpty()) {
                malformed.reject(MalformedRows.reason(columnName[INVOICE], "is empty"),
                        new InputDataException(file, line, columnName[INVOICE], "", "an invoice number"));
            } else if (Double.isNaN(quantity)) {
                malformed.reject(MalformedRows.reason(columnName[QUANTITY], "is not a number"),
                        numberError(record, QUANTITY, line));
            } else if (Double.isNaN(price)) {
                malformed.reject(MalformedRows.reason(columnName[UNIT_PRICE], "is not a number"),
                        numberError(record, UNIT_PRICE, line));
            } else if (time == DateTimes.BAD) {
                malformed.reject(MalformedRows.reason(columnName[INVOICE_DATE], "is not a date-time"),
                        new InputDataException(file, line, columnName[INVOICE_DATE], record.get(column[INVOICE_DATE]),
                                "a date-time as " + DateTimes.ISO_PATTERN + " or " + InvoiceDates.UCI_PATTERN));
            } else if (rawCustomer.isEmpty()) {
                rejections.reject(MISSING_CUSTOMER, line);
            } else if (invoice.charAt(0) == 'C' || invoice.charAt(0) == 'c') {
                rejections.reject(CANCELLED, line);
            } else if (!(quantity > 0)) {
                rejections.reject(NON_POSITIVE_QUANTITY, line);
            } else if (!(price > 0)) {
                rejections.reject(NON_POSITIVE_PRICE, line);
            } else {
                keep(record, rawCustomer, invoice, time, quantity, price);
                duplicates.add(record);
            }
            if (rowsRead % PROGRESS_EVERY == 0) {
                progress.report(rowsRead);
                if (context.isCancelled()) {
                    throw new SegmentaException("cancelled");
                }
            }
        }

        private void keep(CSVRecord record, String rawCustomer, String invoice, long time, double quantity,
                double price) {
            if (!rawCustomer.equals(lastRawCustomer)) {
                lastRawCustomer = rawCustomer;
                lastCustomer = Keys.stripDecimalZero(rawCustomer);
            }
            customers.add(lastCustomer);
            orders.add(invoice);
            timestamps.add(time);
            quantities.add(quantity);
            amounts.add(quantity * price);
            prices.add(price);
            products.add(record.get(column[STOCK_CODE]).trim());
            regions.add(record.get(column[COUNTRY]).trim());
            if (time < firstTime) {
                firstTime = time;
            }
            if (time > lastTime) {
                lastTime = time;
            }
        }

        /** The number, or NaN when the field is not one (see {@link #numberError}). */
        private double number(CSVRecord record, int field) {
            return Decimals.parse(record.get(column[field]));
        }

        private InputDataException numberError(CSVRecord record, int field, long line) {
            return new InputDataException(file, line, columnName[field], record.get(column[field]),
                    "a number (digits with '.' as the decimal point, e.g. 2.55)");
        }

        /** The seconds, or {@link DateTimes#BAD} when the field is not a date-time in a known format. */
        private long time(CSVRecord record) {
            String text = record.get(column[INVOICE_DATE]);
            if (text.equals(lastDateText)) {
                return lastDateSeconds;
            }
            long seconds = InvoiceDates.parse(text);
            if (seconds == DateTimes.BAD) {
                return seconds;
            }
            lastDateText = text;
            lastDateSeconds = seconds;
            return seconds;
        }

        private SourceData result() {
            TransactionTable table = new TransactionTable(List.of(
                    customers.build(TransactionField.CUSTOMER.columnName()),
                    orders.build(TransactionField.ORDER.columnName()),
                    timestamps.build(TransactionField.TIMESTAMP.columnName()),
                    quantities.build(TransactionField.QUANTITY.columnName()),
                    amounts.build(TransactionField.AMOUNT.columnName()),
                    prices.build(TransactionField.UNIT_PRICE.columnName()),
                    products.build(TransactionField.PRODUCT.columnName()),
                    regions.build(TransactionField.REGION.columnName())));
            boolean any = table.rowCount() > 0;
            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> all = new ArrayList<>(malformed.toRejections());
            all.addAll(rejections.toRejections());
            DataQuality quality = new DataQuality(NAME, List.of(file), rowsRead, table.rowCount(), all,
                    any ? firstTime : TimestampColumn.MISSING, any ? lastTime : TimestampColumn.MISSING,
                    Map.of("customers", (long) customers.levelCount(), "orders", (long) orders.levelCount(),
                            "products", (long) products.levelCount()), duplicates.count());
            return new SourceData(table, quality);
        }
    }
}
