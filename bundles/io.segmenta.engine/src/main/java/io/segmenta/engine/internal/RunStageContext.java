package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;

/** What one stage of one run sees: progress and messages go to the listener under the stage's kind and name. */
final class RunStageContext implements StageContext {
    private final StageEntry entry;
    private final ProgressListener listener;
    private final Options options;
    private final RunState run;

    RunStageContext(StageEntry entry, ProgressListener listener, Options options, RunState run) {
        this.entry = entry;
        this.listener = listener;
        this.options = options;
        this.run = run;
    }

    @Override
    public void progress(long done, long total, String unit) {
        listener.progress(entry.kind(), entry.name(), done, total, unit);
    }

    @Override
    public void info(String message) {
        listener.info(entry.kind(), entry.name(), message);
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }

    @Override
    public Options options() {
        return options;
    }
}
