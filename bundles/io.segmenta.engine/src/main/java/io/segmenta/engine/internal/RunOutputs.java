package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.Reporter;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.ModelSaving;
import io.segmenta.engine.internal.model.SavedModel;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes what a finished training produced: the reporters' files and the model file. It runs only when every
 * earlier step succeeded; the reporters write into a {@link RunFolder}'s staging folder, swapped in only when
 * all is written, so a failed or cancelled run leaves the previous run's folder as it was.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    /** @return the result with the files written and every step's timing */
    static PipelineResult write(PipelineResult result, ChosenStages chosen, StepRunner steps, FittedScaler fitted) {
        PipelineSpec spec = result.spec();
        // built before anything is written, so that a model that cannot be saved fails the run cleanly
        Optional<Path> modelFile = EngineOptionValues.modelFile(spec.options());
        SavedModel saved = modelFile.isEmpty() ? null : ModelSaving.of(result, fitted,
                StepRunner.call(chosen.algorithm(), result.model()::state).orElseThrow(() -> new SegmentaException(
                        chosen.algorithm().label() + " cannot save its models; leave out the option "
                                + EngineOptions.SAVE_MODEL)));

        List<Path> outputs = new ArrayList<>();
        if (chosen.reporters().isEmpty()) {
            if (saved != null) {
                steps.checkNotCancelled(List.of());
                ModelFile.write(modelFile.get(), saved);
                outputs.add(modelFile.get());
            }
            return result.withOutputs(outputs, steps.timings());
        }
        steps.checkNotCancelled(List.of());
        Path pending = null;
        try (RunFolder folder = RunFolder.open(spec.outputDir())) {
            // nothing reaches the output folder before the swap, so a failure or cancellation writes nothing
            Path staging = folder.staging();
            for (StageEntry entry : chosen.reporters()) {
                steps.checkNotCancelled(List.of());
                Reporter reporter = (Reporter) entry.stage();
                outputs.addAll(steps.report(entry, ctx -> reporter.report(result, staging, ctx), List.of()));
            }
            Path model = modelFile.orElse(null);
            boolean inside = model != null && model.toAbsolutePath().normalize().getParent()
                    .equals(spec.outputDir().toAbsolutePath().normalize());
            if (saved != null) {
                steps.checkNotCancelled(List.of());
                // a model file inside the output folder belongs to the run; elsewhere it is written beside its
                // place first and moved there only once the swap succeeded, so a model that cannot be written
                // or a swap that fails leaves the previous run and the previous model file as they were
                if (inside) {
                    Path written = staging.resolve(model.getFileName());
                    ModelFile.write(written, saved);
                    outputs.add(written);
                } else {
                    pending = pendingModel(model);
                    ModelFile.write(pending, saved);
                }
            }
            steps.checkNotCancelled(List.of());
            outputs = new ArrayList<>(folder.commit(RunFolder.newRunId(), outputs));
            if (pending != null) {
                moveModelIntoPlace(pending, model);
                pending = null;
                outputs.add(model);
            }
        } finally {
            if (pending != null) {
                deletePending(pending);
            }
        }
        return result.withOutputs(outputs, steps.timings());
    }

    /** Where a model file outside the output folder waits for the swap: hidden, beside it, one name per file. */
    static Path pendingModel(Path model) {
        return model.resolveSibling("." + model.getFileName() + ".pending");
    }

    private static void moveModelIntoPlace(Path pending, Path model) {
        try {
            OutputFiles.moveIntoPlace(pending, model);
        } catch (IOException e) {
            throw new SegmentaException("the run's reports are in place but the model file " + model
                    + " could not be: " + OutputFiles.describe(e), e);
        }
    }

    private static void deletePending(Path pending) {
        try {
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            // best effort: the next run saving this model file writes over it
        }
    }

    static void createOutputDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SegmentaException("cannot create the output folder " + dir + ": " + OutputFiles.describe(e), e);
        }
    }
}
