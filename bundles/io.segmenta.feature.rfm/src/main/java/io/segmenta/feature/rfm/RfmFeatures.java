package io.segmenta.feature.rfm;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * dropped, so every row of the result has at least one order.
 */
@Component(service = FeatureExtractor.class)
@StageName(RfmFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class RfmFeatures implements FeatureExtractor {
    static final String NAME = "rfm";
    static final String SNAPSHOT = "snapshot";
    private static final long SECONDS_PER_DAY = 86_400L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RFM per customer: recency (days since last purchase), frequency (orders), monetary (total amount)";
    }

    @Override
    public EntityKind entity() {
        return EntityKind.CUSTOMER;
    }

    @Override
    public List<StageOption> options() {
        return List.of(new StageOption(SNAPSHOT, "date recency is measured to, from its midnight (yyyy-MM-dd)",
                "24 hours after the last transaction"));
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        Optional<LocalDate> configuredSnapshot = context.options().date(SNAPSHOT); // a bad date fails first
        int rows = transactions.rowCount();
        if (rows == 0) {
            throw new SegmentaException("no transactions to compute RFM from: every row was rejected by the source");
        }
        CategoricalColumn customer = transactions.customer();
        int[] cust = customer.codes();
        int[] ord = transactions.order().codes();
        long[] time = transactions.timestamp().epochSeconds();
        double[] amount = transactions.amount().values();
        int customers = customer.levelCount();

        long[] last = new long[customers];
        Arrays.fill(last, Long.MIN_VALUE);
        double[] monetary = new double[customers];
        int[] rowsPerCustomer = new int[customers];
        // (customer, order) of every kept row, packed into a long, to count distinct orders by sorting
        long[] pairs = new long[rows];
        int pairCount = 0;
        long maxTime = Long.MIN_VALUE;
        long noCustomer = 0;
        long noOrder = 0;
        long noTimestamp = 0;
        long badAmount = 0;
        for (int i = 0; i < rows; i++) {
            int c = cust[i];
            long t = time[i];
            // one reason per row, in this order
            if (c == CategoricalColumn.MISSING) {
                noCustomer++;
                continue;
            }
            if (ord[i] == CategoricalColumn.MISSING) {
                noOrder++;
                continue;
            }
            if (t == TimestampColumn.MISSING) {
                noTimestamp++;
                continue;
            }
            if (!Double.isFinite(amount[i])) {
                badAmount++;
                continue;
            }
            if (t > last[c]) {
                last[c] = t;
            }
            if (t > maxTime) {
                maxTime = t;
            }
            monetary[c] += amount[i];
            rowsPerCustomer[c]++;
            pairs[pairCount++] = ((long) c << 32) | (ord[i] & 0xffffffffL);
        }
        long ignored = noCustomer + noOrder + noTimestamp + badAmount;
        if (ignored == rows) {
            throw new SegmentaException("no transactions to compute RFM from: none of the " + rows
                    + " rows has a customer, an order, a timestamp and a finite amount");
        }
        if (ignored > 0) {
            context.info("rfm: left out " + ignored + " of " + rows + " rows: " + reasons(noCustomer, noOrder,
                    noTimestamp, badAmount));
        }
        double[] frequency = distinctOrdersPerCustomer(pairs, pairCount, customers);

        long snapshot = snapshotSeconds(configuredSnapshot, maxTime);
        double[] recency = new double[customers];
        for (int c = 0; c < customers; c++) {
            if (rowsPerCustomer[c] > 0) {
                // whole days, rounded down, as pandas' Timedelta.days does
                recency[c] = Math.floorDiv(snapshot - last[c], SECONDS_PER_DAY);
            }
        }
        return compact(customer, rowsPerCustomer, recency, frequency, monetary);
    }

    private static String reasons(long noCustomer, long noOrder, long noTimestamp, long badAmount) {
        List<String> parts = new ArrayList<>();
        if (noCustomer > 0) {
            parts.add(noCustomer + " without a customer");
        }
        if (noOrder > 0) {
            parts.add(noOrder + " without an order");
        }
        if (noTimestamp > 0) {
            parts.add(noTimestamp + " without a timestamp");
        }
        if (badAmount > 0) {
            parts.add(badAmount + " with an amount that is not a finite number");
        }
        return String.join(", ", parts);
    }

    private static long snapshotSeconds(Optional<LocalDate> configured, long maxTime) {
        if (configured.isEmpty()) {
            return maxTime + SECONDS_PER_DAY;
        }
        long snapshot = configured.get().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        if (snapshot < maxTime) {
            LocalDateTime lastTransaction = LocalDateTime.ofEpochSecond(maxTime, 0, ZoneOffset.UTC);
            throw new SegmentaException("option " + SNAPSHOT + ": " + configured.get()
                    + " is before the last transaction (" + lastTransaction + "); recency would be negative."
                    + " Give " + lastTransaction.toLocalDate().plusDays(1) + " or later, or leave it out");
        }
        return snapshot;
    }

    /** Counts distinct orders per customer from sorted (customer, order) pairs packed into longs. */
    private static double[] distinctOrdersPerCustomer(long[] pairs, int n, int customers) {
        Arrays.sort(pairs, 0, n);
        double[] frequency = new double[customers];
        for (int i = 0; i < n; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                frequency[(int) (pairs[i] >>> 32)]++;
            }
        }
        return frequency;
    }

    /**
     * Keeps the customers with at least one kept row, in code order. Codes without rows exist when a source
     * rejected rows after encoding their customer, or when rows were left out here.
     */
    private static FeatureMatrix compact(CategoricalColumn customer, int[] rowsPerCustomer, double[] recency,
            double[] frequency, double[] monetary) {
        int m = 0;
        for (int count : rowsPerCustomer) {
            if (count > 0) {
                m++;
            }
        }
        List<String> ids = new ArrayList<>(m);
        double[] r = new double[m];
        double[] f = new double[m];
        double[] mo = new double[m];
        int j = 0;
        for (int c = 0; c < rowsPerCustomer.length; c++) {
            if (rowsPerCustomer[c] > 0) {
                ids.add(customer.levels().get(c));
                r[j] = recency[c];
                f[j] = frequency[c];
                mo[j] = monetary[c];
                j++;
            }
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(new NumericColumn("recency", r),
                new NumericColumn("frequency", f), new NumericColumn("monetary", mo)), List.of(), "monetary");
    }
}
