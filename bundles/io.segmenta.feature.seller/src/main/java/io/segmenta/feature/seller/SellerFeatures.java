package io.segmenta.feature.seller;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.grouping.Grouping;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Seller behaviour per seller (rows keyed by the transaction column {@code seller}), the seller features of
 * the PaDi UMKM analysis. Numeric features, in this order:
 * <ul>
 * <li>{@code gmv}: the sum of the column {@code gmv} over the seller's lines when the table has it, else the
 * sum of {@code amount} (the value column of the result); all statuses included;</li>
 * <li>{@code revenue}: the sum of {@code platform_revenue}; left out when the table has no such column;</li>
 * <li>{@code orders_fulfilled}: distinct orders with a completed status, i.e. with a line whose {@code status}
 * is one of option {@value #COMPLETED} (default {@value #DEFAULT_COMPLETED}); when the table has no status
 * column every order counts;</li>
 * <li>{@code buyers}: distinct customers served (lines without a customer add none);</li>
 * <li>{@code return_rate}: returned orders / all the seller's distinct orders, in [0, 1], where a returned
 * order is one with a line whose status is one of option {@value #RETURNS} (default {@value #DEFAULT_RETURNS}):
 * refunds, cancellations and rejections alike, as all are orders the seller did not complete. Orders with any
 * other status (e.g. awaiting payment) or none count in the denominator only. Left out when the table has no
 * status column;</li>
 * <li>{@code recency}: whole days (rounded down) from the seller's last order to the snapshot, as in the RFM
 * extractor: by default 24 hours after the last transaction, or the midnight of option {@value #SNAPSHOT}.</li>
 * </ul>
 * Statuses are compared trimmed and ignoring case; the two lists must not share a status. Categorical
 * features, each when the table has the column: {@code seller_category}, and the seller's region ({@code
 * seller_region}, else {@code seller_city}, under the name of the column used); each is the seller's most
 * frequent value counted in orders, ties going to the value seen first in the table.
 * <p>
 * A row without a seller, an order or a timestamp, or whose GMV (or amount) is not a finite number, is left
 * out of every feature, counted by reason and reported through {@link StageContext#info}; NaN in revenue only
 * drops that value from its sum, also reported. Sellers with no remaining row are dropped.
 */
@Component(service = FeatureExtractor.class)
@StageName(SellerFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class SellerFeatures implements FeatureExtractor {
    static final String NAME = "seller";
    static final String SNAPSHOT = Snapshot.OPTION;
    static final String COMPLETED = "completed-statuses";
    static final String RETURNS = "return-statuses";
    static final String DEFAULT_COMPLETED = "Selesai,delivered";
    static final String DEFAULT_RETURNS =
            "Refund,Refund Selesai,Dibatalkan,Dibatalkan Otomatis,Ditolak,Ditolak Penjual,canceled";
    private static final int NEITHER = 0;
    private static final int COMPLETE = 1;
    private static final int RETURN = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "seller behaviour per seller: GMV, revenue, orders fulfilled, buyers served, return rate, recency;"
                + " seller category and region";
    }

    /** The optional fields the seller features use when the source has them. */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of(TransactionField.SELLER, TransactionField.GMV, TransactionField.PLATFORM_REVENUE,
                TransactionField.STATUS, TransactionField.SELLER_CATEGORY, TransactionField.SELLER_REGION,
                TransactionField.SELLER_CITY);
    }

    @Override
    public EntityKind entity() {
        return EntityKind.SELLER;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(TransactionField.SELLER.columnName());
    }

    /** Sales and buyers: more is better; return rate and recency: less is better. */
    @Override
    public List<FeatureInfo> featureInfo(FeatureMatrix features) {
        return List.of(
                FeatureInfo.higherIsBetter("gmv", "Gross merchandise value",
                        "value of everything the seller sold"),
                FeatureInfo.higherIsBetter("revenue", "Platform revenue",
                        "commission the platform earned on the seller's orders"),
                FeatureInfo.higherIsBetter("orders_fulfilled", "Orders fulfilled",
                        "orders the seller completed (not refunded, cancelled or rejected)"),
                FeatureInfo.higherIsBetter("buyers", "Buyers served", "number of distinct buyers"),
                FeatureInfo.lowerIsBetter("return_rate", "Return rate",
                        "share of the seller's orders refunded, cancelled or rejected (lower is better)"),
                Snapshot.recencyInfo("seller"));
    }

    @Override
    public List<StageOption> options() {
        return List.of(
                Snapshot.option(),
                new StageOption(COMPLETED, "comma-separated statuses of a fulfilled order (case-insensitive)",
                        DEFAULT_COMPLETED),
                new StageOption(RETURNS, "comma-separated statuses of a returned, refunded or cancelled order"
                        + " (case-insensitive)", DEFAULT_RETURNS));
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        // bad options fail before any work
        Optional<LocalDate> snapshot = Snapshot.of(context.options());
        List<Set<String>> both = statuses(context.options());
        Set<String> completed = both.get(0);
        Set<String> returns = both.get(1);
        CategoricalColumn seller = transactions.categorical(TransactionField.SELLER)
                .orElseThrow(() -> new SegmentaException("seller features need a seller column (who sold each line);"
                        + " these transactions have none (columns: " + String.join(", ", transactions.columns().keySet())
                        + "); choose a source that records sellers"));
        int rows = transactions.rowCount();
        if (rows == 0) {
            throw new SegmentaException(
                    "no transactions to compute seller features from: every row was rejected by the source");
        }
        Optional<NumericColumn> gmvColumn = transactions.numeric(TransactionField.GMV);
        NumericColumn value = gmvColumn.orElse(transactions.amount());
        if (gmvColumn.isEmpty()) {
            context.info(NAME + ": the table has no gmv column; gmv is the sum of the line amounts");
        }
        Grouping g = new Grouping(seller.codes(), seller.levelCount(), "seller", transactions.order().codes(),
                transactions.timestamp().epochSeconds(), value.values(), value.name());
        if (g.usableRows() == 0) {
            throw new SegmentaException("no transactions to compute seller features from: none of the " + rows
                    + " rows has a seller, an order, a timestamp and a finite " + value.name());
        }
        if (g.leftOut() > 0) {
            context.info(NAME + ": left out " + g.leftOut() + " of " + rows + " rows: " + g.leftOutReasons());
        }

        List<NumericColumn> numeric = new ArrayList<>();
        numeric.add(g.keep("gmv", g.sum(value).totals()));
        Optional<NumericColumn> revenue = transactions.numeric(TransactionField.PLATFORM_REVENUE);
        if (revenue.isPresent()) {
            Grouping.Sum sum = g.sum(revenue.get());
            if (sum.skipped() > 0) {
                context.info(NAME + ": " + sum.skipped() + " of " + g.usableRows() + " rows have no platform_revenue"
                        + " value (NaN or infinite); they add nothing to revenue");
            }
            numeric.add(g.keep("revenue", sum.totals()));
        } else {
            context.info(NAME + ": the table has no platform_revenue column; revenue is left out");
        }
        double[] orders = g.orders();
        Optional<CategoricalColumn> status = transactions.categorical(TransactionField.STATUS);
        double[] returnRate = null;
        if (status.isPresent()) {
            int[] kind = classify(status.get(), completed, returns);
            int[] codes = status.get().codes();
            boolean[] fulfilled = g.flagOrders(i -> codes[i] != CategoricalColumn.MISSING && kind[codes[i]] == COMPLETE);
            boolean[] returned = g.flagOrders(i -> codes[i] != CategoricalColumn.MISSING && kind[codes[i]] == RETURN);
            numeric.add(g.keep("orders_fulfilled", g.orders(u -> fulfilled[u])));
            double[] returnedOrders = g.orders(u -> returned[u]);
            returnRate = new double[orders.length];
            for (int s = 0; s < orders.length; s++) {
                // kept sellers have at least one order; the others are dropped by keep()
                returnRate[s] = orders[s] > 0 ? returnedOrders[s] / orders[s] : 0;
            }
            reportOtherStatuses(g, status.get(), kind, context);
        } else {
            context.info(NAME + ": the table has no status column; every order counts as fulfilled and return_rate"
                    + " is left out");
            numeric.add(g.keep("orders_fulfilled", orders));
        }
        numeric.add(g.keep("buyers", g.distinct(transactions.customer())));
        if (returnRate != null) {
            numeric.add(g.keep("return_rate", returnRate));
        }
        numeric.add(g.keep("recency", g.recency(snapshot, SNAPSHOT)));

        List<CategoricalColumn> categorical = new ArrayList<>();
        transactions.categorical(TransactionField.SELLER_CATEGORY)
                .ifPresent(c -> categorical.add(g.keep(c.name(), g.mostFrequent(c), c)));
        Optional<CategoricalColumn> region = transactions.categorical(TransactionField.SELLER_REGION);
        if (region.isEmpty()) {
            region = transactions.categorical(TransactionField.SELLER_CITY);
            if (region.isPresent()) {
                context.info(NAME + ": the table has no seller_region column; the seller's city is used instead");
            }
        }
        region.ifPresent(c -> categorical.add(g.keep(c.name(), g.mostFrequent(c), c)));
        List<String> ids = g.keptIds(seller);
        context.logger().log(System.Logger.Level.INFO, "{0}: {1} sellers from {2} rows", NAME, ids.size(),
                g.usableRows());
        return new FeatureMatrix(EntityKind.SELLER, ids, numeric, categorical, "gmv");
    }

    /**
     * The completed and the return statuses of the options, trimmed and in lower case, checked not to share one.
     * Public (in a package the bundle does not export) for the Spark back-end, which classifies statuses by the
     * same rules.
     */
    public static List<Set<String>> statuses(Options options) {
        Set<String> completed = statuses(options, COMPLETED, DEFAULT_COMPLETED);
        Set<String> returns = statuses(options, RETURNS, DEFAULT_RETURNS);
        for (String s : completed) {
            if (returns.contains(s)) {
                throw new SegmentaException("options " + COMPLETED + " and " + RETURNS + " both name the status '" + s
                        + "'; an order is either fulfilled or returned");
            }
        }
        return List.of(completed, returns);
    }

    /** The option's statuses, trimmed and in lower case. */
    static Set<String> statuses(Options options, String key, String defaultValue) {
        String text = options.get(key, defaultValue);
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : text.split(",")) {
            String status = normalise(s);
            if (!status.isEmpty()) {
                statuses.add(status);
            }
        }
        if (statuses.isEmpty()) {
            throw new SegmentaException("option " + key + ": '" + text + "' names no status (expected a"
                    + " comma-separated list such as " + defaultValue + ")");
        }
        return statuses;
    }

    private static String normalise(String status) {
        return status.trim().toLowerCase(Locale.ROOT);
    }

    /** Per status level: COMPLETE, RETURN or NEITHER. */
    private static int[] classify(CategoricalColumn status, Set<String> completed, Set<String> returns) {
        int[] kind = new int[status.levelCount()];
        for (int c = 0; c < kind.length; c++) {
            String s = normalise(status.levels().get(c));
            kind[c] = completed.contains(s) ? COMPLETE : returns.contains(s) ? RETURN : NEITHER;
        }
        return kind;
    }

    /**
     * Says which statuses of usable rows were neither completed nor a return, with their row counts, so that a
     * status spelt differently from the options (e.g. "Completed") does not go unnoticed.
     */
    private static void reportOtherStatuses(Grouping g, CategoricalColumn status, int[] kind, StageContext context) {
        int[] codes = status.codes();
        int[] rowsPerLevel = new int[kind.length];
        int missing = 0;
        for (int i = 0; i < codes.length; i++) {
            if (g.isUsable(i)) {
                if (codes[i] == CategoricalColumn.MISSING) {
                    missing++;
                } else {
                    rowsPerLevel[codes[i]]++;
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < kind.length; c++) {
            if (kind[c] == NEITHER && rowsPerLevel[c] > 0) {
                parts.add("'" + status.levels().get(c) + "' (" + rowsPerLevel[c] + " rows)");
            }
        }
        if (missing > 0) {
            parts.add("no status (" + missing + " rows)");
        }
        if (!parts.isEmpty()) {
            context.info(NAME + ": orders neither fulfilled nor returned (they count only in return_rate's"
                    + " denominator): " + String.join(", ", parts) + "; see options " + COMPLETED + " and " + RETURNS);
        }
    }
}
