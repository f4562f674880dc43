package io.segmenta.report.json;

import static io.segmenta.report.json.JsonSummaryReporter.number;

import com.google.gson.stream.JsonWriter;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;
import java.io.IOException;
import java.util.List;

/**
 * The {@code trends} and {@code movement} members of summary.json (docs/summary-json.md): each segment's
 * revenue, orders and active entities per month with its top levels, and how the entities of an earlier run
 * moved between segments; each null when the run has none.
 */
final class TrendsJson {
    private TrendsJson() {
    }

    static void write(JsonWriter json, PipelineResult r) throws IOException {
        trends(json, r);
        movement(json, r);
    }

    private static void trends(JsonWriter json, PipelineResult r) throws IOException {
        SegmentTrends t = r.trends();
        json.name("trends");
        if (t.isEmpty()) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("months").beginArray();
        for (String m : t.monthNames()) {
            json.value(m);
        }
        json.endArray();
        json.name("rowsOutside").value(t.rowsOutside());
        json.name("segments").beginArray();
        for (SegmentTrend s : t.segments()) {
            json.beginObject();
            json.name("segment").value(s.segment());
            json.name("name").value(r.segments().get(s.segment()).name());
            json.name("revenue").beginArray();
            for (double v : s.revenue()) {
                number(json, v);
            }
            json.endArray();
            longs(json.name("orders"), s.orders());
            longs(json.name("activeEntities"), s.activeEntities());
            json.name("top").beginObject();
            for (TransactionField f : SegmentTrends.TOP_FIELDS) {
                if (s.top().containsKey(f)) {
                    // each level with its share of the segment's revenue, as the business overview's top lists
                    JsonSummaryReporter.top(json, f.columnName(), s.top(f), s.totalRevenue());
                }
            }
            json.endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void movement(JsonWriter json, PipelineResult r) throws IOException {
        json.name("movement");
        if (r.movement().isEmpty()) {
            json.nullValue();
            return;
        }
        SegmentMovement m = r.movement().get();
        json.beginObject();
        json.name("previousFolder").value(m.previousFolder());
        json.name("previousRunId").value(m.previousRunId());
        json.name("previousFinished").value(m.previousFinished());
        strings(json.name("from"), m.fromSegments());
        strings(json.name("to"), m.toSegments());
        json.name("entities").beginArray();
        for (long[] row : m.entities()) {
            longs(json, row);
        }
        json.endArray();
        json.name("revenue").beginArray();
        for (double[] row : m.revenue()) {
            doubles(json, row);
        }
        json.endArray();
        longs(json.name("newEntities"), m.newEntities());
        doubles(json.name("newRevenue"), m.newRevenue());
        longs(json.name("lostEntities"), m.lostEntities());
        json.name("matchedTo").beginArray();
        for (int t : m.matchedTo()) {
            if (t < 0) {
                json.nullValue();
            } else {
                json.value(t);
            }
        }
        json.endArray();
        json.name("common").value(m.common());
        json.name("stayed").value(m.stayed());
        strings(json.name("notes"), m.notes());
        json.endObject();
    }

    private static void longs(JsonWriter json, long[] values) throws IOException {
        json.beginArray();
        for (long v : values) {
            json.value(v);
        }
        json.endArray();
    }

    private static void doubles(JsonWriter json, double[] values) throws IOException {
        json.beginArray();
        for (double v : values) {
            number(json, v);
        }
        json.endArray();
    }

    private static void strings(JsonWriter json, List<String> values) throws IOException {
        json.beginArray();
        for (String v : values) {
            json.value(v);
        }
        json.endArray();
    }
}
