package io.segmenta.engine.osgi;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/**
 * A {@link System.Logger} that writes to an OSGi Log Service {@link Logger}, so that the engine and the stages
 * log through one interface in both runtimes. Levels map one to one (TRACE, DEBUG, INFO, WARNING to warn, ERROR);
 * {@code ALL} is logged as trace and {@code OFF} not at all. Messages are formatted as {@link System.Logger}
 * specifies ({@link MessageFormat} when there are parameters) and handed over whole, so an OSGi placeholder
 * {@code {}} in them is not substituted.
 */
final class OsgiSystemLogger implements System.Logger {
    private final Logger logger;

    OsgiSystemLogger(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public String getName() {
        return logger.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> logger.isTraceEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case INFO -> logger.isInfoEnabled();
            case WARNING -> logger.isWarnEnabled();
            case ERROR -> logger.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, localized(bundle, message), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            String pattern = localized(bundle, format);
            write(level, params == null || params.length == 0 ? pattern : new MessageFormat(pattern).format(params),
                    null);
        }
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
        if (isLoggable(level)) {
            write(level, supplier.get(), null);
        }
    }

    /** One "{}" format with the whole message as its argument, and the throwable last as the OSGi Logger takes it. */
    private void write(Level level, String message, Throwable thrown) {
        Object[] args = thrown == null ? new Object[] {message} : new Object[] {message, thrown};
        switch (level) {
            case ALL, TRACE -> logger.trace("{}", args);
            case DEBUG -> logger.debug("{}", args);
            case INFO -> logger.info("{}", args);
            case WARNING -> logger.warn("{}", args);
            case ERROR -> logger.error("{}", args);
            case OFF -> { }
        }
    }

    private static String localized(ResourceBundle bundle, String key) {
        if (bundle == null || key == null) {
            return key;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
