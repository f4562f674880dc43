package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.StageDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The distribution's bundles in Felix: every bundle resolves and starts, SCR registers the engine, the four
 * uk-retail stages and the Gogo commands, and a segmenta:run typed into Gogo segments the sample data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixPipelineIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.distribution();
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() throws Exception {
        List<String> urls = new ArrayList<>(Distribution.jarUrls("bundle"));
        urls.addAll(Distribution.jarUrls("shell"));
        for (String url : urls) {
            Bundle bundle = context.getBundle(url);
            assertTrue("not installed: " + url, bundle != null);
            assertEquals(bundle.getSymbolicName() + " is not active (" + url + ")", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void engineSeesTheFourStages() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        List<StageDescriptor> stages = engine.stages();
        for (String[] stage : Distribution.UK_RETAIL_STAGES) {
            assertTrue("engine has no " + stage[0] + " " + stage[1] + ": " + stages, stages.stream()
                    .anyMatch(s -> s.name().equals(stage[1]) && s.kind().label().equals(stage[0])));
        }
    }

    @Test
    public void gogoListsStagesAndRunsThePipelineOnTheSample() throws Exception {
        FelixRuntime.engine(context);
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);

        String stages = FelixRuntime.gogo(gogo, "segmenta:stages");
        Distribution.assertListsUkRetailStages(stages);

        Path out = Distribution.workDir("felix-run").resolve("out");
        String run = FelixRuntime.gogo(gogo, "segmenta:run --source uk-retail --input '" + Distribution.sample()
                + "' --features rfm --algorithm kmeans --k 4 --seed 42 --report csv,xlsx --out '" + out + "'");
        assertFalse("the run printed an error:\n" + run, run.contains("error:"));
        Distribution.assertShowsClusterTable(run, 4);
        assertTrue("the run does not list its outputs:\n" + run, run.contains(out.resolve("summary.csv").toString()));
        assertTrue("the run does not list the workbook:\n" + run, run.contains(out.resolve("segments.xlsx").toString()));

        Map<String, String> summary = Distribution.checkReports(out, 4);
        assertEquals("uk-retail", summary.get("source"));
        assertEquals("42", summary.get("seed"));
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
        // the xlsx reporter's embedded fastexcel works inside Felix
        Distribution.checkWorkbook(out, Integer.parseInt(summary.get("customers")));
    }

    /** The model file path and Gson work inside Felix: segmenta:run saves, segmenta:predict reads it back. */
    @Test
    public void gogoSavesAModelAndPredictsWithIt() throws Exception {
        FelixRuntime.engine(context);
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
        Path work = Distribution.workDir("felix-predict");
        Path model = work.resolve("model.json");
        String run = FelixRuntime.gogo(gogo, "segmenta:run --source uk-retail --input '" + Distribution.sample()
                + "' --k 4 --out '" + work.resolve("out") + "' --save-model '" + model + "'");
        assertFalse("the run printed an error:\n" + run, run.contains("error:"));
        assertTrue(run, run.contains(model.toString()));

        String predict = FelixRuntime.gogo(gogo, "segmenta:predict --model '" + model + "' --input '"
                + Distribution.sample() + "' --out '" + work.resolve("predicted") + "'");
        assertFalse("predict printed an error:\n" + predict, predict.contains("error:"));
        assertTrue(predict, predict.contains("Predicted segments (300 customers)"));
        assertEquals(Files.readAllLines(work.resolve("out/assignments.csv")),
                Files.readAllLines(work.resolve("predicted/predictions.csv")));
    }
}
