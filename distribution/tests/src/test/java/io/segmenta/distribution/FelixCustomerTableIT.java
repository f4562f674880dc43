package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.StageDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Customer tables inside Felix: the customer-table source and the attributes extractor are registered, and seed
 * 002 typed into Gogo (z-scored numbers, K-Prototypes at k = 5, gamma 0.5) reaches Python kmodes 0.12's cost 26.548
 * and sizes 14/12/11/8/5 (skipped when ../shared/data is absent); a saved model predicts a one-row table.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixCustomerTableIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.distribution();
    }

    @Test
    public void theSourceAndTheExtractorAreRegistered() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        List<StageDescriptor> stages = engine.stages();
        assertTrue(stages.toString(), stages.stream().anyMatch(s -> s.name().equals("customer-table")
                && s.kind().label().equals("source")));
        assertTrue(stages.toString(), stages.stream().anyMatch(s -> s.name().equals("attributes")
                && s.kind().label().equals("feature extractor")));
    }

    @Test
    public void gogoSegmentsSeed002AsKmodesAndPredictsANewCustomer() throws Exception {
        Path file = Distribution.seed002();
        assumeTrue("skipped: seed 002's customer_segments.txt.gz is not in the shared data folder (system property"
                + " segmenta.shared.dir)", file != null);
        FelixRuntime.engine(context);
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
        Path work = Distribution.workDir("felix-seed002");
        Path out = work.resolve("out");
        Path model = work.resolve("seed002.json");
        String run = FelixRuntime.gogo(gogo, "segmenta:run --source customer-table --input '" + file
                + "' --option format.delimiter=tab --features attributes --algorithm kprototypes --k 5"
                + " --option transform=zscore --option gamma=0.5 --report csv,json --out '" + out
                + "' --save-model '" + model + "'");
        assertFalse("the run printed an error:\n" + run, run.contains("error:"));
        assertTrue(run, run.contains("Segments (kprototypes, k=5, 50 customers)"));

        Distribution.assertSeed002AsKmodes(out);

        Path customer = Distribution.writeNewCustomer(work);
        String predict = FelixRuntime.gogo(gogo, "segmenta:predict --model '" + model + "' --input '" + customer
                + "' --out '" + work.resolve("predicted") + "'");
        assertFalse("predict printed an error:\n" + predict, predict.contains("error:"));
        List<String> lines = Files.readAllLines(work.resolve("predicted/predictions.csv"));
        assertEquals(2, lines.size());
        assertTrue(lines.toString(), lines.get(1).startsWith("CUST-100,45,8230000,Pria,Wiraswasta,Cluster,"));
        assertTrue(lines.toString(), lines.get(1).endsWith(",3"));
    }
}
