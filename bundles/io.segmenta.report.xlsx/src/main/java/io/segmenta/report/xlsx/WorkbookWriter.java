package io.segmenta.report.xlsx;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;

/**
 * Fills one workbook from a run, sheet by sheet (fastexcel writes each sheet to the stream when it is finished,
 * and the assignments in chunks while they are written, so memory does not grow with the number of customers
 * beyond the result itself). The sheets, in order:
 * <ol>
 * <li>{@value #OVERVIEW}: data quality, business figures, quality figures and run details, one item a row;</li>
 * <li>{@value #SEGMENTS}: one row per segment (size, shares, mean, median and index of each feature, the top
 * level of each categorical feature), and the population below the table;</li>
 * <li>{@value ActionsSheet#NAME}, when the segments have recommended actions: each segment's action and why;</li>
 * <li>{@value #CATEGORIES}, only with categorical features: each level's share per segment and overall;</li>
 * <li>{@value #CHOOSING_K}, only when the run chose k from a range: the figures of every k tried;</li>
 * <li>{@value #LIFETIME_VALUE}, only when the feature extractor fitted a lifetime-value model (clv): CLV figures
 * per segment, the fitted parameters, figures and holdout table;</li>
 * <li>{@value #ASSIGNMENTS}: one row per customer (or seller), continued on "Assignments 2", "Assignments 3",
 * ... beyond the rows a sheet may hold.</li>
 * </ol>
 */
final class WorkbookWriter {
    static final String OVERVIEW = "Overview";
    static final String SEGMENTS = "Segments";
    static final String CATEGORIES = "Categories";
    static final String CHOOSING_K = "Choosing k";
    static final String LIFETIME_VALUE = "Lifetime value";
    static final String ASSIGNMENTS = "Assignments";
    /** The version of this layout, in the workbook's properties (fastexcel wants the form NN.NNNN). */
    static final String LAYOUT_VERSION = "1.0";
    /** Levels of a transaction dimension (region, category) the overview lists, as the other reports do. */
    static final int TOP_LEVELS = 10;
    /** Assignment rows held in memory before they are written out; progress and cancellation are checked as often. */
    static final int CHUNK = 8192;

    private final PipelineResult r;
    private final int rowsPerSheet;
    private final StageContext context;

    /**
     * @param rowsPerSheet the most assignment rows on one sheet (below the header row)
     */
    WorkbookWriter(PipelineResult result, int rowsPerSheet, StageContext context) {
        this.r = result;
        this.rowsPerSheet = rowsPerSheet;
        this.context = context;
    }

    void write(OutputStream out) throws IOException {
        checkLabels();
        Workbook wb = new Workbook(out, "Segmenta", LAYOUT_VERSION);
        wb.properties().setTitle("Segments: " + r.spec().source() + ", " + r.spec().features() + ", "
                + r.spec().algorithm() + ", k = " + r.model().k());
        OverviewSheet.write(wb, r);
        SegmentsSheet.write(wb, r);
        ActionsSheet.write(wb, r);
        if (!r.features().categorical().isEmpty()) {
            CategoriesSheet.write(wb, r);
        }
        if (r.selection().isPresent()) {
            ChoosingKSheet.write(wb, r.selection().get());
        }
        if (r.featureFit().isPresent()) {
            LifetimeValueSheet.write(wb, r, r.featureFit().get());
        }
        AssignmentsSheet.write(wb, r, rowsPerSheet, context);
        wb.finish();
    }

    /** A model whose labels do not match the features is a bug upstream; found before anything is written. */
    private void checkLabels() {
        int[] labels = r.model().labels();
        if (labels.length != r.features().rowCount()) {
            throw new IllegalStateException("model has " + labels.length + " labels for " + r.features().rowCount()
                    + " rows");
        }
    }
}
