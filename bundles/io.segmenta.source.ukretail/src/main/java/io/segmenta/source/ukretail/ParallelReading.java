package io.segmenta.source.ukretail;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.IrregularCsv;
import io.segmenta.table.source.ParallelCsv;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read of the export in parallel ({@link ParallelCsv}, {@link RetailChunk}): the blocks' rows are merged here
 * in file order, so that the table, its dictionaries' codes, the counts, the first lines of each reason and the
 * first malformed row's message are those of the sequential read. The malformed rows are replayed through one
 * {@link MalformedRows} with the number of rows read at each, so that the share is checked where the sequential
 * read checks it and a read stops with the same message. One instance per read; not thread-safe.
 */
final class ParallelReading {
    private static final int BUFFER = 1 << 16;

    private final CsvTable table;
    private final int[] column;
    private final ReadTicker ticker;
    private final MalformedRows malformed;
    private final RejectionCounter rejections;
    private final DuplicateRows duplicates = new DuplicateRows(BUFFER);
    private final TransactionTableBuilder rows = new TransactionTableBuilder(BUFFER);
    private final DoubleColumnBuilder prices = rows.numeric(TransactionField.UNIT_PRICE);
    private final DictionaryColumnBuilder products = rows.categorical(TransactionField.PRODUCT);
    private final DictionaryColumnBuilder regions = rows.categorical(TransactionField.REGION);
    /** Data rows read so far, as the sequential reader counts them (what {@link #malformed} sees). */
    private long rowsRead;
    private long ticks;
    /** The line of the next block's first record. */
    private long line = 2;
    private boolean checkedEarly;

    /**
     * @param table the file opened for its header (its data is read here, not through it)
     * @param column the index in the header of each of {@link UkRetailSource#REQUIRED}
     */
    ParallelReading(CsvTable table, int[] column, ReadTicker ticker, double maxMalformed) {
        this.table = table;
        this.column = column;
        this.ticker = ticker;
        this.malformed = new MalformedRows(table.file(), () -> rowsRead, maxMalformed);
        this.rejections = RowRules.counter(table.file());
    }

    /**
     * @throws IrregularCsv when the file must be read sequentially instead
     */
    SourceData run(Path input, ParallelCsv csv) {
        int width = table.header().size();
        csv.read(input, table.header(), block -> RetailChunk.parse(block, column, width), this::merge);
        if (!checkedEarly && rowsRead > MalformedRows.CHECK_FROM) {
            checkEarly();
        }
        malformed.finish();
        ticker.finished(rowsRead);
        List<Rejection> all = new ArrayList<>(malformed.toRejections());
        all.addAll(rejections.toRejections());
        return rows.toSourceData(UkRetailSource.NAME, List.of(table.file()), rowsRead, all,
                Map.of("customers", (long) rows.customers().levelCount(), "orders",
                        (long) rows.orders().levelCount(), "products", (long) products.levelCount()),
                duplicates.count());
    }

    private void merge(RetailChunk chunk) {
        long first = rowsRead;
        for (RetailChunk.Malformed m : chunk.malformed) {
            if (!checkedEarly && first + m.row() > MalformedRows.CHECK_FROM) {
                checkEarly();
            }
            rowsRead = first + m.row();
            malformed.reject(reason(m), error(m));
        }
        rowsRead = first + chunk.dataRows;
        if (!checkedEarly && rowsRead > MalformedRows.CHECK_FROM) {
            // the check the sequential read makes before row CHECK_FROM + 1, where nothing was malformed after it
            checkEarly();
        }
        for (int r = 0; r < RowRules.REASONS.length; r++) {
            long n = chunk.ruleCounts[r];
            if (n > 0 || r < RowRules.REGISTERED) {
                long[] lines = chunk.ruleLines[r];
                int sample = (int) Math.min(n, lines.length);
                for (int i = 0; i < sample; i++) {
                    lines[i] += line;
                }
                rejections.add(RowRules.REASONS[r], n, lines, sample);
            }
        }
        append(chunk);
        line += chunk.lines;
        ticks += chunk.dataRows - chunk.wrongWidth;
        ticker.tickTo(ticks, chunk.fileBytesRead);
    }

    private void checkEarly() {
        long now = rowsRead;
        rowsRead = MalformedRows.CHECK_FROM;
        malformed.checkEarly();
        rowsRead = now;
        checkedEarly = true;
    }

    private String reason(RetailChunk.Malformed m) {
        return m.outcome() < 0 ? MalformedRows.WRONG_WIDTH
                : MalformedRows.reason(table.columnName(column[RowRules.column(m.outcome())]),
                        RowRules.problem(m.outcome()));
    }

    private InputDataException error(RetailChunk.Malformed m) {
        long at = line + m.line();
        if (m.outcome() < 0) {
            return CsvRecords.wrongWidth(table.file(), at, m.fields(), table.header().size(), "as in the header", ',');
        }
        return new InputDataException(table.file(), at, table.columnName(column[RowRules.column(m.outcome())]),
                m.value(), RowRules.expected(m.outcome()));
    }

    /** The block's kept rows, its codes mapped to the table's (new values get theirs in order of appearance). */
    private void append(RetailChunk chunk) {
        int[] customer = codes(rows.customers(), chunk.customerLevels);
        int[] order = codes(rows.orders(), chunk.orderCodes.levels());
        int[] product = codes(products, chunk.productCodes.levels());
        int[] region = codes(regions, chunk.regionCodes.levels());
        for (int k = 0; k < chunk.kept; k++) {
            double quantity = chunk.quantities[k];
            double price = chunk.prices[k];
            rows.addEncoded(customer[chunk.customers[k]], order[chunk.orders[k]], chunk.times[k], quantity,
                    quantity * price);
            prices.add(price);
            products.addCode(mapped(product, chunk.products[k]));
            regions.addCode(mapped(region, chunk.regions[k]));
            duplicates.addHash(chunk.hashes[k]);
        }
    }

    private static int mapped(int[] codes, int code) {
        return code == CategoricalColumn.MISSING ? code : codes[code];
    }

    private static int[] codes(DictionaryColumnBuilder column, List<String> levels) {
        int[] codes = new int[levels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = column.encode(levels.get(i));
        }
        return codes;
    }
}
