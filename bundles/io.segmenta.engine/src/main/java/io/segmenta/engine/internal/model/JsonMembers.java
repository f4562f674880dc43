package io.segmenta.engine.internal.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.segmenta.api.SegmentaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members of one JSON object, with typed getters whose errors name the member's path. */
final class JsonMembers {
    private final Path file;
    private final String path;
    private final JsonObject object;

    JsonMembers(Path file, String path, JsonObject object) {
        this.file = file;
        this.path = path;
        this.object = object;
    }

    boolean has(String key) {
        return object.has(key);
    }

    List<String> keys() {
        return new ArrayList<>(object.keySet());
    }

    JsonElement get(String key) {
        JsonElement e = object.get(key);
        if (e == null) {
            throw new SegmentaException(file + ": the member " + path + key + " is missing");
        }
        return e;
    }

    private SegmentaException wrong(String key, String expected) {
        return new SegmentaException(file + ": " + path + key + " should be " + expected + ", but is "
                + describe(object.get(key)));
    }

    private static String describe(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        String text = e.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    String text(String key) {
        JsonElement e = get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        throw wrong(key, "text");
    }

    String textOrNull(String key) {
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : text(key);
    }

    double number(String key) {
        JsonElement e = get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        throw wrong(key, "a number");
    }

    /** A number, or NaN where the file has null (how NaN is written). */
    double numberOrNaN(String key) {
        JsonElement e = get(key);
        return e.isJsonNull() ? Double.NaN : number(key);
    }

    int integer(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw wrong(key, "a whole number");
        }
        return (int) v;
    }

    JsonMembers object(String key) {
        JsonElement e = get(key);
        if (!e.isJsonObject()) {
            throw wrong(key, "an object");
        }
        return new JsonMembers(file, path + key + ".", e.getAsJsonObject());
    }

    JsonArray array(String key) {
        JsonElement e = get(key);
        if (!e.isJsonArray()) {
            throw wrong(key, "an array");
        }
        return e.getAsJsonArray();
    }

    List<String> texts(String key) {
        List<String> result = new ArrayList<>();
        for (JsonElement e : array(key)) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw wrong(key, "an array of texts");
            }
            result.add(e.getAsString());
        }
        return List.copyOf(result);
    }

    Map<String, String> textMap(String key) {
        JsonMembers m = object(key);
        Map<String, String> result = new LinkedHashMap<>();
        for (String k : m.keys()) {
            result.put(k, m.text(k));
        }
        return result;
    }
}
