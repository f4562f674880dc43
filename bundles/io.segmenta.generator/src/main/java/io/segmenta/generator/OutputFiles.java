package io.segmenta.generator;

import io.segmenta.api.SegmentaException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one generation: each is written under a hidden temporary name in the output folder and
 * moved into place only when all of them are complete, so a failed or cancelled run never leaves a
 * half-written file under a final name. Not thread-safe; one instance per generation.
 */
final class OutputFiles implements AutoCloseable {
    /** Write buffer per file: large, so that the disk sees few big writes. */
    static final int BUFFER = 1 << 20;

    private final Path folder;
    private final List<Path> temporary = new ArrayList<>();
    private final List<Path> target = new ArrayList<>();
    private boolean committed;

    /** @throws SegmentaException when the folder cannot be created or is a file */
    OutputFiles(Path folder) {
        this.folder = folder;
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new SegmentaException(folder + " is a file; the output must be a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new SegmentaException(folder + " is a file; the output must be a folder", e);
        } catch (AccessDeniedException e) {
            throw new SegmentaException(folder + ": cannot create the folder: permission denied", e);
        } catch (IOException e) {
            throw new SegmentaException(folder + ": cannot create the folder: " + e.getMessage(), e);
        }
    }

    /** Opens the temporary file that becomes {@code name} on {@link #commit()}. */
    AsciiOut open(String name) {
        Path tmp = folder.resolve("." + name + ".tmp");
        try {
            OutputStream stream = Files.newOutputStream(tmp);
            temporary.add(tmp);
            target.add(folder.resolve(name));
            return new AsciiOut(stream, BUFFER);
        } catch (AccessDeniedException e) {
            throw new SegmentaException(tmp + ": cannot write it: permission denied", e);
        } catch (IOException e) {
            throw new SegmentaException(tmp + ": cannot write it: " + e.getMessage(), e);
        }
    }

    /** Moves every file into place (replacing older ones); call after closing their writers. */
    List<Path> commit() {
        for (int i = 0; i < temporary.size(); i++) {
            Path from = temporary.get(i);
            Path to = target.get(i);
            try {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new SegmentaException(to + ": cannot move the finished file into place: " + e.getMessage(), e);
            }
        }
        committed = true;
        return List.copyOf(target);
    }

    /** Deletes the temporary files when the generation did not commit. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path tmp : temporary) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // best effort: the failure that got us here is the one worth reporting
            }
        }
    }
}
