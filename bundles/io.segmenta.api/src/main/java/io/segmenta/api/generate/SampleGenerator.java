package io.segmenta.api.generate;

import io.segmenta.api.stage.StageContext;
import java.nio.file.Path;

/**
 * Writes sample data in one export format (the files a source of the same name reads), with planted
 * segments. Output is deterministic for a given request and streamed, so memory does not grow with size.
 * Like stages, generators are stateless, have a public no-argument constructor, and are published as OSGi
 * services with the {@value io.segmenta.api.stage.Stage#NAME_PROPERTY} property and as JPMS providers.
 */
public interface SampleGenerator {

    /** The format's name, the same as the source that reads it (e.g. "uk-retail"). */
    String name();

    /** One line saying what is generated. */
    String description();

    /**
     * Writes the files into {@code outputDir} (created when missing). Files are written under temporary names
     * and moved into place when complete.
     *
     * @throws io.segmenta.api.SegmentaException for impossible requests or unwritable folders
     */
    GeneratedSample generate(Path outputDir, GeneratorRequest request, StageContext context);
}
