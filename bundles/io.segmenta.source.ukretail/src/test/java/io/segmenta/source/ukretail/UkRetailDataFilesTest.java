package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads the real UCI export and the generated demo sample; each test is skipped when its file is absent. */
class UkRetailDataFilesTest {

    private static Path under(String property, String relative) {
        String dir = System.getProperty(property);
        assumeTrue(dir != null, "system property " + property + " is not set (surefire sets it); skipping");
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

    // The reference figures for the full export. The per-reason counts, first lines, distinct counts and time
    // span were checked independently with Python's csv module (not Commons CSV), applying the same rules in
    // the same order and summing the revenue in exact decimals:
    //
    //   python3 - <<'EOF'
    //   import csv, gzip; from decimal import Decimal
    //   r = csv.reader(gzip.open("online-retail-dataset.csv.gz", "rt", encoding="utf-8", newline="")); next(r)
    //   n = {}; first = {}; kept = 0; rev = Decimal(0); cust, orders, prods, times = set(), set(), set(), []
    //   for line, (inv, sc, _, q, d, p, c, _) in enumerate(r, start=2):   # no quoted line breaks in this file
    //       k = ("missing" if not c else "cancel" if inv.startswith("C") else "qty" if int(q) <= 0
    //            else "price" if Decimal(p) <= 0 else None)
    //       if k: n[k] = n.get(k, 0) + 1; first.setdefault(k, []).append(line); continue
    //       kept += 1; rev += int(q) * Decimal(p); cust.add(c); orders.add(inv); prods.add(sc); times.append(d)
    //   print(line - 1, kept, len(cust), len(orders), len(prods), rev, min(times), max(times), n,
    //         {k: v[:5] for k, v in first.items()})
    //   EOF
    //   -> 541909 397884 4338 18532 3665 8911407.904 2010-12-01 08:26:00 2011-12-09 12:50:00
    //      {'cancel': 8905, 'missing': 135080, 'price': 40}
    //      {'cancel': [143, 156, 237, 238, 239], 'missing': [624, 1445, 1446, 1447, 1448],
    //       'price': [9304, 33578, 40091, 47070, 47072]}
    //
    // `zcat online-retail-dataset.csv.gz | wc -l` gives 541,910: the header and one line per record, so the
    // line numbers above are exact. Every non-cancelled row with a quantity <= 0 in this export also lacks a
    // CustomerID, hence 0 under that rule.
    @Test
    void readsTheFullUciExportWithTheReferenceFigures() {
        Path file = under("segmenta.shared.dir", "data/uk-retail/online-retail-dataset.csv.gz");
        RecordingContext context = new RecordingContext();
        SourceData data = new UkRetailSource().read(file, context);
        DataQuality q = data.quality();

        assertEquals(541_909, q.rowsRead());
        assertEquals(397_884, q.rowsKept());
        assertEquals(397_884, data.transactions().rowCount());
        assertEquals(Map.of("customers", 4_338L, "orders", 18_532L, "products", 3_665L), q.entityCounts());
        assertEquals(4_338, data.transactions().customer().levelCount());
        assertEquals(8_911_407.90, sum(data.transactions().amount().values()), 0.005);

        List<Rejection> r = q.rejections();
        assertEquals(4, r.size());
        assertRejection(r.get(0), UkRetailSource.MISSING_CUSTOMER, 135_080, List.of(624L, 1445L, 1446L, 1447L, 1448L));
        assertRejection(r.get(1), UkRetailSource.CANCELLED, 8_905, List.of(143L, 156L, 237L, 238L, 239L));
        assertRejection(r.get(2), UkRetailSource.NON_POSITIVE_QUANTITY, 0, List.of());
        assertRejection(r.get(3), UkRetailSource.NON_POSITIVE_PRICE, 40, List.of(9304L, 33578L, 40091L, 47070L, 47072L));
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());

        // Kept rows that repeat an earlier kept row in all 8 fields (kept, only reported). Checked independently
        // with pandas (1.5.3), reading every field as text and applying the same four rules:
        //
        //   df = pd.read_csv("online-retail-dataset.csv.gz", dtype=str, keep_default_na=False)
        //   q = pd.to_numeric(df.Quantity); p = pd.to_numeric(df.UnitPrice)
        //   mask = (df.CustomerID.str.strip() != "") & ~df.InvoiceNo.str.startswith("C") & (q > 0) & (p > 0)
        //   mask.sum(), df[mask].duplicated().sum()        -> 397884 5192
        //
        // and the same 5,192 with pandas' default parsing (numbers as floats, empty CustomerID as NaN).
        assertEquals(5_192, q.duplicateRows());

        assertEquals(seconds("2010-12-01 08:26:00"), q.firstTimestamp());
        assertEquals(seconds("2011-12-09 12:50:00"), q.lastTimestamp());
        assertEquals(6, context.progress.size()); // at 100k .. 500k rows, and at the end
        assertEquals("bytes read, 541,909 rows", context.progress.get(5).unit());
        assertEquals(context.progress.get(5).total(), context.progress.get(5).done(), "the whole file, compressed");
    }

    /**
     * The demo sample written by distribution/felix/src/sample/make_uk_retail_sample.py; its figures are
     * those the script prints, and the customers are exactly those of the planted segments file.
     */
    @Test
    void readsTheGeneratedSample() throws IOException {
        Path file = under("segmenta.project.dir", "distribution/felix/src/sample/data/uk-retail-sample.csv");
        SourceData data = new UkRetailSource().read(file, new RecordingContext());
        DataQuality q = data.quality();

        assertEquals(3_428, q.rowsRead());
        assertEquals(3_415, q.rowsKept());
        assertEquals(Map.of("customers", 300L, "orders", 1_299L, "products", 40L), q.entityCounts());
        assertEquals(245_796.31, sum(data.transactions().amount().values()), 0.005);
        List<Rejection> r = q.rejections();
        assertRejection(r.get(0), UkRetailSource.MISSING_CUSTOMER, 6, List.of(133L, 134L, 135L, 2241L, 2242L));
        assertRejection(r.get(1), UkRetailSource.CANCELLED, 5, List.of(81L, 733L, 1697L, 2230L, 3008L));
        assertRejection(r.get(2), UkRetailSource.NON_POSITIVE_QUANTITY, 0, List.of());
        assertRejection(r.get(3), UkRetailSource.NON_POSITIVE_PRICE, 2, List.of(1273L, 1714L));
        assertEquals(0, q.duplicateRows()); // pandas: df[mask].duplicated().sum() == 0, as for the full export
        assertEquals(seconds("2010-12-01 10:32:00"), q.firstTimestamp());
        assertEquals(seconds("2011-12-09 12:57:00"), q.lastTimestamp());

        Path segments = file.resolveSibling("uk-retail-sample.segments.csv");
        List<String> lines = Files.readAllLines(segments);
        assertEquals("customer,planted_segment", lines.get(0));
        Set<String> planted = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            planted.add(line.substring(0, line.indexOf(',')));
        }
        assertEquals(planted, new HashSet<>(data.transactions().customer().levels()));
    }
}
