package io.segmenta.reliability.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A uk-retail export generated from a seed: rows of a few dozen customers, with every kind of row the source drops
 * (no customer, a cancellation, a quantity or price of 0 or less, an overflowing amount) and every kind of
 * malformed value, each known in advance, so the account of the read can be checked against it.
 */
record GeneratedExport(List<Row> rows) {
    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** What the source must do with a row. */
    enum Fate { KEPT, MISSING_CUSTOMER, CANCELLED, NON_POSITIVE_QUANTITY, NON_POSITIVE_PRICE, OVERFLOW, MALFORMED }

    /** One line of the export. customer -1: none; defect 0: none, 1: quantity not a number, 2: bad date. */
    record Row(int invoice, boolean cancelled, int customer, int quantity, double price, int day, int minute,
            int defect, boolean overflow) {

        Fate fate() {
            if (defect != 0) {
                return Fate.MALFORMED;
            }
            if (customer < 0) {
                return Fate.MISSING_CUSTOMER;
            }
            if (cancelled) {
                return Fate.CANCELLED;
            }
            if (quantity <= 0) {
                return Fate.NON_POSITIVE_QUANTITY;
            }
            if (!overflow && price <= 0) { // an overflowing row's price is written as 1e308
                return Fate.NON_POSITIVE_PRICE;
            }
            return overflow ? Fate.OVERFLOW : Fate.KEPT;
        }

        String line() {
            String qty = defect == 1 ? "six" : Integer.toString(quantity);
            String date = defect == 2 ? "2011-13-45 10:00:00"
                    : String.format("2011-%02d-%02d %02d:%02d:00", 1 + day / 28, 1 + day % 28, 8 + minute / 60,
                            minute % 60);
            String unitPrice = overflow ? "1e308" : Double.toString(price);
            return (cancelled ? "C" : "") + invoice + ",P" + (invoice % 13) + ",thing," + qty + "," + date + ","
                    + unitPrice + "," + (customer < 0 ? "" : Integer.toString(12000 + customer)) + ",United Kingdom";
        }
    }

    /**
     * The export of one seed: eight plain rows of eight customers (so that k=3 fits), then up to {@code maxRows}
     * rows drawn from every kind above. The same seed gives the same export, so a failing case is reproduced by its
     * seed (the test names it).
     */
    static GeneratedExport of(long seed, int maxRows) {
        Random random = new Random(seed);
        List<Row> all = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            all.add(new Row(400000 + c, false, 100 + c, 1 + c, 1.5 + random.nextInt(8), 10 * c, 30, 0, false));
        }
        int n = random.nextInt(maxRows + 1);
        for (int i = 0; i < n; i++) {
            int defect = random.nextInt(25);
            boolean overflow = random.nextInt(30) == 0;
            int quantity = -2 + random.nextInt(33);
            all.add(new Row(500000 + random.nextInt(401), random.nextInt(20) == 0, -1 + random.nextInt(42),
                    overflow ? Math.max(2, quantity) : quantity, (-1 + random.nextInt(402)) / 4.0,
                    random.nextInt(11 * 28), random.nextInt(600), defect <= 2 ? defect : 0, overflow));
        }
        return new GeneratedExport(all);
    }

    long count(Fate fate) {
        return rows.stream().filter(r -> r.fate() == fate).count();
    }

    /** The customers with at least one kept row. */
    Set<Integer> customersKept() {
        Set<Integer> customers = new HashSet<>();
        rows.stream().filter(r -> r.fate() == Fate.KEPT).forEach(r -> customers.add(r.customer()));
        return customers;
    }

    Path write(Path file) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> text.append(r.line()).append('\n'));
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
