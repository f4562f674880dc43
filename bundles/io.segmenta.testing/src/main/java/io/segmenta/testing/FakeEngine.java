package io.segmenta.testing;

import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import java.util.List;
import java.util.function.Function;

/**
 * An engine that records what it was asked and answers with a tiny result ({@link Fixtures#twoCustomers}),
 * or throws whatever failure it is given for the spec.
 */
public final class FakeEngine implements PipelineEngine {
    /** The spec of the last run asked for; null until then. */
    public PipelineSpec lastSpec;
    private final Function<PipelineSpec, RuntimeException> failure;

    /** An engine whose runs succeed. */
    public FakeEngine() {
        this(spec -> null);
    }

    /** @param failure the exception a run throws for a spec, or null for a run that succeeds */
    public FakeEngine(Function<PipelineSpec, RuntimeException> failure) {
        this.failure = failure;
    }

    @Override
    public List<StageDescriptor> stages() {
        return List.of(new StageDescriptor(StageKind.FEATURES, "rfm", "RFM per customer", "io.segmenta.feature.rfm 1",
                List.of()), new StageDescriptor(StageKind.SOURCE, "uk-retail", "UCI Online Retail", "ukretail 1",
                List.of()));
    }

    @Override
    public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
        lastSpec = spec;
        RuntimeException e = failure.apply(spec);
        if (e != null) {
            throw e;
        }
        listener.stepStarted(StageKind.SOURCE, spec.source());
        listener.info(StageKind.SOURCE, spec.source(), "2 rows kept");
        listener.stepFinished(StageKind.SOURCE, spec.source(), 2_000_000L);
        return Fixtures.twoCustomers(spec);
    }
}
