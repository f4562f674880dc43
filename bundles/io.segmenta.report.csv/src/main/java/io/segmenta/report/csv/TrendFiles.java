package io.segmenta.report.csv;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;
import io.segmenta.table.output.DecimalText;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The csv reporter's files of trends and movement, in long format for pivot tables and pandas:
 * {@code trends.csv} (segment, name, month, revenue, orders, active entities; only the header when the run had no
 * transactions to count) and {@code movement.csv} (one row per earlier x current segment, then one per segment for
 * the new and one per earlier segment for the lost entities; written only when the run was compared).
 */
final class TrendFiles {
    static final String TRENDS = "trends.csv";
    static final String MOVEMENT = "movement.csv";

    private TrendFiles() {
    }

    static void writeTrends(PipelineResult result, CSVPrinter printer) throws IOException {
        printer.printRecord("segment", "name", "month", "revenue", "orders",
                "active_" + result.features().entity().label() + "s");
        SegmentTrends trends = result.trends();
        List<String> months = trends.monthNames();
        for (SegmentTrend s : trends.segments()) {
            String name = result.segments().get(s.segment()).name();
            double[] revenue = s.revenue();
            long[] orders = s.orders();
            long[] active = s.activeEntities();
            for (int m = 0; m < months.size(); m++) {
                printer.printRecord(Integer.toString(s.segment()), name, months.get(m),
                        DecimalText.format(revenue[m], CsvReporter.DECIMALS), Long.toString(orders[m]),
                        Long.toString(active[m]));
            }
        }
    }

    /**
      * movement.csv: {@code from_segment,from_name,to_segment,to_name,entities,revenue,stayed}; a new entity has an
     * empty from, a lost one an empty to (its revenue in this run is 0).
     */
    static void writeMovement(SegmentMovement m, CSVPrinter printer) throws IOException {
        printer.printRecord("from_segment", "from_name", "to_segment", "to_name", "entities", "revenue", "stayed");
        long[][] entities = m.entities();
        double[][] revenue = m.revenue();
        for (int f = 0; f < entities.length; f++) {
            for (int t = 0; t < entities[f].length; t++) {
                printer.printRecord(Integer.toString(f), m.fromSegments().get(f), Integer.toString(t),
                        m.toSegments().get(t), Long.toString(entities[f][t]),
                        DecimalText.format(revenue[f][t], CsvReporter.DECIMALS), Boolean.toString(m.stays(f, t)));
            }
        }
        long[] fresh = m.newEntities();
        double[] freshRevenue = m.newRevenue();
        for (int t = 0; t < fresh.length; t++) {
            printer.printRecord("", "(new)", Integer.toString(t), m.toSegments().get(t), Long.toString(fresh[t]),
                    DecimalText.format(freshRevenue[t], CsvReporter.DECIMALS), "false");
        }
        long[] lost = m.lostEntities();
        for (int f = 0; f < lost.length; f++) {
            printer.printRecord(Integer.toString(f), m.fromSegments().get(f), "", "(lost)", Long.toString(lost[f]),
                    DecimalText.format(0, CsvReporter.DECIMALS), "false");
        }
    }
}
