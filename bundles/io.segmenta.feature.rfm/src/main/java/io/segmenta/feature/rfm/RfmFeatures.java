package io.segmenta.feature.rfm;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Stage;
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
 * <li>recency: whole days from the customer's last purchase to the snapshot date;</li>
 * <li>frequency: distinct orders (invoices);</li>
 * <li>monetary: sum of the line amounts.</li>
 * </ul>
 * The snapshot date defaults to the day after the last transaction in the data, as the usual RFM recipes do,
 * so that the most recent customers have a recency of at least one day.
 */
@Component(service = FeatureExtractor.class, property = Stage.NAME_PROPERTY + "=" + RfmFeatures.NAME)
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
        return List.of(new StageOption(SNAPSHOT, "date recency is measured to (yyyy-MM-dd)",
                "the day after the last transaction"));
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        int rows = transactions.rowCount();
        if (rows == 0) {
            throw new SegmentaException("no transactions to compute RFM from: every row was rejected by the source");
        }
        CategoricalColumn customer = transactions.customer();
        CategoricalColumn order = transactions.order();
        long[] time = transactions.timestamp().epochSeconds();
        double[] amount = transactions.amount().values();
        int customers = customer.levelCount();
        int[] cust = customer.codes();
        int[] ord = order.codes();

        long[] last = new long[customers];
        Arrays.fill(last, Long.MIN_VALUE);
        double[] monetary = new double[customers];
        long maxTime = Long.MIN_VALUE;
        for (int i = 0; i < rows; i++) {
            int c = cust[i];
            if (c == CategoricalColumn.MISSING) {
                continue;
            }
            long t = time[i];
            if (t > last[c]) {
                last[c] = t;
            }
            if (t > maxTime) {
                maxTime = t;
            }
            monetary[c] += amount[i];
        }
        double[] frequency = distinctOrdersPerCustomer(cust, ord, rows, customers);

        long snapshot = snapshotSeconds(context.options().date(SNAPSHOT), maxTime);
        double[] recency = new double[customers];
        for (int c = 0; c < customers; c++) {
            // whole days, rounded down, as pandas' Timedelta.days does
            recency[c] = Math.floorDiv(snapshot - last[c], SECONDS_PER_DAY);
        }
        return compact(customer, recency, frequency, monetary);
    }

    private static long snapshotSeconds(Optional<LocalDate> configured, long maxTime) {
        if (configured.isPresent()) {
            return configured.get().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        LocalDate lastDay = LocalDateTime.ofEpochSecond(maxTime, 0, ZoneOffset.UTC).toLocalDate();
        return lastDay.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Counts distinct order codes per customer by sorting (customer, order) pairs packed into longs. */
    private static double[] distinctOrdersPerCustomer(int[] cust, int[] ord, int rows, int customers) {
        long[] pairs = new long[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (cust[i] != CategoricalColumn.MISSING && ord[i] != CategoricalColumn.MISSING) {
                pairs[n++] = ((long) cust[i] << 32) | (ord[i] & 0xffffffffL);
            }
        }
        Arrays.sort(pairs, 0, n);
        double[] frequency = new double[customers];
        for (int i = 0; i < n; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                frequency[(int) (pairs[i] >>> 32)]++;
            }
        }
        return frequency;
    }

    /** Drops customer codes that have no transaction (possible when a source filtered rows after encoding). */
    private static FeatureMatrix compact(CategoricalColumn customer, double[] recency, double[] frequency,
            double[] monetary) {
        int[] present = new int[customer.levelCount()];
        Arrays.fill(present, -1);
        for (int code : customer.codes()) {
            if (code != CategoricalColumn.MISSING) {
                present[code] = 1;
            }
        }
        List<String> ids = new ArrayList<>();
        int m = 0;
        for (int c = 0; c < present.length; c++) {
            if (present[c] > 0) {
                m++;
            }
        }
        double[] r = new double[m];
        double[] f = new double[m];
        double[] mo = new double[m];
        int j = 0;
        for (int c = 0; c < present.length; c++) {
            if (present[c] > 0) {
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
