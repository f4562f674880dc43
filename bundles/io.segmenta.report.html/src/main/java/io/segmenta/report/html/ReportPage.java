package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.table.rfm.RfmGrid;
import java.util.Optional;

/** Assembles {@code report.html}: the sections in order, numbered as they appear, then the charts. */
final class ReportPage {
    private ReportPage() {
    }

    /** The whole page: head, header, the numbered sections, the chart library and the charts' data. */
    static String page(PipelineResult r, String echarts) {
        String entity = r.features().entity().label();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Segments: ")
                .append(esc(r.spec().source())).append(" · ").append(esc(r.spec().algorithm())).append("</title>\n")
                .append("<script>window.__segmentaErrors=[];window.addEventListener('error',function(e){"
                        + "window.__segmentaErrors.push(String(e.message));});</script>\n")
                .append("<style>").append(PageAssets.CSS).append("</style></head><body>\n");
        h.append("<header><h1>Customer segments</h1><p>").append(esc(r.spec().source())).append(" &rarr; ")
                .append(esc(r.spec().features())).append(" &rarr; ").append(esc(r.spec().algorithm()))
                .append(", k = ").append(r.model().k()).append(", ").append(grouped(r.features().rowCount()))
                .append(' ').append(entity).append("s</p>");
        ReportDates.write(h, r.context());
        h.append("</header>\n");
        int[] section = {0};
        OverviewSection.write(h, r, entity, ++section[0]);
        if (r.selection().isPresent()) {
            ChoosingKSection.write(h, r.selection().get(), ++section[0]);
        }
        SegmentsSection.write(h, r, entity, ++section[0]);
        if (ActionsSection.applies(r)) {
            ActionsSection.write(h, r, ++section[0]);
        }
        QualitySection.write(h, r, entity, ++section[0]);
        Optional<RfmGrid> rfm = RfmSection.grid(r);
        if (rfm.isPresent()) {
            RfmSection.write(h, r, rfm.get(), entity, ++section[0]);
        }
        if (r.featureFit().isPresent()) {
            ClvSection.write(h, r, r.featureFit().get(), ++section[0]);
        }
        if (!r.trends().isEmpty()) {
            TrendsSection.write(h, r, entity, ++section[0]);
        }
        if (MovementSection.shown(r)) {
            MovementSection.write(h, r, entity, ++section[0]);
        }
        DetailsSection.write(h, r, ++section[0]);
        h.append("<script>").append(echarts.replace("</script", "<\\/script")).append("</script>\n");
        h.append("<script>const DATA=").append(ChartData.of(r, rfm).toString().replace("</", "<\\/")).append(";\n")
                .append(PageAssets.SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }
}
