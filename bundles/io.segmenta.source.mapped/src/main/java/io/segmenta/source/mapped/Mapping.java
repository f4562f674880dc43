package io.segmenta.source.mapped;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed and checked mapping file: which source column feeds which canonical field, which further
 * columns are kept, how the text is formatted and which rows are dropped. Immutable; everything that can be
 * wrong with the mapping itself is reported here, before the data file is opened.
 */
public final class Mapping {
    static final String FIELD_PREFIX = "field.";
    static final String EXTRA_CATEGORICAL = "extra.categorical";
    static final String EXTRA_NUMERIC = "extra.numeric";
    static final String DELIMITER = TextFormat.DELIMITER;
    static final String ENCODING = TextFormat.ENCODING;
    static final String DECIMAL = TextFormat.DECIMAL;
    static final String THOUSANDS = TextFormat.THOUSANDS;
    static final String TIMESTAMP = "format.timestamp";
    static final String HEADER = TextFormat.HEADER;
    static final String DROP_MISSING_CUSTOMER = "clean.drop-missing-customer";
    static final String DROP_NONPOSITIVE_QUANTITY = "clean.drop-nonpositive-quantity";
    static final String DROP_NONPOSITIVE_AMOUNT = "clean.drop-nonpositive-amount";
    static final String DROP_ORDER_PREFIX = "clean.drop-order-prefix";
    static final String CUSTOMER_STRIP_DECIMAL_ZERO = "clean.customer-strip-decimal-zero";

    /** Every key other than the {@code field.*} ones, in the order the documentation lists them. */
    static final List<String> OTHER_KEYS = List.of(EXTRA_CATEGORICAL, EXTRA_NUMERIC, DELIMITER, ENCODING, DECIMAL,
            THOUSANDS, TIMESTAMP, HEADER, DROP_MISSING_CUSTOMER, DROP_NONPOSITIVE_QUANTITY, DROP_NONPOSITIVE_AMOUNT,
            DROP_ORDER_PREFIX, CUSTOMER_STRIP_DECIMAL_ZERO);

    static final String DEFAULT_TIMESTAMP = "yyyy-MM-dd HH:mm:ss";
    /** The {@code format.delimiter} value for fields separated by runs of spaces and tabs. */
    static final String WHITESPACE = TextFormat.WHITESPACE;

    /** Where the mapping came from, for messages. */
    final String file;
    /** The keys and values as read, to build the same mapping elsewhere ({@link #of}). */
    private final Map<String, String> values;
    /** Source column per canonical field, in {@link TransactionField} order; absent fields are not mapped. */
    final Map<TransactionField, String> fields;
    final List<String> extraCategorical;
    final List<String> extraNumeric;
    final char delimiter;
    /** {@code format.delimiter=whitespace}: runs of spaces and tabs separate fields ({@link #delimiter} is ' '). */
    final boolean whitespace;
    final Charset encoding;
    final char decimal;
    /** The thousands separator, or {@link Decimals#NO_SEPARATOR}. */
    final char thousands;
    final String timestampPattern;
    final DateTimeFormatter timestampFormat;
    /** Whether {@link #timestampPattern} has a time of day; without one, a value is that date at midnight. */
    final boolean timestampHasTime;
    final boolean header;
    final boolean dropMissingCustomer;
    final boolean dropNonPositiveQuantity;
    final boolean dropNonPositiveAmount;
    /** Orders starting with this text are dropped; null when none are. */
    final String dropOrderPrefix;
    final boolean customerStripDecimalZero;

    private Mapping(String file, Map<String, String> p) {
        this.file = file;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(p));
        Set<String> unknown = new TreeSet<>();
        Map<TransactionField, String> byField = new EnumMap<>(TransactionField.class);
        for (Map.Entry<String, String> e : p.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(FIELD_PREFIX)) {
                TransactionField f = field(key.substring(FIELD_PREFIX.length()));
                if (f == null) {
                    unknown.add(key);
                } else if (e.getValue().isEmpty()) {
                    throw error(key + " is empty; give the source column's header (or remove the key)");
                } else {
                    byField.put(f, e.getValue());
                }
            } else if (!OTHER_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw error("unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; valid keys are " + validKeys());
        }
        this.fields = Collections.unmodifiableMap(byField);
        if (!fields.containsKey(TransactionField.CUSTOMER)) {
            throw error("field.customer is required: the source column that holds the customer key");
        }
        if (!fields.containsKey(TransactionField.AMOUNT) && !fields.containsKey(TransactionField.UNIT_PRICE)) {
            throw error("no money column: map field.amount, or field.unit_price (amount = quantity x unit_price)");
        }
        this.extraCategorical = list(p.get(EXTRA_CATEGORICAL));
        this.extraNumeric = list(p.get(EXTRA_NUMERIC));
        // delimiter, encoding, separators and header follow the rules every delimited input shares
        TextFormat format = TextFormat.read(p::get, this::error);
        this.delimiter = format.delimiter();
        this.encoding = format.encoding();
        this.decimal = format.decimal();
        this.thousands = format.thousands();
        this.whitespace = format.whitespace();
        this.timestampPattern = p.getOrDefault(TIMESTAMP, DEFAULT_TIMESTAMP);
        this.timestampFormat = timestampFormat(timestampPattern);
        this.timestampHasTime = hasTime(timestampFormat);
        this.header = format.header();
        this.dropMissingCustomer = bool(p, DROP_MISSING_CUSTOMER, true);
        this.dropNonPositiveQuantity = bool(p, DROP_NONPOSITIVE_QUANTITY, false);
        this.dropNonPositiveAmount = bool(p, DROP_NONPOSITIVE_AMOUNT, false);
        String prefix = p.get(DROP_ORDER_PREFIX);
        this.dropOrderPrefix = prefix == null || prefix.isEmpty() ? null : prefix;
        this.customerStripDecimalZero = bool(p, CUSTOMER_STRIP_DECIMAL_ZERO, false);
        // Rules that could never apply are mistakes in the mapping, not no-ops.
        if (dropOrderPrefix != null && !fields.containsKey(TransactionField.ORDER)) {
            throw error(DROP_ORDER_PREFIX + " needs field.order: without it each row is its own order");
        }
        if (dropNonPositiveQuantity && !fields.containsKey(TransactionField.QUANTITY)) {
            throw error(DROP_NONPOSITIVE_QUANTITY + " needs field.quantity: without it every quantity is 1");
        }
        checkExtraNames();
    }

    /**
     * Reads a mapping file: a Java properties file in UTF-8. A key given twice is an error (a later line
     * would silently win otherwise), and so is text that is not UTF-8.
     */
    public static Mapping load(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new SegmentaException("mapping " + file + " is a folder; expected a .properties file");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Properties properties = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                // Properties.load stores each line through put, so this sees every key as written. Trailing
                // spaces are invisible in an editor, so they are dropped, except from a value that is nothing
                // but white space: an escaped tab as the delimiter.
                String raw = (String) value;
                String stripped = raw.strip();
                if (values.put((String) key, stripped.isEmpty() ? raw : stripped) != null) {
                    throw new SegmentaException("mapping " + file + ": key " + key + " is given twice");
                }
                return super.put(key, value);
            }
        };
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(path); Reader reader = new InputStreamReader(in, utf8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new SegmentaException("no such mapping file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new SegmentaException("mapping " + file + ": cannot read it: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new SegmentaException("mapping " + file + ": not UTF-8 text; save the mapping file as UTF-8", e);
        } catch (IllegalArgumentException e) {
            // a malformed \\uXXXX escape
            throw new SegmentaException("mapping " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SegmentaException("mapping " + file + ": cannot read it: " + e.getMessage(), e);
        }
        if (values.isEmpty()) {
            throw new SegmentaException("mapping " + file + " has no keys; at least field.customer and field.amount"
                    + " (or field.unit_price) are needed");
        }
        return new Mapping(file, values);
    }

    /**
     * The mapping of these keys and values, as {@link #load} read them from {@code file} ({@link #values()}): for
     * the Spark back-end, whose executors build the driver's mapping without its file.
     */
    public static Mapping of(String file, Map<String, String> values) {
        return new Mapping(file, values);
    }

    /** The keys and values as read. */
    public Map<String, String> values() {
        return values;
    }

    /** The file the mapping was read from, as messages name it. */
    public String file() {
        return file;
    }

    /** Whether the first record is a header (else it is data, and columns are numbers from 1). */
    public boolean header() {
        return header;
    }

    /** The field delimiter (' ' with {@link #whitespace()}). */
    public char delimiter() {
        return delimiter;
    }

    /** Whether runs of spaces and tabs separate fields. */
    public boolean whitespace() {
        return whitespace;
    }

    /** The export's character set. */
    public Charset encoding() {
        return encoding;
    }

    /** Whether a field is mapped. */
    boolean has(TransactionField field) {
        return fields.containsKey(field);
    }

    /** A one-line account of the valid keys, for the unknown-key message. */
    static String validKeys() {
        StringBuilder sb = new StringBuilder("field.<name> with <name> one of ");
        TransactionField[] all = TransactionField.values();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(all[i].columnName());
        }
        sb.append("; and ").append(String.join(", ", OTHER_KEYS));
        return sb.toString();
    }

    /**
     * The column name an extra column gets: lower case, each character other than an ASCII letter or digit
     * replaced by '_' ("Jenis Kelamin" becomes "jenis_kelamin"), so that it is safe in CSV headers and
     * option values. Without a header, column 3 is "column_3".
     */
    String extraName(String source) {
        if (!header) {
            return "column_" + source;
        }
        StringBuilder sb = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = Character.toLowerCase(source.charAt(i));
            sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return sb.toString();
    }

    private void checkExtraNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (TransactionField f : TransactionField.values()) {
            names.put(f.columnName(), "canonical field " + f.columnName());
        }
        List<String> all = new ArrayList<>(extraCategorical);
        all.addAll(extraNumeric);
        for (String source : all) {
            String name = extraName(source);
            String clash = names.put(name, "extra column '" + source + "'");
            if (clash != null) {
                throw error("extra column '" + source + "' would be named " + name + ", which is already the "
                        + clash + "; extra columns need names of their own");
            }
        }
    }

    private static TransactionField field(String name) {
        for (TransactionField f : TransactionField.values()) {
            if (f.columnName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static List<String> list(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String s = item.strip();
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return List.copyOf(items);
    }

    private DateTimeFormatter timestampFormat(String pattern) {
        try {
            // STRICT rejects 2011-02-30 instead of moving it to 02-28; under STRICT, 'y' (year of era) needs
            // an era, so it is read as 'u' (proleptic year), which is what every export means by it.
            return DateTimeFormatter.ofPattern(yearOfEraToYear(pattern), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw error(TIMESTAMP + " '" + pattern + "' is not a date-time pattern: " + e.getMessage()
                    + "; expected e.g. " + DEFAULT_TIMESTAMP + " or dd/MM/yyyy");
        }
    }

    /** The pattern with every unquoted 'y' replaced by 'u'. */
    static String yearOfEraToYear(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(!quoted && c == 'y' ? 'u' : c);
        }
        return sb.toString();
    }

    /**
     * Whether the pattern has a time of day: a pattern that can print a bare date has none. A pattern with
     * an offset or zone has one too (the local date-time as written is kept: exports carry local time).
     * A pattern that does not give a full date ("HH:mm", "MM/yyyy") is rejected: a value printed with it
     * must read back as a date.
     */
    private boolean hasTime(DateTimeFormatter format) {
        boolean time;
        String sample;
        try {
            sample = format.format(LocalDate.of(2000, 1, 2));
            time = false;
        } catch (DateTimeException notDateOnly) {
            try {
                sample = format.format(ZonedDateTime.of(2000, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
                time = true;
            } catch (DateTimeException e) {
                throw error(TIMESTAMP + " '" + timestampPattern + "' is not supported (" + e.getMessage()
                        + "); expected a date, optionally with a time, e.g. " + DEFAULT_TIMESTAMP);
            }
        }
        try {
            LocalDate.from(format.parse(sample));
        } catch (DateTimeException e) {
            throw error(TIMESTAMP + " '" + timestampPattern + "' does not give a full date (year, month and day);"
                    + " expected e.g. " + DEFAULT_TIMESTAMP + " or dd/MM/yyyy");
        }
        return time;
    }

    private boolean bool(Map<String, String> p, String key, boolean defaultValue) {
        return TextFormat.bool(key, p.get(key), defaultValue, this::error);
    }

    private SegmentaException error(String message) {
        return new SegmentaException("mapping " + file + ": " + message);
    }
}
