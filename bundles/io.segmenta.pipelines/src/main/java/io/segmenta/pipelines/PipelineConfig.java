package io.segmenta.pipelines;

import io.segmenta.api.pipeline.EngineOptions;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The fields of a pipeline configuration, for metatype (tools that edit configurations show these names,
 * descriptions and defaults). The component reads the raw properties (see {@code PipelineDefinition}), so
 * that {@code option.KEY} fields and unknown fields can be handled and reported.
 */
@ObjectClassDefinition(name = "Segmenta pipeline", description = "A named segmentation pipeline: source and "
        + "input, feature extractor, algorithm and k (or a k range), reporters and output folder, options, schedule")
@interface PipelineConfig {
    @AttributeDefinition(description = "the pipeline's name (default: the file name after io.segmenta.pipeline-)",
            required = false)
    String name();

    @AttributeDefinition(description = "data source stage, e.g. uk-retail")
    String source();

    @AttributeDefinition(description = "file or folder the source reads")
    String input();

    @AttributeDefinition(description = "feature extractor stage, or a feature set joined on the customer, e.g. "
            + "rfm+web:rfm (a member's own input and source in the fields input.NAME and source.NAME)")
    String features() default "rfm";

    @AttributeDefinition(description = "clustering algorithm stage")
    String algorithm() default "kmeans";

    @AttributeDefinition(description = "number of segments (default 4; or give k.min and k.max)", required = false)
    int k();

    @AttributeDefinition(name = "k.min", description = "smallest k of an automatic choice", required = false)
    int k_min();

    @AttributeDefinition(name = "k.max", description = "largest k of an automatic choice", required = false)
    int k_max();

    @AttributeDefinition(description = "random seed", required = false)
    long seed() default 42;

    @AttributeDefinition(description = "independently seeded runs", required = false)
    int runs() default 10;

    @AttributeDefinition(name = "max-iterations", description = "iteration cap of one run", required = false)
    int max$_$iterations() default 300;

    @AttributeDefinition(description = "reporter stages, comma-separated, or none", required = false)
    String report() default "csv";

    @AttributeDefinition(description = "output folder", required = false)
    String out() default "out";

    @AttributeDefinition(name = EngineOptions.SAVE_MODEL, description = "model file to save", required = false)
    String save$_$model();

    @AttributeDefinition(name = EngineOptions.COMPARE_WITH, description = "an earlier run's output folder to compare "
            + "with, or " + EngineOptions.COMPARE_WITH_PREVIOUS + " for the run this pipeline's output folder holds "
            + "(each scheduled run then shows how customers moved since the one before)", required = false)
    String compare$_$with();

    @AttributeDefinition(description = "when it runs by itself: every N with a unit m, h or d (e.g. every 30d), a "
            + "five-field cron expression (minute hour day-of-month month day-of-week, e.g. 0 6 1 * * for 06:00 on "
            + "the first of each month) or @monthly, @weekly, @daily, @hourly, @yearly; or none", required = false)
    String schedule() default "none";

    @AttributeDefinition(name = "schedule.zone", description = "time zone of a cron schedule, e.g. Asia/Jakarta "
            + "(default: the JVM's)", required = false)
    String schedule_zone();
}
