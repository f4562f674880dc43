package io.segmenta.report.json;

import com.google.gson.stream.JsonWriter;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.stage.FeatureInfo;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The members that say how to read the figures (added in Segmenta 0.2 without a version change): {@code runDate},
 * {@code snapshot}, {@code currency}, {@code regionWord} and {@code featureInfo}.
 */
final class ReportContextJson {
    private ReportContextJson() {
    }

    static void write(JsonWriter json, ReportContext c) throws IOException {
        json.name("runDate").value(c.ranAt().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(null));
        json.name("snapshot").value(c.snapshot().map(Object::toString).orElse(null));
        json.name("currency").value(c.currency().orElse(null));
        json.name("regionWord").value(c.regionWord());
        json.name("featureInfo").beginArray();
        for (FeatureInfo f : c.features()) {
            json.beginObject();
            json.name("name").value(f.name());
            json.name("label").value(f.label());
            json.name("definition").value(f.definition());
            json.name("direction").value(f.direction().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            json.endObject();
        }
        json.endArray();
    }
}
