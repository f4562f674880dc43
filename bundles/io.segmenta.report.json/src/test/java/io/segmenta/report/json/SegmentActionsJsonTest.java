package io.segmenta.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each segment's recommended action and its reason in summary.json; null where the engine gave none. */
class SegmentActionsJsonTest {
    @TempDir
    Path dir;

    private JsonArray segments(boolean actions) throws IOException {
        var r = Fixtures.threeCustomers(dir);
        Path file = new JsonSummaryReporter().report(actions ? Fixtures.withActions(r) : r, dir,
                new RecordingContext()).get(0);
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("segments");
    }

    @Test
    void theActionAndWhyPerSegment() throws IOException {
        JsonObject first = segments(true).get(0).getAsJsonObject();
        assertEquals(Fixtures.ACTION, first.get("action").getAsString());
        assertEquals("frequency index 250 >= 150 (rules.txt line 3)", first.get("actionReason").getAsString());
        assertEquals("Newsletter", segments(true).get(1).getAsJsonObject().get("action").getAsString());
        JsonObject none = segments(false).get(0).getAsJsonObject();
        assertTrue(none.get("action").isJsonNull() && none.get("actionReason").isJsonNull(), none.toString());
    }
}
