package io.segmenta.engine.internal;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Loggers by name that keep every line ("LEVEL name: message"), for tests of what the engine logs. */
final class CapturingLoggers implements Function<String, System.Logger> {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    @Override
    public System.Logger apply(String name) {
        return new System.Logger() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable e) {
                lines.add(level + " " + name + ": " + message);
                if (e != null) {
                    thrown.add(e);
                }
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                lines.add(level + " " + name + ": " + format);
            }
        };
    }

    /** The lines of one level and logger, without that prefix. */
    List<String> of(System.Logger.Level level, String name) {
        String prefix = level + " " + name + ": ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
