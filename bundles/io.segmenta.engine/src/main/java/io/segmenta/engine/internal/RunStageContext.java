package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;

/**
 * What one stage of one run sees: progress and messages go to the listener under the stage's kind and name, log
 * lines to the stage's logger ({@link RunLog#stageLogger}).
 */
final class RunStageContext implements StageContext {
    private final StageEntry entry;
    private final ProgressListener listener;
    private final Options options;
    private final RunState run;
    private final System.Logger logger;

    RunStageContext(StageEntry entry, ProgressListener listener, Options options, RunState run, System.Logger logger) {
        this.entry = entry;
        this.listener = listener;
        this.options = options;
        this.run = run;
        this.logger = logger;
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
    public System.Logger logger() {
        return logger;
    }

    @Override
    public Options options() {
        return options;
    }
}
