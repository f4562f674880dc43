package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.SegmentAction;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Action rules files and the action each segment gets (docs/user-guide.md, "Recommended actions"). */
class SegmentActionsTest {
    private static final List<String> RFM = List.of("recency", "frequency", "monetary");
    /** Population means: recency 100 days, 4 orders, 1000 spent, so a segment's means read as its index x 1/100. */
    private static final double[] POPULATION = {100, 4, 1000};

    @TempDir
    Path dir;

    private static SegmentProfile profile(int segment, String name, int size, double... means) {
        return new SegmentProfile(segment, name, size, 0.2, Double.NaN, RFM, means, means, POPULATION,
                List.<CategoricalProfile>of());
    }

    private static List<SegmentAction> actions(List<ActionRule> rules, SegmentProfile... profiles) {
        List<SegmentProfile> list = List.of(profiles);
        return SegmentActions.apply(list, list.stream().map(SegmentProfile::name).toList(), rules, "monetary")
                .stream().map(SegmentProfile::action).toList();
    }

    private static List<ActionRule> builtIn() {
        return ActionRules.load(Options.empty());
    }

    @Test
    void theBuiltInRulesFollowTheSeedsAndTheRfmPlaybook() {
        List<SegmentAction> a = actions(builtIn(),
                profile(0, "Dormant Low-Value", 10, 320, 1, 150), // lapsed: recency index 320
                profile(1, "High-Spending Regulars", 10, 12, 20, 9000), // frequent big spenders
                profile(2, "Mid-Spending Occasional Buyers", 10, 90, 7, 900), // frequent, not big
                profile(3, "Low-Spending Sporadic Buyers", 10, 110, 3, 300), // nothing stands out
                profile(4, "Champions", 10, 10, 30, 20000), // named by rfm-segments: the playbook
                profile(5, "Empty Segment 5", 0, Double.NaN, Double.NaN, Double.NaN));
        assertTrue(a.get(0).text().startsWith("Reactivation campaign"), a.get(0).text());
        assertEquals("recency index 320 >= 150 (segment-actions.txt line 34)", a.get(0).reason());
        assertTrue(a.get(1).text().startsWith("Loyalty programme: reward these frequent big spenders"), a.get(1).text());
        assertEquals("frequency index 500 >= 150, monetary index 900 >= 150 (segment-actions.txt line 35)",
                a.get(1).reason());
        assertTrue(a.get(2).text().startsWith("Loyalty programme for frequent buyers"), a.get(2).text());
        assertTrue(a.get(3).text().startsWith("Nurture"), a.get(3).text());
        assertEquals("no other rule matched (segment-actions.txt line 40)", a.get(3).reason());
        assertTrue(a.get(4).text().startsWith("Reward them"), a.get(4).text());
        assertEquals("named Champions (segment-actions.txt line 19)", a.get(4).reason());
        assertEquals(SegmentAction.NONE, a.get(5));
    }

    /**
     * Voucher dependence is the share of orders with a voucher against everyone's (voucher_orders / orders), not
     * the number of voucher orders, which grows with the orders: as in PaDi, where the big regulars have 4.25 times
     * the average voucher orders but also 4.38 times the orders.
     */
    @Test
    void voucherDependenceIsTheShareOfOrdersWithAVoucher() {
        List<String> features = List.of("gmv", "orders", "voucher_orders", "recency");
        double[] population = {1000, 4, 1, 100};
        SegmentProfile occasional = new SegmentProfile(0, "Mid-Spending Occasional Buyers", 10, 0.5, Double.NaN,
                features, new double[] {900, 4.84, 3.14, 82}, new double[] {900, 4, 3, 80}, population, List.of());
        SegmentProfile regulars = new SegmentProfile(1, "High-Spending Regulars", 10, 0.5, Double.NaN, features,
                new double[] {8240, 17.52, 4.25, 3}, new double[] {8000, 17, 4, 3}, population, List.of());
        List<SegmentProfile> named = SegmentActions.apply(List.of(occasional, regulars), List.of("a", "b"),
                builtIn(), "gmv");
        SegmentAction a = named.get(0).action();
        assertTrue(a.text().startsWith("Voucher-dependence warning"), a.text());
        assertEquals("voucher_orders / orders index 260 >= 150 (segment-actions.txt line 32)", a.reason());
        assertTrue(named.get(1).action().text().startsWith("Loyalty programme: reward these frequent big spenders"),
                named.get(1).action().toString());
    }

    @Test
    void aUserFileFirstMatchWinsNamesMatchBeforeAndAfterRenamesMissingFeaturesDoNotHold() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.txt"), "# mine\n\n"
                + "  name \"Core Customers\" => Call them.\n"
                + "voucher_orders > 100 => never: the run has no voucher_orders\n"
                + "value >= 200 => Upsell.\n"
                + "value >= 100 and recency < 50 => also true, but later\n"
                + "default => Newsletter.\n");
        List<ActionRule> rules = ActionRules.load(new Options(Map.of("actions", file.toString())));
        SegmentProfile renamed = profile(0, "Core Customers", 10, 40, 9, 5000);
        SegmentProfile own = profile(1, "Champions", 10, 40, 9, 5000);
        List<SegmentProfile> named = SegmentActions.apply(List.of(renamed, own.withName("VIP"), profile(2, "x", 10,
                60, 9, 1500)), List.of("High-Spending Regulars", "Core Customers", "x"), rules, "monetary");
        assertEquals(new SegmentAction("Call them.", "named Core Customers (" + file + " line 3)"),
                named.get(0).action());
        assertEquals("Call them.", named.get(1).action().text()); // its name before the user's rename
        assertEquals(new SegmentAction("Newsletter.", "no other rule matched (" + file + " line 7)"),
                named.get(2).action());
        assertEquals("VIP", named.get(1).name());
    }

    @Test
    void mistakesNameTheFileLineColumnAndWhatWasExpected() {
        Map<String, String> bad = Map.of(
                "recency >= 200 Reactivate\ndefault => x\n",
                "f, line 1, column 26: expected '=>' and the action after the condition, found the end of the line",
                "recency >= 200 =>   \ndefault => x\n",
                "f, line 1, column 18: expected the action after '=>', found the end of the line",
                "# c\nrecency is 200 => x\ndefault => x\n",
                "f, line 2, column 9: expected an operator <, <=, > or >= after the feature recency, found 'is'",
                "recency >= high => x\ndefault => x\n",
                "f, line 1, column 12: expected an index, a number such as 150 (100 = average), found 'high'",
                "recency >= 200 or value > 1 => x\ndefault => x\n",
                "f, line 1, column 16: expected 'and' and another condition, or '=>', found 'or'",
                "  >= 200 => x\ndefault => x\n",
                "f, line 1, column 3: expected 'default', name \"SEGMENT NAME\" or a condition FEATURE OP INDEX "
                        + "(e.g. recency >= 200) or FEATURE / FEATURE OP INDEX, found '>='",
                "voucher_orders / >= 150 => x\ndefault => x\n",
                "f, line 1, column 18: expected a feature after '/', found '>='",
                "name \"Lost\" please => x\ndefault => x\n",
                "f, line 1, column 13: expected '=>' after the segment name, found please",
                "default => x\nvalue > 1 => y\n",
                "f, line 2, column 1: expected no rule after the default rule of line 1, which every segment "
                        + "matches, found 'value > 1 => y'",
                "value > 1 => y\n",
                "f, line 2: no default rule; expected a last rule 'default => ACTION' for the segments no other "
                        + "rule matches");
        bad.forEach((text, message) -> assertEquals(message,
                assertThrows(SegmentaException.class, () -> ActionRules.parse("f", text)).getMessage(), text));
    }

    @Test
    void theOptionNamesAFileThatMustExist() {
        assertEquals("option actions: " + dir.resolve("none.txt") + " is not a file; expected an action rules "
                + "file, e.g. actions=conf/segment-actions.txt", assertThrows(SegmentaException.class,
                        () -> ActionRules.load(new Options(Map.of("actions", dir.resolve("none.txt").toString()))))
                        .getMessage());
    }
}
