package io.segmenta.source.ukretail;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.DateCache;
import io.segmenta.table.source.HeaderColumn;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * Source {@value #NAME}: the UCI Online Retail export (one CSV file, plain or gzip), one row per kept invoice line.
 * docs/sources/uk-retail.md is its specification: the columns read, the rules that drop rows and in which order,
 * malformed rows and duplicates.
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
    /** Shown only when a row breaks it: quantity and price are finite, their product is not. */
    static final String AMOUNT_OVERFLOW = TransactionTableBuilder.nonFiniteAmount("quantity x unit price");

    /** How often progress is reported and cancellation checked, in rows. */
    static final int PROGRESS_EVERY = ReadTicker.EVERY;

    static final String EXPECTED_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /**
     * The columns this source reads, as the export names them. Matching ignores case, spaces and underscores
     * ("Customer ID", "customer_id").
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
        return List.of(MalformedRows.option(), SourceEncoding.option());
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        double maxMalformed = MalformedRows.max(context.options());
        Charset encoding = SourceEncoding.read(context.options());
        InputFiles.requireFile(input, "the " + NAME + " source reads one CSV file (plain or .gz)");
        ReadTicker ticker = new ReadTicker(context, NAME, List.of(input));
        try (CsvTable table = CsvTable.open(input, encoding, "a CSV with the header " + EXPECTED_HEADER,
                maxMalformed)) {
            ticker.reading(table);
            SourceData data = new Reading(table, ticker).run();
            ticker.log(data.quality());
            return data;
        }
    }

    /** The state of one read; {@link UkRetailSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final CsvTable table;
        private final ReadTicker ticker;
        private final int[] column;

        private final RejectionCounter rejections;
        private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
        private final TransactionTableBuilder rows = new TransactionTableBuilder(BUFFER);
        private final DoubleColumnBuilder prices = rows.numeric(TransactionField.UNIT_PRICE);
        private final DictionaryColumnBuilder products = rows.categorical(TransactionField.PRODUCT);
        private final DictionaryColumnBuilder regions = rows.categorical(TransactionField.REGION);
        private final DateCache dates = new DateCache(InvoiceDates::parse);

        // One-entry cache: the lines of an invoice are consecutive and share the customer, so most rows skip the
        // customer id copy.
        private String lastRawCustomer;
        private String lastCustomer;

        Reading(CsvTable table, ReadTicker ticker) {
            this.table = table;
            this.ticker = ticker;
            // Description is not read, so it is not required.
            this.column = table.columns(EXPECTED_HEADER, HeaderColumn.required(REQUIRED));
            // Registered in the order the rules apply, so that all four show, with 0 when nothing broke them.
            this.rejections = new RejectionCounter(table.file()).register(MISSING_CUSTOMER).register(CANCELLED)
                    .register(NON_POSITIVE_QUANTITY).register(NON_POSITIVE_PRICE);
        }

        SourceData run() {
            while (table.next()) {
                row();
                ticker.tick();
            }
            table.finish();
            // Rows of the wrong width never reach row(): the reader skipped and counted them.
            long rowsRead = table.rows();
            ticker.finished(rowsRead);
            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> all = new ArrayList<>(table.malformedRows().toRejections());
            all.addAll(rejections.toRejections());
            return rows.toSourceData(NAME, List.of(table.file()), rowsRead, all,
                    Map.of("customers", (long) rows.customers().levelCount(), "orders",
                            (long) rows.orders().levelCount(), "products", (long) products.levelCount()),
                    duplicates.count());
        }

        private void row() {
            long line = table.line();
            String invoice = table.raw(column[INVOICE]).trim();
            String rawCustomer = table.raw(column[CUSTOMER]).trim();
            double quantity = Decimals.parse(table.raw(column[QUANTITY]));
            double price = Decimals.parse(table.raw(column[UNIT_PRICE]));
            long time = dates.parse(table.raw(column[INVOICE_DATE]));

            // Every value has been checked above, so a bad value makes the row malformed whichever rule it
            // would break.
            if (invoice.isEmpty()) {
                table.reject(column[INVOICE], "is empty", "", "an invoice number");
            } else if (Double.isNaN(quantity)) {
                rejectNumber(QUANTITY);
            } else if (Double.isNaN(price)) {
                rejectNumber(UNIT_PRICE);
            } else if (time == DateTimes.BAD) {
                table.reject(column[INVOICE_DATE], "is not a date-time", table.raw(column[INVOICE_DATE]),
                        "a date-time as " + DateTimes.ISO_PATTERN + " or " + InvoiceDates.UCI_PATTERN);
            } else if (rawCustomer.isEmpty()) {
                rejections.reject(MISSING_CUSTOMER, line);
            } else if (invoice.charAt(0) == 'C' || invoice.charAt(0) == 'c') {
                rejections.reject(CANCELLED, line);
            } else if (!(quantity > 0)) {
                rejections.reject(NON_POSITIVE_QUANTITY, line);
            } else if (!(price > 0)) {
                rejections.reject(NON_POSITIVE_PRICE, line);
            } else if (!TransactionTableBuilder.finite(quantity, quantity * price)) {
                rejections.reject(AMOUNT_OVERFLOW, line);
            } else {
                keep(rawCustomer, invoice, time, quantity, price);
                duplicates.add(table.record());
            }
        }

        private void keep(String rawCustomer, String invoice, long time, double quantity, double price) {
            if (!rawCustomer.equals(lastRawCustomer)) {
                lastRawCustomer = rawCustomer;
                lastCustomer = Keys.stripDecimalZero(rawCustomer);
            }
            rows.add(lastCustomer, invoice, time, quantity, quantity * price);
            prices.add(price);
            products.add(table.raw(column[STOCK_CODE]).trim());
            regions.add(table.raw(column[COUNTRY]).trim());
        }

        private void rejectNumber(int field) {
            table.reject(column[field], "is not a number", table.raw(column[field]),
                    "a number (digits with '.' as the decimal point, e.g. 2.55)");
        }
    }
}
