package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import io.segmenta.testing.FakeGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageListTest {
    // deliberately out of order: the table groups by kind in pipeline order, then sorts by name
    private static final List<StageDescriptor> STAGES = List.of(
            new StageDescriptor(StageKind.REPORTER, "csv", "CSV files", "io.segmenta.report.csv 0.1.0", List.of()),
            new StageDescriptor(StageKind.ALGORITHM, "kmeans", "K-Means++", "io.segmenta.cluster.kmeans 0.1.0",
                    List.of()),
            new StageDescriptor(StageKind.FEATURES, "rfm", "RFM per customer", "io.segmenta.feature.rfm 0.1.0",
                    List.of(new StageOption("snapshot", "date recency is measured to (yyyy-MM-dd)",
                            "the day after the last transaction"))),
            new StageDescriptor(StageKind.SOURCE, "uk-retail", "UCI Online Retail export",
                    "io.segmenta.source.ukretail 0.1.0", List.of()),
            new StageDescriptor(StageKind.SOURCE, "olist", "Olist marketplace folder", null, List.of()));

    @Test
    void listsStagesByKindInPipelineOrder() {
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             olist      Olist marketplace folder
                source             uk-retail  UCI Online Retail export
                feature extractor  rfm        RFM per customer
                algorithm          kmeans     K-Means++
                reporter           csv        CSV files
                """, StageList.render(STAGES, false));
    }

    @Test
    void verboseAddsOriginsAndOptions() {
        assertEquals("""
                KIND               NAME       ORIGIN                             DESCRIPTION
                source             olist      -                                  Olist marketplace folder
                source             uk-retail  io.segmenta.source.ukretail 0.1.0  UCI Online Retail export
                feature extractor  rfm        io.segmenta.feature.rfm 0.1.0      RFM per customer
                algorithm          kmeans     io.segmenta.cluster.kmeans 0.1.0   K-Means++
                reporter           csv        io.segmenta.report.csv 0.1.0       CSV files

                OPTIONS (give them with --option KEY=VALUE)
                STAGE  OPTION    DEFAULT                             DESCRIPTION
                rfm    snapshot  the day after the last transaction  date recency is measured to (yyyy-MM-dd)
                """, StageList.render(STAGES, true));
    }

    @Test
    void generatorsFollowTheReporters() {
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             olist      Olist marketplace folder
                source             uk-retail  UCI Online Retail export
                feature extractor  rfm        RFM per customer
                algorithm          kmeans     K-Means++
                reporter           csv        CSV files
                generator          olist      fake olist sample
                generator          uk-retail  fake uk-retail sample
                """, StageList.render(STAGES, List.of(new FakeGenerator("uk-retail"), new FakeGenerator("olist")),
                false));
        // on the class path a generator has no module to name
        assertEquals("""
                KIND       NAME       ORIGIN  DESCRIPTION
                generator  uk-retail  -       fake uk-retail sample
                """, StageList.render(List.of(), List.of(new FakeGenerator("uk-retail")), true));
    }

    @Test
    void saysSoWhenNothingIsRegistered() {
        assertEquals("no stages registered\n", StageList.render(List.of(), false));
        assertEquals("no stages registered\n", StageList.render(List.of(), List.of(), true));
    }
}
