package io.segmenta.feature.clv;

import io.segmenta.api.stage.ModelState;
import java.util.Locale;

/**
 * The saved fit of the clv extractor (docs/model-file.md): the time unit the rates are per, and the seven
 * parameters. The horizon, discount rate and calibration end of a prediction are the prediction's options.
 */
final class ClvState {
    static final String OWNER = ClvFeatures.NAME;

    private ClvState() {
    }

    static ModelState of(ClvFit fit, TimeUnit unit) {
        BgNbd bg = fit.bgNbd();
        GammaGamma gg = fit.gammaGamma();
        return new ModelState(OWNER).put("time-unit", unit.label()).put("r", bg.r()).put("alpha", bg.alpha())
                .put("a", bg.a()).put("b", bg.b()).put("p", gg.p()).put("q", gg.q()).put("v", gg.v());
    }

    static BgNbd bgNbd(ModelState s) {
        return new BgNbd(positive(s, "r"), positive(s, "alpha"), positive(s, "a"), positive(s, "b"));
    }

    static GammaGamma gammaGamma(ModelState s) {
        GammaGamma gg = new GammaGamma(positive(s, "p"), positive(s, "q"), positive(s, "v"));
        if (!(gg.q() > 1)) {
            throw s.inconsistent("q must be above 1");
        }
        return gg;
    }

    /** The prediction's options with the saved time unit (the fitted rates are per that unit). */
    static ClvOptions options(ModelState s, ClvOptions given) {
        if (!s.has("time-unit")) {
            throw s.inconsistent("no time-unit");
        }
        TimeUnit unit = TimeUnit.parse("time-unit (saved fit)", s.text("time-unit"));
        return new ClvOptions(unit, given.unit() == unit ? given.horizon() : given.horizon() * given.unit().days
                / unit.days, given.discountRate(), given.calibrationEnd(), given.holdoutEnd(), given.penaliser());
    }

    static String describe(ModelState s) {
        return String.format(Locale.ROOT, "per %s: r %.4g, alpha %.4g, a %.4g, b %.4g; p %.4g, q %.4g, v %.4g",
                s.text("time-unit"), s.number("r"), s.number("alpha"), s.number("a"), s.number("b"), s.number("p"),
                s.number("q"), s.number("v"));
    }

    private static double positive(ModelState s, String key) {
        if (!s.has(key)) {
            throw s.inconsistent("no " + key);
        }
        double v = s.number(key);
        if (!(v > 0 && Double.isFinite(v))) {
            throw s.inconsistent(key + " must be a positive number, not " + v);
        }
        return v;
    }
}
