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
import java.util.function.Predicate;

/**
 * The members of one JSON object of a model file, with typed getters whose errors name the member's path.
 *
 * @param path the object's path in the document, e.g. "pipeline.", for messages
 */
record JsonMembers(Path file, String path, JsonObject json) {

    boolean has(String key) {
        return json.has(key);
    }

    List<String> keys() {
        return new ArrayList<>(json.keySet());
    }

    JsonElement get(String key) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw new SegmentaException(file + ": the member " + path + key + " is missing");
        }
        return e;
    }

    private SegmentaException wrong(String key, String expected) {
        return new SegmentaException(file + ": " + path + key + " should be " + expected + ", but is "
                + describe(json.get(key)));
    }

    /** The member, when {@code is} accepts it; else an error saying what it should be. */
    private JsonElement checked(String key, Predicate<JsonElement> is, String expected) {
        JsonElement e = get(key);
        if (!is.test(e)) {
            throw wrong(key, expected);
        }
        return e;
    }

    private static boolean isText(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
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
        return checked(key, JsonMembers::isText, "text").getAsString();
    }

    String textOrNull(String key) {
        JsonElement e = json.get(key);
        return e == null || e.isJsonNull() ? null : text(key);
    }

    /** A finite number: 1e999 reads as infinity and would make predictions silently wrong. */
    double number(String key) {
        double v = checked(key, e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(), "a number")
                .getAsDouble();
        if (!Double.isFinite(v)) {
            throw wrong(key, "a finite number");
        }
        return v;
    }

    /** A whole number of at least {@code min}. */
    int integerAtLeast(String key, int min) {
        int v = integer(key);
        if (v < min) {
            throw wrong(key, "a whole number of at least " + min);
        }
        return v;
    }

    /** A finite number of at least 0, e.g. a count of rows. */
    double count(String key) {
        double v = number(key);
        if (v < 0 || v != Math.rint(v)) {
            throw wrong(key, "a whole number of at least 0");
        }
        return v;
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
        return new JsonMembers(file, path + key + ".", checked(key, JsonElement::isJsonObject, "an object")
                .getAsJsonObject());
    }

    JsonArray array(String key) {
        return checked(key, JsonElement::isJsonArray, "an array").getAsJsonArray();
    }

    List<String> texts(String key) {
        List<String> result = new ArrayList<>();
        for (JsonElement e : array(key)) {
            if (!isText(e)) {
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
