package io.segmenta.source.customers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerTableSourceTest {
    @TempDir
    Path dir;

    private final CustomerTableSource source = new CustomerTableSource();

    static Path sample() throws URISyntaxException {
        return Path.of(CustomerTableSourceTest.class.getResource("/customers-sample.csv").toURI());
    }

    private SourceData read(Path file, Map<String, String> options) {
        return source.read(file, new RecordingContext(options, Integer.MAX_VALUE));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("table.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> names(EntityTable t) {
        return t.numeric().stream().map(NumericColumn::name).toList();
    }

    private static List<String> categorical(EntityTable t) {
        return t.categorical().stream().map(CategoricalColumn::name).toList();
    }

    @Test
    void readsTheSampleWithKindsDetectedAndTheNameColumnLeftOut() throws Exception {
        RecordingContext context = new RecordingContext(Map.of(), Integer.MAX_VALUE);
        SourceData data = source.read(sample(), context);
        EntityTable t = data.entities();
        assertEquals(0, data.transactions().rowCount());
        assertTrue(data.entitiesOnly());
        assertEquals(EntityKind.CUSTOMER, t.entity());
        assertEquals("Customer_ID", t.idColumn());
        assertEquals(22, t.rowCount(), "two rows have a missing value");
        assertEquals("C-01", t.ids().get(0));
        assertEquals(List.of("Umur", "NilaiBelanjaSetahun"), names(t));
        assertEquals(List.of("Jenis Kelamin", "Profesi", "Tipe Residen"), categorical(t));
        assertEquals(23.0, t.numeric().get(0).get(0));
        assertEquals(List.of("Wanita", "Pria"), t.categorical().get(0).levels());
        assertTrue(context.infos.stream().anyMatch(i -> i.contains("left out") && i.contains("Nama Pelanggan")
                && i.contains("columns.keep")), context.infos.toString());
        DataQuality q = data.quality();
        assertEquals(24, q.rowsRead());
        assertEquals(22, q.rowsKept());
        assertEquals(List.of(8L), reason(q, "missing value: Profesi").firstLines());
        assertEquals(List.of(16L), reason(q, "missing value: Umur").firstLines());
        assertEquals(Map.of("customers", 22L), q.entityCounts());
    }

    @Test
    void keepExcludeKindAndIdOptions() throws Exception {
        EntityTable t = read(sample(), Map.of("columns.keep", "Nama Pelanggan", "columns.exclude",
                "Tipe Residen", "columns.kind", "Umur:categorical", "id-column", "Customer_ID")).entities();
        assertEquals(List.of("NilaiBelanjaSetahun"), names(t));
        assertEquals(List.of("Nama Pelanggan", "Jenis Kelamin", "Umur", "Profesi"), categorical(t));
        assertEquals("23", t.categorical().get(2).value(0));
    }

    @Test
    void aColumnTheOptionsNameThatTheFileLacksIsAnErrorNamingFileAndColumn() throws Exception {
        InputDataException e = assertThrows(InputDataException.class,
                () -> read(sample(), Map.of("columns.kind", "Usia:numeric")));
        assertTrue(e.getMessage().startsWith(sample().toString() + ", line 1: no column 'Usia' (named by option"
                + " columns.kind); the header has Customer_ID, Nama Pelanggan"), e.getMessage());
        e = assertThrows(InputDataException.class, () -> read(sample(), Map.of("id-column", "Kode")));
        assertTrue(e.getMessage().contains("no column 'Kode' (named by option id-column)"), e.getMessage());
    }

    @Test
    void aTabFileReadAsCommaSeparatedSaysWhichOptionToSet() throws Exception {
        Path file = write("id\tUmur\na\t3\n");
        InputDataException e = assertThrows(InputDataException.class,
                () -> read(file, Map.of("columns.kind", "Umur:numeric")));
        assertTrue(e.getMessage().contains("format.delimiter=tab"), e.getMessage());
    }

    private static final String MISSING = "id,Umur,Profesi,Kota\n"
            + "a,30,Pelajar,Bogor\n"
            + "b,,Pelajar,Depok\n"
            + "c,40,,Bogor\n"
            + "d,50,Wiraswasta,NA\n"
            + "e,20,,Bogor\n"
            + "f,61,Wiraswasta,Bogor\n";

    @Test
    void missingValuesDroppedAreCountedByColumn() throws Exception {
        RecordingContext context = new RecordingContext(Map.of(), Integer.MAX_VALUE);
        SourceData data = source.read(write(MISSING), context);
        assertEquals(List.of("a", "f"), data.entities().ids());
        DataQuality q = data.quality();
        assertEquals(6, q.rowsRead());
        assertEquals(2, q.rowsKept());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        Rejection umur = reason(q, "missing value: Umur");
        assertEquals(1, umur.count());
        assertEquals(List.of(3L), umur.firstLines());
        assertEquals(2, reason(q, "missing value: Profesi").count());
        assertEquals(List.of(4L, 6L), reason(q, "missing value: Profesi").firstLines());
        assertEquals(1, reason(q, "missing value: Kota").count());
        // levels no kept row has are gone
        assertEquals(List.of("Pelajar", "Wiraswasta"), data.entities().categorical().get(0).levels());
        assertTrue(context.infos.contains("missing values: Umur 1, Profesi 2, Kota 1; rows with one are dropped"
                + " (option missing=drop)"), context.infos.toString());
    }

    @Test
    void missingValuesImputedWithTheMedianAndTheMostFrequentLevel() throws Exception {
        RecordingContext context = new RecordingContext(Map.of("missing", "impute"), Integer.MAX_VALUE);
        SourceData data = source.read(write(MISSING), context);
        EntityTable t = data.entities();
        assertEquals(6, t.rowCount());
        assertEquals(6, data.quality().rowsKept());
        // median of 30, 40, 50, 20, 61 is 40
        assertArrayEquals(new double[] {30, 40, 40, 50, 20, 61}, t.numeric().get(0).values());
        // Pelajar and Wiraswasta are tied at 2: the level seen first
        CategoricalColumn profesi = t.categorical().get(0);
        assertEquals(List.of("Pelajar", "Pelajar", "Pelajar", "Wiraswasta", "Pelajar", "Wiraswasta"),
                List.of(profesi.value(0), profesi.value(1), profesi.value(2), profesi.value(3), profesi.value(4),
                        profesi.value(5)));
        assertEquals("Bogor", t.categorical().get(1).value(3));
        assertTrue(context.infos.contains("missing values: Umur 1, Profesi 2, Kota 1; imputed (option missing=impute):"
                + " Umur: median 40, Profesi: most frequent 'Pelajar', Kota: most frequent 'Bogor'"),
                context.infos.toString());
    }

    @Test
    void repeatedIdsAreRejectedAndAValueThatIsNotANumberInADeclaredNumericColumnIsMalformed() throws Exception {
        Path file = write("id,Umur,Kota\na,30,X\nb,tiga,Y\na,31,Z\nc,32,X\n");
        SourceData data = read(file, Map.of("columns.kind", "Umur:numeric", "max-malformed", "50%"));
        assertEquals(List.of("a", "c"), data.entities().ids());
        assertEquals(1, reason(data.quality(), "id repeats an earlier row").count());
        assertEquals(List.of(4L), reason(data.quality(), "id repeats an earlier row").firstLines());
        assertEquals(1, reason(data.quality(), "malformed: Umur is not a number").count());
        InputDataException e = assertThrows(InputDataException.class,
                () -> read(file, Map.of("columns.kind", "Umur:numeric", "max-malformed", "0")));
        assertTrue(e.getMessage().startsWith(file + ", line 3, column 'Umur': value 'tiga' is not a number"),
                e.getMessage());
        // without the declaration the column is categorical: one value is not a number
        assertEquals(List.of("Umur", "Kota"), categorical(read(file, Map.of()).entities()));
    }

    @Test
    void formatOptionsAsMappedCsvHasThem() throws Exception {
        Path file = write("k1\tWanita\t1.234,5\nk2\tPria\t7,25\n");
        SourceData data = read(file, Map.of("format.delimiter", "tab", "format.decimal", ",",
                "format.thousands", ".", "format.header", "false", "entity", "seller"));
        EntityTable t = data.entities();
        assertEquals(EntityKind.SELLER, t.entity());
        assertEquals("1", t.idColumn());
        assertEquals(List.of("k1", "k2"), t.ids());
        assertEquals(List.of("3"), names(t));
        assertArrayEquals(new double[] {1234.5, 7.25}, t.numeric().get(0).values());
        assertEquals(List.of("2"), categorical(t));
        assertEquals(Map.of("sellers", 2L), data.quality().entityCounts());
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Path file = sample();
        assertEquals("the customer-table source: option missing 'mean' is not drop or impute",
                assertThrows(SegmentaException.class, () -> read(file, Map.of("missing", "mean"))).getMessage());
        assertEquals("the customer-table source: option columns.kind 'Umur=numeric' is not COLUMN:numeric or"
                + " COLUMN:categorical", assertThrows(SegmentaException.class,
                () -> read(file, Map.of("columns.kind", "Umur=numeric"))).getMessage());
        assertTrue(assertThrows(SegmentaException.class, () -> read(file, Map.of("format.delimiter", "ab")))
                .getMessage().contains("format.delimiter 'ab' is not one character"));
    }

    @Test
    void readsTheSeed002File() throws Exception {
        String shared = System.getProperty("segmenta.shared.dir");
        assumeTrue(shared != null, "system property segmenta.shared.dir is not set; skipping the seed-002 file");
        Path file = Path.of(shared, "data", "customer-segments", "customer_segments.txt.gz");
        assumeTrue(Files.isRegularFile(file), file + " is absent; skipping the seed-002 file");
        RecordingContext context = new RecordingContext(Map.of("format.delimiter", "tab"), Integer.MAX_VALUE);
        SourceData data = source.read(file, context);
        EntityTable t = data.entities();
        assertEquals(50, t.rowCount());
        assertEquals(List.of("Umur", "NilaiBelanjaSetahun"), names(t));
        assertEquals(List.of("Jenis Kelamin", "Profesi", "Tipe Residen"), categorical(t));
        assertTrue(context.infos.stream().anyMatch(i -> i.contains("Nama Pelanggan (48 distinct values)")),
                context.infos.toString());
        assertEquals(50, data.quality().rowsRead());
    }

    private static Rejection reason(DataQuality q, String reason) {
        return q.rejections().stream().filter(r -> r.reason().equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + reason + " in " + q.rejections()));
    }

    /** One encoding rule for every source (docs/reliability.md): option encoding, or format.encoding. */
    @Test
    void aByteThatIsNotUtf8IsRefusedAndOptionEncodingOrFormatEncodingReadsIt() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "id,spend,country\nc1,10,C\u00f4te d'Ivoire\nc2,20,France\nc3,30,France\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, Map.of()));
        assertEquals(file + ", line 2: bytes 0xF4 at column 8 are not valid UTF-8 text; set option"
                + " format.encoding to the file's encoding (e.g. UTF-8, ISO-8859-1, windows-1252)", e.getMessage());

        for (String key : List.of("encoding", "format.encoding")) {
            EntityTable t = read(file, Map.of(key, "ISO-8859-1")).entityTable().orElseThrow();
            assertEquals(3, t.rowCount(), key);
            CategoricalColumn country = (CategoricalColumn) t.column("country").orElseThrow();
            assertEquals("C\u00f4te d'Ivoire", country.value(0), key);
        }
        SegmentaException both = assertThrows(SegmentaException.class,
                () -> read(file, Map.of("encoding", "ISO-8859-1", "format.encoding", "UTF-8")));
        assertEquals("the customer-table source: option format.encoding 'UTF-8' and option encoding 'ISO-8859-1'"
                + " disagree; give one of them", both.getMessage());
    }

    /** Found by CustomerTableFuzzTest: two columns of one name were an IllegalArgumentException of EntityTable. */
    @Test
    void twoColumnsOfOneNameAreRefusedInOneLine() throws IOException {
        Path file = write("id,spend,spend\nc1,1,2\nc2,3,4\nc3,5,6\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, Map.of()));
        assertEquals(file + ", line 1: columns 2 and 3 are both named 'spend'; give each column its own name",
                e.getMessage());
        Path empty = write(";\n1;2\n");
        e = assertThrows(InputDataException.class, () -> read(empty, Map.of("format.delimiter", ";")));
        assertEquals(empty + ", line 1: columns 1 and 2 are both named ''; give each column its own name",
                e.getMessage());
    }
}
