package io.segmenta.table.source;

/**
 * Thrown by the parallel reader's byte-level scanner when a chunk holds something only the general parser
 * (Commons CSV, through {@link CsvTable}) may judge: a quote inside an unquoted field, text after a closing quote, a
 * lone carriage return, a record longer than the look-ahead, bytes that are not UTF-8. The reader then reads the
 * whole file again the general way, so that every message, line and count is that parser's. No stack trace: it is
 * control flow, not an error.
 */
public final class IrregularCsv extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IrregularCsv(String why) {
        super(why, null, false, false);
    }
}
