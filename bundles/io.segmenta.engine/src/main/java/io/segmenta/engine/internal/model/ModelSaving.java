package io.segmenta.engine.internal.model;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.ModelState;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.engine.internal.scaling.Percentiles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts together what a model file holds from a finished run. */
public final class ModelSaving {
    private ModelSaving() {
    }

    public static SavedModel of(PipelineResult result, FittedScaler scaler, ModelState state) {
        Map<String, String> options = new TreeMap<>(result.spec().options().asMap());
        options.remove(EngineOptions.SAVE_MODEL); // the file does not name itself
        options.remove(EngineOptions.COMPARE_WITH); // what this run was compared with says nothing of the model
        List<SavedModel.Segment> segments = new ArrayList<>();
        for (SegmentProfile p : result.segments()) {
            segments.add(new SavedModel.Segment(p.segment(), p.name(), p.size(), p.share(), p.valueShare()));
        }
        DataQuality q = result.source().quality();
        ClusterQuality quality = result.quality();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("cost", result.model().cost());
        figures.put("inertia", quality.inertia());
        figures.put("silhouette", quality.silhouette());
        figures.put("daviesBouldin", quality.daviesBouldin());
        figures.put("calinskiHarabasz", quality.calinskiHarabasz());
        SavedModel.Training training = new SavedModel.Training(q.inputs(), q.rowsRead(), q.rowsKept(),
                result.features().rowCount(), dateTime(q.firstTimestamp()), dateTime(q.lastTimestamp()), figures,
                ranges(result));
        return new SavedModel(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), result.spec().source(),
                result.spec().features(), result.spec().algorithm(), result.spec().cluster(), options,
                new TreeMap<>(result.stageVersions()), result.features().entity(),
                result.features().numericNames(),
                result.features().categorical().stream().map(CategoricalColumn::name).toList(),
                result.features().valueColumn(), scaler.steps(), segments, state, training, members(result.spec()),
                result.featureFit().map(f -> f.state()).orElse(null));
    }

    /** The 1st and 99th percentile of each raw numeric feature, which predict compares new data with. */
    private static List<SavedModel.FeatureRange> ranges(PipelineResult result) {
        List<SavedModel.FeatureRange> ranges = new ArrayList<>();
        for (NumericColumn c : result.features().numeric()) {
            Percentiles p = new Percentiles(c.values(), c.size());
            SavedModel.FeatureRange range = new SavedModel.FeatureRange(c.name(), p.percentile(1), p.percentile(99), 0);
            ranges.add(new SavedModel.FeatureRange(c.name(), range.p1(), range.p99(), range.shareOutside(c.values())));
        }
        return ranges;
    }

    private static List<SavedModel.Member> members(PipelineSpec spec) {
        List<SavedModel.Member> members = new ArrayList<>();
        for (FeatureMember m : spec.members()) {
            FeatureInput own = spec.memberInputs().get(m.name());
            members.add(own == null ? new SavedModel.Member(m.name(), m.extractor(), spec.source(), null)
                    : new SavedModel.Member(m.name(), m.extractor(), own.source().orElse(spec.source()),
                            own.input().toString()));
        }
        return members;
    }

    private static String dateTime(long seconds) {
        return seconds == TimestampColumn.MISSING ? null
                : LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toString();
    }
}
