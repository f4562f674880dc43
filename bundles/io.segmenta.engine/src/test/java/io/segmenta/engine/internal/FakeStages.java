package io.segmenta.engine.internal;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Small stand-ins for real stages, for the runner's tests (the real ones live in other bundles and are not
 * dependencies of the engine). Each has a public no-argument constructor so that ServiceLoader can create it
 * from src/test/resources/META-INF/services, and a {@code hook} that tests set to act in the middle of a run.
 */
public final class FakeStages {
    private FakeStages() {
    }

    /** Registers reporters (ids from 4 up, "fake-report" among them when wanted) after the usual fake pipeline. */
    static void register(StageRegistry registry, Reporter... reporters) {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new Source(), "test 1.0.0", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new Extractor(), "test 1.0.0", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new Splitter(), "test 1.0.0", 0, 3));
        for (int i = 0; i < reporters.length; i++) {
            registry.add(new StageEntry(StageKind.REPORTER, reporters[i].name(), reporters[i], "test 1.0.0", 0,
                    4 + i));
        }
    }

    /**
     * The four fakes registered under the names the runner tests use (fake-source, fake-rfm, fake-split,
     * fake-report), with service ids 1 to 4.
     */
    static final class Pipeline {
        final StageRegistry registry = new StageRegistry();
        final Source source = new Source();
        final Extractor extractor = new Extractor();
        final Splitter splitter = new Splitter();
        final TextReporter reporter = new TextReporter();

        Pipeline() {
            registry.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "test.source 1.0.0", 0, 1));
            registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", extractor, "test.features 1.0.0", 0, 2));
            registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", splitter, "test.algorithm 1.0.0", 0, 3));
            registry.add(new StageEntry(StageKind.REPORTER, "fake-report", reporter, "test.reporter 1.0.0", 0, 4));
        }
    }

    /** Runs the hook, if any, with the stage's context. */
    abstract static class Hooked {
        volatile Consumer<StageContext> hook = ctx -> { };
        /** What the stage's validate(Options) does (nothing by default); see {@link #validated}. */
        volatile Consumer<Options> validator = o -> { };
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger validated = new AtomicInteger();

        void validating(Options options) {
            validated.incrementAndGet();
            validator.accept(options);
        }

        void enter(StageContext ctx) {
            calls.incrementAndGet();
            hook.accept(ctx);
        }
    }

    /**
     * Ten order lines of seven customers:
     * <pre>
     * c1: 10, 15     c2: 12     c3: 200, 250     c4: 220     c5: 5000     c6: 4500     c7: 11, 9
     * </pre>
     */
    public static class Source extends Hooked implements DataSource {
        @Override
        public void validate(Options options) {
            validating(options);
        }

        static final String[] CUSTOMERS = {"c1", "c1", "c2", "c3", "c3", "c4", "c5", "c6", "c7", "c7"};
        static final double[] AMOUNTS = {10, 15, 12, 200, 250, 220, 5000, 4500, 11, 9};
        private final boolean empty;

        public Source() {
            this(false);
        }

        /** @param empty read no transaction at all: every row is rejected */
        Source(boolean empty) {
            this.empty = empty;
        }

        /** The columns this fake claims to provide (empty: not declared). */
        volatile Set<String> provided = Set.of();

        @Override
        public Set<String> providedColumns() {
            return provided;
        }

        @Override
        public String name() {
            return "fake-source";
        }

        @Override
        public String description() {
            return "ten order lines of seven customers";
        }

        @Override
        public SourceData read(Path input, StageContext context) {
            enter(context);
            int n = empty ? 0 : CUSTOMERS.length;
            TransactionTable table = transactions(Arrays.copyOf(CUSTOMERS, n), Arrays.copyOf(AMOUNTS, n), 86_400L);
            long[] time = table.timestamp().epochSeconds();
            List<String> levels = table.customer().levels();
            context.progress(n, n, "rows");
            context.info("read " + n + " rows");
            String file = input.getFileName().toString();
            List<Rejection> rejections = empty
                    ? List.of(new Rejection("missing CustomerID", 2, file, List.of(2L, 3L)),
                            new Rejection("cancelled invoice", 1, file, List.of(4L)))
                    : List.of();
            DataQuality quality = new DataQuality(name(), List.of(input.toString()), empty ? 3 : n, n, rejections,
                    empty ? TimestampColumn.MISSING : time[0], empty ? TimestampColumn.MISSING : time[n - 1],
                    Map.of("customers", (long) levels.size()));
            return new SourceData(table, quality);
        }
    }

    /**
     * A transactions table of one order line per customer given, each its own order of quantity 1, the first at
     * 1,300,000,000 s and each next one {@code step} seconds later.
     */
    static TransactionTable transactions(String[] customers, double[] amounts, long step) {
        int n = customers.length;
        List<String> levels = new ArrayList<>();
        int[] customer = new int[n];
        int[] order = new int[n];
        List<String> orders = new ArrayList<>();
        long[] time = new long[n];
        double[] quantity = new double[n];
        for (int i = 0; i < n; i++) {
            if (!levels.contains(customers[i])) {
                levels.add(customers[i]);
            }
            customer[i] = levels.indexOf(customers[i]);
            orders.add("o" + i);
            order[i] = i;
            time[i] = 1_300_000_000L + i * step;
            quantity[i] = 1;
        }
        return new TransactionTable(List.of(new CategoricalColumn("customer", customer, levels),
                new CategoricalColumn("order", order, orders), new TimestampColumn("timestamp", time),
                new NumericColumn("quantity", quantity), new NumericColumn("amount", amounts.clone())));
    }

    /** Frequency (order lines) and monetary (sum of amounts) per customer; declares the option "snapshot". */
    public static class Extractor extends Hooked implements FeatureExtractor {
        @Override
        public void validate(Options options) {
            validating(options);
        }

        /** The columns this fake claims to need. */
        volatile Set<String> required = Set.of();
        /** The fields this fake says it reads; null: not said (the API's default, every field). */
        volatile Set<TransactionField> reads;

        @Override
        public Set<TransactionField> fieldsRead() {
            Set<TransactionField> r = reads;
            return r == null ? FeatureExtractor.super.fieldsRead() : r;
        }

        @Override
        public Set<String> requiredColumns() {
            return required;
        }

        @Override
        public String name() {
            return "fake-rfm";
        }

        @Override
        public String description() {
            return "order lines and amount per customer";
        }

        @Override
        public List<StageOption> options() {
            return List.of(new StageOption("snapshot", "date recency is measured to", "the day after the last"));
        }

        @Override
        public EntityKind entity() {
            return EntityKind.CUSTOMER;
        }

        @Override
        public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
            enter(context);
            CategoricalColumn customer = transactions.customer();
            int m = customer.levelCount();
            double[] frequency = new double[m];
            double[] monetary = new double[m];
            double[] amount = transactions.amount().values();
            for (int i = 0; i < transactions.rowCount(); i++) {
                frequency[customer.code(i)]++;
                monetary[customer.code(i)] += amount[i];
            }
            return new FeatureMatrix(EntityKind.CUSTOMER, customer.levels(), List.of(
                    new NumericColumn("frequency", frequency), new NumericColumn("monetary", monetary)), List.of(),
                    "monetary");
        }
    }

    /**
     * Sorts the rows by their last numeric column and cuts them into k runs of (nearly) equal size: simple
     * and deterministic, which is all the runner's tests need of an algorithm.
     */
    public static class Splitter extends Hooked implements Clusterer {
        volatile ClusterRequest lastRequest;

        @Override
        public String name() {
            return "fake-split";
        }

        @Override
        public String description() {
            return "sorts by the last feature and cuts into k runs";
        }

        @Override
        public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
            enter(context);
            lastRequest = request;
            int n = features.rowCount();
            int k = request.k();
            double[] key = features.numeric().get(features.numeric().size() - 1).values();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
            int[] labels = new int[n];
            for (int p = 0; p < n; p++) {
                labels[order[p]] = (int) ((long) p * k / n);
            }
            double[][] rows = features.numericRows();
            int d = rows.length == 0 ? 0 : rows[0].length;
            double[][] centroids = new double[k][d];
            int[] size = new int[k];
            for (int i = 0; i < n; i++) {
                size[labels[i]]++;
                for (int t = 0; t < d; t++) {
                    centroids[labels[i]][t] += rows[i][t];
                }
            }
            double cost = 0;
            for (int c = 0; c < k; c++) {
                for (int t = 0; t < d; t++) {
                    centroids[c][t] /= size[c];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < d; t++) {
                    double diff = rows[i][t] - centroids[labels[i]][t];
                    cost += diff * diff;
                }
            }
            return new Model(name(), labels, centroids, cost);
        }

        @Override
        public ClusterModel restore(ModelState state) {
            return new Model(name(), new int[0], state.table("centroids"), state.number("cost"));
        }
    }

    record Model(String algorithm, int[] labels, double[][] centroids, double cost) implements ClusterModel {
        @Override
        public int k() {
            return centroids.length;
        }

        /** The nearest centroid, as K-Means places new rows. */
        @Override
        public int[] predict(FeatureMatrix features) {
            double[][] rows = features.numericRows();
            int[] result = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < centroids.length; c++) {
                    double d = 0;
                    for (int t = 0; t < rows[i].length; t++) {
                        d += (rows[i][t] - centroids[c][t]) * (rows[i][t] - centroids[c][t]);
                    }
                    if (d < best) {
                        best = d;
                        result[i] = c;
                    }
                }
            }
            return result;
        }

        @Override
        public Optional<ModelState> state() {
            return Optional.of(new ModelState(algorithm).put("centroids", centroids).put("cost", cost));
        }
    }

    /** Writes {@code <name>.txt} with one line per segment and remembers the result it was given. */
    public static class TextReporter extends Hooked implements Reporter {
        private final String name;
        volatile PipelineResult received;
        /** The fields this fake says it reads; null: not said (the API's default, every field). */
        volatile Set<TransactionField> reads;

        @Override
        public Set<TransactionField> fieldsRead() {
            Set<TransactionField> r = reads;
            return r == null ? Reporter.super.fieldsRead() : r;
        }

        public TextReporter() {
            this("fake-report");
        }

        TextReporter(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "one line per segment";
        }

        @Override
        public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
            enter(context);
            received = result;
            Path file = outputDir.resolve(name + ".txt");
            StringBuilder sb = new StringBuilder();
            result.segments().forEach(s -> sb.append(s.segment()).append(' ').append(s.size()).append('\n'));
            try {
                Files.writeString(file, sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of(file);
        }
    }
}
