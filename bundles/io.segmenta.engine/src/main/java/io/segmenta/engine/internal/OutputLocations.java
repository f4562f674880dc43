package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Checks, before anything is read, that a run can write where it is asked to: the output folder and the folder
 * of the model file. A run that would fail at its end, after its reports were written, fails at its start
 * instead and writes nothing. Nothing is created here; the folders are made when the files are written.
 */
final class OutputLocations {
    private OutputLocations() {
    }

    /** Fails with a one-line reason when the run's output folder cannot be created or written in. */
    static void checkFolder(Path dir) {
        String reason = folderProblem(dir);
        if (reason != null) {
            throw new SegmentaException("cannot write in the output folder " + dir + ": " + reason);
        }
    }

    /** Fails with a one-line reason when the folder of a file to write cannot be created or written in. */
    static void checkFileFolder(Path file, String what) {
        Path parent = file.toAbsolutePath().getParent();
        String reason = parent == null ? null : folderProblem(parent);
        if (reason != null) {
            throw new SegmentaException("cannot write the " + what + " " + file + ": " + reason);
        }
    }

    /**
     * Why {@code dir} cannot be a folder this process creates or writes in, or null when it can: a part of its
     * path is a file or a link that leads nowhere, it goes up ({@code ..}) out of a folder that does not exist
     * yet (the system cannot follow that), or the nearest existing folder is not writable.
     */
    static String folderProblem(Path dir) {
        return folderProblem(dir, Files::isWritable);
    }

    /** {@link #folderProblem(Path)} with the permission check given (tests run as root, who may write anywhere). */
    static String folderProblem(Path dir, Predicate<Path> writable) {
        Path absolute = dir.toAbsolutePath();
        Path current = absolute.getRoot();
        Path missing = null;
        for (Path name : absolute) {
            Path next = current == null ? name : current.resolve(name);
            if (missing != null) {
                if (name.toString().equals("..")) {
                    return "the path goes up ('..') out of " + missing + ", which does not exist; give it without '..'";
                }
            } else if (Files.isDirectory(next)) {
                current = next;
                continue;
            } else if (Files.exists(next)) {
                return next + " is a file, not a folder";
            } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return next + " is a symbolic link that leads to nothing (or to itself)";
            } else {
                missing = next;
            }
            current = next;
        }
        Path existing = missing == null ? absolute : missing.getParent();
        if (existing != null && !writable.test(existing)) {
            return "no permission to write in " + existing;
        }
        return null;
    }
}
