package io.segmenta.source.customers;

import io.segmenta.api.InputDataException;
import io.segmenta.table.source.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of the header are what: the id column, the candidate feature columns (every other column not
 * excluded), each found by the name the options give. A name the options give that the header lacks is an error
 * naming the file, the option and the column, before any row is read.
 *
 * @param id the id column's index
 * @param candidates the indexes of the candidate feature columns, in file order
 */
record TableColumns(int id, List<Integer> candidates) {

    static TableColumns of(CsvTable table, TableOptions options) {
        List<String> header = table.header();
        int id = options.idColumn() == null ? 0 : find(table, options.idColumn(), TableOptions.ID);
        Set<Integer> excluded = new LinkedHashSet<>();
        for (String name : options.exclude()) {
            excluded.add(find(table, name, TableOptions.EXCLUDE));
        }
        for (String name : options.keep()) {
            find(table, name, TableOptions.KEEP);
        }
        for (String name : options.kinds().keySet()) {
            find(table, name, TableOptions.KIND);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != id && !excluded.contains(c)) {
                candidates.add(c);
            }
        }
        distinctNames(table, id, candidates);
        return new TableColumns(id, List.copyOf(candidates));
    }

    /**
     * The id and feature columns name the table's columns, so two of them may not share a name (two empty names
     * included): which one a segment profile or a model file means could not be told.
     */
    private static void distinctNames(CsvTable table, int id, List<Integer> candidates) {
        Map<String, Integer> first = new HashMap<>();
        first.put(table.header().get(id), id);
        for (int c : candidates) {
            Integer other = first.putIfAbsent(table.header().get(c), c);
            if (other != null) {
                throw new InputDataException(table.file(), table.headerLine(), null, null, "columns " + (other + 1)
                        + " and " + (c + 1) + " are both named '" + table.header().get(c) + "'; give each column"
                        + " its own name");
            }
        }
    }

    /** The column with this name as written (or, failing that, ignoring case, spaces and underscores). */
    private static int find(CsvTable table, String name, String option) {
        int c = table.find(name);
        if (c < 0) {
            List<String> header = table.header();
            String hint = header.size() == 1 && (header.get(0).indexOf('\t') >= 0 || header.get(0).indexOf(';') >= 0)
                    ? " (a single column: set format.delimiter, e.g. format.delimiter=tab)" : "";
            throw new InputDataException(table.file(),  table.headerLine(), null, null, "no column '" + name
                    + "' (named by option " + option + "); the header has " + String.join(", ", header) + hint);
        }
        return c;
    }
}
