package io.segmenta.report.html;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import com.google.gson.JsonObject;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Writes {@code report.html}: one self-contained file for marketing, which opens offline in any browser and
 * prints (Apache ECharts is inlined; no network, no other file). Sections: overview (data quality, business
 * figures, top regions and categories), choosing k (when the run chose k from a range: cost with the elbow,
 * silhouette, Davies-Bouldin and Calinski-Harabasz per k, the reason), segments (sizes and shares, a profile table coloured by index, a
 * snake plot of standardized means, each segment's name and what sets it apart, categorical distributions),
 * quality (the figures and a 2-D principal-component map of the customers, sampled beyond
 * {@value #MAP_POINTS} points, as the page says) and run details. Charts get aggregates, never one row per
 * transaction, so the file stays near the size of the inlined library (about 1 MB) however large the input.
 */
@Component(service = Reporter.class)
@StageName(HtmlReporter.NAME)
@ServiceProvider(value = Reporter.class, resolution = Resolution.OPTIONAL)
public class HtmlReporter implements Reporter {
    static final String NAME = "html";
    static final String FILE = "report.html";
    static final int MAP_POINTS = 3000;
    static final int TOP_LEVELS = 10;
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "HTML report (report.html): one self-contained page with charts for marketing: overview, segments "
                + "and their profiles, a customer map, run details";
    }

    /** None of the transactions: it writes the figures the engine computed (business figures, trends). */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
        String page = page(result, echarts());
        Path file = outputDir.resolve(FILE);
        OutputFiles.write(file, "HTML report", out -> out.write(page));
        context.logger().log(System.Logger.Level.INFO, "{0}: wrote {1}", NAME, file);
        return List.of(file);
    }

    private static String echarts() {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + ECHARTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SegmentaException("html: cannot read the bundled chart library: " + e.getMessage(), e);
        }
    }

    /** The page of a run, with the given chart library inlined. */
    static String page(PipelineResult r, String echarts) {
        return ReportPage.page(r, echarts);
    }

    /** The charts' data of a run. */
    static JsonObject data(PipelineResult r) {
        return ChartData.of(r, RfmSection.grid(r));
    }

    static String describe(SegmentProfile s, String entity) {
        return SegmentDescription.describe(s, entity);
    }

    static String colour(double index) {
        return Html.colour(index);
    }

    static int[] sample(int n, int size, long seed) {
        return CustomerMap.sample(n, size, seed);
    }
}
