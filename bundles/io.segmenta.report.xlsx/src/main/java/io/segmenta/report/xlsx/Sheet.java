package io.segmenta.report.xlsx;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet being filled, over fastexcel's {@link Worksheet}: a bold, shaded, frozen header row, cells that
 * keep their type (a number is a number cell; NaN and infinities, which a spreadsheet cannot hold, are left
 * empty), column widths from the longest text written (or preset, for a sheet that is flushed while it is
 * written), and an autofilter over the table when it is finished.
 */
final class Sheet {
    /** Formats of number cells (Excel format codes). */
    static final String COUNT = "#,##0";
    static final String DECIMAL = "#,##0.00";
    static final String PRECISE = "0.0000";
    static final String PERCENT = "0.0%";
    /** An index (100 = the average of all entities), to whole numbers. */
    static final String INDEX = "0";
    static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";

    /**
     * The format of an amount: {@link #DECIMAL}, followed by the currency code when known, each of its letters
     * escaped with a backslash rather than quoted (fastexcel writes a format code into styles.xml without
     * escaping quotes, which would make the workbook unreadable).
     */
    static String money(java.util.Optional<String> currency) {
        return currency.map(c -> DECIMAL + "\\ " + c.chars().mapToObj(ch -> "\\" + (char) ch)
                .collect(java.util.stream.Collectors.joining())).orElse(DECIMAL);
    }

    /** Width, in characters, of a column of numbers in one of the formats above. */
    private static final double NUMBER_WIDTH = 12;
    private static final double MIN_WIDTH = 8;
    private static final double MAX_WIDTH = 60;

    private final Worksheet ws;
    private final int columns;
    private final double[] widths;
    private boolean flushed;

    /**
     * @param header the column titles of the table, written in row 0
     * @param frozenColumns how many leading columns stay in view when scrolling sideways (the header row always does)
     */
    Sheet(Workbook workbook, String name, List<String> header, int frozenColumns) {
        this.ws = workbook.newWorksheet(name);
        this.columns = header.size();
        this.widths = new double[columns];
        for (int c = 0; c < columns; c++) {
            ws.value(0, c, header.get(c));
            widen(c, header.get(c).length() + 2); // room for the filter button
        }
        ws.range(0, 0, 0, columns - 1).style().bold().fillColor("DDEBF7").set();
        ws.freezePane(frozenColumns, 1);
    }

    /** The bold, shaded title row of a further table below the sheet's first one. */
    void heading(int r, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            text(r, c, titles.get(c));
        }
        ws.range(r, 0, r, titles.size() - 1).style().bold().fillColor("DDEBF7").set();
    }

    /** A text cell; nothing for null. */
    void text(int r, int c, String value) {
        if (value != null) {
            ws.value(r, c, value);
            widen(c, value.length());
        }
    }

    /** A text cell that may run on over the empty cells to its right: it does not widen its column. */
    void note(int r, int c, String value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    /**
     * A text cell written inline rather than into the workbook's shared strings: for values that are (nearly)
     * all different, such as customer ids, which the shared-string table would only hold in memory twice.
     */
    void uniqueText(int r, int c, String value) {
        if (value != null) {
            ws.inlineString(r, c, value);
            widen(c, value.length());
        }
    }

    /** A number cell in the general format; empty for NaN or an infinity. */
    void number(int r, int c, double value) {
        if (Double.isFinite(value)) {
            ws.value(r, c, value);
        }
    }

    /** A number cell in the given format; empty for NaN or an infinity. */
    void number(int r, int c, double value, String format) {
        if (Double.isFinite(value)) {
            ws.value(r, c, value);
            ws.style(r, c).format(format).set();
            widen(c, NUMBER_WIDTH);
        }
    }

    /** A whole number, with thousands separators. */
    void count(int r, int c, long value) {
        ws.value(r, c, value);
        ws.style(r, c).format(COUNT).set();
        widen(c, NUMBER_WIDTH);
    }

    /** A date-time cell (an Excel serial number shown as a date and time). */
    void dateTime(int r, int c, LocalDateTime value) {
        ws.value(r, c, value);
        ws.style(r, c).format(DATE_TIME).set();
        widen(c, DATE_TIME.length() + 1);
    }

    /** Makes column {@code c} at least {@code chars} wide (up to a cap). Ignored once rows have been flushed. */
    void widen(int c, double chars) {
        if (!flushed) {
            widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], chars));
        }
    }

    /** Writes the rows so far to the file and frees them; the column widths are final from the first call. */
    void flush() throws IOException {
        applyWidths();
        ws.flush();
    }

    /** Sets the autofilter over rows 0 to {@code lastRow} of the table's columns and writes the sheet out. */
    void finish(int lastRow) throws IOException {
        applyWidths();
        ws.setAutoFilter(0, 0, lastRow, columns - 1);
        ws.finish();
    }

    private void applyWidths() {
        if (!flushed) {
            for (int c = 0; c < columns; c++) {
                ws.width(c, Math.max(MIN_WIDTH, widths[c] + 1));
            }
            flushed = true;
        }
    }
}
