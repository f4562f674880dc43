package io.segmenta.cluster.support;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stage context that records progress calls and info lines and answers cancelled after a number of progress
 * calls: the part of {@code io.segmenta.testing.RecordingContext} these tests use. The test-support bundle builds
 * on this bundle (its fixtures compute figures with it), so this bundle's tests cannot depend on it.
 */
final class RecordingContext implements StageContext {
    record Progress(long done, long total, String unit) {
    }

    final List<Progress> progress = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    private final int cancelAfterProgressCalls;

    RecordingContext() {
        this(Map.of(), Integer.MAX_VALUE);
    }

    /** @param options not read by these tests (BestOfRestarts reads none) */
    RecordingContext(Map<String, String> options, int cancelAfterProgressCalls) {
        this.cancelAfterProgressCalls = cancelAfterProgressCalls;
    }

    /** A context of a run that was cancelled before the stage started. */
    static RecordingContext cancelled() {
        return new RecordingContext(Map.of(), 0);
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
        return progress.size() >= cancelAfterProgressCalls;
    }

    @Override
    public Options options() {
        return Options.empty();
    }
}
