package io.segmenta.table.output;

import io.segmenta.api.SegmentaException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files so that they are never left half written: into a hidden temporary file beside the
 * target, then renamed over it. Used by the engine (model files, predictions) and by reporters.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** What fills a file. */
    @FunctionalInterface
    public interface Content {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes {@code file} (UTF-8), creating its folder when missing.
     *
     * @param what what the file is, for the message, e.g. "model file"
     * @throws SegmentaException when it cannot be written; the target is then untouched
     */
    public static void write(Path file, String what, Content content) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(file)) {
                throw new SegmentaException("cannot write the " + what + " " + file + ": it is a folder");
            }
            Files.createDirectories(dir);
            temp = createTemp(dir, file.getFileName().toString());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.write(out);
            }
            moveIntoPlace(temp, file);
            temp = null;
        } catch (IOException e) {
            throw new SegmentaException("cannot write the " + what + " " + file + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see; a leftover .tmp is harmless
                }
            }
        }
    }

    /**
     * A new hidden {@code .<name><random>.tmp}; not {@code Files.createTempFile}, which makes the file owner-only
     * on POSIX systems, a mode the rename would keep.
     */
    public static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path temp = dir.resolve("." + name + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames {@code temp} (beside {@code target}) over {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on file systems without an atomic rename
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An I/O failure in words for a one-line message: which file, and why. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            // createDirectories says so when a part of the path is a file
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException f) {
            return (f.getOtherFile() != null ? f.getOtherFile() : f.getFile()) + ": "
                    + (f.getReason() != null ? f.getReason() : "cannot be used");
        }
        // never a Java class name: the user reads this
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
}
