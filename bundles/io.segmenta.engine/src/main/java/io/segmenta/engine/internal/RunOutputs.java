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
        try (RunFolder folder = RunFolder.open(spec.outputDir())) {
            // nothing reaches the output folder before the swap, so a failure or cancellation writes nothing
            Path staging = folder.staging();
            for (StageEntry entry : chosen.reporters()) {
                steps.checkNotCancelled(List.of());
                Reporter reporter = (Reporter) entry.stage();
                outputs.addAll(steps.report(entry, ctx -> reporter.report(result, staging, ctx), List.of()));
            }
            if (saved != null) {
                steps.checkNotCancelled(List.of());
                // a model file inside the output folder belongs to the run; elsewhere it is written before the
                // swap, so a model that cannot be written leaves the previous run in place
                Path model = modelFile.get();
                boolean inside = model.toAbsolutePath().normalize().getParent()
                        .equals(spec.outputDir().toAbsolutePath().normalize());
                Path written = inside ? staging.resolve(model.getFileName()) : model;
                ModelFile.write(written, saved);
                outputs.add(written);
            }
            steps.checkNotCancelled(List.of());
            outputs = folder.commit(RunFolder.newRunId(), outputs);
        }
        return result.withOutputs(outputs, steps.timings());
    }

    static void createOutputDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SegmentaException("cannot create the output folder " + dir + ": " + OutputFiles.describe(e), e);
        }
    }
}
