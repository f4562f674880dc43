package io.segmenta.api.stage;

import io.segmenta.api.SegmentaException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pipeline options as text (as typed in a shell or CLI), with typed accessors that reject bad values with
 * a message naming the option and what was expected.
 */
public final class Options {
    private static final Options EMPTY = new Options(Map.of());

    private final Map<String, String> values;

    public Options(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Options empty() {
        return EMPTY;
    }

    /** All options, sorted by key. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public Optional<LocalDate> date(String key) {
        return get(key).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new SegmentaException("option " + key + ": '" + v + "' is not a date (expected yyyy-MM-dd)");
            }
        });
    }

    public int integer(String key, int defaultValue) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new SegmentaException("option " + key + ": '" + v + "' is not a whole number");
            }
        }).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        return get(key).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new SegmentaException("option " + key + ": '" + v + "' is not a number");
            }
        }).orElse(defaultValue);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
