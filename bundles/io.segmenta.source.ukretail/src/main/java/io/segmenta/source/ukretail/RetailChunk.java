package io.segmenta.source.ukretail;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.ByteDictionary;
import io.segmenta.table.source.CsvBlock;
import io.segmenta.table.source.CsvScanner;
import io.segmenta.table.source.IrregularCsv;
import io.segmenta.table.source.ParallelCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one block of the export, parsed on a worker thread by {@link RowRules} as the sequential read parses
 * them: the kept rows as primitive columns with codes into this block's own dictionaries (in order of first
 * appearance), the rows dropped by rule as counts with their first lines, the malformed rows in order with what
 * their messages need. Lines are relative to the block's first record; {@link ParallelReading} adds the block's
 * first line and merges the blocks in file order.
 */
final class RetailChunk implements ParallelCsv.Chunk {
    /** A malformed row: its data row number in the block (from 1), line, column (-1: wrong width) and value. */
    record Malformed(long row, long line, int outcome, int fields, String value) {
    }

    /**
     * Past this many malformed rows a block goes to the general parser: the sequential read would have stopped
     * long before by option max-malformed, unless that allows nearly all rows, and the list would take memory.
     */
    private static final int MAX_MALFORMED = 20_000;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    final int start;
    int nextBlockStart;
    long lines;
    long dataRows;
    long wrongWidth;
    final List<Malformed> malformed = new ArrayList<>();
    final long[] ruleCounts = new long[RowRules.REASONS.length];
    final long[][] ruleLines = new long[RowRules.REASONS.length][RejectionCounter.SAMPLE_LINES];
    final long fileBytesRead;

    int kept;
    int[] customers;
    int[] orders;
    /** The columns not kept ({@link RetailColumns}) are null, and so are their dictionaries. */
    int[] products;
    int[] regions;
    long[] times;
    double[] quantities;
    /** The unit prices when kept; then the amounts are computed at the merge, else they are kept here. */
    double[] prices;
    double[] amounts;
    long[] hashes;
    List<String> customerLevels = new ArrayList<>();
    ByteDictionary orderCodes = new ByteDictionary();
    ByteDictionary productCodes;
    ByteDictionary regionCodes;

    private ByteDictionary rawCustomers = new ByteDictionary();
    private Map<String, Integer> customerIndex = new HashMap<>();
    private int[] rawToCustomer = new int[256];
    private byte[] lastDate = new byte[32];
    private int lastDateLength = -1;
    private long lastSeconds;

    private RetailChunk(CsvBlock block, int start, RetailColumns keep) {
        this.start = start;
        this.fileBytesRead = block.fileBytesRead();
        int capacity = Math.max(16, block.length() / 64);
        customers = new int[capacity];
        orders = new int[capacity];
        if (keep.products()) {
            products = new int[capacity];
            productCodes = new ByteDictionary();
        }
        if (keep.regions()) {
            regions = new int[capacity];
            regionCodes = new ByteDictionary();
        }
        times = new long[capacity];
        quantities = new double[capacity];
        if (keep.prices()) {
            prices = new double[capacity];
        } else {
            amounts = new double[capacity];
        }
        hashes = new long[capacity];
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int nextBlockStart() {
        return nextBlockStart;
    }

    /**
     * Parses the records starting in the block.
     *
     * @param column the index in the header of each of {@link UkRetailSource#REQUIRED}
     * @param width the number of fields of the header
     * @param keep the optional columns kept
     * @throws IrregularCsv when the block needs the general parser
     */
    static RetailChunk parse(CsvBlock block, int[] column, int width, RetailColumns keep) {
        int start = block.firstRecord();
        RetailChunk chunk = new RetailChunk(block, start, keep);
        if (start < 0) {
            return chunk; // inside a record that started before: ParallelCsv checks that it did
        }
        CsvScanner scanner = new CsvScanner(block, start);
        while (scanner.next()) {
            if (scanner.emptyLine()) {
                continue;
            }
            chunk.dataRows++;
            if (scanner.fields() != width) {
                chunk.wrongWidth++;
                chunk.malformed.add(new Malformed(chunk.dataRows, scanner.line(), -1, scanner.fields(), null));
                continue;
            }
            chunk.row(scanner, column);
            if (chunk.malformed.size() > MAX_MALFORMED) {
                throw new IrregularCsv("a block of malformed rows");
            }
        }
        chunk.lines = scanner.lines();
        chunk.nextBlockStart = scanner.position() - block.length();
        chunk.trim();
        return chunk;
    }

    /** The columns cut to the rows kept: the block's rows are held until the table is built. */
    private void trim() {
        resize(kept);
    }

    /** Drops the block's dictionaries once they were merged into the table's. */
    void dropDictionaries() {
        customerLevels = null;
        orderCodes = null;
        productCodes = null;
        regionCodes = null;
        rawCustomers = null;
        customerIndex = null;
        rawToCustomer = null;
    }

    /** Drops a column of codes once copied into the table's: 0 customers, 1 orders, 2 products, 3 regions. */
    void dropCodes(int which) {
        switch (which) {
            case 0 -> customers = null;
            case 1 -> orders = null;
            case 2 -> products = null;
            default -> regions = null;
        }
    }

    private void row(CsvScanner s, int[] column) {
        int invoice = column[UkRetailSource.INVOICE];
        int customer = column[UkRetailSource.CUSTOMER];
        int invoiceFrom = trimmedFrom(s, invoice);
        int invoiceTo = trimmedTo(s, invoice, invoiceFrom);
        int customerFrom = trimmedFrom(s, customer);
        int customerTo = trimmedTo(s, customer, customerFrom);
        double quantity = number(s, column[UkRetailSource.QUANTITY]);
        double price = number(s, column[UkRetailSource.UNIT_PRICE]);
        long time = time(s, column[UkRetailSource.INVOICE_DATE]);
        int outcome = RowRules.judge(invoiceFrom == invoiceTo ? -1 : s.bytes(invoice)[invoiceFrom] & 0xff,
                customerFrom == customerTo, quantity, price, time);
        if (outcome >= RowRules.FIRST_RULE) {
            int r = outcome - RowRules.FIRST_RULE;
            if (ruleCounts[r] < RejectionCounter.SAMPLE_LINES) {
                ruleLines[r][(int) ruleCounts[r]] = s.line();
            }
            ruleCounts[r]++;
        } else if (outcome != RowRules.KEEP) {
            int f = column[RowRules.column(outcome)];
            String value = outcome == RowRules.EMPTY_INVOICE ? "" : ByteDictionary.text(s.bytes(f), s.from(f), s.to(f));
            malformed.add(new Malformed(dataRows, s.line(), outcome, 0, value));
        } else {
            if (kept == times.length) {
                grow();
            }
            int k = kept++;
            customers[k] = customer(s.bytes(customer), customerFrom, customerTo);
            orders[k] = orderCodes.code(s.bytes(invoice), invoiceFrom, invoiceTo);
            if (products != null) {
                products[k] = category(productCodes, s, column[UkRetailSource.STOCK_CODE]);
            }
            if (regions != null) {
                regions[k] = category(regionCodes, s, column[UkRetailSource.COUNTRY]);
            }
            times[k] = time;
            quantities[k] = quantity;
            if (prices != null) {
                prices[k] = price;
            } else {
                amounts[k] = quantity * price;
            }
            hashes[k] = s.rowHash();
        }
    }

    private int customer(byte[] bytes, int from, int to) {
        int raw = rawCustomers.code(bytes, from, to);
        if (raw == rawCustomers.levels().size() - 1 && (raw >= rawToCustomer.length || rawToCustomer[raw] == 0)) {
            if (raw >= rawToCustomer.length) {
                rawToCustomer = Arrays.copyOf(rawToCustomer, rawToCustomer.length * 2);
            }
            String id = Keys.stripDecimalZero(rawCustomers.levels().get(raw));
            Integer code = customerIndex.get(id);
            if (code == null) {
                code = customerLevels.size();
                customerIndex.put(id, code);
                customerLevels.add(id);
            }
            rawToCustomer[raw] = code + 1;
        }
        return rawToCustomer[raw] - 1;
    }

    /** A dictionary code of the trimmed field, {@link CategoricalColumn#MISSING} when it is empty. */
    private static int category(ByteDictionary codes, CsvScanner s, int f) {
        int from = trimmedFrom(s, f);
        int to = trimmedTo(s, f, from);
        return from == to ? CategoricalColumn.MISSING : codes.code(s.bytes(f), from, to);
    }

    /**
     * A number as {@link Decimals#parse(String)} reads it: plain ones ("-12", "2.55", up to 15 digits) here, as
     * exactly as it computes them (one division of exact doubles), anything else by it.
     */
    private static double number(CsvScanner s, int f) {
        byte[] b = s.bytes(f);
        int i = s.from(f);
        int to = s.to(f);
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                digits = 99; // not plain: Decimals decides
                break;
            }
        }
        if (digits == 0 || digits > 15) {
            return Decimals.parse(ByteDictionary.text(b, s.from(f), to));
        }
        double value = fraction <= 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
    }

    /** The invoice date, parsed once per distinct text in a row, as the sequential read's cache does. */
    private long time(CsvScanner s, int f) {
        byte[] b = s.bytes(f);
        int from = s.from(f);
        int to = s.to(f);
        int n = to - from;
        if (n == lastDateLength && Arrays.equals(lastDate, 0, n, b, from, to)) {
            return lastSeconds;
        }
        long seconds = InvoiceDates.parse(ByteDictionary.text(b, from, to));
        if (seconds != io.segmenta.table.input.DateTimes.BAD) {
            if (n > lastDate.length) {
                lastDate = new byte[n];
            }
            System.arraycopy(b, from, lastDate, 0, n);
            lastDateLength = n;
            lastSeconds = seconds;
        }
        return seconds;
    }

    private static int trimmedFrom(CsvScanner s, int f) {
        byte[] b = s.bytes(f);
        int i = s.from(f);
        int to = s.to(f);
        while (i < to && (b[i] & 0xff) <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimmedTo(CsvScanner s, int f, int from) {
        byte[] b = s.bytes(f);
        int i = s.to(f);
        while (i > from && (b[i - 1] & 0xff) <= ' ') {
            i--;
        }
        return i;
    }

    private void grow() {
        resize(times.length + (times.length >> 1) + 16);
    }

    private void resize(int n) {
        customers = Arrays.copyOf(customers, n);
        orders = Arrays.copyOf(orders, n);
        products = products == null ? null : Arrays.copyOf(products, n);
        regions = regions == null ? null : Arrays.copyOf(regions, n);
        times = Arrays.copyOf(times, n);
        quantities = Arrays.copyOf(quantities, n);
        prices = prices == null ? null : Arrays.copyOf(prices, n);
        amounts = amounts == null ? null : Arrays.copyOf(amounts, n);
        hashes = Arrays.copyOf(hashes, n);
    }
}
