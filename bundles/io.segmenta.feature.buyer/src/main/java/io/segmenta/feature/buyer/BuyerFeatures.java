package io.segmenta.feature.buyer;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.grouping.Grouping;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Buyer behaviour per customer, the buyer features of the PaDi UMKM analysis (total GMV, total revenue, total
 * orders, average order value, unique categories, voucher usage, recency). Numeric features, in this order:
 * <ul>
 * <li>{@code gmv}: the sum of the transaction column {@code gmv} over the customer's lines when the table has
 * it, else the sum of {@code amount} (the value column of the result);</li>
 * <li>{@code revenue}: the sum of {@code platform_revenue} (the platform's commission); left out when the table
 * has no such column, never estimated;</li>
 * <li>{@code orders}: distinct orders;</li>
 * <li>{@code avg_order_value}: gmv / orders;</li>
 * <li>{@code categories}: distinct non-missing {@code category} values; left out without a category column;</li>
 * <li>{@code voucher_orders}: distinct orders with a voucher, i.e. with a line whose {@code voucher_value} is
 * above 0 or that has a {@code voucher_code}; left out when the table has neither column;</li>
 * <li>{@code voucher_value}: the sum of {@code voucher_value}; left out without that column;</li>
 * <li>{@code recency}: whole days (rounded down) from the customer's last order to the snapshot, exactly as the
 * RFM extractor: by default 24 hours after the last transaction, or the midnight of option {@value
 * #SNAPSHOT}.</li>
 * </ul>
 * Categorical features, each when the table has the column: the customer's region ({@code region}, else
 * {@code city}, under the name of the column used), {@code payment_type} and {@code buyer_type} (an extra column
 * of that name). Each is the customer's most frequent value counted in orders, ties going to the value seen
 * first in the table; a customer without any value has a missing value.
 * <p>
 * Statuses are not filtered: GMV and orders include cancelled and refunded orders, as the analysis did (the
 * seller extractor is where statuses matter). A row without a customer, an order or a timestamp, or whose GMV
 * (or amount) is not a finite number, is left out of every feature, counted by reason and reported through
 * {@link StageContext#info}; NaN in revenue or voucher value only drops that value from its sum, also reported.
 * Customers with no remaining row are dropped.
 */
@Component(service = FeatureExtractor.class)
@StageName(BuyerFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class BuyerFeatures implements FeatureExtractor {
    static final String NAME = "buyer";
    static final String SNAPSHOT = Snapshot.OPTION;
    /** The extra column read as the buyer's type (e.g. government, state-owned enterprise, private). */
    static final String BUYER_TYPE = "buyer_type";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "buyer behaviour per customer: GMV, revenue, orders, average order value, categories, voucher use,"
                + " recency; region, payment type and buyer type";
    }

    /** The optional fields the buyer features use when the source has them. */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of(TransactionField.GMV, TransactionField.PLATFORM_REVENUE, TransactionField.CATEGORY,
                TransactionField.REGION, TransactionField.CITY, TransactionField.PAYMENT_TYPE,
                TransactionField.VOUCHER_VALUE, TransactionField.VOUCHER_CODE);
    }

    @Override
    public EntityKind entity() {
        return EntityKind.CUSTOMER;
    }

    /** Money and orders: more is better; recency: fewer days; voucher use: neither (dependence is a risk). */
    @Override
    public List<FeatureInfo> featureInfo(FeatureMatrix features) {
        return List.of(
                FeatureInfo.higherIsBetter("gmv", "Gross merchandise value",
                        "value of everything the buyer ordered"),
                FeatureInfo.higherIsBetter("revenue", "Platform revenue",
                        "commission the platform earned on the buyer's orders"),
                FeatureInfo.higherIsBetter("orders", "Orders", "number of distinct orders"),
                FeatureInfo.higherIsBetter("avg_order_value", "Average order value",
                        "gross merchandise value divided by orders"),
                FeatureInfo.higherIsBetter("categories", "Categories bought", "number of distinct product categories"),
                FeatureInfo.neutral("voucher_orders", "Orders with a voucher",
                        "orders on which the buyer used a voucher"),
                FeatureInfo.neutral("voucher_value", "Voucher value", "total value of the vouchers used"),
                Snapshot.recencyInfo("buyer"));
    }

    @Override
    public List<StageOption> options() {
        return List.of(Snapshot.option());
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        Optional<LocalDate> snapshot = Snapshot.of(context.options()); // a bad date fails first
        int rows = transactions.rowCount();
        if (rows == 0) {
            throw new SegmentaException(
                    "no transactions to compute buyer features from: every row was rejected by the source");
        }
        Optional<NumericColumn> gmvColumn = transactions.numeric(TransactionField.GMV);
        NumericColumn value = gmvColumn.orElse(transactions.amount());
        if (gmvColumn.isEmpty()) {
            context.info(NAME + ": the table has no gmv column; gmv is the sum of the line amounts");
        }
        CategoricalColumn customer = transactions.customer();
        Grouping g = new Grouping(customer.codes(), customer.levelCount(), "customer", transactions.order().codes(),
                transactions.timestamp().epochSeconds(), value.values(), value.name());
        if (g.usableRows() == 0) {
            throw new SegmentaException("no transactions to compute buyer features from: none of the " + rows
                    + " rows has a customer, an order, a timestamp and a finite " + value.name());
        }
        if (g.leftOut() > 0) {
            context.info(NAME + ": left out " + g.leftOut() + " of " + rows + " rows: " + g.leftOutReasons());
        }

        List<NumericColumn> numeric = new ArrayList<>();
        double[] gmv = g.sum(value).totals();
        double[] orders = g.orders();
        numeric.add(g.keep("gmv", gmv));
        Optional<NumericColumn> revenue = transactions.numeric(TransactionField.PLATFORM_REVENUE);
        if (revenue.isPresent()) {
            numeric.add(g.keep("revenue", sum(g, revenue.get(), "revenue", context)));
        } else {
            context.info(NAME + ": the table has no platform_revenue column; revenue is left out");
        }
        numeric.add(g.keep("orders", orders));
        double[] average = new double[gmv.length];
        for (int c = 0; c < gmv.length; c++) {
            // kept customers have at least one order; the others are dropped below
            average[c] = orders[c] > 0 ? gmv[c] / orders[c] : 0;
        }
        numeric.add(g.keep("avg_order_value", average));
        Optional<CategoricalColumn> category = transactions.categorical(TransactionField.CATEGORY);
        if (category.isPresent()) {
            numeric.add(g.keep("categories", g.distinct(category.get())));
        } else {
            context.info(NAME + ": the table has no category column; categories is left out");
        }
        addVoucherFeatures(transactions, g, numeric, context);
        numeric.add(g.keep("recency", g.recency(snapshot, SNAPSHOT)));

        List<CategoricalColumn> categorical = new ArrayList<>();
        Optional<CategoricalColumn> region = transactions.categorical(TransactionField.REGION);
        if (region.isEmpty()) {
            region = transactions.categorical(TransactionField.CITY);
            if (region.isPresent()) {
                context.info(NAME + ": the table has no region column; the customer's city is used instead");
            }
        }
        region.ifPresent(c -> categorical.add(g.keep(c.name(), g.mostFrequent(c), c)));
        transactions.categorical(TransactionField.PAYMENT_TYPE)
                .ifPresent(c -> categorical.add(g.keep(c.name(), g.mostFrequent(c), c)));
        Optional<Column> buyerType = transactions.column(BUYER_TYPE);
        if (buyerType.isPresent()) {
            if (buyerType.get() instanceof CategoricalColumn c) {
                categorical.add(g.keep(BUYER_TYPE, g.mostFrequent(c), c));
            } else {
                context.info(NAME + ": column " + BUYER_TYPE + " is " + buyerType.get().type()
                        + ", not categorical; it is not used");
            }
        }
        List<String> ids = g.keptIds(customer);
        context.logger().log(System.Logger.Level.INFO, "{0}: {1} customers from {2} rows", NAME, ids.size(),
                g.usableRows());
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, numeric, categorical, "gmv");
    }

    /** voucher_orders when the table has voucher_value or voucher_code; voucher_value when it has the former. */
    private static void addVoucherFeatures(TransactionTable transactions, Grouping g, List<NumericColumn> numeric,
            StageContext context) {
        Optional<NumericColumn> voucherValue = transactions.numeric(TransactionField.VOUCHER_VALUE);
        Optional<CategoricalColumn> voucherCode = transactions.categorical(TransactionField.VOUCHER_CODE);
        if (voucherValue.isEmpty() && voucherCode.isEmpty()) {
            context.info(NAME + ": the table has no voucher_value or voucher_code column;"
                    + " voucher_orders and voucher_value are left out");
            return;
        }
        double[] values = voucherValue.map(NumericColumn::values).orElse(null);
        int[] codes = voucherCode.map(CategoricalColumn::codes).orElse(null);
        // NaN > 0 is false: a missing voucher value is no voucher unless the line has a code
        boolean[] withVoucher = g.flagOrders(i -> values != null && values[i] > 0
                || codes != null && codes[i] != CategoricalColumn.MISSING);
        numeric.add(g.keep("voucher_orders", g.orders(u -> withVoucher[u])));
        if (voucherValue.isPresent()) {
            numeric.add(g.keep("voucher_value", sum(g, voucherValue.get(), "voucher_value", context)));
        } else {
            context.info(NAME + ": the table has no voucher_value column; voucher_value is left out"
                    + " (voucher_orders counts the orders with a voucher_code)");
        }
    }

    private static double[] sum(Grouping g, NumericColumn column, String feature, StageContext context) {
        Grouping.Sum sum = g.sum(column);
        if (sum.skipped() > 0) {
            context.info(NAME + ": " + sum.skipped() + " of " + g.usableRows() + " rows have no " + column.name()
                    + " value (NaN or infinite); they add nothing to " + feature);
        }
        return sum.totals();
    }
}
