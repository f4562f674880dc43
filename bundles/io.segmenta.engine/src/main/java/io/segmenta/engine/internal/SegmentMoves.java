package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.table.input.RunAssignments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The movement between an earlier run's segments and this run's: entities and this run's revenue per
 * (earlier, current) segment, the new and the lost entities, and which earlier segment is matched to which
 * current one (by name first, then by number, each match by number noted).
 */
final class SegmentMoves {
    private SegmentMoves() {
    }

    static SegmentMovement of(RunAssignments earlier, PipelineResult result, String folder, String runId,
            String finished) {
        FeatureMatrix features = result.features();
        String entity = features.entity().label();
        if (!earlier.entity().equals(entity)) {
            throw new SegmentaException("option " + EngineOptions.COMPARE_WITH + ": the earlier run in " + folder
                    + " segmented " + earlier.entity() + "s; this run segments " + entity + "s");
        }
        List<String> ids = features.ids();
        Map<String, Integer> rowOf = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            rowOf.put(ids.get(i), i);
        }
        int[] labels = result.model().labels();
        double[] revenue = revenueByRow(result, rowOf);
        List<String> toNames = new ArrayList<>();
        for (SegmentProfile p : result.segments()) {
            toNames.add(p.name());
        }
        int from = earlier.names().size();
        int to = toNames.size();
        long[][] moved = new long[from][to];
        double[][] movedRevenue = new double[from][to];
        long[] lost = new long[from];
        boolean[] seen = new boolean[ids.size()];
        int[] earlierSegments = earlier.segments();
        List<String> earlierIds = earlier.ids();
        for (int i = 0; i < earlierIds.size(); i++) {
            Integer row = rowOf.get(earlierIds.get(i));
            int f = earlierSegments[i];
            if (row == null) {
                lost[f]++;
            } else {
                moved[f][labels[row]]++;
                movedRevenue[f][labels[row]] += revenue[row];
                seen[row] = true;
            }
        }
        long[] fresh = new long[to];
        double[] freshRevenue = new double[to];
        for (int row = 0; row < seen.length; row++) {
            if (!seen[row]) {
                fresh[labels[row]]++;
                freshRevenue[labels[row]] += revenue[row];
            }
        }
        List<String> notes = new ArrayList<>();
        int[] matched = match(earlier.names(), toNames, entity, notes);
        return new SegmentMovement(folder, runId, finished, earlier.names(), toNames, moved, movedRevenue, fresh,
                freshRevenue, lost, matched, notes);
    }

    /**
     * Each earlier segment's match among the current ones: the unmatched current segment of the same name, else
     * the current segment of the same number if no name matched it; -1 when neither. Every match by number and
     * every earlier segment left unmatched adds a note.
     */
    static int[] match(List<String> fromNames, List<String> toNames, String entity, List<String> notes) {
        int[] matched = new int[fromNames.size()];
        Arrays.fill(matched, -1);
        boolean[] taken = new boolean[toNames.size()];
        for (int f = 0; f < matched.length; f++) {
            for (int t = 0; t < toNames.size(); t++) {
                if (!taken[t] && !fromNames.get(f).isEmpty() && toNames.get(t).equals(fromNames.get(f))) {
                    matched[f] = t;
                    taken[t] = true;
                    break;
                }
            }
        }
        for (int f = 0; f < matched.length; f++) {
            if (matched[f] >= 0) {
                continue;
            }
            String earlierName = "earlier segment " + f + " '" + fromNames.get(f) + "'";
            if (f < toNames.size() && !taken[f]) {
                matched[f] = f;
                taken[f] = true;
                notes.add(earlierName + " has no segment of the same name in this run; it is matched by number to"
                        + " segment " + f + " '" + toNames.get(f) + "'");
            } else {
                notes.add(earlierName + " has no segment of the same name in this run"
                        + (f < toNames.size() ? ", and segment " + f + " is matched by name to another"
                                : ", nor a segment " + f) + ": all its " + entity + "s count as moved");
            }
        }
        return matched;
    }

    /**
     * This run's revenue of each entity (feature row): the amount of its kept transactions, or, for features
     * handed over without transactions, the features' money column; zeros when there is neither.
     */
    private static double[] revenueByRow(PipelineResult result, Map<String, Integer> rowOf) {
        FeatureMatrix features = result.features();
        double[] revenue = new double[features.rowCount()];
        TransactionTable t = result.source().transactions();
        CategoricalColumn entity = features.entity() == EntityKind.SELLER
                ? t.categorical(TransactionField.SELLER).orElse(null) : t.customer();
        if (t.rowCount() == 0 || entity == null) {
            return features.value().map(NumericColumn::values).map(double[]::clone).orElse(revenue);
        }
        int[] rowOfCode = new int[entity.levelCount()];
        for (int c = 0; c < rowOfCode.length; c++) {
            rowOfCode[c] = rowOf.getOrDefault(entity.levels().get(c), -1);
        }
        int[] codes = entity.codes();
        double[] amount = t.amount().values();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != CategoricalColumn.MISSING && rowOfCode[codes[i]] >= 0) {
                revenue[rowOfCode[codes[i]]] += amount[i];
            }
        }
        return revenue;
    }
}
