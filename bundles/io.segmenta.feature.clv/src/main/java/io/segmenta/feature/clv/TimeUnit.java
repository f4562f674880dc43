package io.segmenta.feature.clv;

import io.segmenta.api.SegmentaException;
import java.util.Locale;

/** The unit t_x, T and the horizon are measured in. A month is a twelfth of a Julian year. */
enum TimeUnit {
    DAY(1), WEEK(7), MONTH(365.25 / 12);

    final double days;

    TimeUnit(double days) {
        this.days = days;
    }

    /** How many of these units make a year (the default horizon). */
    double perYear() {
        return 365.25 / days;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TimeUnit parse(String option, String text) {
        for (TimeUnit u : values()) {
            if (u.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return u;
            }
        }
        throw new SegmentaException("option " + option + " must be day, week or month, not '" + text + "'");
    }
}
