package io.segmenta.table.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV file bound to its header: columns by name and alias, values that make a row malformed. */
class CsvTableTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void findsColumnsByNameOrAliasIgnoringCaseSpacesAndUnderscores() throws IOException {
        try (CsvTable t = CsvTable.open(file("Order ID,QTY,note\n"), "a CSV with a header", 0.05)) {
            int[] c = t.columns(null, HeaderColumn.required("order_id"), HeaderColumn.required("quantity", "qty"),
                    HeaderColumn.optional("price"));
            assertArrayEquals(new int[] {0, 1, -1}, c);
            assertEquals(2, t.find("NOTE"));
            assertEquals("QTY", t.columnName(1));
        }
    }

    @Test
    void namesEveryMissingColumnTheirAliasesAndTheExpectedHeader() throws IOException {
        Path f = file("a;b\n");
        try (CsvTable t = CsvTable.open(f, "a CSV with a header", 0.05)) {
            InputDataException e = assertThrows(InputDataException.class,
                    () -> t.columns("x,y", HeaderColumn.required(new String[] {"x", "y"})));
            assertEquals(f + ", line 1: missing required columns x, y; the header found is: a;b (a single column: is "
                    + "the delimiter ','? this source reads comma-separated files); expected x,y", e.getMessage());
            e = assertThrows(InputDataException.class,
                    () -> t.columns(null, HeaderColumn.required("x", "ex"), HeaderColumn.required("y")));
            assertTrue(e.getMessage().contains("missing required columns x (or ex); y; the header found is: a;b"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("expected"), e.getMessage());
        }
    }

    @Test
    void typedValuesRememberTheFirstProblemOfARow() throws IOException {
        Path f = file("id,price,n,at\n1,2.5,3,2020-01-02 03:04:05\n,x,y,bad\n3,1,2,\n");
        try (CsvTable t = CsvTable.open(f, "a CSV with a header", 1)) {
            int[] c = t.columns(null, HeaderColumn.required(new String[] {"id", "price", "n", "at"}));
            assertTrue(t.next());
            assertEquals("1", t.id(c[0], "an id"));
            assertEquals(2.5, t.decimal(c[1], "a price"));
            assertEquals(3, t.count(c[2]));
            assertEquals(DateTimes.parseIso("2020-01-02 03:04:05"), t.timeOrMissing(c[3]));
            assertFalse(t.malformed());

            assertTrue(t.next());
            t.id(c[0], "an id");
            assertTrue(Double.isNaN(t.decimal(c[1], "a price")));
            assertEquals(-1, t.count(c[2]));
            assertEquals(TimestampColumn.MISSING, t.timeOrMissing(c[3]));
            assertTrue(t.malformed());

            assertTrue(t.next());
            assertEquals(TimestampColumn.MISSING, t.timeOrMissing(c[3]), "empty: missing, not malformed");
            assertFalse(t.malformed());
            assertFalse(t.next());
            t.finish();
            assertEquals(3, t.rows());
            assertEquals(List.of(new Rejection("malformed: id is empty", 1, f.toString(), List.of(3L))),
                    t.malformedRows().toRejections());
        }
    }

    @Test
    void aStrictReadStopsAtTheFirstBadValueNamingFileLineColumnAndValue() throws IOException {
        Path f = file("id,price\n1,2\n2,zwei\n");
        try (CsvTable t = CsvTable.open(f, "a CSV with a header", 0)) {
            int[] c = t.columns(null, HeaderColumn.required("id"), HeaderColumn.required("price"));
            assertTrue(t.next());
            assertTrue(t.next());
            InputDataException e = assertThrows(InputDataException.class,
                    () -> t.reject(c[1], "is not a number", t.raw(c[1]), "a number"));
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("price"), e.getMessage());
            assertTrue(e.getMessage().contains("zwei"), e.getMessage());
        }
    }

    @Test
    void anEmptyFileIsNamedWithWhatWasExpected() throws IOException {
        Path f = file("");
        InputDataException e = assertThrows(InputDataException.class,
                () -> CsvTable.open(f, "a CSV header with id,price", 0.05));
        assertTrue(e.getMessage().endsWith("the file is empty; expected a CSV header with id,price"), e.getMessage());
    }
}
