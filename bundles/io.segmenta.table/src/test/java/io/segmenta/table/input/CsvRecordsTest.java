package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static CsvRecords records(Path path, boolean strict) {
        return new CsvRecords(InputFiles.openText(path, StandardCharsets.UTF_8, strict, "a header", "hint"), ',');
    }

    @Test
    void givesTheStartLineOfEachRecordSkippingEmptyLinesAndTheBom() throws IOException {
        Path file = write("a.csv", "\uFEFFid,text\n\n1,\"two\nlines\"\n\n2,x\n".getBytes(StandardCharsets.UTF_8));
        try (CsvRecords r = records(file, true)) {
            CSVRecord header = r.first();
            assertEquals("id", header.get(0));
            assertEquals(1, r.line());
            r.expectWidth(header.size(), "as in the header");
            assertEquals("two\nlines", r.next().get(1));
            assertEquals(3, r.line());
            assertEquals("2", r.next().get(0));
            assertEquals(6, r.line());
            assertNull(r.next());
        }
    }

    @Test
    void readsGzipWhateverTheName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("id\n7\n".getBytes(StandardCharsets.UTF_8));
        }
        try (CsvRecords r = records(write("plain-name.csv", bytes.toByteArray()), true)) {
            r.first();
            assertEquals("7", r.next().get(0));
        }
        Path empty = write("e.csv.gz", new byte[0]);
        ByteArrayOutputStream nothing = new ByteArrayOutputStream();
        new GZIPOutputStream(nothing).close();
        Path emptyGz = write("e2.csv", nothing.toByteArray());
        assertEquals(empty + ": the file is empty; expected a header",
                assertThrows(InputDataException.class, () -> records(empty, true)).getMessage());
        assertEquals(emptyGz + ": the file is empty once decompressed; expected a header",
                assertThrows(InputDataException.class, () -> records(emptyGz, true)).getMessage());
        Path broken = write("b.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2});
        assertTrue(assertThrows(SegmentaException.class, () -> records(broken, true)).getMessage()
                .startsWith(broken + ": not a readable gzip file"));
    }

    @Test
    void reportsWrongWidthMalformedCsvAndBadBytesWithTheirLine() throws IOException {
        try (CsvRecords r = records(write("w.csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8)), true)) {
            r.expectWidth(r.first().size(), "as in the header");
            r.next();
            InputDataException e = assertThrows(InputDataException.class, r::next);
            assertEquals(3, e.line());
            assertTrue(e.getMessage().endsWith("found 1 field, expected 2 as in the header (a truncated line, or a"
                    + " value with an unquoted comma?)"), e.getMessage());
        }
        try (CsvRecords r = records(write("m.csv", "a,b\n1,\"2\n".getBytes(StandardCharsets.UTF_8)), true)) {
            r.first();
            InputDataException e = assertThrows(InputDataException.class, r::next);
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
        }
        byte[] latin1 = "a,b\n1,2\n3,R\u00e9gion\n".getBytes(StandardCharsets.ISO_8859_1);
        Path l = write("l.csv", latin1);
        // The decoder reads ahead, so the error may come while opening or while reading: either way its line.
        InputDataException e = assertThrows(InputDataException.class, () -> {
            try (CsvRecords r = records(l, true)) {
                while (r.next() != null) {
                    // reads until the bad bytes
                }
            }
        });
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith("line 3: bytes 0xE9 at column 4 are not valid UTF-8 text; hint"), e.getMessage());
        try (CsvRecords r = records(write("l2.csv", latin1), false)) {
            r.first();
            r.next();
            assertEquals("R\uFFFDgion", r.next().get(1)); // lenient: replaced, not an error
        }
    }

    @Test
    void saysWhatIsWrongWithTheInputPath() {
        Path missing = tmp.resolve("none.csv");
        assertEquals("no such file: " + missing, assertThrows(SegmentaException.class,
                () -> InputFiles.requireFile(missing, "x")).getMessage());
        assertEquals(tmp + " is a folder; this reads one file", assertThrows(SegmentaException.class,
                () -> InputFiles.requireFile(tmp, "this reads one file")).getMessage());
        assertEquals("no such file: " + missing, assertThrows(SegmentaException.class,
                () -> InputFiles.openText(missing, StandardCharsets.UTF_8, true, "x", null)).getMessage());
    }
}
