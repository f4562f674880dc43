package io.segmenta.source.padi;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * Source {@value #NAME}: a PaDi UMKM marketplace export (a folder with df_order, df_order_complete, df_users and
 * optionally df_products), one row per order line with its buyer, seller and their places. docs/sources/padi-umkm.md
 * is its specification: the files and columns, the joins, the rules that drop rows and in which order, the spread
 * of order-level amounts, malformed rows and duplicates.
 * <p>
 * Reading is in steps, each its own class: {@link PadiUsers} reads df_users, {@link PadiOrders} df_order and
 * {@link PadiLines} the lines, which it joins, keeps or counts and turns into rows.
 */
@Component(service = DataSource.class)
@StageName(PadiUmkmSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class PadiUmkmSource implements DataSource {
    public static final String NAME = "padi-umkm";

    public static final String LINE_WITHOUT_ORDER_ID = "order line without order id";
    public static final String UNKNOWN_ORDER = "line of unknown order";
    public static final String MISSING_BUYER = "missing buyer id";
    public static final String MISSING_SELLER = "missing seller id";
    public static final String MISSING_DATE = "missing order date";
    /** Shown only when a line breaks it: quantity and price_per_item finite, their product (no subtotal) not. */
    public static final String AMOUNT_OVERFLOW = TransactionTableBuilder.nonFiniteAmount("quantity x price_per_item");
    public static final String ORDER_ROW_WITHOUT_ID = "order row without order id";
    public static final String ORDER_WITHOUT_LINES = "order without lines";

    /** How often progress is reported and cancellation checked, in rows of all files together. */
    static final int PROGRESS_EVERY = ReadTicker.EVERY;

    /** The extra (non-canonical) column holding "subcat 2". */
    public static final String SUBCATEGORY_2 = "subcategory_2";
    /** The extra (non-canonical) column holding the line's unit (pcs, pack, box...). */
    public static final String UNIT = "unit";

    /** The files of the export, by role. */
    public enum Part {
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

    static final int BUFFER = 1 << 16;

    /** What {@link #whole} returns for text that is not a whole number (it never parses to infinity). */
    public static final double BAD_NUMBER = Double.NEGATIVE_INFINITY;

    /** The problem of an amount that is not {@link #whole}, in the malformed reason. */
    public static final String NOT_WHOLE = "is not a whole number";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PaDi UMKM export (folder with df_order, df_order_complete, df_users CSVs, plain or gzip): "
                + "one row per order line with buyer, seller and their cities; all statuses kept";
    }

    /** The export's region is the Indonesian province (provinsi); its amounts are in rupiah. */
    @Override
    public String regionWord() {
        return "province";
    }

    @Override
    public Optional<String> currency() {
        return Optional.of("IDR");
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
        Charset encoding = SourceEncoding.read(context.options());
        Map<Part, Path> files = files(input);
        Path products = files.get(Part.PRODUCTS);
        if (products != null) {
            context.info(NAME + ": " + products + " is not read: product attributes come from "
                    + files.get(Part.LINES).getFileName());
        }
        Path orders = files.get(Part.ORDERS);
        Path lines = files.get(Part.LINES);
        Path users = files.get(Part.USERS);
        ReadTicker ticker = new ReadTicker(context, NAME, List.of(users, orders, lines));
        PadiUsers userTable = new PadiUsers();
        userTable.read(users, context, ticker, maxMalformed, encoding);
        PadiOrders orderTable = new PadiOrders(orders);
        orderTable.read(orders, userTable, ticker, maxMalformed, encoding);
        SourceData data = new PadiLines(lines, orderTable, userTable, maxMalformed, encoding).read(ticker, context,
                List.of(orders.toString(), lines.toString(), users.toString()));
        ticker.log(data.quality());
        return data;
    }

    /** Finds the files of the export in the folder, by role. */
    static Map<Part, Path> files(Path folder) {
        String where = folder.toString();
        if (!Files.exists(folder)) {
            throw new SegmentaException("no such folder: " + where);
        }
        if (!Files.isDirectory(folder)) {
            throw new SegmentaException(notAFolder(where));
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(p -> byName.put(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
        } catch (IOException e) {
            throw new SegmentaException(where + ": cannot list the folder: " + e.getMessage(), e);
        }
        Map<String, Path> regular = new TreeMap<>();
        byName.forEach((name, p) -> {
            if (Files.isRegularFile(p)) {
                regular.put(name, p);
            }
        });
        return parts(where, regular, p -> p.getFileName().toString(),
                byName.values().stream().map(p -> p.getFileName().toString()).toList());
    }

    /** The message for an input that is a file, not the export's folder. */
    public static String notAFolder(String where) {
        return where + " is a file; the " + NAME + " source reads a folder holding "
                + "df_order.csv, df_order_complete.csv and df_users.csv (each may be .csv.gz)";
    }

    /**
     * The export's files by role, among a folder's regular files (public for the source on Spark, which lists a
     * folder of any file system Spark reads).
     *
     * @param where the folder, for the messages
     * @param files the folder's regular files by their names in lower case
     * @param fileName a file's name as written
     * @param everything the names of everything in the folder, for the message about missing files
     * @throws SegmentaException when a required file is missing or a part has two files
     */
    public static <T> Map<Part, T> parts(String where, Map<String, T> files, Function<T, String> fileName,
            List<String> everything) {
        Map<Part, T> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (Part part : Part.values()) {
            List<T> candidates = new ArrayList<>();
            for (String name : part.names()) {
                T p = files.get(name);
                if (p != null) {
                    candidates.add(p);
                }
            }
            if (candidates.size() > 1) {
                throw new SegmentaException(where + " holds " + candidates.size() + " files for " + part.base
                        + ": " + String.join(", ", candidates.stream().map(fileName).toList()) + "; keep one");
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
                    + (everything.isEmpty() ? "nothing" : String.join(", ", everything)));
        }
        return found;
    }

    /**
     * A whole Rupiah amount, NaN when the field is empty or NaN, or {@link #BAD_NUMBER} when it is not a whole
     * number.
     */
    public static double whole(String raw) {
        String t = raw.strip();
        if (Values.isMissing(t)) {
            return Double.NaN;
        }
        double v = Values.parseWhole(t);
        return Double.isNaN(v) ? BAD_NUMBER : v;
    }

}
