package io.segmenta.report.xlsx;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.output.OutputFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Writes {@code segments.xlsx}: one Excel workbook for analysts who work in spreadsheets, with typed cells
 * (numbers are number cells, dates date cells), a bold frozen header row, column widths from the content and an
 * autofilter on every table. Sheets: Overview (data quality, business figures, quality figures, run details),
 * Segments (profiles), Categories (with categorical features), Choosing k (when k was chosen from a range),
 * Lifetime value (with a lifetime-value fit: CLV per segment, the fitted parameters, the holdout check) and
 * Assignments (one row per customer or seller).
 * <p>
 * Excel holds at most {@value #EXCEL_ROWS} rows on a sheet, the header included; the assignments continue on
 * "Assignments 2", "Assignments 3", ... each with the header, rather than being cut off or refused.
 * <p>
 * The workbook is written to a hidden temporary file beside the target and renamed into place only when it is
 * complete, so a failure or a cancelled run never leaves a half-written workbook under the final name.
 */
@Component(service = Reporter.class)
@StageName(XlsxReporter.NAME)
@ServiceProvider(value = Reporter.class, resolution = Resolution.OPTIONAL)
public class XlsxReporter implements Reporter {
    static final String NAME = "xlsx";
    static final String FILE = "segments.xlsx";
    /** Rows per worksheet in Excel (1,048,576), the header row included. */
    static final int EXCEL_ROWS = 1_048_576;

    private final int rowsPerSheet;

    public XlsxReporter() {
        this(EXCEL_ROWS - 1);
    }

    /** @param rowsPerSheet the most assignment rows on one sheet below its header (a small number in tests) */
    XlsxReporter(int rowsPerSheet) {
        if (rowsPerSheet < 1 || rowsPerSheet > EXCEL_ROWS - 1) {
            throw new IllegalArgumentException("rows per sheet: " + rowsPerSheet);
        }
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Excel workbook (segments.xlsx): overview and data quality, segment profiles, choosing k and one row "
                + "per customer, on separate sheets with typed cells";
    }

    /** None of the transactions: it writes the figures the engine computed (business figures, trends). */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
        Path file = outputDir.resolve(FILE);
        if (Files.isDirectory(file)) {
            throw new SegmentaException("cannot write the Excel workbook " + file + ": a folder of that name is in "
                    + "the way");
        }
        Path temp = null;
        try {
            try {
                Files.createDirectories(outputDir);
            } catch (FileAlreadyExistsException e) {
                throw new SegmentaException("cannot write the Excel workbook to " + outputDir + ": it is a file, not a"
                        + " folder", e);
            }
            temp = OutputFiles.createTemp(outputDir, FILE);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                new WorkbookWriter(result, rowsPerSheet, context).write(out);
            }
            context.checkCancelled("Excel workbook not written to " + outputDir);
            OutputFiles.moveIntoPlace(temp, file);
            temp = null;
            context.logger().log(System.Logger.Level.INFO, "{0}: wrote {1}", NAME, file);
            return List.of(file);
        } catch (IOException e) {
            throw new SegmentaException("cannot write the Excel workbook " + file + ": " + OutputFiles.describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see; a leftover .tmp is harmless
                }
            }
        }
    }
}
