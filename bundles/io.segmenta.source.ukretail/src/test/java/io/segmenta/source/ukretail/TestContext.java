package io.segmenta.source.ukretail;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.List;

/** A StageContext for tests: records progress calls and can pretend the run was cancelled. */
final class TestContext implements StageContext {
    /** One progress call as received. */
    record Progress(long done, long total, String unit) {
    }

    final List<Progress> progress = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    private final boolean cancelled;

    TestContext() {
        this(false);
    }

    TestContext(boolean cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public void progress(long done, long total, String unit) {
        progress.add(new Progress(done, total, unit));
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Options options() {
        return Options.empty();
    }
}
