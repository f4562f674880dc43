package io.segmenta.source.olist;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A StageContext for tests: given options, records progress and info calls, can pretend to be cancelled. */
final class TestContext implements StageContext {
    /** One progress call as received. */
    record Progress(long done, long total, String unit) {
    }

    final List<Progress> progress = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    private final Options options;
    private final boolean cancelled;

    TestContext() {
        this(Map.of(), false);
    }

    TestContext(Map<String, String> options) {
        this(options, false);
    }

    TestContext(Map<String, String> options, boolean cancelled) {
        this.options = new Options(options);
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
        return options;
    }

    /** The info lines that contain the text. */
    List<String> infosWith(String text) {
        return infos.stream().filter(s -> s.contains(text)).toList();
    }
}
