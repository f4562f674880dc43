package io.segmenta.feature.clv;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.FittedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The clv extractor's work after the per-customer summary, for a back-end that summarises the purchase days
 * itself (the Spark back-end, on the executors): the same options, the same periods, the same fit, scores and
 * report as {@link ClvFeatures} on a transactions table. Public in a package the bundle does not export: only the
 * Spark back-end, which has this bundle on its class path, calls it.
 */
public final class ClvOnSummaries {
    private ClvOnSummaries() {
    }

    /**
     * Checks the options (before any job runs) and gives the calibration and holdout periods.
     *
     * @param fitted at predict, the saved fit, whose time unit and periods' options count
     * @param lastDay the epoch day of the last row with a customer, a timestamp and a finite amount
     */
    public static PurchaseHistories.Period period(Options options, Optional<ModelState> fitted, long lastDay) {
        ClvOptions o = options(options, fitted);
        return PurchaseHistories.Period.of(lastDay, o.calibrationEnd(), o.holdoutEnd());
    }

    /** Checks the options before any job runs. */
    public static void check(Options options) {
        ClvOptions.of(options);
    }

    /**
     * The features and the fit of {@link ClvFeatures#extractFitted}, or at predict (a saved fit) the features of
     * {@link ClvFeatures#extractWith}, from the summarised purchase days.
     *
     * @param info where the lines for the user go (the fit's parameters, caveats, the holdout check)
     */
    public static FittedFeatures extract(Options options, Optional<ModelState> fitted, PurchaseHistories.Days days,
            Consumer<String> info) {
        long read = System.nanoTime();
        ClvOptions o = options(options, fitted);
        int rows = days.usableRows() + days.leftOutRows();
        if (rows == 0) {
            throw new SegmentaException("no transactions to compute CLV from: every row was rejected by the source");
        }
        PurchaseHistories h = new PurchaseHistories(days, o.unit());
        if (h.size() == 0) {
            throw new SegmentaException("no customer to compute CLV for: none of the " + rows + " rows has a customer,"
                    + " a timestamp and a finite amount on or before the calibration end " + h.calibrationEnd);
        }
        if (h.leftOutRows > 0) {
            info.accept(ClvFeatures.NAME + ": left out " + h.leftOutRows + " of " + rows
                    + " rows without a customer, a timestamp or a finite amount");
        }
        if (h.laterCustomers > 0) {
            info.accept(ClvFeatures.NAME + ": " + h.laterCustomers + " customers first bought after the calibration"
                    + " end " + h.calibrationEnd + "; they are not scored");
        }
        if (fitted.isPresent()) {
            return FittedFeatures.of(ClvFeatures.scored(h, o, fitted.get(), info));
        }
        return ClvFeatures.fitted(h, o, info, System.getLogger(ClvOnSummaries.class.getName()), read);
    }

    private static ClvOptions options(Options options, Optional<ModelState> fitted) {
        ClvOptions given = ClvOptions.of(options);
        return fitted.map(f -> ClvState.options(f, given)).orElse(given);
    }
}
