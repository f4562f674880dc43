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
 * <p>
 * Public (in a package the bundle does not export) for the Spark back-end, which summarises the purchase days on
 * Spark ({@link Days}) and fits on the driver with this stage's code ({@link ClvOnSummaries}).
 */
public final class PurchaseHistories {
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
        this(days(table, calibrationOption, holdoutOption), unit);
    }

    /** The histories of customers another back-end summarised in days (Spark: {@link ClvOnSummaries}). */
    PurchaseHistories(Days d, TimeUnit unit) {
        int kept = d.ids().size();
        ids.addAll(d.ids());
        x = d.repeats().clone();
        recency = new double[kept];
        age = new double[kept];
        meanValue = new double[kept];
        for (int c = 0; c < kept; c++) {
            recency[c] = (d.lastInCalibration()[c] - d.first()[c]) / unit.days;
            age[c] = (d.period().calibrationEnd() - d.first()[c]) / unit.days;
            meanValue[c] = x[c] > 0 ? d.repeatValue()[c] / x[c] : 0;
        }
        holdoutPurchases = d.holdout().clone();
        calibrationEnd = LocalDate.ofEpochDay(d.period().calibrationEnd());
        holdoutEnd = d.period().holdout() ? Optional.of(LocalDate.ofEpochDay(d.period().holdoutEnd()))
                : Optional.empty();
        leftOutRows = d.leftOutRows();
        laterCustomers = d.laterCustomers();
        usableRows = d.usableRows();
    }

    /**
     * The calibration and holdout periods in epoch days.
     *
     * @param calibrationEnd the calibration period's last day: the option's, or the day of the last purchase
     * @param holdoutEnd the holdout's last day: the option's, or the day of the last purchase
     * @param holdout whether there is a holdout: a purchase day after the calibration end, up to the holdout end
     */
    public record Period(long calibrationEnd, long holdoutEnd, boolean holdout) {
        /** @param lastDay the epoch day of the last usable row */
        public static Period of(long lastDay, Optional<LocalDate> calibrationOption,
                Optional<LocalDate> holdoutOption) {
            long calEnd = calibrationOption.map(LocalDate::toEpochDay).orElse(lastDay);
            long holdEnd = holdoutOption.map(LocalDate::toEpochDay).orElse(lastDay);
            return new Period(calEnd, holdEnd, holdEnd > calEnd && lastDay > calEnd);
        }
    }

    /**
     * Per customer, the purchase days in epoch days before the time unit applies: what a back-end that
     * aggregates elsewhere computes itself. Purchase days are distinct calendar days with a usable row (a
     * customer, a timestamp, a finite amount); customers whose first purchase day is after the calibration end
     * are left out and counted.
     *
     * @param ids the customers, in the order they first occur
     * @param first each one's first purchase day
     * @param lastInCalibration the last purchase day up to the calibration end (the first when none follows)
     * @param repeats the purchase days after the first, up to the calibration end
     * @param repeatValue the sum of the amounts of those days
     * @param holdout the purchase days after the calibration end, up to the holdout end
     * @param leftOutRows rows without a customer, a timestamp or a finite amount
     * @param laterCustomers customers whose first purchase is after the calibration end
     * @param usableRows the other rows
     */
    public record Days(List<String> ids, long[] first, long[] lastInCalibration, int[] repeats, double[] repeatValue,
            int[] holdout, Period period, int leftOutRows, int laterCustomers, int usableRows) {
    }

    private static Days days(TransactionTable table, Optional<LocalDate> calibrationOption,
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
        int usable = rows - left;
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, customers);
        int[] byCustomer = new int[usable];
        for (int i = 0; i < rows; i++) {
            if (codes[i] >= 0 && time[i] != TimestampColumn.MISSING && Double.isFinite(amount[i])) {
                byCustomer[fill[codes[i]]++] = i;
            }
        }
        Period period = Period.of(lastDay, calibrationOption, holdoutOption);
        long calEnd = period.calibrationEnd();
        long holdEnd = period.holdoutEnd();

        List<String> ids = new ArrayList<>();
        long[] firsts = new long[customers];
        long[] lasts = new long[customers];
        int[] xs = new int[customers];
        double[] values = new double[customers];
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
            firsts[kept] = first;
            lasts[kept] = lastInCalibration;
            xs[kept] = repeats;
            values[kept] = repeatValue;
            hold[kept] = holdout;
            kept++;
        }
        return new Days(ids, Arrays.copyOf(firsts, kept), Arrays.copyOf(lasts, kept), Arrays.copyOf(xs, kept),
                Arrays.copyOf(values, kept), Arrays.copyOf(hold, kept), period, left, later, usable);
    }

    int size() {
        return x.length;
    }

    /** The holdout's length in units (0 without a holdout). */
    double holdoutLength(TimeUnit unit) {
        return holdoutEnd.map(h -> (h.toEpochDay() - calibrationEnd.toEpochDay()) / unit.days).orElse(0.0);
    }
}
