package io.segmenta.engine.internal;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.engine.internal.model.SavedModel;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether new data is too unlike the training data for the model's segments to mean the same (docs/model-file.md,
 * "Drift warnings"): RFM-like features count over the data's period, so a model trained on a year and applied to
 * five weeks sees every customer as new and rare. Three checks, each a warning that names the figure, the threshold
 * and what to do; an aspect the model file does not record (older files, entity tables) is said once as not
 * checked.
 */
final class PredictionDrift {
    /** The new data's period should be at least this share of the training period. */
    static final double PERIOD_SHARE = 0.5;
    /**
     * How many more entities (as a share) than in training may fall outside the training's 1st to 99th percentile
     * of one feature: the training data has about 2 % there.
     */
    static final double OUTSIDE_EXCESS = 0.10;
    /** The largest total variation distance between the training and predicted segment shares. */
    static final double MIX_DISTANCE = 0.25;

    private PredictionDrift() {
    }

    /**
     * @param saved the model as read
     * @param quality the new data's account (its first and last timestamps)
     * @param raw the new data's raw features
     * @param sizes how many new entities went to each segment
     * @param names the segment names
     */
    static List<String> warnings(SavedModel saved, DataQuality quality, FeatureMatrix raw, int[] sizes,
            List<String> names) {
        List<String> out = new ArrayList<>();
        period(saved, quality, out);
        ranges(saved, raw, out);
        mix(saved, sizes, names, raw.entity().label() + "s", out);
        return out;
    }

    private static void period(SavedModel saved, DataQuality quality, List<String> out) {
        double trained = days(saved.training().firstTransaction(), saved.training().lastTransaction());
        if (Double.isNaN(trained)) {
            out.add("not checked: the period, as the model file records no training period (a customer table, or "
                    + "a file without firstTransaction and lastTransaction)");
            return;
        }
        if (quality.firstTimestamp() == TimestampColumn.MISSING || quality.lastTimestamp() == TimestampColumn.MISSING) {
            out.add("not checked: the period, as the new data has no transaction dates");
            return;
        }
        double given = (quality.lastTimestamp() - quality.firstTimestamp()) / 86_400.0;
        if (given < PERIOD_SHARE * trained) {
            long needed = (long) Math.ceil(PERIOD_SHARE * trained);
            out.add("the new data covers " + days(given) + " (" + date(quality.firstTimestamp()) + " to "
                    + date(quality.lastTimestamp()) + "), under " + percent(PERIOD_SHARE) + " of the " + days(trained)
                    + " the model was trained on: features counted over the period (recency, frequency, spend) "
                    + "mean something else over a shorter one; retrain on a comparable period or predict on at least "
                    + needed + " days");
        }
    }

    private static void ranges(SavedModel saved, FeatureMatrix raw, List<String> out) {
        List<SavedModel.FeatureRange> ranges = saved.training().featureRanges();
        if (ranges == null) {
            out.add("not checked: the feature ranges, as the model file does not record them (saved before Segmenta "
                    + "0.2); save the model again to have them compared");
            return;
        }
        int n = raw.rowCount();
        for (SavedModel.FeatureRange r : ranges) {
            NumericColumn column = raw.numericColumn(r.feature()).orElse(null);
            if (column == null || n == 0) {
                continue;
            }
            double share = r.shareOutside(column.values());
            if (share > r.outside() + OUTSIDE_EXCESS) {
                out.add(r.feature() + ": " + percent(share) + " of the " + String.format(Locale.ROOT, "%,d", n) + " "
                        + raw.entity().label() + "s are outside the training range (1st to 99th percentile "
                        + number(r.p1()) + " to " + number(r.p99()) + "), against " + percent(r.outside())
                        + " in training (threshold: " + percent(OUTSIDE_EXCESS).replace(" %", "") + " points more): "
                        + "the model places them by extrapolation; retrain "
                        + "on data that includes such " + raw.entity().label() + "s, or predict on data like the "
                        + "training data");
            }
        }
    }

    private static void mix(SavedModel saved, int[] sizes, List<String> names, String entities, List<String> out) {
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        if (total == 0) {
            return;
        }
        double distance = 0;
        int grown = -1;
        double growth = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sizes.length; s++) {
            double trainedShare = s < saved.segments().size() ? saved.segments().get(s).share() : 0;
            if (Double.isNaN(trainedShare)) {
                return; // a hand-edited file without shares: nothing to compare with
            }
            double share = (double) sizes[s] / total;
            distance += Math.abs(share - trainedShare) / 2;
            if (share - trainedShare > growth) {
                growth = share - trainedShare;
                grown = s;
            }
        }
        if (distance > MIX_DISTANCE) {
            double trainedShare = grown < saved.segments().size() ? saved.segments().get(grown).share() : 0;
            out.add("the segment mix differs from training by " + String.format(Locale.ROOT, "%.2f", distance)
                    + " (total variation distance; threshold " + MIX_DISTANCE + "): '" + names.get(grown) + "' holds "
                    + percent((double) sizes[grown] / total) + " of the " + entities + " against "
                    + percent(trainedShare) + " in training; check that the new data covers a comparable period and "
                    + "customers, or retrain on it");
        }
    }

    /** Days between two ISO local date-times, or NaN when one is missing or unreadable (a hand-edited file). */
    private static double days(String first, String last) {
        if (first == null || last == null) {
            return Double.NaN;
        }
        try {
            return Duration.between(LocalDateTime.parse(first), LocalDateTime.parse(last)).toSeconds() / 86_400.0;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    private static String days(double days) {
        return String.format(Locale.ROOT, "%,.0f days", days);
    }

    private static String date(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }
}
