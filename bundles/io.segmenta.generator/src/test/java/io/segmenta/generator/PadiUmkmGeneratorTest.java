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
import io.segmenta.source.padi.PadiUmkmSource;
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

class PadiUmkmGeneratorTest {
    private final PadiUmkmGenerator generator = new PadiUmkmGenerator();

    @TempDir
    Path dir;

    private GeneratedSample generate(Path out, int customers, long lines, long seed, boolean dirt) {
        return generator.generate(out, new GeneratorRequest(customers, lines, seed, dirt), new RecordingContext());
    }

    @Test
    void writesTheThreeTablesDeterministically() throws IOException {
        GeneratedSample a = generate(dir.resolve("a"), 200, 0, 7, true);
        GeneratedSample b = generate(dir.resolve("b"), 200, 0, 7, true);
        GeneratedSample c = generate(dir.resolve("c"), 200, 0, 8, true);
        assertEquals(List.of("df_order.csv", "df_order_complete.csv", "df_users.csv"),
                a.files().stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(b.files().get(i)));
            assertFalse(Arrays.equals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(c.files().get(i))));
        }
        assertArrayEquals(Files.readAllBytes(a.plantedSegments()), Files.readAllBytes(b.plantedSegments()));
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertEquals(4, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void thePadiSourceReadsItAndCountsTheDirtAsGenerated() {
        GeneratedSample sample = generate(dir, 1_000, 0, 42, true);
        Map<String, Long> counts = sample.counts();
        assertTrue(counts.get("cancelled orders") > 0 && counts.get("orders without lines") > 0
                && counts.get("missing buyer lines") > 0 && counts.get("lines of unknown orders") > 0,
                counts::toString);
        SourceData data = new PadiUmkmSource().read(dir, new RecordingContext());
        DataQuality q = data.quality();
        assertEquals(counts.get("lines") + counts.get("orders without lines"), q.rowsRead());
        Map<String, Long> rejected = new HashMap<>();
        for (Rejection r : q.rejections()) {
            rejected.put(r.reason(), r.count());
        }
        assertEquals(counts.get("orders without lines"), rejected.get("order without lines"));
        assertEquals(counts.get("missing buyer lines"), rejected.get("missing buyer id"));
        assertEquals(counts.get("lines of unknown orders"), rejected.get("line of unknown order"));
        assertEquals(counts.get("lines") - counts.get("missing buyer lines") - counts.get("lines of unknown orders"),
                q.rowsKept());
        assertEquals(counts.get("customers"), q.entityCounts().get("customers"));
    }

    @Test
    void targetLinesScalesTheActivity() {
        long lines = generate(dir, 500, 100_000, 5, false).counts().get("lines");
        assertTrue(lines > 90_000 && lines < 110_000, "about 100,000 lines: " + lines);
    }

    @Test
    void plantedSegmentsAreRecoveredByRfmAndKMeans() throws IOException {
        GeneratedSample sample = generate(dir, 2_000, 0, 11, false);
        SourceData data = new PadiUmkmSource().read(dir, new RecordingContext());
        double ari = Recovery.adjustedRandIndex(data, sample.plantedSegments(),
                PadiUmkmGenerator.SEGMENTS.size());
        System.out.println("padi-umkm planted-segment recovery: adjusted Rand index " + ari);
        assertTrue(ari > 0.9, "adjusted Rand index " + ari);
    }
}
