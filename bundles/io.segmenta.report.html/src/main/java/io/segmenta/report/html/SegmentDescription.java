package io.segmenta.report.html;

import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.table.output.DecimalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The words that say what sets a segment apart from all entities. */
final class SegmentDescription {
    private SegmentDescription() {
    }

    /**
     * What sets a segment apart: the two features whose segment mean differs most from everyone's (by the
     * ratio of the means), e.g. "Compared with all customers: monetary 4.1 times the average, recency a third".
     */
    static String describe(SegmentProfile s, String entity) {
        return describe(s, entity, java.util.function.Function.identity());
    }

    /** As {@link #describe(SegmentProfile, String)}, each feature under the name {@code label} gives it. */
    static String describe(SegmentProfile s, String entity, java.util.function.Function<String, String> label) {
        double[] index = s.index();
        Integer[] order = new Integer[index.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance(index[b]), distance(index[a])));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(2, order.length); i++) {
            double x = index[order[i]];
            if (Double.isNaN(x) || distance(x) < Math.log(1.15)) {
                continue; // within 15 % of everyone: nothing to say
            }
            parts.add(label.apply(s.features().get(order[i])) + " " + ratio(x / 100));
        }
        if (s.size() == 0) {
            return "No " + entity + " is in this segment.";
        }
        return parts.isEmpty() ? "Close to the average " + entity + " on every feature."
                : "Compared with all " + entity + "s: " + String.join("; ", parts) + ".";
    }

    private static double distance(double index) {
        return Double.isNaN(index) || index <= 0 ? -1 : Math.abs(Math.log(index / 100));
    }

    private static String ratio(double r) {
        if (r >= 1) {
            return DecimalText.format(r, 1) + " times the average";
        }
        return DecimalText.format(r * 100, 0) + "% of the average";
    }
}
