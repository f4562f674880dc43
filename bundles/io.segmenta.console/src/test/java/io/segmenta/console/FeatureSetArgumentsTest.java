package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature-set syntax in the three places a run is described: the CLI and shell words, and a pipeline file. */
class FeatureSetArgumentsTest {
    @TempDir
    Path dir;

    private static final Map<String, FeatureInput> CRM = Map.of("attributes",
            new FeatureInput(Optional.of("customer-table"), Path.of("crm.csv")));

    @Test
    void theRunOptionsNameTheMembersAndTheirInputs() {
        PipelineSpec spec = RunArguments.parse(List.of("--source", "uk-retail", "--input", "tx.csv", "--features",
                "rfm+attributes", "--input.attributes", "crm.csv", "--source.attributes=customer-table", "--option",
                "join=strict")).spec();
        assertEquals("rfm+attributes", spec.features());
        assertEquals(List.of(new FeatureMember("rfm", "rfm"), new FeatureMember("attributes", "attributes")),
                spec.members());
        assertEquals(CRM, spec.memberInputs());
        assertEquals(Map.of("join", "strict"), spec.options().asMap());
    }

    @Test
    void aPipelineFileSaysTheSame() throws IOException {
        Path file = Files.writeString(dir.resolve("io.segmenta.pipeline-crm.cfg"), """
                source = uk-retail
                input = tx.csv
                features = rfm + attributes
                input.attributes = crm.csv
                source.attributes = customer-table
                option.join = strict
                """);
        PipelineDefinition d = PipelineDefinition.read(file);
        assertEquals(List.of(new FeatureMember("rfm", "rfm"), new FeatureMember("attributes", "attributes")),
                d.spec().members());
        assertEquals(CRM, d.spec().memberInputs());
        assertEquals(Map.of("join", "strict"), d.spec().options().asMap());
        assertTrue(assertThrows(SegmentaException.class, () -> PipelineDefinition.parse(Map.of("source", "s",
                "input", "i", "inputs.web", "w.csv"), "crm", "crm.cfg")).getMessage().contains(
                        "unknown field inputs.web; the fields are source, input, features, algorithm, k, seed, runs, "
                                + "max-iterations, report, out, snapshot, save-model, compare-with, input.NAME, source.NAME, "));
    }

    @Test
    void selectKAndPredictTakeThemToo() {
        SelectKArguments k = SelectKArguments.parse(List.of("--source", "uk-retail", "--input", "tx.csv",
                "--features", "rfm+web:rfm", "--input.web", "web.csv"));
        assertEquals(Map.of("web", new FeatureInput(Optional.empty(), Path.of("web.csv"))), k.spec().memberInputs());
        assertEquals(List.of(new FeatureMember("rfm", "rfm"), new FeatureMember("web", "rfm")), k.spec().members());
        PredictSpec p = PredictArguments.parse(List.of("--model", "m.json", "--input", "tx.csv", "--input.web",
                "web.csv", "--source.web", "mapped-csv")).spec();
        assertEquals(Map.of("web", new FeatureInput(Optional.of("mapped-csv"), Path.of("web.csv"))),
                p.memberInputs());
    }

    @Test
    void mistakesAreOneLineEach() {
        assertEquals("--source.web needs --input.web: a member's own source reads an input of its own",
                assertThrows(SegmentaException.class, () -> RunArguments.parse(List.of("--source", "s", "--input",
                        "i", "--source.web", "mapped-csv")).spec()).getMessage());
        assertEquals("--input.web given twice", assertThrows(SegmentaException.class, () -> RunArguments.parse(
                List.of("--input.web", "a", "--input.web", "b"))).getMessage());
        assertEquals("missing value for --input.web (" + RunArguments.MEMBER_INPUT_HELP + ")",
                assertThrows(SegmentaException.class, () -> RunArguments.parse(List.of("--input.web"))).getMessage());
        assertEquals("features 'rfm+rfm': the member rfm is named twice; give the second one a name of its own, "
                + "e.g. rfm+other:rfm", assertThrows(SegmentaException.class, () -> RunArguments.parse(List.of(
                        "--source", "s", "--input", "i", "--features", "rfm+rfm")).spec().members()).getMessage());
        assertEquals("features 'rfm+': a member is EXTRACTOR or NAME:EXTRACTOR, joined with + (e.g. rfm+web:rfm); "
                + "got ''", assertThrows(SegmentaException.class, () -> FeatureMember.parse("rfm+")).getMessage());
    }

    @Test
    void theUsageListsTheMemberOptionsAfterFeatures() {
        String usage = RunArguments.usage();
        assertTrue(usage.contains("--features NAME") && usage.indexOf("--input.NAME PATH") > usage.indexOf(
                "--features NAME") && usage.indexOf("--source.NAME NAME") < usage.indexOf("--algorithm"), usage);
    }
}
