package io.segmenta.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trends and movement members of summary.json, on the three-customer fixture (figures as in CsvReporterTest). */
class TrendsJsonTest {
    @TempDir
    Path dir;

    private JsonObject summary(PipelineResult r) throws IOException {
        return JsonParser.parseString(Files.readString(new JsonSummaryReporter().report(r, dir,
                new RecordingContext()).get(0))).getAsJsonObject();
    }

    @Test
    void trendsPerSegmentAndMonthAndNoMovementWithoutComparison() throws IOException {
        JsonObject s = summary(Fixtures.threeCustomers(dir));
        JsonObject trends = s.getAsJsonObject("trends");
        JsonArray months = trends.getAsJsonArray("months");
        assertEquals(13, months.size());
        assertEquals("2010-12", months.get(0).getAsString());
        assertEquals("2011-12", months.get(12).getAsString());
        assertEquals(0, trends.get("rowsOutside").getAsInt());
        JsonObject dormant = trends.getAsJsonArray("segments").get(1).getAsJsonObject();
        assertEquals("Dormant, High-Value", dormant.get("name").getAsString());
        assertEquals(77183.6, dormant.getAsJsonArray("revenue").get(0).getAsDouble(), 1e-9);
        assertEquals(1797.24, dormant.getAsJsonArray("revenue").get(12).getAsDouble(), 1e-9);
        assertEquals(0, dormant.getAsJsonArray("orders").get(6).getAsInt());
        assertEquals(1, dormant.getAsJsonArray("activeEntities").get(12).getAsInt());
        assertEquals(0, dormant.getAsJsonObject("top").size(), "the fixture has no category, product or region");
        assertTrue(s.get("movement").isJsonNull());
    }

    @Test
    void aRunWithoutTransactionsHasNoTrends() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        assertTrue(summary(Fixtures.handedOver(r, r.business())).get("trends").isJsonNull());
    }

    @Test
    void theMovementMatrixWithNewLostAndMatches() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir).withMovement(new SegmentMovement("old", "id-1",
                "2026-12-01T06:00:00Z", List.of("Lapsed", "High-Spending Regulars"),
                List.of("High-Spending Regulars", "Dormant, High-Value"), new long[][] {{0, 1}, {1, 0}},
                new double[][] {{0, 77183.6}, {4310, 0}}, new long[] {0, 1}, new double[] {0, 1797.24},
                new long[] {2, 0}, new int[] {-1, 0}, List.of("a note")));
        JsonObject m = summary(r).getAsJsonObject("movement");
        assertEquals("id-1", m.get("previousRunId").getAsString());
        assertEquals("[[0,1],[1,0]]", m.get("entities").toString());
        assertEquals("[[0.0,77183.6],[4310.0,0.0]]", m.get("revenue").toString());
        assertEquals("[0,1]", m.get("newEntities").toString());
        assertEquals("[2,0]", m.get("lostEntities").toString());
        assertEquals("[null,0]", m.get("matchedTo").toString());
        assertEquals(2, m.get("common").getAsInt());
        assertEquals(1, m.get("stayed").getAsInt(), "the one customer who stayed in High-Spending Regulars");
        assertEquals("[\"a note\"]", m.get("notes").toString());
    }
}
