package io.segmenta.generator;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The skeleton every generator runs around its format: checks the request, opens the format's files and
 * {@code planted-segments.csv} under temporary names ({@link OutputFiles}), lets the format write them,
 * moves them into place, reports the last progress and logs what was written.
 */
final class SampleWriting {
    private SampleWriting() {
    }

    /**
     * @param generator the generator's name, for messages
     * @param dataFiles the names of the format's data files, in the order the sample lists them
     * @param format starts the generation of a checked request
     */
    static GeneratedSample generate(String generator, List<String> dataFiles, Path outputDir,
            GeneratorRequest request, StageContext context, BiFunction<GeneratorRequest, StageContext, Generation> format) {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (request.customers() < 1) {
            throw new SegmentaException("customers: must be at least 1, got " + request.customers());
        }
        if (request.targetLines() < 0) {
            throw new SegmentaException("lines: must be 0 (as planted) or more, got " + request.targetLines());
        }
        System.Logger logger = context.logger();
        logger.log(Level.DEBUG, "{0} sample: {1} customers, {2} lines asked for (0: as planted), seed {3}, dirt {4}",
                generator, request.customers(), request.targetLines(), Long.toString(request.seed()), request.dirt());
        try (OutputFiles files = new OutputFiles(outputDir)) {
            Generation generation = format.apply(request, context);
            try (OpenFiles out = new OpenFiles()) {
                for (String name : dataFiles) {
                    out.add(files.open(name));
                }
                out.add(files.open(PlantedSegments.FILE));
                generation.write(out.files);
            } catch (IOException e) {
                throw new SegmentaException(outputDir + ": cannot write the sample: " + e.getMessage(), e);
            }
            List<Path> written = files.commit();
            context.progress(generation.lines(), generation.lines(), LineProgress.UNIT);
            Map<String, Long> counts = generation.counts();
            logger.log(Level.INFO, "{0} sample written to {1}: {2} and {3}; {4}", generator, outputDir,
                    String.join(", ", dataFiles), PlantedSegments.FILE, counts);
            return new GeneratedSample(written.subList(0, dataFiles.size()), written.get(dataFiles.size()), counts);
        }
    }

    /** The open files of a generation, closed together (last opened first) as try-with-resources would. */
    private static final class OpenFiles implements AutoCloseable {
        final List<AsciiOut> files = new ArrayList<>();

        void add(AsciiOut file) {
            files.add(file);
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (int i = files.size() - 1; i >= 0; i--) {
                try {
                    files.get(i).close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
