package io.segmenta.api.stage;

import io.segmenta.api.SegmentaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a fitted model needs to place new rows, as named values that any document format holds: text, finite
 * numbers, arrays and tables of numbers, lists and tables of text. An algorithm writes its model into one
 * ({@link ClusterModel#state()}) and reads it back ({@link Clusterer#restore}); the engine stores it in the
 * model file (a JSON object, one member per entry) without knowing what it means.
 * <p>
 * The getters convert what a file gave back into the asked type and fail with a {@link SegmentaException}
 * naming the entry and what was expected, so that a damaged or hand-edited file gives a clear message rather
 * than a wrong model. Values are held as {@code String}, {@code Double} or (nested) {@code List}s of those, the
 * shapes a JSON reader produces; {@link #values()} shows them.
 */
public final class ModelState {
    private final String owner;
    private final Map<String, Object> values;

    /** An empty state to fill, for the algorithm named {@code owner} (used in messages). */
    public ModelState(String owner) {
        this(owner, new LinkedHashMap<>());
    }

    private ModelState(String owner, Map<String, Object> values) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.values = values;
    }

    /**
     * A state read from a document: {@code values} holds {@code String}, {@code Number} and (nested) {@code List}
     * values only, as a JSON reader gives them.
     *
     * @throws SegmentaException when a value is of another type
     */
    public static ModelState of(String owner, Map<String, ?> values) {
        ModelState state = new ModelState(owner);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            state.values.put(e.getKey(), canonical(owner, e.getKey(), e.getValue()));
        }
        return state;
    }

    private static Object canonical(String owner, String key, Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(canonical(owner, key, o));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new SegmentaException(owner + " model: '" + key + "' holds " + describe(value)
                + "; a model entry is text, a number, or a list of them");
    }

    /** The algorithm this state belongs to. */
    public String owner() {
        return owner;
    }

    /** Every entry, in the order written: {@code String}, {@code Double} or (nested) unmodifiable {@code List}s. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    // ---------------------------------------------------------------------------------------------------
    // writing

    public ModelState put(String key, String text) {
        values.put(key, Objects.requireNonNull(text, key));
        return this;
    }

    /** @throws IllegalArgumentException when the number is not finite (no document format holds NaN alike) */
    public ModelState put(String key, double number) {
        values.put(key, finite(key, number));
        return this;
    }

    public ModelState put(String key, double[] numbers) {
        values.put(key, list(key, numbers));
        return this;
    }

    public ModelState put(String key, int[] numbers) {
        List<Object> list = new ArrayList<>(numbers.length);
        for (int v : numbers) {
            list.add((double) v);
        }
        values.put(key, Collections.unmodifiableList(list));
        return this;
    }

    public ModelState put(String key, double[][] table) {
        List<Object> rows = new ArrayList<>(table.length);
        for (double[] row : table) {
            rows.add(list(key, row));
        }
        values.put(key, Collections.unmodifiableList(rows));
        return this;
    }

    public ModelState putTexts(String key, List<String> texts) {
        values.put(key, List.copyOf(texts));
        return this;
    }

    public ModelState putTextTable(String key, List<List<String>> table) {
        List<Object> rows = new ArrayList<>(table.size());
        for (List<String> row : table) {
            rows.add(List.copyOf(row));
        }
        values.put(key, Collections.unmodifiableList(rows));
        return this;
    }

    private static double finite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("model entry '" + key + "': " + v + " is not finite");
        }
        return v;
    }

    private static List<Object> list(String key, double[] numbers) {
        List<Object> list = new ArrayList<>(numbers.length);
        for (double v : numbers) {
            list.add(finite(key, v));
        }
        return Collections.unmodifiableList(list);
    }

    // ---------------------------------------------------------------------------------------------------
    // reading

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String text(String key) {
        if (get(key) instanceof String s) {
            return s;
        }
        throw wrong(key, "text");
    }

    public double number(String key) {
        if (get(key) instanceof Double d) {
            return d;
        }
        throw wrong(key, "a number");
    }

    public double[] numbers(String key) {
        return numbers(key, get(key), "an array of numbers");
    }

    /** @throws SegmentaException when a value is not a whole number within int range */
    public int[] integers(String key) {
        double[] d = numbers(key, get(key), "an array of whole numbers");
        int[] result = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > Integer.MAX_VALUE) {
                throw wrong(key, "an array of whole numbers");
            }
            result[i] = (int) d[i];
        }
        return result;
    }

    public double[][] table(String key) {
        if (get(key) instanceof List<?> rows) {
            double[][] result = new double[rows.size()][];
            for (int r = 0; r < result.length; r++) {
                result[r] = numbers(key, rows.get(r), "an array of arrays of numbers");
            }
            return result;
        }
        throw wrong(key, "an array of arrays of numbers");
    }

    public List<String> texts(String key) {
        return texts(key, get(key), "an array of texts");
    }

    public List<List<String>> textTable(String key) {
        if (get(key) instanceof List<?> rows) {
            List<List<String>> result = new ArrayList<>(rows.size());
            for (Object row : rows) {
                result.add(texts(key, row, "an array of arrays of texts"));
            }
            return List.copyOf(result);
        }
        throw wrong(key, "an array of arrays of texts");
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new SegmentaException(owner + " model: the entry '" + key + "' is missing");
        }
        return v;
    }

    private double[] numbers(String key, Object value, String expected) {
        if (value instanceof List<?> list) {
            double[] result = new double[list.size()];
            for (int i = 0; i < result.length; i++) {
                if (!(list.get(i) instanceof Double d)) {
                    throw wrong(key, expected);
                }
                result[i] = d;
            }
            return result;
        }
        throw wrong(key, expected);
    }

    private List<String> texts(String key, Object value, String expected) {
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw wrong(key, expected);
                }
                result.add(s);
            }
            return List.copyOf(result);
        }
        throw wrong(key, expected);
    }

    private SegmentaException wrong(String key, String expected) {
        return new SegmentaException(owner + " model: '" + key + "' should be " + expected + ", but is "
                + describe(values.get(key)));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** The error an algorithm throws when the state's entries disagree with each other (e.g. k centres, k+1 names). */
    public SegmentaException inconsistent(String what) {
        return new SegmentaException(owner + " model: " + what);
    }

    @Override
    public String toString() {
        return "ModelState[" + owner + ", " + values.keySet() + "]";
    }
}
