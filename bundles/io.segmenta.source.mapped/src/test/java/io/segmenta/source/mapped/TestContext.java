package io.segmenta.source.mapped;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A StageContext for tests: carries the options, records progress and info lines, can pretend to be cancelled. */
final class TestContext implements StageContext {
    /** One progress call as received. */
    record Progress(long done, long total, String unit) {
    }

    final List<Progress> progress = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    private final Options options;
    private final boolean cancelled;

    TestContext(Map<String, String> options, boolean cancelled) {
        this.options = new Options(options);
        this.cancelled = cancelled;
    }

    /** A context whose only option is mapping=the given file. */
    static TestContext mapping(Path mapping) {
        return new TestContext(Map.of("mapping", mapping.toString()), false);
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
        return options;
    }
}
