package io.segmenta.feature.rfm;

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
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.grouping.Grouping;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Recency, frequency and monetary value per customer.
 * <ul>
 * <li>recency: whole days (rounded down) from the customer's last purchase to the snapshot;</li>
 * <li>frequency: distinct orders (invoices), however many lines each has;</li>
 * <li>monetary: sum of the line amounts.</li>
 * </ul>
 * The snapshot defaults to 24 hours after the last transaction in the data, the usual RFM recipe
 * ({@code snapshot = max(InvoiceDate) + 1 day; recency = (snapshot - last).days}), so that the most recent
 * customers have a recency of one day; option {@value #SNAPSHOT} sets it to the start (midnight) of a date
 * instead, which must not be before the last transaction.
 * <p>
 * A row without a customer, an order or a timestamp, or whose amount is not a finite number, cannot be
 * attributed or placed in time; such rows (which sources normally reject) are left out of all three features,
 * counted by reason and reported through {@link StageContext#info}. Customer codes with no remaining row are
 * dropped, so every row of the result has at least one order. The grouping, the rows left out and the
 * snapshot are {@link Grouping}'s, shared with the buyer and seller extractors.
 */
@Component(service = FeatureExtractor.class)
@StageName(RfmFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class RfmFeatures implements FeatureExtractor {
    static final String NAME = "rfm";
    static final String SNAPSHOT = Snapshot.OPTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RFM per customer: recency (days since last purchase), frequency (orders), monetary (total amount)";
    }

    /** Customer, order, timestamp and amount only: the required fields. */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public EntityKind entity() {
        return EntityKind.CUSTOMER;
    }

    /** Recency: fewer days is better; orders and spend: more is better. */
    @Override
    public List<FeatureInfo> featureInfo(FeatureMatrix features) {
        return List.of(
                Snapshot.recencyInfo("customer"),
                FeatureInfo.higherIsBetter("frequency", "Orders", "number of distinct orders the customer placed"),
                FeatureInfo.higherIsBetter("monetary", "Total spend",
                        "sum of the amounts of the customer's order lines"));
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
            throw new SegmentaException("no transactions to compute RFM from: every row was rejected by the source");
        }
        CategoricalColumn customer = transactions.customer();
        NumericColumn amount = transactions.amount();
        Grouping g = new Grouping(customer.codes(), customer.levelCount(), "customer", transactions.order().codes(),
                transactions.timestamp().epochSeconds(), amount.values(), "amount");
        if (g.usableRows() == 0) {
            throw new SegmentaException("no transactions to compute RFM from: none of the " + rows
                    + " rows has a customer, an order, a timestamp and a finite amount");
        }
        if (g.leftOut() > 0) {
            // Grouping writes "a <value>"; the amount wants "an"
            context.info(NAME + ": left out " + g.leftOut() + " of " + rows + " rows: "
                    + g.leftOutReasons());
        }
        // monetary: every usable row has a finite amount, summed in row order as pandas' groupby sum does
        List<String> ids = g.keptIds(customer);
        FeatureMatrix features = new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(
                g.keep("recency", g.recency(snapshot, SNAPSHOT)),
                g.keep("frequency", g.orders()),
                g.keep("monetary", g.sum(amount).totals())), List.of(), "monetary");
        context.logger().log(System.Logger.Level.INFO, "{0}: {1} customers from {2} rows", NAME, ids.size(),
                g.usableRows());
        return features;
    }
}
