package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FittedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and extracts the members of a run's feature set: each distinct source and input is read once (the
 * members without an input of their own share the read of the run's input), each member's extractor runs on its
 * read, and with several members the features are joined ({@link FeatureJoin}) and the reads' accounts combined
 * into one (rows read and kept summed, rejections listed with their files, entities per member, entities dropped
 * by the join by reason). One extractor runs exactly as a run always did.
 * <p>
 * With a {@link FeatureBackEnd} the members that share the run's input are the back-end's: it reads and
 * extracts them (one read for all of them, whose account and business figures it hands over), and the engine
 * reads only the members with inputs of their own.
 */
final class FeatureSetExtraction {
    /** The timing name of the engine's join step. */
    static final String JOIN = "feature join";

    /**
     * @param data the first member's read (the run's input) with the combined account
     * @param producer what produced the features, for messages ("the feature extractor 'rfm' produced")
     * @param business the business figures a back-end handed over, or null: then they are those of the data's
     *        transactions
     */
    record Extracted(SourceData data, FeatureMatrix raw, String producer, Optional<FeatureFit> fit,
            BusinessFigures business) {
    }

    private record Read(StageEntry source, Path input) {
        // written out: a record's own equals and hashCode link through method handles on first use
        // (ObjectMethods), some 4 % of a short CLI run (docs/performance.md, "Memory and start-up defaults")
        @Override
        public boolean equals(Object other) {
            return other instanceof Read r && Objects.equals(source, r.source) && Objects.equals(input, r.input);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(source) + Objects.hashCode(input);
        }
    }

    private FeatureSetExtraction() {
    }

    /**
     * @param set the feature set as written
     * @param runInput the run's input, which shared members read
     * @param fitted a saved fit (predict) that its extractor scores the new data with instead of fitting again;
     *        null in training, where an extractor that fits a model (clv) fits it
     * @param engine the fields the engine's steps and the reporters read of the run's input ({@link ReadFields})
     * @param backEnd the back-end that extracts the members sharing the run's input, or null: the engine does
     */
    static Extracted extract(String set, Path runInput, ChosenStages chosen, StepRunner steps, Options options,
            ModelState fitted, Set<TransactionField> engine, FeatureBackEnd backEnd) {
        Map<Read, List<ChosenMember>> readers = new LinkedHashMap<>();
        for (ChosenMember m : chosen.members()) {
            readers.computeIfAbsent(new Read(m.source(), m.shared() ? runInput : m.input()), r -> new ArrayList<>())
                    .add(m);
        }
        Map<Read, SourceData> reads = new LinkedHashMap<>();
        BusinessFigures business = null;
        List<String> names = new ArrayList<>();
        List<FeatureMatrix> parts = new ArrayList<>();
        Optional<FeatureFit> fit = Optional.empty();
        String fitMember = null;
        for (ChosenMember m : chosen.members()) {
            Read read = new Read(m.source(), m.shared() ? runInput : m.input());
            if (backEnd != null && m.shared()) {
                ExtractedFeatures handed = handedOver(m, backEnd, options, fitted, steps);
                reads.putIfAbsent(read, new SourceData(SourceData.emptyTransactions(), handed.quality()));
                business = business == null ? handed.business() : business;
                names.add(m.name());
                parts.add(handed.features());
                if (handed.fit().isPresent()) {
                    fit = oneFit(set, fit, handed.fit().get());
                    fitMember = m.name();
                }
                continue;
            }
            SourceData data = reads.get(read);
            if (data == null) {
                // a source's second read is a step of its own: named after the member it is for
                // the first read is the run's input: the engine's steps and the reporters read it too
                data = read(read, reads.isEmpty() ? m.source().name() : m.source().name() + " (" + m.name() + ")",
                        steps, ReadFields.of(readers.get(read), reads.isEmpty() ? engine : ReadFields.NONE));
                reads.put(read, data);
            }
            // a source gives transactions (with the columns the extractor needs) or an entity table without
            // transactions (the extractor says whether it can use one)
            boolean entities = data.entitiesOnly() && data.entities().rowCount() > 0;
            if (!entities && data.transactions().rowCount() == 0) {
                throw Training.nothingKept(read.input(), data.quality(),
                        data.entities() == null ? "transactions" : data.entities().entity().label() + "s");
            }
            if (!entities) {
                RunPlanner.requiredColumnsPresent(m, data.transactions());
            }
            FeatureExtractor extractor = (FeatureExtractor) m.extractor().stage();
            SourceData input = data;
            names.add(m.name());
            String step = m.name().equals(m.extractor().name()) ? m.name()
                    : m.extractor().name() + " (" + m.name() + ")";
            FittedFeatures f = steps.stage(m.extractor(), step, ctx -> features(extractor, input, ctx, fitted),
                    x -> entities(x.features()));
            parts.add(f.features());
            if (f.fit().isPresent()) {
                fit = oneFit(set, fit, f.fit().get());
                fitMember = m.name();
            }
        }
        SourceData first = reads.values().iterator().next();
        if (!chosen.combined()) {
            return new Extracted(first, parts.get(0), "the " + chosen.features().label() + " produced", fit,
                    business);
        }
        String rule = EngineOptionValues.joinRule(options);
        FeatureJoin.Joined joined = steps.engine(JOIN, () -> FeatureJoin.join(set, names, parts, rule),
                j -> j.features().rowCount() + " " + j.features().entity().label() + "s in every member of "
                        + parts.get(0).rowCount() + " in " + names.get(0));
        for (Map.Entry<String, List<String>> r : joined.renamed().entrySet()) {
            steps.progress().info(null, JOIN, "the feature " + r.getKey() + " is in several members: named "
                    + String.join(", ", r.getValue()));
        }
        DataQuality quality = combined(new ArrayList<>(reads.values()), joined.counts());
        return new Extracted(new SourceData(first.transactions(), quality, first.entities()),
                joined.features(), "the feature set " + set + " produced", fit.map(withJoinedNames(fitMember,
                        joined.renamed())), business);
    }

    /** The one fit of a run: a second member that fits a model is refused. */
    private static Optional<FeatureFit> oneFit(String set, Optional<FeatureFit> known, FeatureFit another) {
        if (known.isPresent()) {
            throw new SegmentaException("the feature set " + set + " has two members that fit a model ("
                    + known.get().extractor() + " and " + another.extractor() + "); a run keeps one fit, so use one"
                    + " of them");
        }
        return Optional.of(another);
    }

    /**
     * One member's features from the back-end, as the step of the member's extractor (whose place it takes). The
     * back-end's failures are the extractor's step's, as the stage's own would be.
     */
    private static ExtractedFeatures handedOver(ChosenMember m, FeatureBackEnd backEnd, Options options,
            ModelState fitted, StepRunner steps) {
        String step = m.name().equals(m.extractor().name()) ? m.name() : m.extractor().name() + " (" + m.name() + ")";
        Optional<ModelState> saved = fitted != null && fitted.owner().equals(m.extractor().name())
                ? Optional.of(fitted) : Optional.empty();
        return steps.stage(m.extractor(), step, ctx -> backEnd.extract(m.source().name(),
                new FeatureMember(m.name(), m.extractor().name()), options, saved),
                x -> entities(x.features()) + " (extracted by the back-end)");
    }

    /** The fit's output columns under their names after the join (a clashing name gets the member's prefix). */
    private static java.util.function.UnaryOperator<FeatureFit> withJoinedNames(String member,
            Map<String, List<String>> renamed) {
        return f -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (String column : f.outputs().values()) {
                if (renamed.containsKey(column)) {
                    names.put(column, member + FeatureJoin.PREFIX_SEPARATOR + column);
                }
            }
            return f.withRenamedOutputs(names);
        };
    }

    /**
     * One member's features: of an entity table by {@link FeatureExtractor#extract(SourceData, StageContext)}
     * (which refuses one where the extractor needs transactions), of transactions with the extractor's fit, or,
     * at predict, with the saved fit of this extractor.
     */
    private static FittedFeatures features(FeatureExtractor extractor, SourceData data, StageContext context,
            ModelState fitted) {
        if (data.entitiesOnly()) {
            return FittedFeatures.of(extractor.extract(data, context));
        }
        if (fitted != null && fitted.owner().equals(extractor.name())) {
            return FittedFeatures.of(extractor.extractWith(data.transactions(), context, fitted));
        }
        return extractor.extractFitted(data.transactions(), context);
    }

    private static SourceData read(Read read, String step, StepRunner steps, Set<TransactionField> fields) {
        DataSource source = (DataSource) read.source().stage();
        SourceData data = steps.stage(read.source(), step,
                ctx -> source.read(read.input(), new ReadContext(ctx, fields)),
                FeatureSetExtraction::kept);
        if (data.transactions() == null) {
            throw new SegmentaException(read.source().label() + " failed: it returned no transactions table");
        }
        return data;
    }

    /**
     * One account of several reads: the first read's source and entity counts, every input, rows summed,
     * rejections in read order (with several reads each reason names its file), the earliest and latest transaction; then the rows of each read and the join's
     * counts as entity counts (the figures every reporter lists).
     */
    static DataQuality combined(List<SourceData> reads, Map<String, Long> joinCounts) {
        DataQuality base = reads.get(0).quality();
        Set<String> sources = new LinkedHashSet<>();
        List<String> inputs = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>(base.entityCounts());
        long read = 0;
        long kept = 0;
        long duplicates = 0;
        long first = TimestampColumn.MISSING;
        long last = TimestampColumn.MISSING;
        for (SourceData d : reads) {
            DataQuality q = d.quality();
            sources.add(q.source());
            inputs.addAll(q.inputs());
            for (Rejection r : q.rejections()) {
                add(rejections, reads.size() > 1 ? new Rejection(r.reason() + " (" + r.file() + ")", r.count(),
                        r.file(), r.firstLines()) : r);
            }
            read += q.rowsRead();
            kept += q.rowsKept();
            duplicates = duplicates == DataQuality.NOT_COUNTED || q.duplicateRows() == DataQuality.NOT_COUNTED
                    ? DataQuality.NOT_COUNTED : duplicates + q.duplicateRows();
            first = q.firstTimestamp() == TimestampColumn.MISSING ? first : first == TimestampColumn.MISSING
                    ? q.firstTimestamp() : Math.min(first, q.firstTimestamp());
            last = q.lastTimestamp() == TimestampColumn.MISSING ? last : Math.max(last, q.lastTimestamp());
            if (reads.size() > 1) {
                counts.put("rows read from " + String.join(", ", q.inputs()), q.rowsRead());
            }
        }
        counts.putAll(joinCounts);
        return new DataQuality(String.join(" + ", sources), inputs, read, kept, rejections, first, last, counts,
                duplicates);
    }

    /**
     * Adds a rejection; one of the same reason (the same reason in a file of the same name) is summed into it, so
     * that every reason is listed once.
     */
    private static void add(List<Rejection> rejections, Rejection r) {
        for (int i = 0; i < rejections.size(); i++) {
            Rejection known = rejections.get(i);
            if (known.reason().equals(r.reason())) {
                rejections.set(i, new Rejection(known.reason(), known.count() + r.count(), known.file(),
                        known.firstLines()));
                return;
            }
        }
        rejections.add(r);
    }

    private static String kept(SourceData data) {
        TransactionTable t = data.transactions();
        DataQuality q = data.quality();
        return t == null ? null : t.rowCount() + " rows kept" + (q == null ? "" : " of " + q.rowsRead() + " read");
    }

    private static String entities(FeatureMatrix m) {
        return m.rowCount() + " " + m.entity().label() + "s, " + (m.numeric().size() + m.categorical().size())
                + " features";
    }
}
