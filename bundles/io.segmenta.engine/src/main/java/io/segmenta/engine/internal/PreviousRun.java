package io.segmenta.engine.internal;

import static io.segmenta.api.pipeline.EngineOptions.COMPARE_WITH;
import static io.segmenta.api.pipeline.EngineOptions.COMPARE_WITH_PREVIOUS;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.table.input.RunAssignments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The earlier run a run compares with (option {@value io.segmenta.api.pipeline.EngineOptions#COMPARE_WITH}):
 * where it is, checked before anything is read, and its assignments turned into the movement between segments
 * ({@link SegmentMoves}) once this run's segments are known, before the reporters replace the output folder
 * (which may be that earlier run's folder).
 */
final class PreviousRun {
    /** The timing name of the comparison step. */
    static final String STEP = "comparing with the earlier run";

    private PreviousRun() {
    }

    /**
     * The folder of the earlier run; empty without the option, or with {@value
     * io.segmenta.api.pipeline.EngineOptions#COMPARE_WITH_PREVIOUS} when the output folder holds no run yet.
     *
     * @throws SegmentaException in one line when the option names no folder of a run
     */
    static Optional<Path> folder(PipelineSpec spec) {
        Optional<String> value = spec.options().get(COMPARE_WITH);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().trim();
        if (text.isEmpty()) {
            throw problem("give the folder of an earlier run (holding its " + RunAssignments.FILE + "), or "
                    + COMPARE_WITH_PREVIOUS);
        }
        if (text.equals(COMPARE_WITH_PREVIOUS)) {
            Path out = spec.outputDir();
            return Files.isRegularFile(out.resolve(RunAssignments.FILE)) ? Optional.of(out) : Optional.empty();
        }
        Path given = Path.of(text);
        if (Files.isRegularFile(given)) {
            // a model file saved inside its run's folder stands for that run
            Path parent = given.toAbsolutePath().getParent();
            if (parent != null && Files.isRegularFile(parent.resolve(RunAssignments.FILE))) {
                return Optional.of(given.getParent() == null ? parent : given.getParent());
            }
            throw problem(given + " is a file, and its folder holds no " + RunAssignments.FILE
                    + "; give the folder of an earlier run");
        }
        if (!Files.isDirectory(given)) {
            throw problem("no such folder: " + given);
        }
        if (!Files.isRegularFile(given.resolve(RunAssignments.FILE))) {
            throw problem(given + " holds no " + RunAssignments.FILE + " (the csv reporter writes it: run with "
                    + "--report csv)");
        }
        return Optional.of(given);
    }

    private static SegmentaException problem(String what) {
        return new SegmentaException("option " + COMPARE_WITH + ": " + what);
    }

    /** The result with the movement from the earlier run, when the spec asks for one and it is there. */
    static PipelineResult compare(PipelineResult result, StepRunner steps) {
        Optional<Path> folder = folder(result.spec());
        if (folder.isEmpty()) {
            return result;
        }
        SegmentMovement moved = steps.engine(STEP, () -> {
            RunAssignments earlier = RunAssignments.read(folder.get().resolve(RunAssignments.FILE));
            String[] identity = RunFolder.identity(folder.get());
            return SegmentMoves.of(earlier, result, folder.get().toString(), identity[0], identity[1]);
        }, m -> m.common() + " in both runs, " + m.stayed() + " stayed");
        return result.withMovement(moved);
    }
}
