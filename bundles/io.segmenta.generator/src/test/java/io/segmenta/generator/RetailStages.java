package io.segmenta.generator;

import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.engine.modulepath.ModulePathPipelineEngine;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine with the stages on the test class path (uk-retail, rfm, kmeans), and the data to run it on:
 * generated with planted segments, or the real UCI Online Retail file when it is here.
 */
final class RetailStages {
    /** The real UCI Online Retail file, under the shared folder (../shared from the worktree). */
    static final String REAL_FILE = "data/uk-retail/online-retail-dataset.csv.gz";

    private RetailStages() {
    }

    static PipelineEngine engine() {
        return new ModulePathPipelineEngine();
    }

    /** Generates the uk-retail sample (5 planted segments, with dirt) into {@code dir}; returns the data file. */
    static Path generate(Path dir, int customers, long seed) {
        new UkRetailGenerator().generate(dir, new GeneratorRequest(customers, 0, seed, true), new RecordingContext());
        return dir.resolve(UkRetailGenerator.DATA_FILE);
    }

    /**
     * The real file, or null when it is not here: under the folder of the property segmenta.shared.dir, or
     * ../shared from the worktree (the module folder's grandparent).
     */
    static Path realFile() {
        String shared = System.getProperty("segmenta.shared.dir");
        Path file = shared != null ? Path.of(shared, REAL_FILE)
                : Path.of("").toAbsolutePath().resolve("../../../shared").resolve(REAL_FILE).normalize();
        return Files.isRegularFile(file) ? file : null;
    }
}
