package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on an entity table (a customer table without transactions): the extractor gets the whole source data, an
 * extractor of transactions refuses it in one line, and predict takes the model's columns by name from a table of
 * new customers.
 */
class EntityTableRunTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private PipelineRunner runner;

    /** Reads "id,col:kind,..." lines: a header naming each column and its kind (n or c), then rows. */
    static final class TableSource implements DataSource {
        @Override
        public String name() {
            return "table";
        }

        @Override
        public String description() {
            return "a tiny entity table";
        }

        @Override
        public SourceData read(Path input, StageContext context) {
            List<String> lines;
            try {
                lines = Files.readAllLines(input, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] header = lines.get(0).split(",");
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int c = 1; c < header.length; c++) {
                values.put(header[c], new ArrayList<>());
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                ids.add(f[0]);
                for (int c = 1; c < header.length; c++) {
                    values.get(header[c]).add(f[c]);
                }
            }
            List<NumericColumn> numeric = new ArrayList<>();
            List<CategoricalColumn> categorical = new ArrayList<>();
            values.forEach((h, v) -> {
                String name = h.substring(0, h.length() - 2);
                if (h.endsWith(":n")) {
                    numeric.add(new NumericColumn(name, v.stream().mapToDouble(Double::parseDouble).toArray()));
                } else {
                    List<String> levels = v.stream().distinct().toList();
                    categorical.add(new CategoricalColumn(name, v.stream().mapToInt(levels::indexOf).toArray(),
                            levels));
                }
            });
            int rows = ids.size();
            DataQuality q = new DataQuality("table", List.of(input.toString()), lines.size() - 1, rows,
                    rows == 0 ? List.of(new Rejection("missing value: x", lines.size() - 1, input.toString(),
                            List.of(2L))) : List.of(),
                    TimestampColumn.MISSING, TimestampColumn.MISSING, Map.of("customers", (long) rows));
            return SourceData.ofEntities(new EntityTable(EntityKind.CUSTOMER, "id", ids, numeric, categorical), q);
        }
    }

    /** The table's columns as they are, as the attributes extractor gives them. */
    static final class Columns implements FeatureExtractor {
        @Override
        public String name() {
            return "columns";
        }

        @Override
        public String description() {
            return "an entity table's columns";
        }

        @Override
        public EntityKind entity() {
            return EntityKind.CUSTOMER;
        }

        @Override
        public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
            throw new AssertionError("not called for an entity table");
        }

        @Override
        public FeatureMatrix extract(SourceData data, StageContext context) {
            EntityTable t = data.entities();
            return new FeatureMatrix(t.entity(), t.ids(), t.numeric(), t.categorical(), null);
        }
    }

    @BeforeEach
    void setUp() {
        registry.add(new StageEntry(StageKind.SOURCE, "table", new TableSource(), "test.source 1", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "columns", new Columns(), "test.features 1", 0, 2));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test.rfm 1", 0, 3));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test.alg 1", 0, 4));
        runner = new PipelineRunner(registry);
    }

    private Path table(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static final String TRAINING = "id,x:n,colour:c,y:n\n"
            + "a,1,red,10\nb,2,blue,20\nc,3,red,30\nd,4,blue,40\n";

    private PipelineResult train(Path input, String extractor, Options options) {
        return runner.run(new PipelineSpec("table", input, extractor, "fake-split", new ClusterRequest(2, 42, 1, 10),
                List.of(), dir.resolve("out"), options), null);
    }

    @Test
    void anEntityTableRunsWithAnExtractorOfItsColumns() throws IOException {
        PipelineResult r = train(table("t.csv", TRAINING), "columns", Options.empty());
        assertTrue(r.source().entitiesOnly());
        assertEquals(List.of("x", "y"), r.features().numericNames());
        assertEquals(0, r.business().orders(), "no transactions, no orders");
        assertArrayEquals(new int[] {0, 0, 1, 1}, r.model().labels());
    }

    @Test
    void anExtractorOfTransactionsRefusesAnEntityTableInOneLine() throws IOException {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> train(table("t.csv", TRAINING), "fake-rfm", Options.empty()));
        assertTrue(e.getMessage().endsWith("the extractor 'fake-rfm' computes its features from transactions, but"
                + " the source read a table of 4 customers without transactions (source 'table'); use the extractor"
                + " 'attributes' for such a table"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @Test
    void aTableWhoseRowsWereAllRejectedSaysSo() throws IOException {
        Path input = table("t.csv", "id,x:n\n");
        SegmentaException e = assertThrows(SegmentaException.class, () -> train(input, "columns", Options.empty()));
        assertTrue(e.getMessage().startsWith("no customers were kept from " + input), e.getMessage());
    }

    private PredictionResult predict(Path input, List<String> infos) {
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(StageKind kind, String stage, String message) {
                infos.add(message);
            }
        };
        return runner.predict(new PredictSpec(dir.resolve("m.json"), input, Optional.empty(), dir.resolve("pred"),
                Options.empty()), listener);
    }

    @Test
    void predictTakesTheModelsColumnsByNameFromAOneRowTable() throws IOException {
        train(table("t.csv", TRAINING), "columns", new Options(Map.of("save-model", dir.resolve("m.json")
                .toString())));
        List<String> infos = new ArrayList<>();
        // another column order, an extra column, and a colour that reads as a number in one row
        PredictionResult p = predict(table("new.csv", "id,name:c,y:n,x:n,colour:n\nz,Zed,35,3,7\n"), infos);
        assertArrayEquals(new int[] {1}, p.segments());
        assertTrue(infos.contains("left out (not in the model): name"), infos.toString());
        List<String> lines = Files.readAllLines(p.outputs().get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("z,"), lines.toString());
    }

    @Test
    void predictWithATableLackingAModelColumnNamesItAndTheFile() throws IOException {
        train(table("t.csv", TRAINING), "columns", new Options(Map.of("save-model", dir.resolve("m.json")
                .toString())));
        Path input = table("other.csv", "id,x:n,Kota:c\nz,3,Bogor\n");
        SegmentaException e = assertThrows(SegmentaException.class, () -> predict(input, new ArrayList<>()));
        assertEquals(input + " lacks the columns y, colour that the model " + dir.resolve("m.json")
                + " was trained on (numeric [x, y], categorical [colour])", e.getMessage());
    }
}
