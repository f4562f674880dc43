package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.stage.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedRowsTest {
    @TempDir
    Path tmp;

    /** A file with a header "id,n" and the given data lines. */
    private CsvRecords open(String name, List<String> lines) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, ("id,n\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        CsvRecords records = new CsvRecords(InputFiles.openText(file, StandardCharsets.UTF_8, false, "id,n", null),
                ',');
        records.expectWidth(records.first().size(), "as in the header");
        return records;
    }

    /** Reads every record the way a source does: a bad n is a malformed row; returns the good rows. */
    private static int readAll(CsvRecords records, MalformedRows malformed) {
        int good = 0;
        for (CSVRecord r = records.next(); r != null; r = records.next()) {
            if (Double.isNaN(Decimals.parse(r.get(1)))) {
                malformed.reject(MalformedRows.reason("n", "is not a number"),
                        new InputDataException(records.file(), records.line(), "n", r.get(1), "a number"));
                continue;
            }
            good++;
        }
        malformed.finish();
        return good;
    }

    private static List<String> rows(int count, int badEvery, String bad) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = badEvery > 0 && i % badEvery == badEvery - 1 ? bad : i + "," + i;
        }
        return List.of(lines);
    }

    @Test
    void readsTheOptionAsPercentageOrFraction() {
        assertEquals(0.05, MalformedRows.max(Options.empty()));
        assertEquals(0.05, MalformedRows.max(new Options(Map.of("max-malformed", "5%"))), 1e-12);
        assertEquals(0.05, MalformedRows.max(new Options(Map.of("max-malformed", "0.05"))), 1e-12);
        assertEquals(0.125, MalformedRows.max(new Options(Map.of("max-malformed", "12.5 %"))), 1e-12);
        assertEquals(0, MalformedRows.max(new Options(Map.of("max-malformed", "0"))));
        assertEquals(1, MalformedRows.max(new Options(Map.of("max-malformed", "100%"))));
        for (String bad : new String[] {"5", "-1%", "101%", "five", "0,05", "%"}) {
            SegmentaException e = assertThrows(SegmentaException.class,
                    () -> MalformedRows.max(new Options(Map.of("max-malformed", bad))), bad);
            assertEquals("option max-malformed: '" + bad + "' is not a share of rows: give a percentage from 0% to"
                    + " 100% (e.g. 5%) or a fraction from 0 to 1 (e.g. 0.05); 0 stops at the first malformed row",
                    e.getMessage());
        }
        assertEquals("max-malformed", MalformedRows.option().name());
        assertEquals("5%", MalformedRows.option().defaultValue());
        assertEquals("5%", MalformedRows.percent(0.05));
        assertEquals("0.5%", MalformedRows.percent(0.005));
    }

    @Test
    void countsABadValueAndATruncatedLineAndKeepsReading() throws IOException {
        List<String> lines = new java.util.ArrayList<>(rows(50, 0, null));
        lines.set(9, "9,abc");
        lines.set(29, "29");
        try (CsvRecords records = open("a.csv", lines)) {
            MalformedRows malformed = new MalformedRows(records, 0.05);
            assertEquals(48, readAll(records, malformed));
            assertEquals(50, records.rows());
            assertEquals(2, malformed.count());
            assertEquals(List.of(new Rejection("malformed: n is not a number", 1, records.file(), List.of(11L)),
                    new Rejection(MalformedRows.WRONG_WIDTH, 1, records.file(), List.of(31L))),
                    malformed.toRejections());
            assertEquals(records.file() + ": 2 malformed row(s) skipped: n is not a number 1 (line 11); wrong "
                    + "number of fields 1 (line 31)", malformed.summary());
        }
    }

    @Test
    void strictThrowsTheFirstErrorItself() throws IOException {
        try (CsvRecords records = open("b.csv", List.of("1,1", "2", "3,x"))) {
            MalformedRows malformed = new MalformedRows(records, 0);
            InputDataException e = assertThrows(InputDataException.class, () -> readAll(records, malformed));
            assertEquals(records.file() + ", line 3: found 1 field, expected 2 as in the header (a truncated line,"
                    + " or a value with an unquoted comma?)", e.getMessage());
        }
        try (CsvRecords records = open("c.csv", List.of("1,1", "3,x"))) {
            MalformedRows malformed = new MalformedRows(records, 0);
            InputDataException e = assertThrows(InputDataException.class, () -> readAll(records, malformed));
            assertEquals(records.file() + ", line 3, column 'n': value 'x' is not a number", e.getMessage());
        }
    }

    @Test
    void aMostlyMalformedFileStopsAtTheThousandthRow() throws IOException {
        // every other row is bad: 50% > 5%; the read stops at row 1,000, not at the end of the 5,000
        try (CsvRecords records = open("d.csv", rows(5000, 2, "x,y"))) {
            MalformedRows malformed = new MalformedRows(records, 0.05);
            InputDataException e = assertThrows(InputDataException.class, () -> readAll(records, malformed));
            assertEquals(records.file() + ": 500 of 1,000 rows read so far are malformed (50.0%, more than the 5%"
                    + " allowed by max-malformed); the first: " + records.file() + ", line 3, column 'n': value 'y'"
                    + " is not a number; is this the right file and format?", e.getMessage());
            assertEquals(1000, records.rows());
        }
    }

    @Test
    void theCapIsCheckedAtTheThousandthRowEvenWhenItIsGood() throws IOException {
        // 100 bad rows among the first 200, then good ones: at row 1,000 the share is 10%
        List<String> lines = new java.util.ArrayList<>(rows(3000, 0, null));
        for (int i = 0; i < 200; i += 2) {
            lines.set(i, "short");
        }
        try (CsvRecords records = open("e.csv", lines)) {
            MalformedRows malformed = new MalformedRows(records, 0.05);
            InputDataException e = assertThrows(InputDataException.class, () -> readAll(records, malformed));
            assertEquals(records.file() + ": 100 of 1,000 rows read so far are malformed (10.0%, more than the 5%"
                    + " allowed by max-malformed); the first: " + records.file() + ", line 2: found 1 field,"
                    + " expected 2 as in the header (a truncated line, or a value with an unquoted comma?); is this"
                    + " the right file and format?", e.getMessage());
        }
    }

    @Test
    void aSmallFileIsCheckedAtItsEnd() throws IOException {
        try (CsvRecords records = open("f.csv", rows(10, 5, "1,z"))) {
            MalformedRows malformed = new MalformedRows(records, 0.05);
            InputDataException e = assertThrows(InputDataException.class, () -> readAll(records, malformed));
            assertEquals(records.file() + ": 2 of 10 rows are malformed (20.0%, more than the 5% allowed by"
                    + " max-malformed); the first: " + records.file() + ", line 6, column 'n': value 'z' is not a"
                    + " number; is this the right file and format?", e.getMessage());
        }
        // the same file passes with a higher cap
        try (CsvRecords records = open("g.csv", rows(10, 5, "1,z"))) {
            MalformedRows malformed = new MalformedRows(records, 0.2);
            assertEquals(8, readAll(records, malformed));
            assertEquals(2, malformed.count());
        }
    }

    @Test
    void nothingMalformedMeansNoRejectionsAndNoSummary() throws IOException {
        try (CsvRecords records = open("h.csv", rows(20, 0, null))) {
            MalformedRows malformed = new MalformedRows(records, 0);
            assertEquals(20, readAll(records, malformed));
            assertEquals(List.of(), malformed.toRejections());
            assertNull(malformed.summary());
        }
    }

    @Test
    void withoutMalformedRowsAttachedAWrongWidthIsStillAnError() throws IOException {
        try (CsvRecords records = open("i.csv", List.of("1,1", "2"))) {
            assertEquals("1", records.next().get(0));
            InputDataException e = assertThrows(InputDataException.class, records::next);
            assertEquals(3, e.line());
            assertSame(null, e.column());
        }
    }
}
