package io.segmenta.feature.clv;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.FittedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;

/**
 * Customer lifetime value: BG/NBD (repeat purchases) and Gamma-Gamma (spend per purchase) fitted by maximum
 * likelihood on the calibration period, and per customer frequency, recency, age, probability alive, expected
 * purchases and expected purchase value over the horizon, and CLV. The model, options and outputs are in
 * docs/clv.md.
 */
@Component(service = FeatureExtractor.class)
@StageName(ClvFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class ClvFeatures implements FeatureExtractor {
    static final String NAME = "clv";
    /** Below this share of repeat customers the run says what the model cannot tell. */
    static final double REPEAT_SHARE_WARNING = 0.10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "customer lifetime value: BG/NBD and Gamma-Gamma fits; P(alive), expected purchases and value, CLV";
    }

    /** Customer, order, timestamp and amount only: the required fields. */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public EntityKind entity() {
        return EntityKind.CUSTOMER;
    }

    /**
     * The BG/NBD summary and scores. Its recency is the age at the last repeat purchase, so, unlike the RFM
     * recency, more is better.
     */
    @Override
    public List<FeatureInfo> featureInfo(FeatureMatrix features) {
        return List.of(
                FeatureInfo.higherIsBetter(FeatureFit.FREQUENCY, "Repeat purchases",
                        "purchases after the first, one per time unit at most"),
                FeatureInfo.higherIsBetter(FeatureFit.RECENCY, "Time of last repeat purchase",
                        "time from the first purchase to the last repeat one, in the fit's time unit (more is "
                                + "better: bought more recently)"),
                FeatureInfo.neutral("age", "Customer age", "time from the first purchase to the end of the "
                        + "calibration period, in the fit's time unit"),
                FeatureInfo.higherIsBetter(FeatureFit.PROBABILITY_ALIVE, "Probability still active",
                        "chance the customer has not lapsed (BG/NBD)"),
                FeatureInfo.higherIsBetter(FeatureFit.EXPECTED_PURCHASES, "Expected purchases",
                        "purchases expected over the horizon (BG/NBD)"),
                FeatureInfo.higherIsBetter("expected_value", "Expected order value",
                        "average order value expected of the customer (Gamma-Gamma)"),
                FeatureInfo.higherIsBetter(FeatureFit.LIFETIME_VALUE, "Customer lifetime value",
                        "discounted value of the purchases expected over the horizon"));
    }

    @Override
    public List<StageOption> options() {
        return ClvOptions.list();
    }

    /** Every option's value (time unit, horizon, rates, dates), before the source reads anything. */
    @Override
    public void validate(Options options) {
        ClvOptions.of(options);
    }

    /**
     * The caveat for data where almost everyone buys once (Olist: about 97%): the dropout and spend models then
     * rest on a few customers, and a one-time buyer's figures are the population's, not her own.
     */
    static Optional<String> fewRepeats(int customers, int repeat) {
        if (repeat >= REPEAT_SHARE_WARNING * customers) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "caution: only %,d of %,d customers"
                + " (%.1f%%) bought again, so the dropout (a, b) and spend (p, q, v) estimates rest on those few; for"
                + " the one-time buyers P(alive) is 1 and expected value is the population mean: their CLV ranks them"
                + " by age alone, and says nothing about them individually", repeat, customers,
                100.0 * repeat / customers));
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        return extractFitted(transactions, context).features();
    }

    @Override
    public FittedFeatures extractFitted(TransactionTable transactions, StageContext context) {
        ClvOptions options = ClvOptions.of(context.options());
        long read = System.nanoTime();
        PurchaseHistories h = histories(transactions, options, context);
        context.checkCancelled("clv: before fitting");
        return fitted(h, options, context::info, context.logger(), read);
    }

    /**
     * Fits both models on the histories and scores every customer: the features and the fit every report shows.
     *
     * @param info where the lines for the user go (the fit's parameters, caveats, the holdout check)
     * @param read when summarising the histories started ({@link System#nanoTime()}), for the log
     */
    static FittedFeatures fitted(PurchaseHistories h, ClvOptions options, Consumer<String> info,
            System.Logger logger, long read) {
        long started = System.nanoTime();
        ClvFit fit = ClvFit.of(h, options.penaliser());
        long fitted = System.nanoTime();
        ClvScores scores = new ClvScores(fit.bgNbd(), fit.gammaGamma(), h, options.unit(), options.horizon(),
                options.discountRate());
        info.accept(NAME + ": " + ClvSummary.parameters(fit, options.unit()));
        Optional<String> caveat = fewRepeats(h.size(), fit.repeatCustomers());
        caveat.ifPresent(line -> info.accept(NAME + ": " + line));
        Optional<HoldoutCheck> holdout = h.holdoutEnd.map(end -> new HoldoutCheck(fit.bgNbd(), h, options.unit()));
        holdout.ifPresent(check -> check.lines(h, options.unit()).forEach(line -> info.accept(NAME + ": " + line)));
        logger.log(System.Logger.Level.INFO, "{0}: {1} customers ({2} repeat) summarised in {7} ms,"
                + " fitted in {3} ms ({4} and {5} likelihood evaluations), scored in {6} ms", NAME, h.size(),
                fit.repeatCustomers(),
                (fitted - started) / 1_000_000, fit.purchases().evaluations(), fit.spend().evaluations(),
                (System.nanoTime() - fitted) / 1_000_000, (started - read) / 1_000_000);
        return new FittedFeatures(matrix(h, scores), Optional.of(ClvReport.fit(NAME, fit, options, h, holdout,
                caveat.stream().toList())));
    }

    /** Scores new transactions with a saved fit: the models' parameters and time unit are the saved ones. */
    @Override
    public FeatureMatrix extractWith(TransactionTable transactions, StageContext context, ModelState fitted) {
        ClvOptions options = ClvState.options(fitted, ClvOptions.of(context.options()));
        PurchaseHistories h = histories(transactions, options, context);
        return scored(h, options, fitted, context::info);
    }

    /** The features of customers scored with a saved fit. */
    static FeatureMatrix scored(PurchaseHistories h, ClvOptions options, ModelState fitted, Consumer<String> info) {
        ClvScores scores = new ClvScores(ClvState.bgNbd(fitted), ClvState.gammaGamma(fitted), h, options.unit(),
                options.horizon(), options.discountRate());
        info.accept(NAME + ": scored " + h.size() + " customers with the saved fit (" + ClvState.describe(fitted)
                + "), calibration end " + h.calibrationEnd);
        return matrix(h, scores);
    }

    private static PurchaseHistories histories(TransactionTable transactions, ClvOptions options,
            StageContext context) {
        if (transactions.rowCount() == 0) {
            throw new SegmentaException("no transactions to compute CLV from: every row was rejected by the source");
        }
        PurchaseHistories h = new PurchaseHistories(transactions, options.unit(), options.calibrationEnd(),
                options.holdoutEnd());
        if (h.size() == 0) {
            throw new SegmentaException("no customer to compute CLV for: none of the " + transactions.rowCount()
                    + " rows has a customer, a timestamp and a finite amount on or before the calibration end "
                    + h.calibrationEnd);
        }
        if (h.leftOutRows > 0) {
            context.info(NAME + ": left out " + h.leftOutRows + " of " + transactions.rowCount()
                    + " rows without a customer, a timestamp or a finite amount");
        }
        if (h.laterCustomers > 0) {
            context.info(NAME + ": " + h.laterCustomers + " customers first bought after the calibration end "
                    + h.calibrationEnd + "; they are not scored");
        }
        return h;
    }

    private static FeatureMatrix matrix(PurchaseHistories h, ClvScores scores) {
        return new FeatureMatrix(EntityKind.CUSTOMER, List.copyOf(h.ids), List.of(
                new NumericColumn(FeatureFit.FREQUENCY, Arrays.stream(h.x).asDoubleStream().toArray()),
                new NumericColumn(FeatureFit.RECENCY, h.recency),
                new NumericColumn("age", h.age),
                new NumericColumn(FeatureFit.PROBABILITY_ALIVE, scores.probabilityAlive),
                new NumericColumn(FeatureFit.EXPECTED_PURCHASES, scores.expectedPurchases),
                new NumericColumn("expected_value", scores.expectedValue),
                new NumericColumn(FeatureFit.LIFETIME_VALUE, scores.lifetimeValue)), List.of(),
                FeatureFit.LIFETIME_VALUE);
    }
}
