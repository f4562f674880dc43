package io.segmenta.source.ukretail;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.IrregularCsv;
import io.segmenta.table.source.ParallelCsv;
import io.segmenta.table.source.ReadTicker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A read of the export in parallel ({@link ParallelCsv}, {@link RetailChunk}): the blocks' rows are merged here
 * in file order, so that the table, its dictionaries' codes, the counts, the first lines of each reason and the
 * first malformed row's message are those of the sequential read. The malformed rows are replayed through one
 * {@link MalformedRows} with the number of rows read at each, so that the share is checked where the sequential
 * read checks it and a read stops with the same message. One instance per read; not thread-safe.
 */
final class ParallelReading {
    private final CsvTable table;
    private final int[] column;
    private final ReadTicker ticker;
    private final MalformedRows malformed;
    private final RejectionCounter rejections;
    private final RetailColumns keep;
    private final KeptRows kept;
    /** Data rows read so far, as the sequential reader counts them (what {@link #malformed} sees). */
    private long rowsRead;
    private long ticks;
    /** The line of the next block's first record. */
    private long line = 2;
    private boolean checkedEarly;

    /**
     * @param table the file opened for its header (its data is read here, not through it)
     * @param column the index in the header of each of {@link UkRetailSource#REQUIRED}
     * @param keep the optional columns kept
     */
    ParallelReading(CsvTable table, int[] column, ReadTicker ticker, double maxMalformed, RetailColumns keep) {
        this.table = table;
        this.keep = keep;
        this.kept = new KeptRows(keep);
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
        csv.read(input, table.header(), block -> RetailChunk.parse(block, column, width, keep), this::merge);
        if (!checkedEarly && rowsRead > MalformedRows.CHECK_FROM) {
            checkEarly();
        }
        malformed.finish();
        ticker.finished(rowsRead);
        List<Rejection> all = new ArrayList<>(malformed.toRejections());
        all.addAll(rejections.toRejections());
        long duplicates = kept.duplicates();
        TransactionTable transactions = kept.table();
        DataQuality quality = new DataQuality(UkRetailSource.NAME, List.of(table.file()), rowsRead,
                transactions.rowCount(), all, kept.firstTimestamp(), kept.lastTimestamp(),
                UkRetailSource.entityCounts(kept.customers(), kept.orders(), keep.products() ? kept.products() : -1),
                duplicates);
        return new SourceData(transactions, quality);
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
        kept.add(chunk);
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
}
