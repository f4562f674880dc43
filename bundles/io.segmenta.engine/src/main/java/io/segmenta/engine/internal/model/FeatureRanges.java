package io.segmenta.engine.internal.model;

import static io.segmenta.engine.internal.model.ModelFileChecks.object;

import com.google.gson.JsonArray;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The member {@code training.featureRanges} of a model file: per numeric feature, in column order,
 * {@code {"feature": name, "p1": number, "p99": number, "outside": share}}. Added in Segmenta 0.2 within format version 1: a file
 * without it reads as before, and predict then does not compare feature ranges.
 */
final class FeatureRanges {
    static final String MEMBER = "featureRanges";

    private FeatureRanges() {
    }

    /** Writes the member, or nothing when {@code ranges} is null. */
    static void write(JsonWriter json, List<SavedModel.FeatureRange> ranges) throws IOException {
        if (ranges == null) {
            return;
        }
        json.name(MEMBER).beginArray();
        for (SavedModel.FeatureRange r : ranges) {
            json.beginObject();
            json.name("feature").value(r.feature());
            json.name("p1").value(r.p1());
            json.name("p99").value(r.p99());
            json.name("outside").value(r.outside());
            json.endObject();
        }
        json.endArray();
    }

    /** The ranges of {@code training}, or null when it has none; a malformed entry is a one-line error. */
    static List<SavedModel.FeatureRange> read(Path file, JsonMembers training) {
        if (!training.has(MEMBER)) {
            return null;
        }
        JsonArray array = training.array(MEMBER);
        List<SavedModel.FeatureRange> ranges = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "training." + MEMBER + "[" + i + "]";
            JsonMembers r = new JsonMembers(file, where + ".", object(file, where, array.get(i)));
            ranges.add(new SavedModel.FeatureRange(r.text("feature"), r.number("p1"), r.number("p99"),
                    r.number("outside")));
        }
        return ranges;
    }
}
