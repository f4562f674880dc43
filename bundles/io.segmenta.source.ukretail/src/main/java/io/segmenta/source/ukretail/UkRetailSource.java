package io.segmenta.source.ukretail;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
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
import io.segmenta.table.source.IrregularCsv;
import io.segmenta.table.source.ParallelCsv;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    /** The header of the export (public, with the columns read below, for the Spark back-end; see RowRules). */
    public static final String EXPECTED_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /**
     * The columns this source reads, as the export names them. Matching ignores case, spaces and underscores
     * ("Customer ID", "customer_id").
     */
    static final String[] REQUIRED = {
        "InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"
    };
    public static final int INVOICE = 0;
    public static final int STOCK_CODE = 1;
    public static final int QUANTITY = 2;
    public static final int INVOICE_DATE = 3;
    public static final int UNIT_PRICE = 4;
    public static final int CUSTOMER = 5;
    public static final int COUNTRY = 6;

    /** The columns this source reads, as the export names them ({@link #INVOICE} ... {@link #COUNTRY}). */
    public static List<String> required() {
        return List.of(REQUIRED);
    }

    private static final int BUFFER = 1 << 16;

    private static final String EXPECTED = "a CSV with the header " + EXPECTED_HEADER;

    /** How files are read in parallel; null: sequentially, record by record. */
    private final ParallelCsv parallel;

    public UkRetailSource() {
        this(ParallelCsv.ofProcessors());
    }

    /** @param parallel how to read in parallel (tests: small blocks), or null to read sequentially */
    UkRetailSource(ParallelCsv parallel) {
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UCI Online Retail export (CSV, plain or gzip); drops rows without CustomerID, cancellations, "
                + "and non-positive quantities or prices, counting each";
    }

    /** The export's region is the customer's country; its prices are in pounds sterling. */
    @Override
    public String regionWord() {
        return "country";
    }

    @Override
    public Optional<String> currency() {
        return Optional.of("GBP");
    }

    @Override
    public List<StageOption> options() {
        return List.of(MalformedRows.option(), SourceEncoding.option());
    }

    /** The values of max-malformed and encoding, checked before anything is read. */
    @Override
    public void validate(Options options) {
        MalformedRows.max(options);
        SourceEncoding.read(options);
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        double maxMalformed = MalformedRows.max(context.options());
        // the parallel read decodes UTF-8 only; another encoding is read record by record
        ParallelCsv how = StandardCharsets.UTF_8.equals(SourceEncoding.read(context.options())) ? parallel : null;
        InputFiles.requireFile(input, "the " + NAME + " source reads one CSV file (plain or .gz)");
        SourceData data;
        try {
            data = read(input, context, maxMalformed, how);
        } catch (IrregularCsv e) {
            // Something only Commons CSV may judge (see ParallelCsv): read it all again with it.
            context.logger().log(Level.DEBUG, "{0}: reading {1} sequentially: {2}", NAME, input, e.getMessage());
            data = read(input, context, maxMalformed, null);
        }
        return data;
    }

    /**
     * Reads in parallel, or sequentially when {@code how} is null.
     *
     * @throws IrregularCsv when the file must be read sequentially instead
     */
    static SourceData read(Path input, StageContext context, double maxMalformed, ParallelCsv how) {
        ReadTicker ticker = new ReadTicker(context, NAME, List.of(input));
        Charset encoding = SourceEncoding.read(context.options());
        Set<TransactionField> fields = context.transactionFields();
        try (CsvTable table = CsvTable.open(input, encoding, EXPECTED, maxMalformed)) {
            ticker.reading(table);
            int[] column = table.columns(EXPECTED_HEADER, HeaderColumn.required(REQUIRED));
            SourceData data = how == null ? new Reading(table, ticker, fields).run()
                    : new ParallelReading(table, column, ticker, maxMalformed, RetailColumns.of(fields)).run(input,
                            how);
            ticker.log(data.quality());
            return data;
        }
    }

    /**
     * The data-quality account's entity counts: customers, orders and, when the product column was read, products.
     *
     * @param products the distinct products, or -1 when the column was not read
     */
    static Map<String, Long> entityCounts(long customers, long orders, long products) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("customers", customers);
        counts.put("orders", orders);
        if (products >= 0) {
            counts.put("products", products);
        }
        return counts;
    }

    /** The state of one read; {@link UkRetailSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final CsvTable table;
        private final ReadTicker ticker;
        private final int[] column;

        private final RejectionCounter rejections;
        private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
        private final TransactionTableBuilder rows;
        // discarding builders when the run does not read the field (the price is still read for its rule)
        private final DoubleColumnBuilder prices;
        private final DictionaryColumnBuilder products;
        private final DictionaryColumnBuilder regions;
        private final DateCache dates = new DateCache(InvoiceDates::parse);

        // One-entry cache: the lines of an invoice are consecutive and share the customer, so most rows skip the
        // customer id copy.
        private String lastRawCustomer;
        private String lastCustomer;

        Reading(CsvTable table, ReadTicker ticker, Set<TransactionField> fields) {
            this.table = table;
            this.ticker = ticker;
            this.rows = new TransactionTableBuilder(BUFFER, fields);
            this.prices = rows.numeric(TransactionField.UNIT_PRICE);
            this.products = rows.categorical(TransactionField.PRODUCT);
            this.regions = rows.categorical(TransactionField.REGION);
            // Description is not read, so it is not required.
            this.column = table.columns(EXPECTED_HEADER, HeaderColumn.required(REQUIRED));
            // Registered in the order the rules apply, so that all four show, with 0 when nothing broke them.
            this.rejections = RowRules.counter(table.file());
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
                    entityCounts(rows.customers().levelCount(), rows.orders().levelCount(),
                            products.keeps() ? products.levelCount() : -1), duplicates.count());
        }

        private void row() {
            long line = table.line();
            String invoice = table.raw(column[INVOICE]).trim();
            String rawCustomer = table.raw(column[CUSTOMER]).trim();
            double quantity = Decimals.parse(table.raw(column[QUANTITY]));
            double price = Decimals.parse(table.raw(column[UNIT_PRICE]));
            long time = dates.parse(table.raw(column[INVOICE_DATE]));
            int outcome = RowRules.judge(invoice.isEmpty() ? -1 : invoice.charAt(0), rawCustomer.isEmpty(), quantity,
                    price, time);
            if (outcome == RowRules.KEEP) {
                keep(rawCustomer, invoice, time, quantity, price);
                duplicates.add(table.record());
            } else if (outcome >= RowRules.FIRST_RULE) {
                rejections.reject(RowRules.REASONS[outcome - RowRules.FIRST_RULE], line);
            } else {
                int field = column[RowRules.column(outcome)];
                table.reject(field, RowRules.problem(outcome), outcome == RowRules.EMPTY_INVOICE ? ""
                        : table.raw(field), RowRules.expected(outcome));
            }
        }

        private void keep(String rawCustomer, String invoice, long time, double quantity, double price) {
            if (!rawCustomer.equals(lastRawCustomer)) {
                lastRawCustomer = rawCustomer;
                lastCustomer = Keys.stripDecimalZero(rawCustomer);
            }
            rows.add(lastCustomer, invoice, time, quantity, quantity * price);
            prices.add(price);
            if (products.keeps()) {
                products.add(table.raw(column[STOCK_CODE]).trim());
            }
            if (regions.keeps()) {
                regions.add(table.raw(column[COUNTRY]).trim());
            }
        }
    }
}
