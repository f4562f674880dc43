package io.segmenta.api.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table with one row per entity (customer or seller) and its attributes, as a CRM or customer-master export
 * holds them: an id column, numeric columns and categorical columns, each under its name as written in the file
 * ("Umur", "Jenis Kelamin"). Columnar like every table here: row {@code i} of every column belongs to
 * {@code ids.get(i)}. Sources that read such a table put it in {@link SourceData#entities()}.
 *
 * @param entity what a row stands for
 * @param idColumn the name of the id column in the file, for messages and reports
 * @param ids the id of each row, distinct
 * @param numeric the numeric attribute columns, in file order
 * @param categorical the categorical attribute columns, in file order
 */
public record EntityTable(EntityKind entity, String idColumn, List<String> ids, List<NumericColumn> numeric,
        List<CategoricalColumn> categorical) {

    public EntityTable {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(idColumn, "idColumn");
        ids = List.copyOf(ids);
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        Set<String> names = new HashSet<>();
        names.add(idColumn);
        for (Column c : numeric) {
            check(c, ids.size(), names);
        }
        for (Column c : categorical) {
            check(c, ids.size(), names);
        }
    }

    private static void check(Column c, int rows, Set<String> names) {
        if (c.size() != rows) {
            throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
        }
        if (!names.add(c.name())) {
            throw new IllegalArgumentException("column " + c.name() + " is given twice");
        }
    }

    public int rowCount() {
        return ids.size();
    }

    /** The attribute column with this name, numeric or categorical. */
    public Optional<Column> column(String name) {
        for (Column c : numeric) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        for (Column c : categorical) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
