package io.segmenta.source.olist;

import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.ReadTicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The order side of the export, read into primitive arrays indexed by order (and by customer): the customers
 * table, the orders table, and each order's payments and reviews summed up. Joins go through {@link IdIndex}es.
 */
final class OlistOrders {
    private final OlistFiles files;
    private final ReadTicker ticker;

    // customers, by customer_id index
    final IdIndex customerIds = new IdIndex();
    final IdIndex uniqueIds = new IdIndex();
    /** The cities and states of customers. */
    final IdIndex places = new IdIndex();
    int[] customerUnique = new int[1024];
    int[] customerCity = new int[1024];
    int[] customerState = new int[1024];

    // orders, by order_id index
    final IdIndex orderIds = new IdIndex();
    final IdIndex statusNames = new IdIndex();
    int[] orderCustomer = new int[1024];
    int[] orderStatus = new int[1024];
    long[] orderTime = new long[1024];
    double[] orderDelay = new double[1024];
    long[] orderLine = new long[1024];
    boolean hasDelay;
    String ordersFile;
    /** The malformed rows of the orders file, which are lines of the account. */
    List<Rejection> malformedOrders = List.of();
    long malformedOrderCount;

    // payments, by order index
    final IdIndex paymentTypes = new IdIndex();
    int[] payCount;
    double[] payTotal;
    private double[] payBestValue;
    private int[] payBestSequential;
    int[] payBestType;
    int[] payMaxInstallments;

    // reviews, by order index (null when there is no reviews table)
    int[] reviewCount;
    double[] reviewSum;

    OlistOrders(OlistFiles files) {
        this.files = files;
        this.ticker = files.ticker();
    }

    void readCustomers(Path path) {
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "customer_id", "customer_unique_id", "customer_city", "customer_state");
            while (t.next()) {
                ticker.tick();
                String id = t.id(c[0], "a customer_id");
                String unique = t.id(c[1], "a customer_unique_id");
                if (t.malformed()) {
                    continue;
                }
                int i = OlistFiles.addKey(t, c[0], id, customerIds, null);
                customerUnique = OlistFiles.fit(customerUnique, i);
                customerCity = OlistFiles.fit(customerCity, i);
                customerState = OlistFiles.fit(customerState, i);
                customerUnique[i] = uniqueIds.intern(unique);
                customerCity[i] = place(t.text(c[2]));
                customerState[i] = place(t.text(c[3]));
            }
            files.finish(t, "their orders' lines count as " + OlistSource.UNKNOWN_CUSTOMER);
        }
    }

    private int place(String name) {
        return name.isEmpty() ? -1 : places.intern(name);
    }

    /** The name of a customer's city or state, or null. */
    String placeName(int code) {
        return code < 0 ? null : places.id(code);
    }

    void readOrders(Path path) {
        ordersFile = path.toString();
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "order_id", "customer_id", "order_status", "order_purchase_timestamp");
            int delivered = t.find("order_delivered_customer_date");
            int estimated = t.find("order_estimated_delivery_date");
            hasDelay = delivered >= 0 && estimated >= 0;
            if (!hasDelay) {
                files.context().info(ordersFile + " lacks order_delivered_customer_date or "
                        + "order_estimated_delivery_date: the delivery_delay_days column will be absent");
            }
            while (t.next()) {
                ticker.tick();
                String id = t.id(c[0], "an order_id");
                long time = t.timeOrMissing(c[3]);
                long at = hasDelay ? t.timeOrMissing(delivered) : TimestampColumn.MISSING;
                long due = hasDelay ? t.timeOrMissing(estimated) : TimestampColumn.MISSING;
                if (t.malformed()) {
                    continue;
                }
                int o = OlistFiles.addKey(t, c[0], id, orderIds, orderLine);
                orderCustomer = OlistFiles.fit(orderCustomer, o);
                orderStatus = OlistFiles.fit(orderStatus, o);
                orderTime = OlistFiles.fit(orderTime, o);
                orderDelay = OlistFiles.fit(orderDelay, o);
                orderLine = OlistFiles.fit(orderLine, o);
                orderCustomer[o] = customerIds.indexOf(t.text(c[1]));
                orderStatus[o] = statusNames.intern(t.text(c[2]).toLowerCase(Locale.ROOT));
                orderTime[o] = time;
                orderLine[o] = t.line();
                orderDelay[o] = at != TimestampColumn.MISSING && due != TimestampColumn.MISSING
                        ? (at - due) / 86_400.0 : Double.NaN;
            }
            t.finish();
            malformedOrders = t.malformedRows().toRejections();
            malformedOrderCount = t.malformedRows().count();
        }
    }

    void readPayments(Path path) {
        int orders = orderIds.size();
        payCount = new int[orders];
        payTotal = new double[orders];
        payBestValue = new double[orders];
        payBestSequential = new int[orders];
        payBestType = new int[orders];
        payMaxInstallments = new int[orders];
        long orphans = 0;
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "order_id", "payment_sequential", "payment_type", "payment_installments",
                    "payment_value");
            while (t.next()) {
                ticker.tick();
                int o = orderIds.indexOf(t.id(c[0], "an order_id"));
                int sequential = t.count(c[1]);
                String type = t.text(c[2]);
                int installments = t.count(c[3]);
                double value = t.decimal(c[4], OlistFiles.DECIMAL);
                if (t.malformed()) {
                    continue;
                }
                if (o == IdIndex.ABSENT) {
                    orphans++;
                    continue;
                }
                // The order's payment type is that of its largest payment; ties go to the first.
                if (payCount[o] == 0 || value > payBestValue[o]
                        || (value == payBestValue[o] && sequential < payBestSequential[o])) {
                    payBestValue[o] = value;
                    payBestSequential[o] = sequential;
                    payBestType[o] = type.isEmpty() ? -1 : paymentTypes.intern(type);
                }
                payCount[o]++;
                payTotal[o] += value;
                payMaxInstallments[o] = Math.max(payMaxInstallments[o], installments);
            }
            files.finish(t, "their orders' payments lack them");
        }
        if (orphans > 0) {
            files.context().info(path + ": " + orphans + " payment rows of orders not in " + OlistSource.ORDERS_FILE
                    + " ignored");
        }
    }

    void readReviews(Path path) {
        int orders = orderIds.size();
        reviewCount = new int[orders];
        reviewSum = new double[orders];
        long orphans = 0;
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "order_id", "review_score");
            while (t.next()) {
                ticker.tick();
                int o = orderIds.indexOf(t.id(c[0], "an order_id"));
                String text = t.text(c[1]);
                int score = text.isEmpty() ? -1 : t.count(c[1]);
                if (t.malformed() || text.isEmpty()) {
                    continue; // a review without a score says nothing about the score
                }
                if (o == IdIndex.ABSENT) {
                    orphans++;
                    continue;
                }
                reviewCount[o]++;
                reviewSum[o] += score;
            }
            files.finish(t, "their orders' review scores lack them");
        }
        if (orphans > 0) {
            files.context().info(path + ": " + orphans + " reviews of orders not in " + OlistSource.ORDERS_FILE
                    + " ignored");
        }
    }
}
