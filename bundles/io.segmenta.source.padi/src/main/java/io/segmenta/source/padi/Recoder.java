package io.segmenta.source.padi;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.table.column.DictionaryColumnBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the codes of a staging dictionary (an order's buyer, a user's city...) to the codes of an output column,
 * in order of first use, so that the output column holds only the levels of kept rows and each level is encoded
 * once, not once per row.
 */
final class Recoder {
    private static final int UNSET = -2;
    private final DictionaryColumnBuilder out;
    private final List<String> levels;
    private final int[] map;

    /**
     * @param levels the staging dictionary's levels
     * @param out the output column
     */
    Recoder(List<String> levels, DictionaryColumnBuilder out) {
        this.levels = levels;
        this.out = out;
        this.map = new int[levels.size()];
        Arrays.fill(map, UNSET);
    }

    /** The output code of a staged code ({@link CategoricalColumn#MISSING} stays missing), without a row. */
    int code(int staged) {
        if (staged == CategoricalColumn.MISSING) {
            return CategoricalColumn.MISSING;
        }
        int code = map[staged];
        if (code == UNSET) {
            code = out.encode(levels.get(staged));
            map[staged] = code;
        }
        return code;
    }

    /** The number of distinct values in the output column. */
    int levelCount() {
        return out.levelCount();
    }

    /** Appends a row with the value of a staged code. */
    void add(int staged) {
        out.addCode(code(staged));
    }
}
