package io.segmenta.engine.internal.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import io.segmenta.api.SegmentaException;
import io.segmenta.engine.internal.scaling.ScalingStep;
import io.segmenta.engine.internal.scaling.TransformScaler;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks {@link ModelFile} applies while reading, each failing with one line that names the file and the
 * member: the size before parsing, the JSON's syntax, objects where objects belong, finite numbers in the
 * algorithm's and the extractor's state, and scaling parameters that could have been fitted.
 */
final class ModelFileChecks {
    private ModelFileChecks() {
    }

    /** Refuses a file larger than {@link ModelFile#MAX_BYTES} before reading it. */
    static void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SegmentaException("no such model file: " + file);
        } catch (IOException e) {
            throw new SegmentaException("cannot read the model file " + file + ": " + OutputFiles.describe(e), e);
        }
        if (size > ModelFile.MAX_BYTES) {
            throw new SegmentaException(file + ": not read: a model file may be at most "
                    + ModelFile.MAX_BYTES / (1024 * 1024) + " MB and this one is "
                    + String.format(java.util.Locale.ROOT, "%.1f", size / 1048576.0)
                    + " MB; is it a model file?");
        }
    }

    /**
     * Restores one scaling step on its own, so that a parameter out of its range (an sd of 0) is reported as an
     * error of the model file naming the member, not later as bad input data.
     */
    static void checkStep(Path file, String where, ScalingStep step) {
        try {
            TransformScaler.restore(Map.of("feature", List.of(step)));
        } catch (SegmentaException e) {
            String message = e.getMessage();
            String prefix = "the scaling of 'feature': ";
            throw new SegmentaException(file + ": " + where + ": "
                    + (message.startsWith(prefix) ? message.substring(prefix.length()) : message), e);
        }
    }

    /**
     * Where the JSON goes wrong, as "line L column C" from Gson's message; its advice on lenient parsing is for
     * programmers, not for the user who edited the file, and is left out.
     */
    static String jsonProblem(JsonParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(message);
        if (at.find()) {
            return (message.contains("End of input") ? "it ends early, " : "a syntax error ") + "at line "
                    + at.group(1) + " column " + at.group(2);
        }
        int see = message.indexOf("\nSee ");
        return (see > 0 ? message.substring(0, see) : message).replace('\n', ' ');
    }

    static JsonObject object(Path file, String where, JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw new SegmentaException(file + ": " + where + " should be a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** A JSON value as String, Double or List (what {@link ModelState#of} takes). */
    static Object plain(Path file, String where, JsonElement e) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                return p.getAsString();
            }
            if (p.isNumber()) {
                double v = p.getAsDouble();
                if (!Double.isFinite(v)) {
                    // 1e999 reads as infinity: a centre there would take no customer, silently
                    throw new SegmentaException(file + ": " + where + " holds " + p.getAsString()
                            + ", which is not a finite number");
                }
                return v;
            }
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            JsonArray array = e.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                list.add(plain(file, where + "[" + i + "]", array.get(i)));
            }
            return list;
        }
        throw new SegmentaException(file + ": " + where + " holds " + (e.isJsonNull() ? "null" : e.isJsonObject()
                ? "an object" : "a boolean") + "; a model entry is text, a number, or a list of them");
    }
}
