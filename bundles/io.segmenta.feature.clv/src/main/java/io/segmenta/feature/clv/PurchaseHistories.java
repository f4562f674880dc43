package io.segmenta.feature.clv;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Per customer, what BG/NBD and Gamma-Gamma read, with the papers' convention: purchases are counted per
 * distinct calendar day (several orders on one day are one purchase, whose value is their sum); frequency x is
 * the number of purchase days in the calibration period after the first; recency t_x is the time from the
 * first to the last purchase day; age T is the time from the first purchase day to the calibration end (its
 * last day, included); m is the mean value of the repeat purchase days (the first excluded, as in lifetimes).
 * Purchase days after the calibration end, up to the holdout end, are counted per customer as the holdout's
 * actual repeat purchases.
 * <p>
 * A row counts when it has a customer, a timestamp and a finite amount; the others are counted
 * ({@link #leftOutRows}). Customers whose first purchase is after the calibration end are not in the result
 * ({@link #laterCustomers}).
 */
final class PurchaseHistories {
    private static final long SECONDS_PER_DAY = 86_400L;

    final List<String> ids = new ArrayList<>();
    final int[] x;
    final double[] recency;
    final double[] age;
    final double[] meanValue;
    final int[] holdoutPurchases;
    final LocalDate calibrationEnd;
    /** The holdout's last day, or empty when no purchase day follows the calibration end. */
    final Optional<LocalDate> holdoutEnd;
    final int leftOutRows;
    final int laterCustomers;
    final int usableRows;

    PurchaseHistories(TransactionTable table, TimeUnit unit, Optional<LocalDate> calibrationOption,
            Optional<LocalDate> holdoutOption) {
        CategoricalColumn customer = table.customer();
        int[] codes = customer.codes();
        long[] time = table.timestamp().epochSeconds();
        double[] amount = table.amount().values();
        int rows = table.rowCount();
        int customers = customer.levelCount();
        // rows bucketed by customer (counting sort), keeping only usable rows
        int[] start = new int[customers + 1];
        int left = 0;
        long lastDay = Long.MIN_VALUE;
        for (int i = 0; i < rows; i++) {
            if (codes[i] < 0 || time[i] == TimestampColumn.MISSING || !Double.isFinite(amount[i])) {
                left++;
                continue;
            }
            start[codes[i] + 1]++;
            lastDay = Math.max(lastDay, Math.floorDiv(time[i], SECONDS_PER_DAY));
        }
        leftOutRows = left;
        usableRows = rows - left;
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, customers);
        int[] byCustomer = new int[usableRows];
        for (int i = 0; i < rows; i++) {
            if (codes[i] >= 0 && time[i] != TimestampColumn.MISSING && Double.isFinite(amount[i])) {
                byCustomer[fill[codes[i]]++] = i;
            }
        }
        long calEnd = calibrationOption.map(LocalDate::toEpochDay).orElse(lastDay);
        long holdEnd = holdoutOption.map(LocalDate::toEpochDay).orElse(lastDay);
        calibrationEnd = LocalDate.ofEpochDay(calEnd);
        holdoutEnd = holdEnd > calEnd && lastDay > calEnd ? Optional.of(LocalDate.ofEpochDay(holdEnd)) : Optional.empty();

        int[] xs = new int[customers];
        double[] tx = new double[customers];
        double[] ages = new double[customers];
        double[] means = new double[customers];
        int[] hold = new int[customers];
        int later = 0;
        int kept = 0;
        long[] dayRows = new long[16];
        for (int c = 0; c < customers; c++) {
            int n = start[c + 1] - start[c];
            if (n == 0) {
                continue;
            }
            if (dayRows.length < n) {
                dayRows = new long[Math.max(n, 2 * dayRows.length)];
            }
            // (day << 32 | row position) sorted: the customer's rows by day
            for (int j = 0; j < n; j++) {
                int row = byCustomer[start[c] + j];
                dayRows[j] = (Math.floorDiv(time[row], SECONDS_PER_DAY) << 32) | j;
            }
            Arrays.sort(dayRows, 0, n);
            long first = dayRows[0] >> 32;
            if (first > calEnd) {
                later++;
                continue;
            }
            int repeats = 0;
            int holdout = 0;
            long lastInCalibration = first;
            double repeatValue = 0;
            long previous = first;
            for (int j = 0; j < n; j++) {
                long day = dayRows[j] >> 32;
                double value = amount[byCustomer[start[c] + (int) (dayRows[j] & 0xFFFFFFFFL)]];
                boolean newDay = day != previous;
                previous = day;
                if (day == first) {
                    continue;
                }
                if (day <= calEnd) {
                    repeats += newDay ? 1 : 0;
                    repeatValue += value;
                    lastInCalibration = day;
                } else if (day <= holdEnd) {
                    holdout += newDay ? 1 : 0;
                }
            }
            ids.add(customer.levels().get(c));
            xs[kept] = repeats;
            tx[kept] = (lastInCalibration - first) / unit.days;
            ages[kept] = (calEnd - first) / unit.days;
            means[kept] = repeats > 0 ? repeatValue / repeats : 0;
            hold[kept] = holdout;
            kept++;
        }
        laterCustomers = later;
        x = Arrays.copyOf(xs, kept);
        recency = Arrays.copyOf(tx, kept);
        age = Arrays.copyOf(ages, kept);
        meanValue = Arrays.copyOf(means, kept);
        holdoutPurchases = Arrays.copyOf(hold, kept);
    }

    int size() {
        return x.length;
    }

    /** The holdout's length in units (0 without a holdout). */
    double holdoutLength(TimeUnit unit) {
        return holdoutEnd.map(h -> (h.toEpochDay() - calibrationEnd.toEpochDay()) / unit.days).orElse(0.0);
    }
}
