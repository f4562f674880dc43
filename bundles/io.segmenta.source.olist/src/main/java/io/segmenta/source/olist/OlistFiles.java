package io.segmenta.source.olist;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.HeaderColumn;
import io.segmenta.table.source.ReadTicker;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of one Olist read: where each is (the input folder, or the dimensions folder for the optional
 * ones), opening them with the pace of the read (progress, cancellation, log lines), the files read, and what
 * the malformed rows of a lookup table mean. Not thread-safe: one per read.
 */
final class OlistFiles {
    /** What a price or freight value must hold, as messages show it. */
    static final String DECIMAL = "a number (digits with '.' as the decimal point, e.g. 29.99)";

    private final Path folder;
    private final Path dimensions;
    private final StageContext context;
    private final double maxMalformed;
    private final Charset encoding;
    private final List<String> inputs = new ArrayList<>();
    private ReadTicker ticker;

    OlistFiles(Path folder, Path dimensions, StageContext context, double maxMalformed) {
        this.folder = folder;
        this.dimensions = dimensions;
        this.context = context;
        this.maxMalformed = maxMalformed;
        this.encoding = SourceEncoding.read(context.options());
    }

    /**
     * The file {@code name} or {@code name.gz} in the folder, or null when neither is there.
     *
     * @throws SegmentaException when both are there: which one is meant is not clear
     */
    static Path find(Path folder, String name) {
        Path plain = folder.resolve(name);
        Path gz = folder.resolve(name + ".gz");
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new SegmentaException(folder + " has both " + name + " and " + name + ".gz; keep only one");
        }
        return hasPlain ? plain : hasGz ? gz : null;
    }

    /** A table the source cannot do without, in the input folder. */
    Path required(String name) {
        Path p = find(folder, name);
        if (p == null) {
            throw new SegmentaException("the " + OlistSource.NAME + " source needs " + name + " (or " + name
                    + ".gz) in " + folder + ", and it is not there");
        }
        return p;
    }

    /** An optional table, in the input folder or else the dimensions folder; null (said) when in neither. */
    Path optional(String name, String consequence) {
        Path p = find(folder, name);
        if (p == null && dimensions != null) {
            p = find(dimensions, name);
        }
        if (p == null) {
            context.info("no " + name + "(.gz) in " + folder + (dimensions == null ? "" : " or " + dimensions)
                    + ": " + consequence);
        }
        return p;
    }

    /** Starts the read of these tables: their sizes are the total of the progress. */
    void start(List<Path> all) {
        ticker = new ReadTicker(context, OlistSource.NAME, all);
    }

    ReadTicker ticker() {
        return ticker;
    }

    /** The files opened, in order. */
    List<String> inputs() {
        return inputs;
    }

    StageContext context() {
        return context;
    }

    CsvTable open(Path path) {
        inputs.add(path.toString());
        CsvTable table = CsvTable.open(path, encoding, "a CSV with a header", maxMalformed);
        ticker.reading(table);
        return table;
    }

    /** The columns of these names, all required; the message about missing ones names the export's header. */
    static int[] require(CsvTable t, String... names) {
        return t.columns("the Olist export's header with " + String.join(",", names), HeaderColumn.required(names));
    }

    /**
     * Ends the read of a table whose rows are not lines of the account: checks the share of malformed rows and
     * says what was skipped and what that means.
     */
    void finish(CsvTable t, String consequence) {
        t.finish();
        String skipped = t.malformedRows().summary();
        if (skipped != null) {
            context.info(skipped + "; " + consequence);
        }
    }

    /**
     * Adds the key of a row of a table keyed by it, and returns its index.
     *
     * @param firstLine the line of each key added so far, for the message, or null
     * @throws InputDataException when the key was added before
     */
    static int addKey(CsvTable t, int column, String id, IdIndex index, long[] firstLine) {
        if (index.indexOf(id) != IdIndex.ABSENT) {
            throw new InputDataException(t.file(), t.line(), t.columnName(column), id,
                    "a new id: it appears twice in a table keyed by it"
                            + (firstLine == null ? "" : " (first at line " + firstLine[index.indexOf(id)] + ")"));
        }
        return index.add(id);
    }

    /** The array, doubled when {@code index} is past its end (indexes grow one at a time). */
    static int[] fit(int[] values, int index) {
        return index < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    /** As {@link #fit(int[], int)}. */
    static long[] fit(long[] values, int index) {
        return index < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    /** As {@link #fit(int[], int)}. */
    static double[] fit(double[] values, int index) {
        return index < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }
}
