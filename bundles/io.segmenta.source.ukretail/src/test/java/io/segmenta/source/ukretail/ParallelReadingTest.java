package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.source.IrregularCsv;
import io.segmenta.table.source.ParallelCsv;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel read gives what the sequential read gives, row for row, code for code, count for count, message for
 * message: each file here is read both ways, the parallel one with blocks small enough that records, quoted fields,
 * malformed rows and the header fall on block boundaries.
 */
class ParallelReadingTest {
    private static final String HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** Few threads, many small blocks of several sizes (a block smaller than the header included). */
    private static final List<ParallelCsv> WAYS = List.of(new ParallelCsv(1, 1 << 20, 1 << 16),
            new ParallelCsv(2, 64, 512), new ParallelCsv(3, 37, 256), new ParallelCsv(2, 1000, 300),
            new ParallelCsv(4, 4096, 4096));

    @TempDir
    Path tmp;

    /** Reads the file sequentially and every parallel way; all must agree. Returns the sequential result. */
    private SourceData same(Path file, Map<String, String> options, boolean regular) {
        SourceData expected = null;
        RuntimeException expectedError = null;
        try {
            expected = UkRetailSource.read(file, context(options), max(options), null);
        } catch (RuntimeException e) {
            expectedError = e;
        }
        for (ParallelCsv way : WAYS) {
            SourceData actual = null;
            RuntimeException error = null;
            try {
                actual = UkRetailSource.read(file, context(options), max(options), way);
            } catch (IrregularCsv e) {
                if (regular) {
                    throw new AssertionError("the parallel read gave up on a regular file: " + e.getMessage(), e);
                }
                try {
                    actual = new UkRetailSource(way).read(file, context(options));
                } catch (RuntimeException again) {
                    error = again;
                }
            } catch (RuntimeException e) {
                error = e;
            }
            if (expectedError != null) {
                assertNotNull(error, "the sequential read failed with " + expectedError.getMessage());
                assertEquals(expectedError.getClass(), error.getClass());
                assertEquals(expectedError.getMessage(), error.getMessage());
            } else {
                if (error != null) {
                    throw new AssertionError("only the parallel read failed", error);
                }
                assertSame(expected, actual);
            }
        }
        return expected;
    }

    private static StageContext context(Map<String, String> options) {
        return new RecordingContext(options, Integer.MAX_VALUE);
    }

    private static double max(Map<String, String> options) {
        return MalformedRows.max(context(options).options());
    }

    private static void assertSame(SourceData expected, SourceData actual) {
        assertEquals(expected.quality(), actual.quality());
        assertEquals(expected.transactions().columns().keySet(), actual.transactions().columns().keySet());
        for (Map.Entry<String, Column> e : expected.transactions().columns().entrySet()) {
            Column a = actual.transactions().columns().get(e.getKey());
            if (e.getValue() instanceof CategoricalColumn c) {
                assertArrayEquals(c.codes(), ((CategoricalColumn) a).codes(), e.getKey());
                assertEquals(c.levels(), ((CategoricalColumn) a).levels(), e.getKey());
            } else if (e.getValue() instanceof NumericColumn n) {
                assertArrayEquals(n.values(), ((NumericColumn) a).values(), e.getKey());
            } else {
                assertArrayEquals(((TimestampColumn) e.getValue()).epochSeconds(), ((TimestampColumn) a).epochSeconds());
            }
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Rows of every kind: kept, dropped by each rule, repeated, quoted, with empty lines; CR LF or LF. */
    private static String mixed(int rows, long seed, String newline) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(HEADER).append(newline);
        for (int i = 0; i < rows; i++) {
            int kind = random.nextInt(20);
            String invoice = (kind == 1 ? "C" : kind == 2 ? " c" : "") + (500000 + i / 3);
            String customer = kind == 3 ? "" : kind == 4 ? " 1234" + random.nextInt(4) + " " : "1234" + random.nextInt(40) + ".0";
            String quantity = kind == 5 ? "-2" : kind == 6 ? "0" : kind == 7 ? "1e1" : kind == 8 ? " 3 " : String.valueOf(1 + random.nextInt(12));
            String price = kind == 9 ? "0.0" : kind == 10 ? "-1.5" : kind == 11 ? "1e308" : kind == 12 ? "0.1234567890123456789" : "2." + random.nextInt(99);
            String description = kind == 13 ? "\"A, \"\"QUOTED\"\" ONE\"" : kind == 14 ? "CAF\u00c9 \u00e0 \u20ac" : "ITEM " + (i % 9);
            String country = kind == 15 ? "" : kind == 16 ? "\"EIRE\"" : random.nextBoolean() ? "United Kingdom" : "France";
            String date = kind == 17 ? "12/1/2010 8:26" : "2010-12-0" + (1 + i % 9) + " 08:2" + (i % 10) + ":00";
            String code = kind == 18 ? " 85123A " : "P" + random.nextInt(30);
            String line = String.join(",", invoice, code, description, kind == 11 ? "1e10" : quantity, date, price, customer, country);
            sb.append(line).append(newline);
            if (kind == 19) {
                // a repeated row (its description quoted or not: the same values) or an empty line
                String again = String.join(",", invoice, code, "\"" + description.replace("\"", "") + "\"",
                        kind == 11 ? "1e10" : quantity, date, price, customer, country);
                sb.append(random.nextBoolean() ? line : random.nextBoolean() ? again : "").append(newline);
            }
        }
        return sb.toString();
    }

    @Test
    void readsMixedRowsAsTheSequentialReadWithLineFeeds() throws IOException {
        SourceData data = same(file("mixed.csv", mixed(3000, 1, "\n")), Map.of(), true);
        assertTrue(data.quality().rowsKept() > 1000, data.quality().toString());
        assertTrue(data.quality().duplicateRows() > 0, data.quality().toString());
    }

    @Test
    void readsMixedRowsAsTheSequentialReadWithCarriageReturns() throws IOException {
        same(file("crlf.csv", mixed(2000, 2, "\r\n")), Map.of(), true);
    }

    @Test
    void readsGzipAndAByteOrderMarkAsTheSequentialRead() throws IOException {
        Path gz = tmp.resolve("mixed.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(mixed(2500, 3, "\n").getBytes(StandardCharsets.UTF_8));
        }
        same(gz, Map.of(), true);
    }

    @Test
    void countsMalformedRowsOfEveryKindWithTheirLinesAsTheSequentialRead() throws IOException {
        String text = mixed(1500, 4, "\n") + ",P1,X,1,2011-01-01 10:00:00,1.5,1,UK\n" // empty invoice
                + "600001,P1,X,one,2011-01-01 10:00:00,1.5,1,UK\n" + "600002,P1,X,1,2011-01-01 10:00:00,1,5,1,UK\n"
                + "600003,P1,X,1,2011-02-30 10:00:00,1.5,1,UK\n" + "600004,P1,X,1,2011-01-01 10:00:00,x,1,UK\n"
                + mixed(500, 5, "\n").substring(HEADER.length() + 1) + "600005,P1,X,1,2011-01-01";
        SourceData data = same(file("malformed.csv", text), Map.of(), true);
        assertEquals(6, data.quality().rejections().stream().filter(r -> r.reason().startsWith("malformed"))
                .mapToLong(r -> r.count()).sum());
    }

    @Test
    void stopsAtTheSameMalformedRowWithTheSameMessage() throws IOException {
        String text = mixed(700, 6, "\n") + "600001,P1,X,one,2011-01-01 10:00:00,1.5,1,UK\n" + mixed(700, 7, "\n")
                .substring(HEADER.length() + 1);
        same(file("strict.csv", text), Map.of("max-malformed", "0"), true);
    }

    @Test
    void stopsWhenTooManyRowsAreMalformedWhereTheSequentialReadStops() throws IOException {
        StringBuilder early = new StringBuilder(HEADER).append('\n');
        StringBuilder late = new StringBuilder(mixed(3000, 8, "\n"));
        for (int i = 0; i < 1200; i++) {
            String row = (i % 15 == 0 ? "600001,P1,X,bad," : "600001,P1,X,1,") + "2011-01-01 10:00:00,1.5,1,UK\n";
            early.append(row);
            late.append(i % 3 == 0 ? "600001,P1,X,bad,2011-01-01 10:00:00,1.5,1,UK\n" : row);
        }
        // the share checked once 1,000 rows were read (6.7% of them), then as rows go on, then at the end
        same(file("early.csv", early.toString()), Map.of(), true);
        same(file("late.csv", late.toString()), Map.of(), true);
        same(file("late-allowed.csv", late.toString()), Map.of("max-malformed", "20%"), true);
    }

    @Test
    void leavesWhatOnlyTheGeneralParserJudgesToIt() throws IOException {
        String rows = mixed(300, 9, "\n").substring(HEADER.length() + 1);
        // a quoted line feed on a block boundary, a lone carriage return, a quote inside a field, an unclosed quote,
        // text after a closing quote, bytes that are not UTF-8 in a kept row
        same(file("newline.csv", HEADER + "\n" + rows + "536380,22961,\"JAM MAKING SET\nPRINTED\",2,"
                + "2010-12-01 09:45:00,1.45,14527.0,United Kingdom\n" + rows), Map.of(), false);
        same(file("cr.csv", HEADER + "\n" + rows + "1,2,3\r" + rows), Map.of(), false);
        same(file("inner-quote.csv", HEADER + "\n" + rows + "600001,P1,RECORD 7\" FRAME,1,2011-01-01 10:00:00,1.5,1,"
                + "UK\n" + rows), Map.of(), false);
        same(file("unclosed.csv", HEADER + "\n" + rows + "600001,P1,\"OPEN,1,2011-01-01 10:00:00,1.5,1,UK\n"),
                Map.of(), false);
        same(file("after-quote.csv", HEADER + "\n" + rows + "600001,P1,\"A\"B,1,2011-01-01 10:00:00,1.5,1,UK\n"
                + rows), Map.of(), false);
        byte[] head = (HEADER + "\n" + rows + "600001,P1,X,1,2011-01-01 10:00:00,1.5,1,U").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("K\n" + rows).getBytes(StandardCharsets.UTF_8);
        Path bad = tmp.resolve("not-utf8.csv");
        try (OutputStream out = Files.newOutputStream(bad)) {
            out.write(head);
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            out.write(tail);
        }
        same(bad, Map.of(), false);
    }

    @Test
    void readsHeaderOnlyAndEmptyEndingsAsTheSequentialRead() throws IOException {
        same(file("header.csv", HEADER + "\n"), Map.of(), true);
        same(file("header-no-newline.csv", HEADER), Map.of(), true);
        same(file("trailing.csv", mixed(100, 10, "\n") + "\n\n\r\n"), Map.of(), true);
        same(file("loose-header.csv", "Invoice No,Stock Code,Description,Quantity,Invoice Date,Unit Price,"
                + "Customer ID,Country\n" + mixed(200, 11, "\n").substring(HEADER.length() + 1)), Map.of(), true);
    }

    @Test
    void aQuotedLineFeedInsideABlockIsReadInParallel() throws IOException {
        String rows = mixed(20, 12, "\n").substring(HEADER.length() + 1);
        Path file = file("inside.csv", HEADER + "\n" + "536380,22961,\"JAM MAKING SET\nPRINTED\",2,"
                + "2010-12-01 09:45:00,1.45,14527.0,United Kingdom\n" + rows);
        SourceData sequential = UkRetailSource.read(file, context(Map.of()), 0.05, null);
        SourceData parallel = UkRetailSource.read(file, context(Map.of()), 0.05, new ParallelCsv(2, 1 << 16, 1 << 16));
        assertSame(sequential, parallel);
        // the header's line feed ends at 83, the quoted one is at 111: the first of the block from 100
        assertThrows(IrregularCsv.class, () -> UkRetailSource.read(file, context(Map.of()), 0.05,
                new ParallelCsv(2, 100, 512)), "a block boundary inside the quoted line feed: left to the general parser");
        assertSame(sequential, new UkRetailSource(new ParallelCsv(2, 100, 512)).read(file, context(Map.of())));
    }

    @Test
    void readsTheUciExportAsTheSequentialRead() throws IOException {
        Path uci = Path.of(System.getProperty("segmenta.project.dir", "../.."), "../shared/data/uk-retail/online-retail-dataset.csv.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(uci), "no UCI file at " + uci);
        SourceData sequential = UkRetailSource.read(uci, context(Map.of()), 0.05, null);
        List<ParallelCsv> ways = new ArrayList<>(List.of(ParallelCsv.ofProcessors(), new ParallelCsv(3, 100_000, 4096)));
        for (ParallelCsv way : ways) {
            assertSame(sequential, UkRetailSource.read(uci, context(Map.of()), 0.05, way));
        }
        assertEquals(397_884, sequential.quality().rowsKept());
    }
}
