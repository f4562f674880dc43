package io.segmenta.source.mapped;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.ColumnType;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.input.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the columns a mapping names are in the file, resolved once from its first record (the header, or the
 * first row when {@value Mapping#HEADER}=false); the row loop only uses the indices. A column index of -1 means
 * "not mapped".
 * <p>
 * Categorical columns (canonical optional fields, then extras) and numeric ones (including quantity, amount and
 * unit_price when mapped, so that every value of a row is parsed before the rules apply) are parallel arrays by
 * slot; {@link #outputOrder} lists the output columns after the five required ones, in mapping order. Public, with
 * the accessors below, for the Spark back-end (the package is not exported).
 */
public final class MappedColumns {
    /** An output column: categorical ({@code 'c'}) or numeric ({@code 'n'}) and its slot. */
    record Output(char kind, int slot) {
    }

    private final Mapping mapping;
    private final String file;
    private final long line;
    final int width;

    int customer = -1;
    int order = -1;
    int time = -1;
    String orderName;
    String timeName;

    final int[] catCols;
    final String[] catNames;
    final int[] numCols;
    final String[] numHeaders;
    final String[] numNames;
    /** Quantity, amount and unit price must have a value; other numeric columns may be empty (NaN). */
    final boolean[] numRequired;
    int quantitySlot = -1;
    int amountSlot = -1;
    int priceSlot = -1;
    int productSlot = -1;
    int sellerSlot = -1;
    final List<Output> outputOrder = new ArrayList<>();

    private final List<Integer> cat = new ArrayList<>();
    private final List<String> catName = new ArrayList<>();
    private final List<Integer> num = new ArrayList<>();
    private final List<String> numHeader = new ArrayList<>();
    private final List<String> numName = new ArrayList<>();
    private final List<Boolean> numReq = new ArrayList<>();

    /**
     * @throws InputDataException when a named column is not in the file, or matches two columns
     * @throws SegmentaException when the mapping maps a field of a type this source cannot read
     */
    public MappedColumns(Mapping mapping, String file, List<String> first, long line) {
        this.mapping = mapping;
        this.file = file;
        this.line = line;
        this.width = first.size();
        String[] header = new String[width];
        for (int i = 0; i < width; i++) {
            header[i] = first.get(i).strip();
        }
        for (Map.Entry<TransactionField, String> e : mapping.fields.entrySet()) {
            field(e.getKey(), find(header, Mapping.FIELD_PREFIX + e.getKey().columnName(), e.getValue()));
        }
        for (String source : mapping.extraCategorical) {
            addCategorical(find(header, Mapping.EXTRA_CATEGORICAL, source).index(), mapping.extraName(source));
        }
        for (String source : mapping.extraNumeric) {
            outputOrder.add(new Output('n', num.size()));
            addNumeric(find(header, Mapping.EXTRA_NUMERIC, source), mapping.extraName(source), false);
        }
        catCols = cat.stream().mapToInt(Integer::intValue).toArray();
        catNames = catName.toArray(String[]::new);
        numCols = num.stream().mapToInt(Integer::intValue).toArray();
        numHeaders = numHeader.toArray(String[]::new);
        numNames = numName.toArray(String[]::new);
        numRequired = new boolean[numCols.length];
        for (int i = 0; i < numRequired.length; i++) {
            numRequired[i] = numReq.get(i);
        }
    }

    /** The number of fields of every row. */
    public int width() {
        return width;
    }

    /** The output names of the categorical columns, by slot. */
    public List<String> categoricalNames() {
        return List.of(catNames);
    }

    /** The index in the row of categorical slot {@code slot}. */
    public int categoricalColumn(int slot) {
        return catCols[slot];
    }

    /** The output names of the numeric columns, by slot (quantity and amount among them when mapped). */
    public List<String> numericNames() {
        return List.of(numNames);
    }

    /** Whether numeric slot {@code slot} is an output column of its own (not quantity or amount). */
    public boolean numericOutput(int slot) {
        return slot != quantitySlot && slot != amountSlot;
    }

    /** The categorical slot of the product, or -1. */
    public int productSlot() {
        return productSlot;
    }

    /** The categorical slot of the seller, or -1. */
    public int sellerSlot() {
        return sellerSlot;
    }

    /** Whether field.order is mapped (without it each row is its own order, keyed by its line). */
    public boolean mapsOrder() {
        return order >= 0;
    }

    /** Where one mapped column is: its index in the record and its header name (for messages). */
    private record Resolved(int index, String name) {
    }

    private void field(TransactionField f, Resolved r) {
        switch (f) {
            case CUSTOMER -> customer = r.index();
            case ORDER -> {
                order = r.index();
                orderName = r.name();
            }
            case TIMESTAMP -> {
                time = r.index();
                timeName = r.name();
            }
            default -> {
                if (f.type() == ColumnType.CATEGORICAL) {
                    if (f == TransactionField.PRODUCT) {
                        productSlot = cat.size();
                    } else if (f == TransactionField.SELLER) {
                        sellerSlot = cat.size();
                    }
                    addCategorical(r.index(), f.columnName());
                } else if (f.type() == ColumnType.NUMERIC) {
                    boolean core = f == TransactionField.QUANTITY || f == TransactionField.AMOUNT
                            || f == TransactionField.UNIT_PRICE;
                    if (f == TransactionField.QUANTITY) {
                        quantitySlot = num.size();
                    } else if (f == TransactionField.AMOUNT) {
                        amountSlot = num.size();
                    } else {
                        if (f == TransactionField.UNIT_PRICE) {
                            priceSlot = num.size();
                        }
                        outputOrder.add(new Output('n', num.size()));
                    }
                    addNumeric(r, f.columnName(), core);
                } else {
                    throw new SegmentaException("mapping " + mapping.file + ": field." + f.columnName() + " has type "
                            + f.type() + ", which the " + MappedCsvSource.NAME + " source cannot read yet");
                }
            }
        }
    }

    private void addCategorical(int index, String name) {
        outputOrder.add(new Output('c', cat.size()));
        cat.add(index);
        catName.add(name);
    }

    private void addNumeric(Resolved r, String name, boolean required) {
        num.add(r.index());
        numHeader.add(r.name());
        numName.add(name);
        numReq.add(required);
    }

    /**
     * The column a mapping value names. With a header: the column whose name is exactly the value, or failing
     * that the only one equal to it ignoring case, spaces and underscores. Without a header: a column number
     * counted from 1.
     */
    private Resolved find(String[] header, String key, String value) {
        if (!mapping.header) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > width) {
                throw new InputDataException(file, line, null, null, "key " + key + " in mapping " + mapping.file
                        + " names column '" + value + "'; with " + Mapping.HEADER + "=false columns are numbers"
                        + " from 1 to " + width + " (the fields on the first line)");
            }
            return new Resolved(n - 1, "column " + n);
        }
        int found = -1;
        for (int i = 0; i < width; i++) {
            if (header[i].equals(value)) {
                if (found >= 0) {
                    throw twice(header, key, value, found, i);
                }
                found = i;
            }
        }
        if (found < 0) {
            String wanted = Headers.key(value);
            for (int i = 0; i < width; i++) {
                if (Headers.key(header[i]).equals(wanted)) {
                    if (found >= 0) {
                        throw twice(header, key, value, found, i);
                    }
                    found = i;
                }
            }
        }
        if (found < 0) {
            StringBuilder m = new StringBuilder("column '").append(value).append("' named by key ").append(key)
                    .append(" in mapping ").append(mapping.file).append(" is not in the header; the header found is: ")
                    .append(String.join(String.valueOf(mapping.delimiter), header));
            if (width == 1) {
                m.append(" (a single column: is ").append(Mapping.DELIMITER).append(" right? the mapping says '")
                        .append(mapping.whitespace ? Mapping.WHITESPACE
                                : mapping.delimiter == '\t' ? "\\t" : String.valueOf(mapping.delimiter)).append("')");
            }
            throw new InputDataException(file, line, null, null, m.toString());
        }
        return new Resolved(found, header[found]);
    }

    private InputDataException twice(String[] header, String key, String value, int a, int b) {
        return new InputDataException(file, line, null, null, "key " + key + " in mapping " + mapping.file
                + " names column '" + value + "', which matches two columns of the header ('" + header[a]
                + "' and '" + header[b] + "')");
    }
}
