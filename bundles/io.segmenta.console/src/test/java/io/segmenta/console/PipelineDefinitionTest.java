package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDefinitionTest {
    @TempDir
    Path dir;

    private static String error(Map<String, ?> fields) {
        return assertThrows(SegmentaException.class, () -> PipelineDefinition.parse(fields, "uk", "uk.cfg"))
                .getMessage();
    }

    @Test
    void aFileWithEveryKindOfField() throws IOException {
        Path file = Files.writeString(dir.resolve("io.segmenta.pipeline-uk-monthly.cfg"), """
                # the monthly re-segmentation
                source = uk-retail
                input = data/online-retail.csv.gz
                k.min = 3
                k.max = 8
                report = csv
                out = out/uk-monthly
                option.snapshot = 2011-12-10
                option.transform.monetary = winsorize:1:99,log1p,zscore
                save-model = models/uk.json
                schedule = every 30d
                """);
        PipelineDefinition d = PipelineDefinition.read(file);
        assertEquals("uk-monthly", d.name());
        assertEquals("uk-retail", d.spec().source());
        assertEquals(Path.of("data/online-retail.csv.gz"), d.spec().input());
        assertEquals("rfm", d.spec().features());
        assertTrue(d.choosesK());
        assertEquals(3, d.kMin());
        assertEquals(8, d.kMax());
        assertEquals(List.of("csv"), d.spec().reporters());
        assertEquals(Map.of("snapshot", "2011-12-10", "transform.monetary", "winsorize:1:99,log1p,zscore",
                "save-model", "models/uk.json"), d.spec().options().asMap());
        assertEquals(30L * 24 * 60, d.scheduleMinutes());
        assertEquals(file.toString(), d.origin());
    }

    @Test
    void aCronScheduleWithItsZone() {
        PipelineDefinition d = PipelineDefinition.parse(Map.of("source", "padi-umkm", "input", "data/padi",
                "schedule", "0 6 1 * *", "schedule.zone", "Asia/Jakarta"), "padi-monthly", "padi.cfg");
        assertEquals("0 6 1 * * (Asia/Jakarta)", d.schedule().toString());
        assertEquals(0, d.scheduleMinutes(), "not an interval");
        assertEquals(java.time.Instant.parse("2026-12-31T23:00:00Z"),
                d.schedule().next(java.time.Instant.parse("2026-12-02T00:00:00Z")).orElseThrow());
    }

    @Test
    void aFixedKAndTheFrameworksOwnPropertiesPassThrough() {
        PipelineDefinition d = PipelineDefinition.parse(Map.of("source", "olist", "input", "data/olist", "k", 5,
                "service.pid", "io.segmenta.pipeline~olist", "felix.fileinstall.filename", "file:/x.cfg"),
                "olist", "io.segmenta.pipeline~olist");
        assertFalse(d.choosesK());
        assertEquals(5, d.spec().cluster().k());
        assertEquals(0, d.scheduleMinutes());
    }

    @Test
    void errorsNameThePipelineTheFieldAndTheReason() {
        assertEquals("pipeline uk (uk.cfg): field 'k': --k: must be at least 1, got 0",
                error(Map.of("source", "s", "input", "i", "k", "0")));
        assertEquals("pipeline uk (uk.cfg): field 'k.max': 'many' should be a whole number of at least 2",
                error(Map.of("source", "s", "input", "i", "k.min", "2", "k.max", "many")));
        assertEquals("pipeline uk (uk.cfg): field 'k.max' is missing: give both k.min and k.max, or k",
                error(Map.of("source", "s", "input", "i", "k.min", "2")));
        assertTrue(error(Map.of("source", "s", "input", "i", "schedule", "monthly")).startsWith(
                "pipeline uk (uk.cfg): field 'schedule': 'monthly' is not a schedule: "),
                error(Map.of("source", "s", "input", "i", "schedule", "monthly")));
        assertEquals("pipeline uk (uk.cfg): field 'schedule': 'Moon/Base' is not a time zone (e.g. Asia/Jakarta, UTC, "
                + "+07:00)", error(Map.of("source", "s", "input", "i", "schedule", "@monthly", "schedule.zone",
                        "Moon/Base")));
        assertEquals("pipeline uk (uk.cfg): field 'schedule.zone': a time zone is given but no cron schedule",
                error(Map.of("source", "s", "input", "i", "schedule.zone", "UTC")));
        assertEquals("pipeline uk (uk.cfg): missing field source: name the data source, e.g. field source uk-retail",
                error(Map.of("input", "i")));
        assertTrue(error(Map.of("source", "s", "input", "i", "algoritm", "kmeans"))
                .startsWith("pipeline uk (uk.cfg): unknown field algoritm; the fields are source, input, features, "));
        assertEquals("uk.cfg: field 'name': 'a b' should be letters, digits, '.', '_' or '-'",
                error(Map.of("name", "a b", "source", "s", "input", "i")));
    }

    @Test
    void aMissingFileIsOneLine() {
        assertEquals("no such pipeline file: " + dir.resolve("none.cfg"), assertThrows(SegmentaException.class,
                () -> PipelineDefinition.read(dir.resolve("none.cfg"))).getMessage());
    }
}
