package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as a marketing reader needs it (issue 15): good and bad the right way round per feature, one palette,
 * stacks that reach 100%, currency, dates, the source's word for region, features in plain words, every figure
 * defined, no developer references. On the three-customer fixture with a UK context ({@link Fixtures#ukContext}):
 * the population means are recency 134.17, frequency 4, monetary 27,763.61 (the fixture's), so segment 0
 * (recency 2, monetary 4,310) has recency index 1.5 and monetary index 15.5, segment 1 recency index 149.25
 * (10,000 / 149.25 = 67 the right way round: a third of the way to the strongest orange, lightness 88%).
 */
class MarketingReaderTest {
    @TempDir
    Path dir;

    private PipelineResult uk() {
        return Fixtures.withContext(HtmlReporterTest.withSelection(Fixtures.threeCustomers(dir)), Fixtures.ukContext());
    }

    private static String profileRow(String page, String segment) {
        int table = page.indexOf("<table class=\"profile\">");
        int row = page.indexOf(segment, table);
        return page.substring(row, page.indexOf("</tr>", row));
    }

    /**
     * Few days since the last order is good: segment 0's recency (index 1.5) is the strongest green, its spend
     * (index 15.5) the strongest orange; the dormant segment 1 (recency index 149) is orange for recency. The old
     * page coloured every feature "above average = green", so the best customers' recency was orange.
     */
    @Test
    void recencyIsGreenWhenLowAndSpendIsGreenWhenHigh() {
        String page = HtmlReporter.page(uk(), "");
        String best = profileRow(page, "0. High-Spending Regulars</th>");
        assertTrue(best.matches(".*<td style=\"background:hsl\\(140,70%,60%\\)\" title=\"Days since last order: index 1\">"
                + "2\\.00</td>.*"), best);
        assertTrue(best.contains("<td style=\"background:hsl(30,70%,60%)\" title=\"Total spend: index 16\">4,310.00</td>"),
                best);
        String dormant = profileRow(page, "1. Dormant, High-Value</th>");
        assertTrue(dormant.contains("<td style=\"background:hsl(30,70%,88%)\" title=\"Days since last order: index 149\">"
                + "200.25</td>"), dormant);
        assertEquals("hsl(140,70%,60%)", Html.colour(25, FeatureInfo.Direction.LOWER_IS_BETTER));
        assertEquals("hsl(30,70%,60%)", Html.colour(400, FeatureInfo.Direction.LOWER_IS_BETTER));
        assertEquals(Html.colour(400), Html.colour(400, FeatureInfo.Direction.HIGHER_IS_BETTER));
        // neither good nor bad: blue above, grey below, never green or orange
        assertEquals("hsl(210,60%,70%)", Html.colour(400, FeatureInfo.Direction.NEUTRAL));
        assertEquals("hsl(210,0%,70%)", Html.colour(25, FeatureInfo.Direction.NEUTRAL));
        // a feature no extractor described is neutral: without a context recency is blue, not green or orange
        String plain = profileRow(HtmlReporter.page(HtmlReporterTest.withSelection(Fixtures.threeCustomers(dir)), ""),
                "0. High-Spending Regulars</th>");
        assertTrue(plain.contains("<td style=\"background:hsl(210,0%,70%)\" title=\"Recency: index 1\">2.00</td>"), plain);
    }

    /** Headers in plain words with their definition and direction; the money feature with its currency. */
    @Test
    void featuresAreNamedInPlainWordsAndDefined() {
        String page = HtmlReporter.page(uk(), "");
        assertTrue(page.contains("<th title=\"days from the customer's last order to the snapshot date\">"
                + "Days since last order<small>lower is better</small></th>"), page);
        assertTrue(page.contains(">Total spend (GBP)<small>higher is better</small></th>"), page);
        assertTrue(page.contains("where value means total spend (sum of the amounts of the customer's order lines), in GBP"),
                page);
        assertEquals("[\"Days since last order \u25BC\",\"Orders \u25B2\",\"Total spend \u25B2\"]",
                HtmlReporter.data(uk()).get("features").toString());
        assertEquals("Avg order value", ReportContext.NONE.label("avg_order_value"));
        assertEquals("Country", uk().context().label("region"));
        assertTrue(page.contains("Compared with all customers: Days since last order"), "descriptions use the labels");
        for (String id : new String[] {"sizes-note", "profile-note", "overview-note", "quality-note", "map-note"}) {
            assertTrue(page.contains("id=\"" + id + "\""), "a definition beside the figures: " + id);
        }
    }

    /** The run's dates and currency in the header; amounts grouped by thousands with the currency. */
    @Test
    void theHeaderDatesTheFiguresAndAmountsCarryTheirCurrency() {
        String page = HtmlReporter.page(uk(), "");
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertTrue(header.contains("Run on <b id=\"run-date\">7 Dec 2026, 21:50 UTC</b>"), header);
        assertTrue(header.contains("<b id=\"snapshot-date\">10 Dec 2011, 00:00</b>"), header);
        assertTrue(header.contains("amounts in <b id=\"currency\">GBP</b>"), header);
        assertTrue(page.contains("<b>GBP 83,290.84</b><span>total amount</span>"), page);
        String none = HtmlReporter.page(HtmlReporterTest.withSelection(Fixtures.threeCustomers(dir)), "");
        assertFalse(none.contains("class=\"dates\""), "no dates known, no line");
        assertTrue(none.contains("<b>83,290.84</b><span>total amount</span>"), "no currency known, none shown");
    }

    /** The source's word for region in the titles: "Top countries", not "Top region". */
    @Test
    void theSourcesWordForRegionIsUsed() {
        PipelineResult given = Fixtures.withContext(Fixtures.handedOver(uk(), Fixtures.twoRegions()),
                Fixtures.ukContext());
        String page = HtmlReporter.page(given, "");
        assertTrue(page.contains("<h3>Top countries by amount (GBP)</h3>"), page);
        assertFalse(page.contains("Top region"), page);
        assertEquals("provinces", OverviewSection.plural("province"));
    }

    /**
     * Stacks reach 100%: with twelve countries of 1/12 each, the ten shown make 83.33% of every segment and the
     * "other" band the remaining 16.67% (before, the stacks ended at 83.33%, as Olist's did at 88-93%).
     */
    @Test
    void categoricalStacksHaveAnOtherBandAndReach100() {
        PipelineResult r = uk();
        List<String> countries = new ArrayList<>();
        double[] twelfth = new double[12];
        for (int i = 0; i < 12; i++) {
            countries.add("C" + i);
            twelfth[i] = 1.0 / 12;
        }
        List<SegmentProfile> twelve = new ArrayList<>();
        for (SegmentProfile s : r.segments()) {
            twelve.add(new SegmentProfile(s.segment(), s.name(), s.size(), s.share(), s.valueShare(), s.features(),
                    s.means(), s.medians(), s.populationMeans(), List.of(new CategoricalProfile("country", countries,
                            twelfth, twelfth))));
        }
        PipelineResult cut = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(),
                r.quality(), twelve, r.timings(), r.stageVersions(), r.outputs(), r.selection(), r.business(),
                r.featureFit(), r.context());
        var country = HtmlReporter.data(cut).getAsJsonObject("categorical").getAsJsonObject("country");
        JsonArray levels = country.getAsJsonArray("levels");
        assertEquals(11, levels.size(), levels.toString());
        assertEquals("other", levels.get(10).getAsString());
        for (var row : country.getAsJsonArray("shares")) {
            double sum = 0;
            for (var v : row.getAsJsonArray()) {
                sum += v.getAsDouble();
            }
            assertEquals(100, sum, 1e-3, row.toString());
            assertEquals(16.667, row.getAsJsonArray().get(10).getAsDouble(), 1e-3, row.toString());
        }
        // the fixture's own country (two levels and missing) already sums to 100: its "other" band is empty
        var own = HtmlReporter.data(uk()).getAsJsonObject("categorical").getAsJsonObject("country");
        assertEquals("[\"United Kingdom\",\"Korea, Republic of\",\"(missing)\",\"other\"]", own.get("levels").toString());
        assertEquals("[50.0,0.0,50.0,0.0]", own.getAsJsonArray("shares").get(1).toString());
    }

    /** One palette: distinct colours for 40 segments, the first twelve Tableau's; headings use the chart colours. */
    @Test
    void onePaletteWithDistinctColoursUsedByHeadingsAndCharts() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            assertTrue(seen.add(Palette.colour(i)), "segment " + i + " repeats " + Palette.colour(i));
        }
        assertFalse(seen.contains(Palette.OTHER), "grey for other is no segment's");
        JsonArray palette = HtmlReporter.data(uk()).getAsJsonArray("palette");
        assertEquals(Palette.colour(1), palette.get(1).getAsString());
        String page = HtmlReporter.page(uk(), "");
        assertTrue(page.contains("<h3><span class=\"swatch\" style=\"background:" + palette.get(1).getAsString()
                + "\"></span>1. Dormant, High-Value</h3>"), "the heading has segment 1's chart colour");
    }

    /** No developer references: no library, no documentation path. */
    @Test
    void theTextCitesNoLibraryOrDocumentationPath() {
        String page = HtmlReporter.page(Fixtures.lifetimeValue(uk()), "");
        String text = page.substring(0, page.indexOf("<script>const DATA"));
        for (String developer : new String[] {"pandas", "docs/", ".md)", "<code>"}) {
            assertFalse(text.contains(developer), developer);
        }
    }
}
