package io.segmenta.feature.rfm;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stage context for tests: records progress and info lines, and cancels after a given number of progress calls. */
final class RecordingContext implements StageContext {
    final List<String> infos = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();
    final List<String> units = new ArrayList<>();
    private final Options options;
    private final int cancelAfterProgressCalls;

    RecordingContext() {
        this(Map.of(), Integer.MAX_VALUE);
    }

    RecordingContext(Map<String, String> options, int cancelAfterProgressCalls) {
        this.options = new Options(options);
        this.cancelAfterProgressCalls = cancelAfterProgressCalls;
    }

    @Override
    public void progress(long done, long total, String unit) {
        progress.add(new long[] {done, total});
        units.add(unit);
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
        return options;
    }
}
