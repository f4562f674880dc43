package io.segmenta.engine.internal.model;

import static io.segmenta.engine.internal.model.ModelFileChecks.checkSize;
import static io.segmenta.engine.internal.model.ModelFileChecks.checkStep;
import static io.segmenta.engine.internal.model.ModelFileChecks.jsonProblem;
import static io.segmenta.engine.internal.model.ModelFileChecks.object;
import static io.segmenta.engine.internal.model.ModelFileChecks.plain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.engine.internal.scaling.ScalingStep;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes model files: JSON documents of format {@value #FORMAT} version {@value #FORMAT_VERSION},
 * described in docs/model-file.md. Never Java serialization: the file is readable, editable (segment names),
 * and does not tie a model to the classes that wrote it.
 * <p>
 * Numbers are written as Java's shortest round-tripping decimal ({@code Double.toString}), so a model read
 * back predicts exactly as the one saved. A reader accepts any member order and ignores members it does not
 * know (later minor additions); it refuses another major format version.
 */
public final class ModelFile {
    /** The value of the {@code format} member. */
    public static final String FORMAT = "segmenta-model";
    /** The version this code writes and the only major version it reads. */
    public static final int FORMAT_VERSION = 1;
    /**
     * The largest model file read, checked before parsing: a model of a few thousand features and dozens of
     * segments is well under 1 MB, and a parsed document takes many times its size in memory.
     */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private ModelFile() {
    }

    // ---------------------------------------------------------------------------------------------------
    // writing

    /** Writes {@code model} to {@code file} atomically (temporary file, then rename). */
    public static void write(Path file, SavedModel model) {
        OutputFiles.write(file, "model file", out -> {
            JsonWriter json = new JsonWriter(out);
            json.setIndent("  ");
            json.setSerializeNulls(true);
            write(json, model);
            json.flush();
            out.write('\n');
        });
    }

    private static void write(JsonWriter json, SavedModel m) throws IOException {
        json.beginObject();
        json.name("format").value(FORMAT);
        json.name("formatVersion").value(FORMAT_VERSION);
        json.name("created").value(m.created());

        json.name("pipeline").beginObject();
        json.name("source").value(m.source());
        json.name("features").value(m.features());
        json.name("algorithm").value(m.algorithm());
        json.name("k").value(m.cluster().k());
        json.name("seed").value(m.cluster().seed());
        json.name("runs").value(m.cluster().runs());
        json.name("maxIterations").value(m.cluster().maxIterations());
        json.name("options");
        textMap(json, m.options());
        json.name("stageVersions");
        textMap(json, m.stageVersions());
        if (m.combined()) {
            // only for feature sets, so that a single extractor's file is as before (and read by older versions)
            json.name("members").beginArray();
            for (SavedModel.Member member : m.members()) {
                json.beginObject();
                json.name("name").value(member.name());
                json.name("extractor").value(member.extractor());
                json.name("source").value(member.source());
                json.name("input").value(member.input());
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();

        json.name("features").beginObject();
        json.name("entity").value(m.entity().label());
        json.name("numeric");
        texts(json, m.numeric());
        json.name("categorical");
        texts(json, m.categorical());
        json.name("valueColumn").value(m.valueColumn());
        json.endObject();

        json.name("scaling").beginArray();
        for (Map.Entry<String, List<ScalingStep>> e : m.scaling().entrySet()) {
            json.beginObject();
            json.name("feature").value(e.getKey());
            json.name("steps").beginArray();
            for (ScalingStep step : e.getValue()) {
                json.beginObject();
                json.name("step").value(step.step());
                for (Map.Entry<String, Double> p : step.parameters().entrySet()) {
                    json.name(p.getKey());
                    number(json, p.getValue());
                }
                json.endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();

        json.name("segments").beginArray();
        for (SavedModel.Segment s : m.segments()) {
            json.beginObject();
            json.name("segment").value(s.segment());
            json.name("name").value(s.name());
            json.name("size").value(s.size());
            json.name("share");
            number(json, s.share());
            json.name("valueShare");
            number(json, s.valueShare());
            json.endObject();
        }
        json.endArray();

        json.name("algorithm").beginObject();
        json.name("name").value(m.algorithm());
        json.name("state");
        stateObject(json, m.state());
        json.endObject();

        if (m.featureState() != null) {
            // optional: only extractors that fit a model on the transactions (clv) have one
            json.name("featureExtractor").beginObject();
            json.name("name").value(m.featureState().owner()); // the extractor that fitted it
            json.name("state");
            stateObject(json, m.featureState());
            json.endObject();
        }

        SavedModel.Training t = m.training();
        json.name("training").beginObject();
        json.name("inputs");
        texts(json, t.inputs());
        json.name("rowsRead").value(t.rowsRead());
        json.name("rowsKept").value(t.rowsKept());
        json.name("entities").value(t.entities());
        json.name("firstTransaction").value(t.firstTransaction());
        json.name("lastTransaction").value(t.lastTransaction());
        json.name("quality").beginObject();
        for (Map.Entry<String, Double> q : t.quality().entrySet()) {
            json.name(q.getKey());
            number(json, q.getValue());
        }
        json.endObject();
        FeatureRanges.write(json, t.featureRanges());
        json.endObject();

        json.endObject();
    }

    private static void stateObject(JsonWriter json, ModelState state) throws IOException {
        json.beginObject();
        for (Map.Entry<String, Object> e : state.values().entrySet()) {
            json.name(e.getKey());
            value(json, e.getValue());
        }
        json.endObject();
    }

    /** A finite number, or null for NaN (JSON has no NaN; the readers of these members expect null then). */
    private static void number(JsonWriter json, double v) throws IOException {
        if (Double.isFinite(v)) {
            json.value(v);
        } else {
            json.nullValue();
        }
    }

    private static void texts(JsonWriter json, List<String> texts) throws IOException {
        json.beginArray();
        for (String t : texts) {
            json.value(t);
        }
        json.endArray();
    }

    private static void textMap(JsonWriter json, Map<String, String> map) throws IOException {
        json.beginObject();
        for (Map.Entry<String, String> e : map.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }

    /** A model-state value: String, Double or a List of those. */
    private static void value(JsonWriter json, Object v) throws IOException {
        if (v instanceof String s) {
            json.value(s);
        } else if (v instanceof Double d) {
            number(json, d);
        } else if (v instanceof List<?> list) {
            json.beginArray();
            for (Object o : list) {
                value(json, o);
            }
            json.endArray();
        } else {
            throw new IllegalArgumentException("not a model-state value: " + v);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // reading

    /**
     * Reads a model file.
     *
     * @throws SegmentaException when the file is missing, not JSON (with the line and column), not a model file,
     *         of another format version, or lacks a member or has one of the wrong type (naming it)
     */
    public static SavedModel read(Path file) {
        checkSize(file);
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader reader = new JsonReader(in);
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
        } catch (NoSuchFileException e) {
            throw new SegmentaException("no such model file: " + file);
        } catch (CharacterCodingException e) {
            throw new SegmentaException(file + ": not a model file (not UTF-8 text)");
        } catch (IOException e) {
            throw new SegmentaException("cannot read the model file " + file + ": " + OutputFiles.describe(e), e);
        } catch (JsonParseException e) {
            if (e.getCause() instanceof CharacterCodingException) { // Gson wraps the reader's decoding error
                throw new SegmentaException(file + ": not a model file (not UTF-8 text)");
            }
            throw new SegmentaException(file + ": not a model file (not valid JSON: " + jsonProblem(e) + ")", e);
        }
        JsonMembers doc = new JsonMembers(file, "", object(file, "the document", root));
        String format = doc.has("format") ? doc.text("format") : null;
        if (!FORMAT.equals(format)) {
            throw new SegmentaException(file + ": not a Segmenta model file (its \"format\" is "
                    + (format == null ? "missing" : "'" + format + "'") + ", expected '" + FORMAT + "')");
        }
        int version = doc.integer("formatVersion");
        if (version != FORMAT_VERSION) {
            throw new SegmentaException(file + ": model file format version " + version + "; this Segmenta reads "
                    + "version " + FORMAT_VERSION + " (save the model again with this version)");
        }
        JsonMembers pipeline = doc.object("pipeline");
        JsonMembers features = doc.object("features");
        JsonMembers algorithm = doc.object("algorithm");
        JsonMembers training = doc.object("training");
        String algorithmName = pipeline.text("algorithm");
        ClusterRequest cluster = new ClusterRequest(pipeline.integerAtLeast("k", 1), (long) pipeline.number("seed"),
                pipeline.integerAtLeast("runs", 1), pipeline.integerAtLeast("maxIterations", 1));

        Map<String, List<ScalingStep>> scaling = new LinkedHashMap<>();
        JsonArray scalingArray = doc.array("scaling");
        for (int i = 0; i < scalingArray.size(); i++) {
            JsonMembers column = new JsonMembers(file, "scaling[" + i + "].", object(file, "scaling[" + i + "]",
                    scalingArray.get(i)));
            List<ScalingStep> steps = new ArrayList<>();
            JsonArray stepArray = column.array("steps");
            for (int s = 0; s < stepArray.size(); s++) {
                String where = "scaling[" + i + "].steps[" + s + "]";
                JsonMembers step = new JsonMembers(file, where + ".", object(file, where, stepArray.get(s)));
                Map<String, Double> parameters = new LinkedHashMap<>();
                for (String key : step.keys()) {
                    if (!key.equals("step")) {
                        parameters.put(key, step.number(key));
                    }
                }
                ScalingStep read = new ScalingStep(step.text("step"), parameters);
                checkStep(file, where, read);
                steps.add(read);
            }
            scaling.put(column.text("feature"), steps);
        }

        List<SavedModel.Segment> segments = new ArrayList<>();
        JsonArray segmentArray = doc.array("segments");
        for (int i = 0; i < segmentArray.size(); i++) {
            JsonMembers s = new JsonMembers(file, "segments[" + i + "].", object(file, "segments[" + i + "]",
                    segmentArray.get(i)));
            int number = s.integer("segment");
            if (number != i) {
                throw new SegmentaException(file + ": segments[" + i + "].segment is " + number
                        + "; the segments must be listed in order, numbered from 0");
            }
            segments.add(new SavedModel.Segment(number, s.text("name"), s.integerAtLeast("size", 0),
                    s.numberOrNaN("share"),
                    s.numberOrNaN("valueShare")));
        }

        ModelState modelState = state(file, "algorithm", algorithmName, algorithm.object("state"));
        ModelState featureState = null;
        if (doc.has("featureExtractor")) {
            JsonMembers extractor = doc.object("featureExtractor");
            featureState = state(file, "featureExtractor", extractor.text("name"), extractor.object("state"));
        }

        Map<String, Double> quality = new LinkedHashMap<>();
        JsonMembers q = training.object("quality");
        for (String key : q.keys()) {
            quality.put(key, q.numberOrNaN(key));
        }
        SavedModel.Training t = new SavedModel.Training(training.texts("inputs"), (long) training.count("rowsRead"),
                (long) training.count("rowsKept"), training.integerAtLeast("entities", 0),
                training.textOrNull("firstTransaction"), training.textOrNull("lastTransaction"), quality,
                FeatureRanges.read(file, training));

        return new SavedModel(doc.text("created"), pipeline.text("source"), pipeline.text("features"), algorithmName,
                cluster, pipeline.textMap("options"), pipeline.textMap("stageVersions"),
                entity(file, features.text("entity")), features.texts("numeric"), features.texts("categorical"),
                features.textOrNull("valueColumn"), scaling, segments, modelState, t, members(file, pipeline),
                featureState);
    }

    /** The members of {@code pipeline.members}; without it (a single extractor, or a file before 0.2) the one. */
    private static List<SavedModel.Member> members(Path file, JsonMembers pipeline) {
        if (!pipeline.has("members")) {
            List<SavedModel.Member> shared = new ArrayList<>();
            for (FeatureMember m : FeatureMember.parse(pipeline.text("features"))) {
                shared.add(new SavedModel.Member(m.name(), m.extractor(), pipeline.text("source"), null));
            }
            return shared;
        }
        List<SavedModel.Member> members = new ArrayList<>();
        JsonArray array = pipeline.array("members");
        for (int i = 0; i < array.size(); i++) {
            String where = "pipeline.members[" + i + "]";
            JsonMembers m = new JsonMembers(file, where + ".", object(file, where, array.get(i)));
            members.add(new SavedModel.Member(m.text("name"), m.text("extractor"), m.text("source"),
                    m.textOrNull("input")));
        }
        if (members.isEmpty()) {
            throw new SegmentaException(file + ": pipeline.members is empty; it lists the members of the feature set");
        }
        return members;
    }

    private static ModelState state(Path file, String member, String owner, JsonMembers state) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : state.keys()) {
            values.put(key, plain(file, member + ".state." + key, state.get(key)));
        }
        return ModelState.of(owner, values);
    }

    private static EntityKind entity(Path file, String label) {
        for (EntityKind kind : EntityKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new SegmentaException(file + ": features.entity is '" + label + "'; expected customer or seller");
    }
}
