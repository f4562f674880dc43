package io.segmenta.source.olist;

import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.TransactionTableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of the result, once every table is read: the order rules decide, per order, whether its item lines
 * are kept ({@link #verdicts()}); each kept line becomes a row with the order's data joined
 * ({@link #keep(int, int)}); the others are counted by reason; and the account adds the orders without items.
 * docs/sources/olist.md gives the rules and their order.
 */
final class OlistRows {
    private final OlistOrders orders;
    private final OlistItems items;
    private final boolean paymentMonetary;
    private final Set<String> keptStatuses;

    /** Per order: its item lines and their price + freight, to spread the payments by. */
    private final int[] lines;
    private final double[] weight;
    private final int[] statusOrders;

    private final RejectionCounter itemRejections;
    private final RejectionCounter orderRejections;
    private final TransactionTableBuilder rows;
    private final DoubleColumnBuilder unitPrice;
    private final DictionaryColumnBuilder seller;
    private final DictionaryColumnBuilder product;
    private final DictionaryColumnBuilder category;
    private final DictionaryColumnBuilder region;
    private final DictionaryColumnBuilder city;
    private final DictionaryColumnBuilder sellerCity;
    private final DictionaryColumnBuilder sellerRegion;
    private final DictionaryColumnBuilder paymentType;
    private final DoubleColumnBuilder installments;
    private final DoubleColumnBuilder review;
    private final DoubleColumnBuilder delay;
    private final DictionaryColumnBuilder status;
    // Rows of the result equal in every column. Customer, time, status, payment, review, delay and places are
    // functions of the order; category of the product; seller places of the seller: so order, product, seller,
    // unit price and amount decide whether two rows are equal.
    private final DuplicateRows duplicates;

    /** @param fields the transaction fields the run reads ({@code StageContext.transactionFields()}) */
    OlistRows(OlistOrders orders, OlistItems items, boolean paymentMonetary, Set<String> keptStatuses,
            Set<TransactionField> fields) {
        this.orders = orders;
        this.items = items;
        this.paymentMonetary = paymentMonetary;
        this.keptStatuses = keptStatuses;
        int n = orders.orderIds.size();
        lines = new int[n];
        weight = new double[n];
        statusOrders = new int[orders.statusNames.size()];
        for (int i = 0; i < items.itemCount; i++) {
            int o = items.itemOrder[i];
            if (o >= 0) {
                lines[o]++;
                weight[o] += items.itemPrice[i] + items.itemFreight[i];
            }
        }
        itemRejections = new RejectionCounter(items.itemsFile).register(OlistSource.UNKNOWN_ORDER)
                .register(OlistSource.UNKNOWN_CUSTOMER).register(OlistSource.MISSING_TIMESTAMP);
        orderRejections = new RejectionCounter(orders.ordersFile).register(OlistSource.NO_ITEMS);

        int capacity = Math.max(16, items.itemCount);
        // only the columns the run reads, and sellers and products, which the account counts
        rows = new TransactionTableBuilder(capacity, TransactionTableBuilder.fields(fields, TransactionField.SELLER,
                TransactionField.PRODUCT));
        unitPrice = rows.numeric(TransactionField.UNIT_PRICE);
        seller = rows.categorical(TransactionField.SELLER);
        product = rows.categorical(TransactionField.PRODUCT);
        category = items.hasProducts ? rows.categorical(TransactionField.CATEGORY) : null;
        region = rows.categorical(TransactionField.REGION);
        city = rows.categorical(TransactionField.CITY);
        sellerCity = items.hasSellers ? rows.categorical(TransactionField.SELLER_CITY) : null;
        sellerRegion = items.hasSellers ? rows.categorical(TransactionField.SELLER_REGION) : null;
        paymentType = rows.categorical(TransactionField.PAYMENT_TYPE);
        installments = rows.numeric(TransactionField.PAYMENT_INSTALLMENTS);
        review = orders.reviewCount != null ? rows.numeric(TransactionField.REVIEW_SCORE) : null;
        delay = orders.hasDelay ? rows.numeric(TransactionField.DELIVERY_DELAY_DAYS) : null;
        status = rows.categorical(TransactionField.STATUS);
        duplicates = new DuplicateRows(capacity);
    }

    /** The table and its account. */
    SourceData build(List<String> inputs) {
        String[] verdict = verdicts();
        for (int i = 0; i < items.itemCount; i++) {
            int o = items.itemOrder[i];
            if (o < 0) {
                itemRejections.reject(OlistSource.UNKNOWN_ORDER, items.itemLine[i]);
            } else if (verdict[o] != null) {
                itemRejections.reject(verdict[o], items.itemLine[i]);
            } else if (!TransactionTableBuilder.finite(1, amount(i, o))) {
                itemRejections.reject(paymentMonetary ? OlistSource.PAYMENT_OVERFLOW : OlistSource.ITEM_OVERFLOW,
                        items.itemLine[i]);
            } else {
                keep(i, o);
            }
        }

        List<Rejection> rules = new ArrayList<>(itemRejections.toRejections());
        rules.addAll(1, orderRejections.toRejections()); // NO_ITEMS is the second rule
        // Malformed rows first: they are set aside before any rule is applied.
        List<Rejection> rejections = new ArrayList<>(items.malformedItems);
        rejections.addAll(orders.malformedOrders);
        rejections.addAll(rules);
        long rowsRead = items.itemCount + orderRejections.count(OlistSource.NO_ITEMS) + items.malformedItemCount
                + orders.malformedOrderCount;
        return rows.toSourceData(OlistSource.NAME, inputs, rowsRead, rejections,
                Map.of("customers", (long) rows.customers().levelCount(), "orders", (long) rows.orders().levelCount(),
                        "sellers", (long) seller.levelCount(), "products", (long) product.levelCount()),
                duplicates.count());
    }

    /** The orders per status code, counted by {@link #build}. */
    int[] statusOrders() {
        return statusOrders;
    }

    /**
     * The order rules, by order: the reason its lines are not kept, or null when they are; counts the orders per
     * status and the orders without items. The status reasons are registered in alphabetical order after the
     * fixed ones that come before them.
     */
    private String[] verdicts() {
        IdIndex statusNames = orders.statusNames;
        String[] statusReason = new String[statusNames.size()];
        TreeSet<String> dropped = new TreeSet<>();
        for (int s = 0; s < statusReason.length; s++) {
            if (!keptStatuses.contains(statusNames.id(s))) {
                statusReason[s] = OlistSource.statusReason(statusNames.id(s));
                dropped.add(statusNames.id(s));
            }
        }
        for (String s : dropped) {
            itemRejections.register(OlistSource.statusReason(s));
        }
        if (paymentMonetary) {
            itemRejections.register(OlistSource.NO_PAYMENTS);
        }
        String[] verdict = new String[lines.length];
        for (int o = 0; o < verdict.length; o++) {
            statusOrders[orders.orderStatus[o]]++;
            if (lines[o] == 0) {
                verdict[o] = OlistSource.NO_ITEMS;
                orderRejections.reject(OlistSource.NO_ITEMS, orders.orderLine[o]);
            } else if (orders.orderCustomer[o] < 0) {
                verdict[o] = OlistSource.UNKNOWN_CUSTOMER;
            } else if (orders.orderTime[o] == TimestampColumn.MISSING) {
                verdict[o] = OlistSource.MISSING_TIMESTAMP;
            } else if (statusReason[orders.orderStatus[o]] != null) {
                verdict[o] = statusReason[orders.orderStatus[o]];
            } else if (paymentMonetary && orders.payCount[o] == 0) {
                verdict[o] = OlistSource.NO_PAYMENTS;
            }
        }
        return verdict;
    }

    /** Adds item line {@code i} of order {@code o} as a row, with its order's data. */
    private void keep(int i, int o) {
        int cu = orders.orderCustomer[o];
        double amount = amount(i, o);
        rows.add(orders.uniqueIds.id(orders.customerUnique[cu]), orders.orderIds.id(o), orders.orderTime[o], 1,
                amount);
        unitPrice.add(items.itemPrice[i]);
        int p = items.itemProduct[i];
        int s = items.itemSeller[i];
        seller.add(items.sellerIds.id(s));
        product.add(items.productIds.id(p));
        if (category != null) {
            category.add(items.category(p));
        }
        region.add(orders.placeName(orders.customerState[cu]));
        city.add(orders.placeName(orders.customerCity[cu]));
        if (sellerCity != null) {
            sellerCity.add(items.sellerCity(s));
            sellerRegion.add(items.sellerState(s));
        }
        boolean paid = orders.payCount[o] > 0;
        paymentType.add(paid && orders.payBestType[o] >= 0 ? orders.paymentTypes.id(orders.payBestType[o]) : null);
        installments.add(paid ? orders.payMaxInstallments[o] : Double.NaN);
        if (review != null) {
            review.add(orders.reviewCount[o] > 0 ? orders.reviewSum[o] / orders.reviewCount[o] : Double.NaN);
        }
        if (delay != null) {
            delay.add(orders.orderDelay[o]);
        }
        status.add(orders.statusNames.id(orders.orderStatus[o]));
        duplicates.start().field(o).field(p).field(s).field(items.itemPrice[i]).field(amount).end();
    }

    /**
     * The amount of line {@code i}: its price + freight (monetary "items"), or its share of the order's payments by
     * price + freight (monetary "payment"; equal shares when the order's items are all free).
     */
    private double amount(int i, int o) {
        double line = items.itemPrice[i] + items.itemFreight[i];
        if (!paymentMonetary) {
            return line;
        }
        if (weight[o] > 0) {
            return orders.payTotal[o] * (line / weight[o]);
        }
        return orders.payTotal[o] / lines[o]; // free items: nothing to weigh by, share equally
    }

    /** "orders by status: delivered 5172, shipped 1107, ...; kept: delivered", most frequent first. */
    static String statusSummary(OlistOrders orders, Set<String> keptStatuses, int[] statusOrders) {
        IdIndex statusNames = orders.statusNames;
        Integer[] byCount = new Integer[statusOrders.length];
        for (int s = 0; s < byCount.length; s++) {
            byCount[s] = s;
        }
        Arrays.sort(byCount, (a, b) -> statusOrders[b] != statusOrders[a]
                ? Integer.compare(statusOrders[b], statusOrders[a]) : statusNames.id(a).compareTo(statusNames.id(b)));
        StringBuilder sb = new StringBuilder(orders.ordersFile).append(": ").append(orders.orderIds.size())
                .append(" orders by status:");
        for (int k = 0; k < byCount.length; k++) {
            sb.append(k == 0 ? " " : ", ").append(statusNames.id(byCount[k])).append(' ')
                    .append(statusOrders[byCount[k]]);
        }
        sb.append("; kept: ").append(String.join(",", keptStatuses));
        sb.append("; rows are order item lines (an order without items counts as one line, rejected)");
        List<String> unseen = new ArrayList<>();
        for (String s : keptStatuses) {
            if (statusNames.indexOf(s) == IdIndex.ABSENT) {
                unseen.add(s);
            }
        }
        if (!unseen.isEmpty()) {
            sb.append("; no order has status ").append(String.join(", ", unseen));
        }
        return sb.toString();
    }
}
