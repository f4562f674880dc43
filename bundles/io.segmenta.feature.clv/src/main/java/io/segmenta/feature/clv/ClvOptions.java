package io.segmenta.feature.clv;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The clv extractor's options, read and checked before any work (docs/clv.md). */
record ClvOptions(TimeUnit unit, double horizon, double discountRate, Optional<LocalDate> calibrationEnd,
        Optional<LocalDate> holdoutEnd, double penaliser) {
    static final String TIME_UNIT = "time-unit";
    static final String HORIZON = "horizon";
    static final String DISCOUNT_RATE = "discount-rate";
    static final String CALIBRATION_END = "calibration-end";
    static final String HOLDOUT_END = "holdout-end";
    static final String PENALISER = "penaliser";

    static List<StageOption> list() {
        return List.of(
                new StageOption(TIME_UNIT, "clv: unit of recency, age and horizon: day, week or month", "week"),
                new StageOption(HORIZON, "clv: how many time units ahead expected purchases and CLV look",
                        "one year (52.18 weeks, 12 months, 365.25 days)"),
                new StageOption(DISCOUNT_RATE, "clv: yearly discount rate of future purchases (0.1 = 10%)", "0.1"),
                new StageOption(CALIBRATION_END, "clv: last day (yyyy-MM-dd) of the period the models are fitted"
                        + " on; later purchases are the holdout", "the day of the last transaction"),
                new StageOption(HOLDOUT_END, "clv: last day (yyyy-MM-dd) of the holdout period",
                        "the day of the last transaction"),
                new StageOption(PENALISER, "clv: L2 penalty on the model parameters (as lifetimes' penalizer_coef)",
                        "0"));
    }

    static ClvOptions of(Options options) {
        TimeUnit unit = TimeUnit.parse(TIME_UNIT, options.get(TIME_UNIT, "week"));
        double horizon = options.decimal(HORIZON, unit.perYear());
        double discount = options.decimal(DISCOUNT_RATE, 0.1);
        double penaliser = options.decimal(PENALISER, 0);
        Optional<LocalDate> calibration = options.date(CALIBRATION_END);
        Optional<LocalDate> holdout = options.date(HOLDOUT_END);
        if (!(horizon > 0 && horizon < 1e6)) {
            throw new SegmentaException("option " + HORIZON + " must be a positive number of " + unit.label()
                    + "s, not " + options.get(HORIZON, ""));
        }
        if (!(discount >= 0 && discount < 100)) {
            throw new SegmentaException("option " + DISCOUNT_RATE + " must be 0 or more (0.1 = 10% a year), not "
                    + options.get(DISCOUNT_RATE, ""));
        }
        if (!(penaliser >= 0 && Double.isFinite(penaliser))) {
            throw new SegmentaException("option " + PENALISER + " must be 0 or more, not " + options.get(PENALISER, ""));
        }
        if (holdout.isPresent() && calibration.isPresent() && !holdout.get().isAfter(calibration.get())) {
            throw new SegmentaException("option " + HOLDOUT_END + " (" + holdout.get() + ") must be after "
                    + CALIBRATION_END + " (" + calibration.get() + ")");
        }
        return new ClvOptions(unit, horizon, discount, calibration, holdout, penaliser);
    }
}
