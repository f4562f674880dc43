package io.segmenta.source.customers;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.input.TextFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code customer-table} source, read and checked before the file is opened. Column names are
 * given as written in the header (or as numbers from 1 with {@code format.header=false}); whether each exists is
 * checked against the header by {@link TableColumns}.
 */
record TableOptions(TextFormat format, String idColumn, EntityKind entity, Set<String> exclude, Set<String> keep,
        Map<String, ColumnKind> kinds, MissingRule missing, double maxMalformed) {

    static final String ID = "id-column";
    static final String ENTITY = "entity";
    static final String EXCLUDE = "columns.exclude";
    static final String KEEP = "columns.keep";
    static final String KIND = "columns.kind";
    static final String MISSING = "missing";

    /** Whether a column holds numbers or levels. */
    enum ColumnKind {
        NUMERIC, CATEGORICAL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What is done with a row that has a missing value in a column that is kept. */
    enum MissingRule {
        /** The row is rejected, counted under "missing value: COLUMN" (its first such column). */
        DROP,
        /** Numbers get the column's median, levels its most frequent level. */
        IMPUTE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static List<StageOption> describe() {
        List<StageOption> all = new ArrayList<>(List.of(
                new StageOption(ID, "the column that holds each row's id", "the first column"),
                new StageOption(ENTITY, "what a row is: customer or seller", "customer"),
                new StageOption(EXCLUDE, "comma-separated columns that are not features", "none"),
                new StageOption(KEEP, "comma-separated columns kept although almost every value is distinct"
                        + " (such a column is taken for a name and left out)", "none"),
                new StageOption(KIND, "per column numeric or categorical, overriding what the values say, e.g."
                        + " 'Kode Pos:categorical,Umur:numeric'", "detected from the values"),
                new StageOption(MISSING, "a row with a missing value: drop (counted by column) or impute (median"
                        + " of a numeric column, most frequent level of a categorical one)", "drop")));
        for (int i = 0; i < TextFormat.KEYS.size(); i++) {
            all.add(new StageOption(TextFormat.KEYS.get(i), TextFormat.VALUES.get(i), TextFormat.DEFAULTS.get(i)));
        }
        all.add(new StageOption(SourceEncoding.OPTION, "the same as " + TextFormat.ENCODING + " (the option every"
                + " source has); bytes not valid in it stop the read, naming file, line and column", "UTF-8"));
        all.add(MalformedRows.option());
        return all;
    }

    static TableOptions read(Options options) {
        TextFormat format = TextFormat.read(key -> key.equals(TextFormat.ENCODING) ? encoding(options)
                : options.get(key).orElse(null), TableOptions::error);
        String entityText = options.get(ENTITY).orElse("customer").toLowerCase(Locale.ROOT);
        EntityKind entity = switch (entityText) {
            case "customer" -> EntityKind.CUSTOMER;
            case "seller" -> EntityKind.SELLER;
            default -> throw error(ENTITY + " '" + entityText + "' is not customer or seller");
        };
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (String item : list(options.get(KIND).orElse(""))) {
            int colon = item.lastIndexOf(':');
            String kind = colon < 0 ? "" : item.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (colon <= 0 || !(kind.equals("numeric") || kind.equals("categorical"))) {
                throw error(KIND + " '" + item + "' is not COLUMN:numeric or COLUMN:categorical");
            }
            kinds.put(item.substring(0, colon).strip(), ColumnKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        }
        String missingText = options.get(MISSING).orElse("drop").toLowerCase(Locale.ROOT);
        MissingRule missing = switch (missingText) {
            case "drop" -> MissingRule.DROP;
            case "impute" -> MissingRule.IMPUTE;
            default -> throw error(MISSING + " '" + missingText + "' is not drop or impute");
        };
        Set<String> exclude = new LinkedHashSet<>(list(options.get(EXCLUDE).orElse("")));
        Set<String> keep = new LinkedHashSet<>(list(options.get(KEEP).orElse("")));
        for (String name : keep) {
            if (exclude.contains(name)) {
                throw error("column '" + name + "' is in both " + EXCLUDE + " and " + KEEP);
            }
        }
        return new TableOptions(format, options.get(ID).orElse(null), entity, exclude, keep, kinds, missing,
                MalformedRows.max(options));
    }

    /** format.encoding, or the option every source has (encoding): one of them, or both the same. */
    private static String encoding(Options options) {
        String format = options.get(TextFormat.ENCODING).orElse(null);
        String plain = options.get(SourceEncoding.OPTION).orElse(null);
        if (format != null && plain != null && !format.strip().equalsIgnoreCase(plain.strip())) {
            throw error(TextFormat.ENCODING + " '" + format + "' and option " + SourceEncoding.OPTION + " '" + plain
                    + "' disagree; give one of them");
        }
        return format != null ? format : plain;
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static SegmentaException error(String message) {
        return new SegmentaException("the " + CustomerTableSource.NAME + " source: option " + message);
    }
}
