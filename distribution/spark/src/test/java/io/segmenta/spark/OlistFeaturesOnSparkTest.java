package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.OlistGenerator;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buyer and seller extractors on Spark (local[2]) against the single-machine extractors on a generated Olist
 * export (300 customers, seed 3), read once on Spark for both: the same feature names, entities in the same order,
 * values to 1e-9, the same categorical levels and codes, whichever columns the source gives.
 */
class OlistFeaturesOnSparkTest {
    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void generate() {
        input = dir.resolve("olist");
        new OlistGenerator().generate(input, new GeneratorRequest(300, 0, 3, false), new RecordingContext());
    }

    static PipelineSpec spec(String features) {
        return new PipelineSpec("olist", input, features, "kmeans", new ClusterRequest(3, 42, 3, 300), List.of(),
                dir.resolve(features), Options.empty());
    }

    @Test
    void buyerAndSellerFeaturesAreTheSingleMachineOnes() {
        PipelineResult buyer = SparkPipeline.engine().run(spec("buyer"), null);
        PipelineResult seller = SparkPipeline.engine().run(spec("seller"), null);
        ExtractedFeatures buyerOnSpark;
        ExtractedFeatures sellerOnSpark;
        try (SparkBackEnd backEnd = new SparkBackEnd(LocalSpark.session(), input.toString())) {
            buyerOnSpark = backEnd.extract("olist", new FeatureMember("buyer", "buyer"), Options.empty(),
                    Optional.empty());
            sellerOnSpark = backEnd.extract("olist", new FeatureMember("seller", "seller"), Options.empty(),
                    Optional.empty());
        }
        FeaturesOnSparkTest.sameFeatures(buyer.features(), buyerOnSpark.features());
        FeaturesOnSparkTest.sameFeatures(seller.features(), sellerOnSpark.features());
        assertEquals(EntityKind.SELLER, sellerOnSpark.features().entity());
        SameAnswers.sameBusiness(buyer.business(), buyerOnSpark.business());
    }
}
