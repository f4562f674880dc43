package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentTrends;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fields the engine tells the source to build ({@code StageContext.transactionFields()}): the union of what the
 * extractor, the engine's steps and the reporters read; every field when a stage does not say.
 */
class ReadFieldsTest {
    private static final Set<TransactionField> REQUIRED = EnumSet.of(TransactionField.CUSTOMER,
            TransactionField.ORDER, TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT);

    @TempDir
    Path dir;

    private final FakeStages.Pipeline fakes = new FakeStages.Pipeline();
    private final AtomicReference<Set<TransactionField>> told = new AtomicReference<>();
    private PipelineRunner runner;
    private PipelineSpec spec;

    @BeforeEach
    void setUp() throws IOException {
        fakes.source.hook = ctx -> told.set(ctx.transactionFields());
        runner = new PipelineRunner(fakes.registry, new Log1pStandardScaler(), 1);
        Path input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        spec = new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(2, 42, 1, 10),
                List.of("fake-report"), dir.resolve("out"), Options.empty());
    }

    @Test
    void stagesThatDoNotSayReadEveryField() {
        runner.run(spec, null);
        assertEquals(EnumSet.allOf(TransactionField.class), told.get());
    }

    @Test
    void aRunReadsWhatTheExtractorTheEngineAndTheReportersRead() {
        fakes.extractor.reads = Set.of(TransactionField.GMV);
        fakes.reporter.reads = Set.of(TransactionField.CITY);
        runner.run(spec, null);
        Set<TransactionField> expected = EnumSet.copyOf(REQUIRED);
        expected.add(TransactionField.GMV);
        expected.add(TransactionField.CITY);
        expected.addAll(BusinessFigures.BROKEN_DOWN);
        expected.addAll(SegmentTrends.TOP_FIELDS);
        expected.add(TransactionField.SELLER);
        assertEquals(expected, told.get());
        assertEquals(ReadFields.RESULT, EnumSet.of(TransactionField.CUSTOMER, TransactionField.ORDER,
                TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT,
                TransactionField.REGION, TransactionField.CATEGORY, TransactionField.PRODUCT, TransactionField.SELLER));
    }

    @Test
    void selectKReadsOnlyWhatTheExtractorReads() {
        fakes.extractor.reads = Set.of();
        runner.selectK(spec, 2, 3, null);
        assertEquals(REQUIRED, told.get());
    }

    @Test
    void theColumnsAnExtractorRequiresAreRead() {
        fakes.extractor.reads = Set.of();
        fakes.extractor.required = Set.of("seller", "an_own_column");
        // the fake source has no seller column: the run stops after the read, which is what is looked at here
        assertThrows(SegmentaException.class, () -> runner.selectK(spec, 2, 3, null));
        Set<TransactionField> expected = EnumSet.copyOf(REQUIRED);
        expected.add(TransactionField.SELLER);
        assertEquals(expected, told.get());
    }
}
