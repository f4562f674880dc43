package io.segmenta.source.mapped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two example mappings of docs/sources/mapped-csv.md (src/test/resources/mappings) on the real files
 * in /work/shared/data; each test is skipped when its file is absent.
 */
class MappedCsvDataFilesTest {

    private static Path shared(String relative) {
        String dir = System.getProperty("segmenta.shared.dir");
        assumeTrue(dir != null, "system property segmenta.shared.dir is not set (surefire sets it); skipping");
        Path file = Path.of(dir).resolve(relative).normalize();
        assumeTrue(Files.isRegularFile(file), file + " is absent; skipping");
        return file;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static long seconds(String isoDateTime) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.parse(isoDateTime.replace(' ', 'T')));
    }

    private static void assertRejection(Rejection r, String reason, long count, List<Long> firstLines) {
        assertEquals(reason, r.reason());
        assertEquals(count, r.count(), reason);
        assertEquals(firstLines, r.firstLines(), reason);
    }

    /**
     * The UCI Online Retail export through mappings/uk-retail.properties gives exactly what the dedicated
     * uk-retail source reports (UkRetailDataFilesTest; its figures were checked there with Python's csv
     * module): 541,909 read, 397,884 kept, 4,338 customers, 18,532 orders, 3,665 products, revenue
     * 8,911,407.90. The rules and their first lines are the same; "unit price <= 0" is "amount <= 0" here,
     * which is the same rows because the quantity is positive by then.
     */
    @Test
    void readsTheUciExportExactlyAsTheDedicatedSource() {
        Path file = shared("data/uk-retail/online-retail-dataset.csv.gz");
        RecordingContext context = MappedCsvSourceTest.mapping(MappedCsvSourceTest.resource("mappings/uk-retail.properties"));
        SourceData data = new MappedCsvSource().read(file, context);
        DataQuality q = data.quality();
        TransactionTable t = data.transactions();

        assertEquals(541_909, q.rowsRead());
        assertEquals(397_884, q.rowsKept());
        assertEquals(397_884, t.rowCount());
        assertEquals(Map.of("customers", 4_338L, "orders", 18_532L, "products", 3_665L), q.entityCounts());
        assertEquals(4_338, t.customer().levelCount());
        assertEquals("17850", t.customer().value(0)); // written "17850.0" in the file
        assertEquals(8_911_407.90, sum(t.amount().values()), 0.005);
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "product", "region"),
                List.copyOf(t.columns().keySet()));

        List<Rejection> r = q.rejections();
        assertEquals(4, r.size());
        assertRejection(r.get(0), MappedCsvSource.MISSING_CUSTOMER, 135_080, List.of(624L, 1445L, 1446L, 1447L, 1448L));
        assertRejection(r.get(1), "order starts with C", 8_905, List.of(143L, 156L, 237L, 238L, 239L));
        assertRejection(r.get(2), MappedCsvSource.NON_POSITIVE_QUANTITY, 0, List.of());
        assertRejection(r.get(3), MappedCsvSource.NON_POSITIVE_AMOUNT, 40, List.of(9304L, 33578L, 40091L, 47070L, 47072L));
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        // The same rows as the uk-retail source keeps, compared over the same 8 raw fields: pandas finds 5,192
        // repeats among them (see UkRetailDataFilesTest in the uk-retail source for the script).
        assertEquals(5_192, q.duplicateRows());

        assertEquals(seconds("2010-12-01 08:26:00"), q.firstTimestamp());
        assertEquals(seconds("2011-12-09 12:50:00"), q.lastTimestamp());
        assertEquals(6, context.progress.size()); // at 100k .. 500k rows, and at the end
    }

    /**
     * CDNOW_sample.txt through mappings/cdnow.properties: whitespace-aligned fields with leading spaces, no
     * header, yyyyMMdd dates. Reference figures computed with awk ({@code s+=$5; q+=$4; c[$2]=1}): 6,919 lines,
     * 2,357 customers, 16,479 CDs, $244,091.94, dates 1997-01-01 .. 1998-06-30; no line is rejected.
     */
    @Test
    void readsCdnowWhitespaceAlignedWithoutHeader() {
        SourceData data = new MappedCsvSource().read(shared("data/cdnow/CDNOW_sample.txt"),
                MappedCsvSourceTest.mapping(MappedCsvSourceTest.resource("mappings/cdnow.properties")));
        assertEquals(6_919, data.quality().rowsRead());
        DataQuality q = data.quality();
        TransactionTable t = data.transactions();
        assertEquals(6_919, q.rowsKept());
        assertEquals(2_357, t.customer().levelCount());
        assertEquals("0001", t.customer().value(0));
        assertEquals(16_479, sum(t.quantity().values()), 1e-9);
        assertEquals(244_091.94, sum(t.amount().values()), 0.005);
        assertEquals(seconds("1997-01-01 00:00:00"), q.firstTimestamp());
        assertEquals(seconds("1998-06-30 00:00:00"), q.lastTimestamp());
    }

    /**
     * DQLab's customer_segments.txt through mappings/customer-segments.properties: one row per customer, a
     * yearly spend, no orders, no dates. The reference figures were computed from the file with awk, not
     * with this code; the file's last line is empty and NF==7 leaves it out:
     *
     * <pre>
     * zcat customer_segments.txt.gz | awk -F'\t' 'NR &gt; 1 &amp;&amp; NF == 7 { n++; spend += $7; age += $4; g[$3]++; p[$5]++; t[$6]++ }
     *     END { print n, spend, age; for (k in g) print k, g[k]; for (k in p) print k, p[k]; for (k in t) print k, t[k] }'
     * -&gt; 50 353493741 1875; Pria 9, Wanita 41; Wiraswasta 20, Professional 18, Ibu Rumah Tangga 7, Pelajar 3,
     *    Mahasiswa 2; Cluster 32, Sector 18
     * </pre>
     * The level order (order of first appearance) was read off the file the same way. All values are whole
     * numbers far below 2^53, so the double sum is exact.
     */
    @Test
    void readsTheDqlabCustomerSegmentsFile() {
        Path file = shared("data/customer-segments/customer_segments.txt.gz");
        RecordingContext context = MappedCsvSourceTest.mapping(MappedCsvSourceTest.resource("mappings/customer-segments.properties"));
        SourceData data = new MappedCsvSource().read(file, context);
        DataQuality q = data.quality();
        TransactionTable t = data.transactions();

        assertEquals(50, q.rowsRead()); // the empty last line is not a row
        assertEquals(50, q.rowsKept());
        assertEquals(0, q.duplicateRows()); // pandas: read_csv(sep="\t", dtype=str).duplicated().sum() == 0
        assertEquals(List.of(new Rejection(MappedCsvSource.MISSING_CUSTOMER, 0, file.toString(), List.of())),
                q.rejections());
        assertEquals(Map.of("customers", 50L, "orders", 50L), q.entityCounts());
        assertEquals(50, t.customer().levelCount());
        assertEquals("CUST-001", t.customer().value(0));
        assertEquals("CUST-050", t.customer().value(49));
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "jenis_kelamin", "profesi",
                "tipe_residen", "umur"), List.copyOf(t.columns().keySet()));

        assertEquals(353_493_741.0, sum(t.amount().values()));
        assertEquals(9_497_927.0, t.amount().get(0));
        assertEquals(1_875.0, sum(((NumericColumn) t.column("umur").orElseThrow()).values()));
        assertEquals(58.0, ((NumericColumn) t.column("umur").orElseThrow()).get(0));

        CategoricalColumn gender = (CategoricalColumn) t.column("jenis_kelamin").orElseThrow();
        assertEquals(List.of("Pria", "Wanita"), gender.levels());
        assertEquals(9, count(gender, 0));
        assertEquals(41, count(gender, 1));
        CategoricalColumn job = (CategoricalColumn) t.column("profesi").orElseThrow();
        assertEquals(List.of("Wiraswasta", "Pelajar", "Professional", "Ibu Rumah Tangga", "Mahasiswa"), job.levels());
        assertArrayEquals(new int[] {20, 3, 18, 7, 2}, new int[] {count(job, 0), count(job, 1), count(job, 2),
            count(job, 3), count(job, 4)});
        CategoricalColumn residence = (CategoricalColumn) t.column("tipe_residen").orElseThrow();
        assertEquals(List.of("Sector", "Cluster"), residence.levels());
        assertEquals(32, count(residence, 1));

        // no order, no timestamp, no quantity: each row its own order, no recency, quantity 1
        assertEquals(50, t.order().levelCount());
        for (long s : t.timestamp().epochSeconds()) {
            assertEquals(TimestampColumn.MISSING, s);
        }
        assertEquals(50.0, sum(t.quantity().values()));
        assertEquals(TimestampColumn.MISSING, q.firstTimestamp());
        assertEquals(TimestampColumn.MISSING, q.lastTimestamp());
        assertTrue(context.infos.contains(MappedCsvSource.NO_ORDER_INFO), context.infos.toString());
        assertTrue(context.infos.contains(MappedCsvSource.NO_TIMESTAMP_INFO), context.infos.toString());
        assertTrue(t.categorical(TransactionField.REGION).isEmpty());
    }

    private static int count(CategoricalColumn column, int code) {
        int n = 0;
        for (int c : column.codes()) {
            if (c == code) {
                n++;
            }
        }
        return n;
    }
}
