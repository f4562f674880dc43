package io.segmenta.logfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log file, opened for appending (its folder created if need be) and flushed after every line: entries
 * are few (stages log steps, never rows), and a line must be on disk when the process is killed. Appending
 * also lets an operator's log rotation truncate the file in place.
 */
final class LogFile implements AutoCloseable {
    private final Path path;
    private final BufferedWriter writer;

    LogFile(Path path) {
        this.path = path;
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log file " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    synchronized void write(String line) throws IOException {
        writer.write(line);
        writer.newLine();
        writer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
