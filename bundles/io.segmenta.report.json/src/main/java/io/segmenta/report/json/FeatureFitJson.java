package io.segmenta.report.json;

import com.google.gson.stream.JsonWriter;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import io.segmenta.table.clv.SegmentLifetimeValue;
import java.io.IOException;
import java.util.Map;

/**
 * The {@code featureFit} member of summary.json (docs/summary-json.md): the model the feature extractor fitted
 * (the clv extractor's BG/NBD and Gamma-Gamma), or null. Every number in it is finite by the API's contract.
 */
final class FeatureFitJson {
    private FeatureFitJson() {
    }

    static void write(JsonWriter json, PipelineResult r) throws IOException {
        json.name("featureFit");
        if (r.featureFit().isEmpty()) {
            json.nullValue();
            return;
        }
        FeatureFit fit = r.featureFit().get();
        json.beginObject();
        json.name("extractor").value(fit.extractor());
        json.name("parameters").beginArray();
        for (FitParameter p : fit.parameters()) {
            json.beginObject();
            json.name("model").value(p.model());
            json.name("name").value(p.name());
            json.name("value").value(p.value());
            json.name("standardError");
            if (p.standardError().isPresent()) {
                json.value(p.standardError().getAsDouble());
            } else {
                json.nullValue();
            }
            json.endObject();
        }
        json.endArray();
        json.name("figures").beginObject();
        for (Map.Entry<String, Double> f : fit.figures().entrySet()) {
            json.name(f.getKey()).value(f.getValue());
        }
        json.endObject();
        json.name("tables").beginArray();
        for (FitTable t : fit.tables()) {
            json.beginObject();
            json.name("name").value(t.name());
            json.name("title").value(t.title());
            json.name("columns").beginArray();
            for (String c : t.columns()) {
                json.value(c);
            }
            json.endArray();
            json.name("rows").beginArray();
            for (FitTable.Row row : t.rows()) {
                json.beginObject();
                json.name("label").value(row.label());
                json.name("values").beginArray();
                for (double v : row.values()) {
                    json.value(v);
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.name("outputs").beginObject();
        for (Map.Entry<String, String> o : fit.outputs().entrySet()) {
            json.name(o.getKey()).value(o.getValue());
        }
        json.endObject();
        json.name("caveats").beginArray();
        for (String c : fit.caveats()) {
            json.value(c);
        }
        json.endArray();
        json.endObject();
    }

    /**
     * A segment's {@code lifetimeValue} ({@link SegmentLifetimeValue}): mean expected purchases, mean P(alive),
     * total and mean CLV; null without a lifetime-value fit. A mean of an empty segment is null.
     */
    static void lifetimeValue(JsonWriter json, SegmentLifetimeValue v) throws IOException {
        json.name("lifetimeValue");
        if (v == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        JsonSummaryReporter.number(json.name("meanExpectedPurchases"), v.meanExpectedPurchases());
        JsonSummaryReporter.number(json.name("meanProbabilityAlive"), v.meanProbabilityAlive());
        JsonSummaryReporter.number(json.name("totalClv"), v.totalLifetimeValue());
        JsonSummaryReporter.number(json.name("meanClv"), v.meanLifetimeValue());
        json.endObject();
    }
}
