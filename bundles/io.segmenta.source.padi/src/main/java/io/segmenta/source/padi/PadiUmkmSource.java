package io.segmenta.source.padi;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.source.padi.CsvInput.Col;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.column.LongColumnBuilder;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.ReadProgress;
import io.segmenta.table.input.RejectionCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Component;

/**
 * Reads a PaDi UMKM marketplace export: a folder holding {@code df_order.csv} (orders, order-level fields
 * repeated on each of an order's rows), {@code df_order_complete.csv} (the order lines), {@code df_users.csv}
 * (buyers' and sellers' city and district) and optionally {@code df_products.csv}; each may be gzipped and
 * may be named without the {@code df_} prefix. docs/sources/padi-umkm.md lists every column.
 * <p>
 * Each line of df_order_complete becomes one row of the transactions table, joined to its order by order id
 * and to the buyer's and seller's df_users row by user id. Statuses are kept as exported (refunds and
 * cancellations included: a seller's return rate needs them). A line is counted, under the first rule it
 * breaks, as {@value #LINE_WITHOUT_ORDER_ID}, {@value #UNKNOWN_ORDER}, {@value #MISSING_BUYER},
 * {@value #MISSING_SELLER} or {@value #MISSING_DATE}; a df_order row is counted as
 * {@value #ORDER_ROW_WITHOUT_ID} or, when no line names its order, {@value #ORDER_WITHOUT_LINES}. So
 * {@code rowsRead} is the lines read plus the df_order rows that are dropped on their own.
 * <p>
 * The order-level amounts of df_order (voucher value, GMV, revenue) are spread over the order's lines in
 * proportion to their price_subtotal (equally when the subtotals add up to 0), so that sums over lines
 * equal the order totals.
 * <p>
 * A row with a value that cannot be read (a number, an amount with separators, a date in another format) or
 * the wrong number of fields is malformed and skipped: in df_order_complete and df_order it is a row read and
 * counted as "malformed: {column} ..." or "{@value MalformedRows#WRONG_WIDTH}" (listed before the rules); in
 * df_users it is said in an info line. When more than option {@value MalformedRows#OPTION} (default
 * {@value MalformedRows#DEFAULT}) of a file's rows are malformed, the read stops with a message quoting the
 * first bad value; with {@value MalformedRows#OPTION}=0 the first one stops it, naming the file, line,
 * column and value. Rows of one order that disagree on an order-level field always stop the read.
 * <p>
 * Kept lines equal to an earlier kept line in every column of the result (the same order and the same line
 * fields) are kept and counted in {@link DataQuality#duplicateRows()}.
 */
@Component(service = DataSource.class)
@StageName(PadiUmkmSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class PadiUmkmSource implements DataSource {
    static final String NAME = "padi-umkm";

    static final String LINE_WITHOUT_ORDER_ID = "order line without order id";
    static final String UNKNOWN_ORDER = "line of unknown order";
    static final String MISSING_BUYER = "missing buyer id";
    static final String MISSING_SELLER = "missing seller id";
    static final String MISSING_DATE = "missing order date";
    static final String ORDER_ROW_WITHOUT_ID = "order row without order id";
    static final String ORDER_WITHOUT_LINES = "order without lines";

    /** How often progress is reported and cancellation checked, in rows of all files together. */
    static final int PROGRESS_EVERY = 100_000;

    /** The extra (non-canonical) column holding "subcat 2". */
    static final String SUBCATEGORY_2 = "subcategory_2";
    /** The extra (non-canonical) column holding the line's unit (pcs, pack, box...). */
    static final String UNIT = "unit";

    /** The files of the export, by role. */
    enum Part {
        ORDERS("df_order", true),
        LINES("df_order_complete", true),
        USERS("df_users", true),
        PRODUCTS("df_products", false);

        final String base;
        final boolean required;

        Part(String base, boolean required) {
            this.base = base;
            this.required = required;
        }

        /** The file names accepted for this part, lower case, in the order they are listed in messages. */
        List<String> names() {
            String bare = base.substring(3);
            return List.of(base + ".csv", base + ".csv.gz", bare + ".csv", bare + ".csv.gz");
        }
    }

    // df_order: one row per order line, order-level fields repeated.
    static final Col[] ORDER_COLS = {
        Col.required("order_id", "orders_id", "id_order", "id"), // "_id" is "id" once underscores go
        Col.required("buyer_id", "id_buyer", "buyer"),
        Col.required("seller_id", "id_seller", "seller"),
        Col.required("order_date", "date", "created_at"),
        Col.required("status", "order_status"),
        Col.optional("seller_category"),
        Col.optional("payment_type"),
        Col.optional("payment_method"),
        Col.optional("voucher_code"),
        Col.optional("product_type"),
        Col.optional("voucher_val", "voucher_value"),
        Col.optional("gmv", "total_gmv"),
        Col.optional("revenue", "platform_revenue", "commission"),
    };
    private static final int O_ID = 0;
    private static final int O_BUYER = 1;
    private static final int O_SELLER = 2;
    private static final int O_DATE = 3;
    private static final int O_STATUS = 4;
    /** The order-level categorical columns, staged per order, and the output column each becomes. */
    private static final int[] O_CATEGORICAL = {O_BUYER, O_SELLER, O_STATUS, 5, 6, 7, 8, 9};
    private static final String[] O_CATEGORICAL_OUT = {
        TransactionField.CUSTOMER.columnName(), TransactionField.SELLER.columnName(),
        TransactionField.STATUS.columnName(), TransactionField.SELLER_CATEGORY.columnName(),
        TransactionField.PAYMENT_TYPE.columnName(), TransactionField.PAYMENT_METHOD.columnName(),
        TransactionField.VOUCHER_CODE.columnName(), TransactionField.PRODUCT_TYPE.columnName(),
    };
    private static final int S_BUYER = 0;
    private static final int S_SELLER = 1;
    private static final int S_STATUS = 2;
    /** The staged columns a later row of an order must repeat: the first ones of {@link #O_CATEGORICAL}. */
    private static final int[] CHECKED = {S_BUYER, S_SELLER, S_STATUS};
    /** Order-level amounts in whole Rupiah, spread over the order's lines. */
    private static final int[] O_AMOUNTS = {10, 11, 12};
    private static final String[] O_AMOUNTS_OUT = {
        TransactionField.VOUCHER_VALUE.columnName(), TransactionField.GMV.columnName(),
        TransactionField.PLATFORM_REVENUE.columnName(),
    };

    // df_order_complete: one row per order line.
    static final Col[] LINE_COLS = {
        Col.required("order_id", "orders_id", "id_order"),
        Col.required("quantity", "qty"),
        Col.required("price_subtotal", "subtotal"),
        Col.optional("price_per_item", "unit_price"),
        Col.optional("ppn", "tax", "vat"),
        Col.optional("Main Category", "category"),
        Col.optional("subcat 1", "subcategory", "subcategory_1"),
        Col.optional("subcat 2", "subcategory_2"),
        Col.optional("product_id"),
        Col.optional("product name"),
        Col.optional("unit"),
    };
    private static final int L_ORDER = 0;
    private static final int L_QUANTITY = 1;
    private static final int L_SUBTOTAL = 2;
    private static final int L_PRICE = 3;
    private static final int L_PPN = 4;
    private static final int L_CATEGORY = 5;
    private static final int L_SUBCAT1 = 6;
    private static final int L_SUBCAT2 = 7;
    private static final int L_PRODUCT_ID = 8;
    private static final int L_PRODUCT_NAME = 9;
    private static final int L_UNIT = 10;

    // df_users: one row per user, buyers and sellers alike.
    static final Col[] USER_COLS = {
        Col.required("id", "user_id"), // "_id" is "id" once underscores go
        Col.required("city"),
        Col.required("district"),
        Col.optional("province", "provinsi", "region"),
    };
    private static final int U_ID = 0;
    private static final int U_CITY = 1;
    private static final int U_DISTRICT = 2;
    private static final int U_PROVINCE = 3;

    private static final int BUFFER = 1 << 16;

    /** What {@code whole} returns for text that is not a whole number (it never parses to infinity). */
    private static final double BAD_NUMBER = Double.NEGATIVE_INFINITY;

    /** What price_subtotal must hold. */
    private static final String WHOLE_OR_PRICE = Values.WHOLE_RUPIAH
            + " (it may be empty only when price_per_item is given)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PaDi UMKM export (folder with df_order, df_order_complete, df_users CSVs, plain or gzip): "
                + "one row per order line with buyer, seller and their cities; all statuses kept";
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
        Map<Part, Path> files = files(input);
        Path products = files.get(Part.PRODUCTS);
        if (products != null) {
            context.info(NAME + ": " + products + " is not read: product attributes come from "
                    + files.get(Part.LINES).getFileName());
        }
        return new Reading(files, context, maxMalformed).run();
    }

    /** Finds the files of the export in the folder, by role. */
    static Map<Part, Path> files(Path folder) {
        String where = folder.toString();
        if (!Files.exists(folder)) {
            throw new SegmentaException("no such folder: " + where);
        }
        if (!Files.isDirectory(folder)) {
            throw new SegmentaException(where + " is a file; the " + NAME + " source reads a folder holding "
                    + "df_order.csv, df_order_complete.csv and df_users.csv (each may be .csv.gz)");
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(p -> byName.put(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
        } catch (IOException e) {
            throw new SegmentaException(where + ": cannot list the folder: " + e.getMessage(), e);
        }
        Map<Part, Path> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (Part part : Part.values()) {
            List<Path> candidates = new ArrayList<>();
            for (String name : part.names()) {
                Path p = byName.get(name);
                if (p != null && Files.isRegularFile(p)) {
                    candidates.add(p);
                }
            }
            if (candidates.size() > 1) {
                throw new SegmentaException(where + " holds " + candidates.size() + " files for " + part.base
                        + ": " + String.join(", ", candidates.stream().map(p -> p.getFileName().toString())
                        .toList()) + "; keep one");
            }
            if (candidates.size() == 1) {
                found.put(part, candidates.get(0));
            } else if (part.required) {
                missing.add(part.base + ".csv");
            }
        }
        if (!missing.isEmpty()) {
            throw new SegmentaException(where + ": missing " + String.join(", ", missing)
                    + " (each may be gzipped as .csv.gz and named without the df_ prefix); the folder holds: "
                    + (byName.isEmpty() ? "nothing" : String.join(", ", byName.values().stream()
                    .map(p -> p.getFileName().toString()).toList())));
        }
        return found;
    }

    /** Maps the codes of a staging dictionary to an output column's codes, in order of first use. */
    private static final class Recoder {
        private static final int UNSET = -2;
        final DictionaryColumnBuilder out = new DictionaryColumnBuilder(BUFFER);
        private final List<String> levels;
        private final int[] map;

        Recoder(List<String> levels) {
            this.levels = levels;
            this.map = new int[levels.size()];
            Arrays.fill(map, UNSET);
        }

        void add(int staged) {
            if (staged == CategoricalColumn.MISSING) {
                out.addCode(CategoricalColumn.MISSING);
                return;
            }
            int code = map[staged];
            if (code == UNSET) {
                code = out.encode(levels.get(staged));
                map[staged] = code;
            }
            out.addCode(code);
        }
    }

    /** The state of one read; {@link PadiUmkmSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final Path ordersPath;
        private final Path linesPath;
        private final Path usersPath;
        private final StageContext context;
        private long scanned;

        // Users: index by id; city, district and province staged as codes.
        private final IdIndex userIndex = new IdIndex();
        private final DictionaryColumnBuilder userCity = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder userDistrict = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder userProvince = new DictionaryColumnBuilder(BUFFER);
        private boolean hasProvince;

        // Orders, indexed in order of first appearance in df_order.
        private final IdIndex orderIndex = new IdIndex();
        private final List<String> orderIds = new ArrayList<>();
        private final DictionaryColumnBuilder[] staged = new DictionaryColumnBuilder[O_CATEGORICAL.length];
        private final boolean[] stagedPresent = new boolean[O_CATEGORICAL.length];
        private final DoubleColumnBuilder[] orderAmounts = new DoubleColumnBuilder[O_AMOUNTS.length];
        private final boolean[] amountPresent = new boolean[O_AMOUNTS.length];
        private final LongColumnBuilder orderTime = new LongColumnBuilder(BUFFER);
        private final LongColumnBuilder orderFirstLine = new LongColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder buyerUser = new DictionaryColumnBuilder(BUFFER);
        private final DictionaryColumnBuilder sellerUser = new DictionaryColumnBuilder(BUFFER);
        // Each df_order row with an order id: its order and line, to count the rows of orders without lines.
        private final DictionaryColumnBuilder rowOrder = new DictionaryColumnBuilder(BUFFER);
        private final LongColumnBuilder rowLine = new LongColumnBuilder(BUFFER);
        private final RejectionCounter orderRejections;

        // Lines.
        private int[] lineCount;
        private double[] subtotalSum;
        private final RejectionCounter lineRejections;
        private long linesRead;
        private final double maxMalformed;
        private List<Rejection> malformedOrders = List.of();
        private long malformedOrderCount;

        Reading(Map<Part, Path> files, StageContext context, double maxMalformed) {
            this.maxMalformed = maxMalformed;
            this.ordersPath = files.get(Part.ORDERS);
            this.linesPath = files.get(Part.LINES);
            this.usersPath = files.get(Part.USERS);
            this.context = context;
            for (int s = 0; s < staged.length; s++) {
                staged[s] = new DictionaryColumnBuilder(BUFFER);
            }
            for (int a = 0; a < orderAmounts.length; a++) {
                orderAmounts[a] = new DoubleColumnBuilder(BUFFER);
            }
            // Registered in the order the rules apply, so that all show, with 0 when nothing broke them.
            this.lineRejections = new RejectionCounter(linesPath.toString()).register(LINE_WITHOUT_ORDER_ID)
                    .register(UNKNOWN_ORDER).register(MISSING_BUYER).register(MISSING_SELLER).register(MISSING_DATE);
            this.orderRejections = new RejectionCounter(ordersPath.toString()).register(ORDER_ROW_WITHOUT_ID)
                    .register(ORDER_WITHOUT_LINES);
        }

        /** Bytes of the three files read against their sizes. */
        private ReadProgress progress;

        SourceData run() {
            progress = new ReadProgress(context, List.of(usersPath, ordersPath, linesPath));
            readUsers();
            readOrders();
            return readLines();
        }

        private void tick() {
            scanned++;
            if (scanned % PROGRESS_EVERY == 0) {
                progress.report(scanned);
                if (context.isCancelled()) {
                    throw new SegmentaException("cancelled");
                }
            }
        }

        // ---------------------------------------------------------------------------------------- users

        private void readUsers() {
            long withoutId = 0;
            long firstWithoutId = 0;
            long conflicting = 0;
            long firstConflict = 0;
            try (CsvInput in = CsvInput.open(usersPath, USER_COLS, maxMalformed)) {
                progress.reading(in.records());
                int[] col = in.columns();
                hasProvince = col[U_PROVINCE] >= 0;
                for (CSVRecord r = in.next(); r != null; r = in.next()) {
                    tick();
                    String id = Values.text(r.get(col[U_ID]));
                    if (id == null) {
                        withoutId++;
                        firstWithoutId = firstWithoutId == 0 ? in.line() : firstWithoutId;
                        continue;
                    }
                    int city = userCity.encode(Values.text(r.get(col[U_CITY])));
                    int district = userDistrict.encode(Values.text(r.get(col[U_DISTRICT])));
                    int province = hasProvince ? userProvince.encode(Values.text(r.get(col[U_PROVINCE])))
                            : CategoricalColumn.MISSING;
                    int known = userIndex.indexOf(id);
                    if (known == IdIndex.ABSENT) {
                        userIndex.add(id); // its index is userCity.size(): users are added in step
                        userCity.addCode(city);
                        userDistrict.addCode(district);
                        userProvince.addCode(province);
                    } else if (userCity.code(known) != city || userDistrict.code(known) != district
                            || userProvince.code(known) != province) {
                        conflicting++;
                        firstConflict = firstConflict == 0 ? in.line() : firstConflict;
                    }
                }
                in.malformed().finish();
                String skipped = in.malformed().summary();
                if (skipped != null) {
                    context.info(NAME + ": " + skipped + "; lines of their users have no city or district");
                }
            }
            // Users are not order lines, so these do not enter the rejection account; they are said instead.
            if (withoutId > 0) {
                context.info(NAME + ": " + withoutId + " row(s) of " + usersPath + " have no id and were ignored"
                        + " (first at line " + firstWithoutId + ")");
            }
            if (conflicting > 0) {
                context.info(NAME + ": " + conflicting + " row(s) of " + usersPath + " repeat an id with another"
                        + " city, district or province; the first row of each id is used (first repeat at line "
                        + firstConflict + ")");
            }
        }

        private int user(String id) {
            if (id == null) {
                return CategoricalColumn.MISSING;
            }
            int u = userIndex.indexOf(id);
            return u == IdIndex.ABSENT ? CategoricalColumn.MISSING : u;
        }

        // --------------------------------------------------------------------------------------- orders

        private void readOrders() {
            String lastDateText = null;
            long lastDate = 0;
            try (CsvInput in = CsvInput.open(ordersPath, ORDER_COLS, maxMalformed)) {
                progress.reading(in.records());
                int[] col = in.columns();
                for (int s = 0; s < O_CATEGORICAL.length; s++) {
                    stagedPresent[s] = col[O_CATEGORICAL[s]] >= 0;
                }
                for (int a = 0; a < O_AMOUNTS.length; a++) {
                    amountPresent[a] = col[O_AMOUNTS[a]] >= 0;
                }
                int[] codes = new int[O_CATEGORICAL.length];
                double[] amounts = new double[O_AMOUNTS.length];
                for (CSVRecord r = in.next(); r != null; r = in.next()) {
                    tick();
                    long line = in.line();
                    String id = Values.text(r.get(col[O_ID]));
                    if (id == null) {
                        orderRejections.reject(ORDER_ROW_WITHOUT_ID, line);
                        continue;
                    }
                    // Every value is checked, also on rows of an order already seen.
                    String dateRaw = r.get(col[O_DATE]);
                    long time;
                    if (dateRaw.equals(lastDateText)) {
                        time = lastDate;
                    } else {
                        String date = Values.text(dateRaw);
                        if (date == null) {
                            time = TimestampColumn.MISSING;
                        } else {
                            time = DateTimes.parseIsoDateOrDateTime(date);
                            if (time == DateTimes.BAD) {
                                in.reject(col[O_DATE], "is not a date", dateRaw,
                                        "a date as " + DateTimes.ISO_DATE_OR_DATE_TIME);
                                continue;
                            }
                        }
                        lastDateText = dateRaw;
                        lastDate = time;
                    }
                    if (!amounts(in, r, col, amounts)) {
                        continue;
                    }
                    int known = orderIndex.indexOf(id);
                    // A repeat row needs only the fields it is checked on (most rows are repeats: one per line).
                    int stagedToRead = known == IdIndex.ABSENT ? O_CATEGORICAL.length : CHECKED.length;
                    for (int s = 0; s < stagedToRead; s++) {
                        codes[s] = stagedPresent[s] ? staged[s].encode(Values.text(r.get(col[O_CATEGORICAL[s]])))
                                : CategoricalColumn.MISSING;
                    }
                    int o;
                    if (known == IdIndex.ABSENT) {
                        o = orderIndex.add(id);
                        orderIds.add(id);
                        for (int s = 0; s < O_CATEGORICAL.length; s++) {
                            staged[s].addCode(codes[s]);
                        }
                        for (int a = 0; a < O_AMOUNTS.length; a++) {
                            orderAmounts[a].add(amounts[a]);
                        }
                        orderTime.add(time);
                        orderFirstLine.add(line);
                        buyerUser.addCode(user(Values.text(r.get(col[O_BUYER]))));
                        sellerUser.addCode(user(Values.text(r.get(col[O_SELLER]))));
                    } else {
                        o = known;
                        checkRepeat(in, r, col, o, codes, time, amounts, line);
                    }
                    rowOrder.addCode(o);
                    rowLine.add(line);
                }
                in.malformed().finish();
                malformedOrders = in.malformed().toRejections();
                malformedOrderCount = in.malformed().count();
            }
        }

        /**
         * Reads the order-level amounts of a df_order row into {@code amounts} (NaN when absent).
         *
         * @return false when one is not a whole number: the row has been counted as malformed
         */
        private boolean amounts(CsvInput in, CSVRecord r, int[] col, double[] amounts) {
            for (int a = 0; a < O_AMOUNTS.length; a++) {
                amounts[a] = amountPresent[a] ? whole(r, col[O_AMOUNTS[a]]) : Double.NaN;
                if (amounts[a] == BAD_NUMBER) {
                    rejectWhole(in, r, col[O_AMOUNTS[a]]);
                    return false;
                }
            }
            return true;
        }

        private static void rejectWhole(CsvInput in, CSVRecord r, int column) {
            in.reject(column, "is not a whole number", r.get(column), Values.WHOLE_RUPIAH);
        }

        /**
         * A later row of an order must repeat the fields that decide what is counted for whom: buyer,
         * seller, status, date and the order-level amounts. Other fields (payment, product type, voucher
         * code) come from the order's first row.
         */
        private void checkRepeat(CsvInput in, CSVRecord r, int[] col, int o, int[] codes, long time,
                double[] amounts, long line) {
            for (int s : CHECKED) {
                if (codes[s] != staged[s].code(o)) {
                    throw repeat(in, r, col[O_CATEGORICAL[s]], o, line);
                }
            }
            if (time != orderTime.get(o)) {
                throw repeat(in, r, col[O_DATE], o, line);
            }
            for (int a = 0; a < O_AMOUNTS.length; a++) {
                if (Double.compare(amounts[a], orderAmounts[a].get(o)) != 0) {
                    throw repeat(in, r, col[O_AMOUNTS[a]], o, line);
                }
            }
        }

        private InputDataException repeat(CsvInput in, CSVRecord r, int column, int o, long line) {
            return new InputDataException(in.file, line, in.columnName(column), r.get(column),
                    "the value on line " + orderFirstLine.get(o) + ", the first row of order " + orderIds.get(o)
                    + " (order-level fields must repeat unchanged on every row of an order)");
        }

        // ---------------------------------------------------------------------------------------- lines

        private SourceData readLines() {
            int orders = orderIds.size();
            lineCount = new int[orders];
            subtotalSum = new double[orders];

            Recoder[] orderOut = new Recoder[O_CATEGORICAL.length];
            for (int s = 0; s < O_CATEGORICAL.length; s++) {
                orderOut[s] = stagedPresent[s] ? new Recoder(staged[s].build("levels").levels()) : null;
            }
            Recoder orderIdOut = new Recoder(orderIds);
            List<String> cities = userCity.build("levels").levels();
            List<String> districts = userDistrict.build("levels").levels();
            List<String> provinces = userProvince.build("levels").levels();
            Recoder city = new Recoder(cities);
            Recoder district = new Recoder(districts);
            Recoder province = new Recoder(provinces);
            Recoder sellerCity = new Recoder(cities);
            Recoder sellerDistrict = new Recoder(districts);
            Recoder sellerProvince = new Recoder(provinces);

            LongColumnBuilder timestamps = new LongColumnBuilder(BUFFER);
            DoubleColumnBuilder quantities = new DoubleColumnBuilder(BUFFER);
            DoubleColumnBuilder amounts = new DoubleColumnBuilder(BUFFER);
            DoubleColumnBuilder prices = new DoubleColumnBuilder(BUFFER);
            DoubleColumnBuilder taxes = new DoubleColumnBuilder(BUFFER);
            DictionaryColumnBuilder categories = new DictionaryColumnBuilder(BUFFER);
            DictionaryColumnBuilder subcategories = new DictionaryColumnBuilder(BUFFER);
            DictionaryColumnBuilder subcategories2 = new DictionaryColumnBuilder(BUFFER);
            DictionaryColumnBuilder products = new DictionaryColumnBuilder(BUFFER);
            DictionaryColumnBuilder units = new DictionaryColumnBuilder(BUFFER);
            // The order of each kept line, to spread the order-level amounts once all lines are known.
            DictionaryColumnBuilder keptOrder = new DictionaryColumnBuilder(BUFFER);

            BitSet unknownBuyers = new BitSet();
            BitSet unknownSellers = new BitSet();
            long unknownUserLines = 0;
            long firstTime = Long.MAX_VALUE;
            long lastTime = Long.MIN_VALUE;
            int[] col;
            DuplicateRows duplicates = new DuplicateRows(BUFFER);
            List<Rejection> malformedLines;
            try (CsvInput in = CsvInput.open(linesPath, LINE_COLS, maxMalformed)) {
                progress.reading(in.records());
                col = in.columns();
                int productCol = col[L_PRODUCT_ID] >= 0 ? col[L_PRODUCT_ID] : col[L_PRODUCT_NAME];
                for (CSVRecord r = in.next(); r != null; r = in.next()) {
                    tick();
                    long line = in.line();
                    // Every value is checked first, so a bad value makes the line malformed whichever rule it
                    // would break.
                    double quantity = Decimals.parse(r.get(col[L_QUANTITY]).strip(), '.', Decimals.NO_SEPARATOR,
                            false);
                    if (Double.isNaN(quantity)) {
                        in.reject(col[L_QUANTITY], "is not a number", r.get(col[L_QUANTITY]), Values.DECIMAL);
                        continue;
                    }
                    double price = col[L_PRICE] >= 0 ? whole(r, col[L_PRICE]) : Double.NaN;
                    if (price == BAD_NUMBER) {
                        rejectWhole(in, r, col[L_PRICE]);
                        continue;
                    }
                    double subtotal = whole(r, col[L_SUBTOTAL]);
                    if (subtotal == BAD_NUMBER) {
                        rejectWhole(in, r, col[L_SUBTOTAL]);
                        continue;
                    }
                    if (Double.isNaN(subtotal)) {
                        if (Double.isNaN(price)) {
                            in.reject(col[L_SUBTOTAL], "is missing and so is price_per_item", r.get(col[L_SUBTOTAL]),
                                    WHOLE_OR_PRICE);
                            continue;
                        }
                        subtotal = quantity * price; // the subtotal is missing, its parts are not
                    }
                    double tax = col[L_PPN] >= 0 ? whole(r, col[L_PPN]) : Double.NaN;
                    if (tax == BAD_NUMBER) {
                        rejectWhole(in, r, col[L_PPN]);
                        continue;
                    }

                    String id = Values.text(r.get(col[L_ORDER]));
                    if (id == null) {
                        lineRejections.reject(LINE_WITHOUT_ORDER_ID, line);
                        continue;
                    }
                    int known = orderIndex.indexOf(id);
                    if (known == IdIndex.ABSENT) {
                        lineRejections.reject(UNKNOWN_ORDER, line);
                        continue;
                    }
                    int o = known;
                    lineCount[o]++;
                    subtotalSum[o] += subtotal;
                    int buyer = staged[S_BUYER].code(o);
                    long time = orderTime.get(o);
                    if (buyer == CategoricalColumn.MISSING) {
                        lineRejections.reject(MISSING_BUYER, line);
                        continue;
                    }
                    if (staged[S_SELLER].code(o) == CategoricalColumn.MISSING) {
                        lineRejections.reject(MISSING_SELLER, line);
                        continue;
                    }
                    if (time == TimestampColumn.MISSING) {
                        lineRejections.reject(MISSING_DATE, line);
                        continue;
                    }

                    orderIdOut.add(o);
                    keptOrder.addCode(o);
                    for (int s = 0; s < O_CATEGORICAL.length; s++) {
                        if (orderOut[s] != null) {
                            orderOut[s].add(staged[s].code(o));
                        }
                    }
                    timestamps.add(time);
                    firstTime = Math.min(firstTime, time);
                    lastTime = Math.max(lastTime, time);
                    quantities.add(quantity);
                    amounts.add(subtotal);
                    prices.add(price);
                    taxes.add(tax);
                    String category = optionalText(r, col[L_CATEGORY]);
                    String subcategory = subcategory(r, col[L_SUBCAT1]);
                    String subcategory2 = subcategory(r, col[L_SUBCAT2]);
                    String product = optionalText(r, productCol);
                    String unit = optionalText(r, col[L_UNIT]);
                    categories.add(category);
                    subcategories.add(subcategory);
                    subcategories2.add(subcategory2);
                    products.add(product);
                    units.add(unit);
                    // The other columns of the row are functions of the order (its fields, buyer, seller and
                    // their places, the spread amounts: those also of the subtotal), so these decide equality.
                    duplicates.start().field(o).field(quantity).field(subtotal).field(price).field(tax)
                            .field(category).field(subcategory).field(subcategory2).field(product).field(unit).end();

                    int bu = buyerUser.code(o);
                    int su = sellerUser.code(o);
                    if (bu == CategoricalColumn.MISSING || su == CategoricalColumn.MISSING) {
                        unknownUserLines++;
                        if (bu == CategoricalColumn.MISSING) {
                            unknownBuyers.set(buyer);
                        }
                        if (su == CategoricalColumn.MISSING) {
                            unknownSellers.set(staged[S_SELLER].code(o));
                        }
                    }
                    city.add(bu < 0 ? bu : userCity.code(bu));
                    district.add(bu < 0 ? bu : userDistrict.code(bu));
                    province.add(bu < 0 ? bu : userProvince.code(bu));
                    sellerCity.add(su < 0 ? su : userCity.code(su));
                    sellerDistrict.add(su < 0 ? su : userDistrict.code(su));
                    sellerProvince.add(su < 0 ? su : userProvince.code(su));
                }
                in.malformed().finish();
                malformedLines = in.malformed().toRejections();
                // Malformed lines included: those of the wrong width never reached the loop.
                linesRead = in.rows();
            }
            progress.finished(scanned);
            if (unknownUserLines > 0) {
                context.info(NAME + ": " + unknownBuyers.cardinality() + " buyer id(s) and "
                        + unknownSellers.cardinality() + " seller id(s) of kept lines are not in " + usersPath
                        + "; their city and district are left missing (" + unknownUserLines + " line(s))");
            }
            long rowsRead = linesRead + orderRejections.count(ORDER_ROW_WITHOUT_ID) + countOrdersWithoutLines()
                    + malformedOrderCount;

            List<Column> columns = new ArrayList<>();
            columns.add(orderOut[S_BUYER].out.build(TransactionField.CUSTOMER.columnName()));
            columns.add(orderIdOut.out.build(TransactionField.ORDER.columnName()));
            columns.add(timestamps.build(TransactionField.TIMESTAMP.columnName()));
            columns.add(quantities.build(TransactionField.QUANTITY.columnName()));
            columns.add(amounts.build(TransactionField.AMOUNT.columnName()));
            if (col[L_PRICE] >= 0) {
                columns.add(prices.build(TransactionField.UNIT_PRICE.columnName()));
            }
            for (int s = 1; s < O_CATEGORICAL.length; s++) {
                if (orderOut[s] != null) {
                    columns.add(orderOut[s].out.build(O_CATEGORICAL_OUT[s]));
                }
            }
            if (col[L_PRODUCT_ID] >= 0 || col[L_PRODUCT_NAME] >= 0) {
                columns.add(products.build(TransactionField.PRODUCT.columnName()));
            }
            if (col[L_CATEGORY] >= 0) {
                columns.add(categories.build(TransactionField.CATEGORY.columnName()));
            }
            if (col[L_SUBCAT1] >= 0) {
                columns.add(subcategories.build(TransactionField.SUBCATEGORY.columnName()));
            }
            if (col[L_SUBCAT2] >= 0) {
                columns.add(subcategories2.build(SUBCATEGORY_2));
            }
            if (col[L_UNIT] >= 0) {
                columns.add(units.build(UNIT));
            }
            if (col[L_PPN] >= 0) {
                columns.add(taxes.build(TransactionField.TAX.columnName()));
            }
            int[] lineOrders = keptOrder.build("orders").codes();
            double[] lineAmounts = amounts.toArray();
            for (int a = 0; a < O_AMOUNTS.length; a++) {
                if (amountPresent[a]) {
                    columns.add(spread(O_AMOUNTS_OUT[a], orderAmounts[a], lineOrders, lineAmounts));
                }
            }
            columns.add(city.out.build(TransactionField.CITY.columnName()));
            columns.add(district.out.build(TransactionField.DISTRICT.columnName()));
            if (hasProvince) {
                columns.add(province.out.build(TransactionField.REGION.columnName()));
            }
            columns.add(sellerCity.out.build(TransactionField.SELLER_CITY.columnName()));
            columns.add(sellerDistrict.out.build(TransactionField.SELLER_DISTRICT.columnName()));
            if (hasProvince) {
                columns.add(sellerProvince.out.build(TransactionField.SELLER_REGION.columnName()));
            }
            TransactionTable table = new TransactionTable(columns);

            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> rejections = new ArrayList<>(malformedLines);
            rejections.addAll(malformedOrders);
            rejections.addAll(lineRejections.toRejections());
            rejections.addAll(orderRejections.toRejections());
            boolean any = table.rowCount() > 0;
            DataQuality quality = new DataQuality(NAME,
                    List.of(ordersPath.toString(), linesPath.toString(), usersPath.toString()), rowsRead,
                    table.rowCount(), rejections, any ? firstTime : TimestampColumn.MISSING,
                    any ? lastTime : TimestampColumn.MISSING,
                    Map.of("customers", (long) orderOut[S_BUYER].out.levelCount(),
                            "sellers", (long) orderOut[S_SELLER].out.levelCount(),
                            "orders", (long) orderIdOut.out.levelCount()), duplicates.count());
            return new SourceData(table, quality);
        }

        /** Counts, in file order, every df_order row whose order no line names; returns how many. */
        private long countOrdersWithoutLines() {
            long count = 0;
            for (int i = 0; i < rowOrder.size(); i++) {
                if (lineCount[rowOrder.code(i)] == 0) {
                    orderRejections.reject(ORDER_WITHOUT_LINES, rowLine.get(i));
                    count++;
                }
            }
            return count;
        }

        /**
         * An order-level amount spread over the order's kept lines in proportion to their subtotals, or
         * equally when those add up to 0; a single line gets the whole amount exactly.
         */
        private NumericColumn spread(String name, DoubleColumnBuilder perOrder, int[] lineOrders,
                double[] lineAmounts) {
            double[] values = new double[lineOrders.length];
            for (int i = 0; i < values.length; i++) {
                int o = lineOrders[i];
                double total = perOrder.get(o);
                if (lineCount[o] == 1) {
                    values[i] = total;
                } else if (subtotalSum[o] != 0) {
                    values[i] = total * (lineAmounts[i] / subtotalSum[o]);
                } else {
                    values[i] = total / lineCount[o];
                }
            }
            return new NumericColumn(name, values);
        }

        private static String optionalText(CSVRecord r, int column) {
            return column < 0 ? null : Values.text(r.get(column));
        }

        /** "subcat 1" and "subcat 2" hold 0 for "none" in the export. */
        private static String subcategory(CSVRecord r, int column) {
            String t = optionalText(r, column);
            return "0".equals(t) ? null : t;
        }

        /**
         * A whole Rupiah amount, NaN when the field is empty or NaN, or {@link #BAD_NUMBER} when it is not a
         * whole number.
         */
        private static double whole(CSVRecord r, int column) {
            String t = r.get(column).strip();
            if (Values.isMissing(t)) {
                return Double.NaN;
            }
            double v = Values.parseWhole(t);
            return Double.isNaN(v) ? BAD_NUMBER : v;
        }
    }
}
