package io.segmenta.console;

import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import java.util.ArrayList;
import java.util.List;

/**
 * The movement between this run and an earlier one (option {@value EngineOptions#COMPARE_WITH}) in the run summary:
 * the entities in both runs, how many stayed in their (matched) segment and how many moved (with this run's
 * revenue of those), the new ones and those no longer there, and the largest moves from an earlier segment to
 * a segment now. The full matrix is in movement.csv, report.html and summary.json.
 */
final class MovementSummary {
    /** The most moves listed. */
    static final int MOVES_SHOWN = 3;

    private MovementSummary() {
    }

    /** True when the run was asked to compare: there is a movement, or there was no earlier run to compare with. */
    static boolean shown(PipelineResult r) {
        return r.movement().isPresent() || r.spec().options().get(EngineOptions.COMPARE_WITH).isPresent();
    }

    static void render(PipelineResult r, StringBuilder out) {
        String entities = r.features().entity().label() + "s";
        out.append("Movement since the earlier run");
        if (r.movement().isEmpty()) {
            out.append("\n  none: the output folder held no earlier run; the next run will show how ").append(entities)
                    .append(" moved since this one\n");
            return;
        }
        SegmentMovement m = r.movement().get();
        out.append(" (").append(m.previousFolder())
                .append(m.previousFinished().isEmpty() ? "" : ", finished " + m.previousFinished()).append(")\n");
        long common = m.common();
        long stayed = m.stayed();
        long[][] count = m.entities();
        double[][] revenue = m.revenue();
        double movedRevenue = 0;
        List<int[]> moves = new ArrayList<>();
        for (int f = 0; f < count.length; f++) {
            for (int t = 0; t < count[f].length; t++) {
                if (!m.stays(f, t) && count[f][t] > 0) {
                    movedRevenue += revenue[f][t];
                    moves.add(new int[] {f, t});
                }
            }
        }
        TextTable table = new TextTable(false, true, true, false);
        table.add(entities + " in both runs", Numbers.grouped(common), "", "");
        table.add("stayed in their segment", Numbers.grouped(stayed), share(stayed, common), "");
        table.add("moved to another segment", Numbers.grouped(common - stayed), share(common - stayed, common),
                common == stayed ? "" : "revenue " + Numbers.fixed(movedRevenue, 2));
        table.add("new " + entities, Numbers.grouped(sum(m.newEntities())), "", "");
        table.add(entities + " no longer there", Numbers.grouped(sum(m.lostEntities())), "", "");
        table.render(out, "  ");
        if (!moves.isEmpty()) {
            // most entities first; equal counts in the order of the earlier segments, then of the segments now
            moves.sort((a, b) -> Long.compare(count[b[0]][b[1]], count[a[0]][a[1]]));
            out.append("  largest moves\n");
            TextTable largest = new TextTable(true, false, true).add(entities, "earlier segment -> segment now",
                    "revenue");
            for (int[] move : moves.subList(0, Math.min(MOVES_SHOWN, moves.size()))) {
                int f = move[0];
                int t = move[1];
                largest.add(Numbers.grouped(count[f][t]), f + " " + m.fromSegments().get(f) + " -> " + t + " "
                        + m.toSegments().get(t), Numbers.fixed(revenue[f][t], 2));
            }
            largest.render(out, "    ");
        }
        for (String note : m.notes()) {
            out.append("  note: ").append(note).append('\n');
        }
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "" : Numbers.percent((double) part / whole);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
