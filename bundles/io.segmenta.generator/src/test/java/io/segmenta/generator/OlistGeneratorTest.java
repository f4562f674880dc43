package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.source.olist.OlistSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OlistGeneratorTest {
    private final OlistGenerator generator = new OlistGenerator();

    @TempDir
    Path dir;

    private GeneratedSample generate(Path out, int customers, long lines, long seed, boolean dirt) {
        return generator.generate(out, new GeneratorRequest(customers, lines, seed, dirt), new RecordingContext());
    }

    @Test
    void writesTheFourRequiredTablesDeterministically() throws IOException {
        GeneratedSample a = generate(dir.resolve("a"), 300, 0, 7, true);
        GeneratedSample b = generate(dir.resolve("b"), 300, 0, 7, true);
        GeneratedSample c = generate(dir.resolve("c"), 300, 0, 8, true);
        assertEquals(List.of("olist_customers_dataset.csv", "olist_orders_dataset.csv",
                "olist_order_items_dataset.csv", "olist_order_payments_dataset.csv"),
                a.files().stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(b.files().get(i)));
            assertFalse(Arrays.equals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(c.files().get(i))));
        }
        assertArrayEquals(Files.readAllBytes(a.plantedSegments()), Files.readAllBytes(b.plantedSegments()));
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertEquals(5, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theOlistSourceReadsItAndCountsTheDirtAsGenerated() {
        GeneratedSample sample = generate(dir, 2_000, 0, 42, true);
        Map<String, Long> counts = sample.counts();
        assertTrue(counts.get("canceled order lines") > 0 && counts.get("orders without items") > 0
                && counts.get("unpaid order lines") > 0, counts::toString);
        SourceData data = new OlistSource().read(dir, new RecordingContext());
        DataQuality q = data.quality();
        assertEquals(counts.get("lines") + counts.get("orders without items"), q.rowsRead());
        Map<String, Long> rejected = new HashMap<>();
        for (Rejection r : q.rejections()) {
            rejected.put(r.reason(), r.count());
        }
        assertEquals(counts.get("orders without items"), rejected.get("order has no items (counted once per order)"));
        assertEquals(counts.get("canceled order lines"), rejected.get("status canceled not kept"));
        assertEquals(counts.get("unpaid order lines"), rejected.get("order has no payments"));
        assertEquals(counts.get("lines") - counts.get("canceled order lines") - counts.get("unpaid order lines"),
                q.rowsKept());
        assertEquals(counts.get("customers"), q.entityCounts().get("customers"));
    }

    @Test
    void targetLinesScalesTheActivity() {
        long lines = generate(dir, 1_000, 50_000, 5, false).counts().get("lines");
        assertTrue(lines > 45_000 && lines < 55_000, "about 50,000 lines: " + lines);
    }

    @Test
    void plantedSegmentsAreRecoveredByRfmAndKMeans() throws IOException {
        GeneratedSample sample = generate(dir, 2_000, 0, 11, false);
        SourceData data = new OlistSource().read(dir, new RecordingContext());
        double ari = Recovery.adjustedRandIndex(data, sample.plantedSegments(), OlistGenerator.SEGMENTS.size());
        System.out.println("olist planted-segment recovery: adjusted Rand index " + ari);
        assertTrue(ari > 0.9, "adjusted Rand index " + ari);
    }
}
