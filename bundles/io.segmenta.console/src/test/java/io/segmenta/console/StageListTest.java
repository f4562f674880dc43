package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.EngineOptions;
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
    void verboseAddsOriginsAndTheOptionsOfTheEngineAndEachStage() {
        assertEquals("""
                KIND               NAME       ORIGIN                             DESCRIPTION
                source             olist      -                                  Olist marketplace folder
                source             uk-retail  io.segmenta.source.ukretail 0.1.0  UCI Online Retail export
                feature extractor  rfm        io.segmenta.feature.rfm 0.1.0      RFM per customer
                algorithm          kmeans     io.segmenta.cluster.kmeans 0.1.0   K-Means++
                reporter           csv        io.segmenta.report.csv 0.1.0       CSV files

                OPTIONS (give them with --option KEY=VALUE)
                STAGE   OPTION              DEFAULT                             DESCRIPTION
                engine  silhouette-sample   40000                               the most rows the silhouette is computed on (a sample drawn with the seed beyond it), or exact
                engine  segment-names       none                                renames segments by rule or by number, e.g. highest monetary=VIP; lowest recency=Active
                engine  transform           log1p,zscore                        the scaling chain of every numeric feature without its own (log1p, zscore, robust, minmax, winsorize:P1:P2, none)
                engine  transform.<column>  the transform option                the scaling chain of one feature, e.g. transform.monetary=robust
                engine  save-model          none                                the file the fitted model is saved to (JSON), for predict
                engine  actions             the built-in rules                  the rules file giving each segment a recommended action, e.g. conf/segment-actions.txt
                engine  currency            the source's                        the currency code reports show beside amounts (GBP, BRL, IDR ...), or none
                engine  compare-with        none                                an earlier run's folder (or previous) whose customers' movement between segments the reports show
                engine  min-k               3                                   the smallest k a run choosing k recommends (smaller k are measured and shown)
                engine  join                inner                               feature sets only: inner keeps the entities every member has, strict refuses the run when one is missing
                rfm     snapshot            the day after the last transaction  date recency is measured to (yyyy-MM-dd)
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
    void everyEngineOptionHasADescription() {
        for (String name : EngineOptions.ALL) {
            assertTrue(EngineOptionHelp.LINES.containsKey(name), "no description for engine option " + name);
        }
        assertTrue(EngineOptionHelp.LINES.containsKey(EngineOptions.JOIN));
        assertEquals(EngineOptions.ALL.size() + 1, EngineOptionHelp.lines().size());
    }

    @Test
    void saysSoWhenNothingIsRegistered() {
        assertEquals("no stages registered\n", StageList.render(List.of(), false));
        assertEquals("no stages registered\n", StageList.render(List.of(), List.of(), true));
    }
}
