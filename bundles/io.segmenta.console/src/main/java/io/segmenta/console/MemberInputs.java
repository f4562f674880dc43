package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.FeatureInput;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of feature-set members that read their own ({@code --input.NAME PATH}, {@code --source.NAME STAGE}),
 * for run, select-k and predict alike; in a pipeline file the fields {@code input.NAME} and {@code source.NAME}.
 */
final class MemberInputs {
    /** The prefix of a member's input option: {@code --input.attributes}. */
    static final String INPUT = RunArguments.INPUT + ".";
    /** The prefix of a member's source option: {@code --source.attributes}. */
    static final String SOURCE = RunArguments.SOURCE + ".";

    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /** True for {@code --input.NAME} and {@code --source.NAME}. */
    static boolean isOption(String name) {
        return (name.startsWith(INPUT) && name.length() > INPUT.length())
                || (name.startsWith(SOURCE) && name.length() > SOURCE.length());
    }

    /** Sets {@code --input.NAME} or {@code --source.NAME}; each once. */
    void set(String name, String value) {
        boolean input = name.startsWith(INPUT);
        String member = name.substring((input ? INPUT : SOURCE).length());
        if ((input ? inputs : sources).putIfAbsent(member, value) != null) {
            throw new SegmentaException(name + " given twice");
        }
    }

    /** @throws SegmentaException for a {@code --source.NAME} without its {@code --input.NAME}, or a bad path */
    Map<String, FeatureInput> asMap() {
        for (String member : sources.keySet()) {
            if (!inputs.containsKey(member)) {
                throw new SegmentaException(SOURCE + member + " needs " + INPUT + member + ": a member's own source "
                        + "reads an input of its own");
            }
        }
        Map<String, FeatureInput> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            Path path;
            try {
                path = Path.of(e.getValue());
            } catch (InvalidPathException ex) {
                throw new SegmentaException(INPUT + e.getKey() + ": '" + e.getValue() + "' is not a valid path: "
                        + ex.getReason());
            }
            map.put(e.getKey(), new FeatureInput(Optional.ofNullable(sources.get(e.getKey())), path));
        }
        return map;
    }
}
