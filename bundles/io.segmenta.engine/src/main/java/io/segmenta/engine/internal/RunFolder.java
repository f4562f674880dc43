package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An output folder that always holds the files of exactly one complete run (docs/reliability.md): the run writes
 * into a hidden staging folder beside it, names its files in a manifest written last, then the staging folder is
 * swapped in by two renames in the same parent. A lock file in the parent refuses a second run on the folder
 * while one is writing; staging and set-aside folders of killed runs are cleaned by the next run.
 */
final class RunFolder implements AutoCloseable {
    /** The manifest: which run the folder holds and its files. */
    static final String MANIFEST = "segmenta-run.txt";
    private static final String FILE = "file: ";
    private static final String FINISHED = "finished: ";
    private static final String RUN = "run: ";

    private final Path given;
    private final Path target;
    private final Path parent;
    private final String name;
    /** The lock files of the runs of this process that are writing (shell and OSGi runs share a process). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel lockChannel;
    private final Path staging;
    private boolean committed;

    private RunFolder(Path given, Path target, Path lockFile, FileChannel lockChannel, Path staging) {
        this.lockFile = lockFile;
        this.given = given;
        this.target = target;
        this.parent = target.getParent();
        this.name = target.getFileName().toString();
        this.lockChannel = lockChannel;
        this.staging = staging;
    }

    /**
     * Locks {@code folder}, cleans what killed runs left and creates the staging folder.
     *
     * @throws SegmentaException when another run holds the lock, when the folder holds files no Segmenta run
     *         wrote, or when the staging folder cannot be created
     */
    static RunFolder open(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path lockFile = parent.resolve("." + name + ".segmenta-lock");
        if (!HELD.add(lockFile)) {
            // checked before opening a channel: closing one would release this process's lock on the file
            throw refused(folder, lockFile);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(parent);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this same process
            }
            if (lock == null) {
                throw refused(folder, lockFile);
            }
            // the lock is ours, so every staging or set-aside folder of this one is from a run that died
            cleanStale(parent, name, target);
            checkOnlyRunFiles(folder, target);
            Path staging = parent.resolve("." + name + ".staging-" + random());
            Files.createDirectory(staging);
            return new RunFolder(folder, target, lockFile, channel, staging);
        } catch (IOException e) {
            close(channel);
            HELD.remove(lockFile);
            throw new SegmentaException("cannot prepare the output folder " + folder + ": " + OutputFiles.describe(e), e);
        } catch (RuntimeException e) {
            close(channel);
            HELD.remove(lockFile);
            throw e;
        }
    }

    private static SegmentaException refused(Path folder, Path lockFile) {
        return new SegmentaException("another Segmenta run is writing into " + folder
                + "; wait for it to finish or give another output folder (lock: " + lockFile + ")");
    }

    /** Where the reporters write. */
    Path staging() {
        return staging;
    }

    /**
     * Writes the manifest and swaps the staging folder in, replacing the previous run wholly.
     *
     * @param runId names the run in the manifest
     * @return {@code written} (paths in the staging folder) as they are in the output folder now, under the
     *         folder's name as given
     */
    List<Path> commit(String runId, List<Path> written) {
        List<Path> files = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("# the files of one complete Segmenta run\n" + RUN + runId
                + "\n" + FINISHED + Instant.now() + "\n");
        for (String file : filesIn(staging)) {
            manifest.append(FILE).append(file).append('\n');
        }
        OutputFiles.write(staging.resolve(MANIFEST), "run manifest", out -> out.write(manifest.toString()));
        for (Path p : written) {
            Path abs = p.toAbsolutePath().normalize();
            files.add(abs.startsWith(staging) ? given.resolve(staging.relativize(abs)) : p);
        }
        Path aside = parent.resolve("." + name + ".old-" + random());
        try {
            boolean hadPrevious = Files.exists(target);
            if (hadPrevious) {
                rename(target, aside);
            }
            try {
                // between the two renames (a kill here) the previous run is in the aside folder; the next run
                // on this folder renames it back (cleanStale), so the folder never holds a mix
                rename(staging, target);
            } catch (IOException e) {
                if (hadPrevious) {
                    rename(aside, target);
                }
                throw e;
            }
            committed = true;
            if (hadPrevious) {
                deleteTree(aside);
            }
        } catch (IOException e) {
            throw new SegmentaException("cannot move the finished run into " + target + ": "
                    + OutputFiles.describe(e), e);
        }
        return files;
    }

    /** Deletes the staging folder when the run did not commit, and releases the lock. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
        close(lockChannel);
        HELD.remove(lockFile);
    }

    /** The files the manifest in {@code folder} names, or null when it has none. */
    static Set<String> manifestFiles(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(manifest)) {
            return lines.filter(l -> l.startsWith(FILE)).map(l -> l.substring(FILE.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * An existing folder is replaced wholly, so it may only hold a previous run's files (as its manifest names
     * them) and temporary files of a killed one: the user's own files are never deleted. Checked while the run
     * is planned, so that such a folder is refused before any work, and again under the lock.
     */
    static void checkHoldsOnlyARun(Path folder) {
        try {
            checkOnlyRunFiles(folder, folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new SegmentaException("cannot read the output folder " + folder + ": " + OutputFiles.describe(e), e);
        }
    }

    private static void checkOnlyRunFiles(Path folder, Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new SegmentaException("the output folder " + folder + " is a file");
        }
        Set<String> present = filesIn(target);
        present.removeIf(f -> f.equals(MANIFEST) || isTemporary(f));
        if (present.isEmpty()) {
            return;
        }
        Set<String> named = manifestFiles(target);
        if (named != null) {
            present.removeAll(named);
        }
        if (!present.isEmpty()) {
            throw new SegmentaException("the output folder " + folder + " holds files that no Segmenta run wrote ("
                    + present.iterator().next() + (present.size() > 1 ? " and " + (present.size() - 1) + " more" : "")
                    + "); a run replaces its folder wholly, so give a new or empty folder");
        }
    }

    /** A file {@link OutputFiles#createTemp} makes: {@code .<name><random>.tmp}. */
    private static boolean isTemporary(String relative) {
        String file = relative.substring(relative.lastIndexOf('/') + 1);
        return file.startsWith(".") && file.endsWith(".tmp");
    }

    /** What killed runs left: staging folders deleted; a set-aside previous run restored when the swap was cut. */
    private static void cleanStale(Path parent, String name, Path target) throws IOException {
        List<Path> staging = new ArrayList<>();
        List<Path> aside = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            entries.forEach(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".staging-")) {
                    staging.add(p);
                } else if (n.startsWith("." + name + ".old-")) {
                    aside.add(p);
                }
            });
        }
        staging.forEach(RunFolder::deleteTree);
        if (!Files.exists(target) && !aside.isEmpty()) {
            // several only when deleting an older one failed too: the newest finished run is the previous one
            Path previous = aside.stream().max(Comparator.comparing(RunFolder::finished)).orElseThrow();
            aside.remove(previous);
            rename(previous, target);
        }
        aside.forEach(RunFolder::deleteTree);
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    if (isTemporary(target.relativize(p).toString())) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The run id and the finish time (ISO-8601) the manifest in {@code folder} gives; "" for what it lacks. */
    static String[] identity(Path folder) {
        String[] identity = {"", ""};
        try (Stream<String> lines = Files.lines(folder.resolve(MANIFEST))) {
            lines.forEach(l -> {
                if (l.startsWith(RUN)) {
                    identity[0] = l.substring(RUN.length());
                } else if (l.startsWith(FINISHED)) {
                    identity[1] = l.substring(FINISHED.length());
                }
            });
        } catch (IOException | RuntimeException e) {
            // no manifest (a folder from before manifests, or copied by hand): the run is named by its folder only
        }
        return identity;
    }

    /** When the run in {@code folder} finished, by its manifest; the epoch when it has none. */
    private static Instant finished(Path folder) {
        try (Stream<String> lines = Files.lines(folder.resolve(MANIFEST))) {
            return lines.filter(l -> l.startsWith(FINISHED)).map(l -> Instant.parse(l.substring(FINISHED.length())))
                    .findFirst().orElse(Instant.EPOCH);
        } catch (IOException | RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** The regular files under {@code folder}, relative, with '/' between folders. */
    private static Set<String> filesIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new SegmentaException("cannot list the output folder " + folder + ": " + OutputFiles.describe(e), e);
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to); // same parent, so only on file systems without an atomic rename
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: what is left has the staging or set-aside name and is cleaned by the next run
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the lock; the empty lock file stays, deleting it would race
            } catch (IOException ignored) {
                // nothing to do: the process ending releases the lock too
            }
        }
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** A new run id for the manifest. */
    static String newRunId() {
        return UUID.randomUUID().toString();
    }
}
