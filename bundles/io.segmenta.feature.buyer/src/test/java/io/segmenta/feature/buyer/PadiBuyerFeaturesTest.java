package io.segmenta.feature.buyer;

import static io.segmenta.feature.buyer.BuyerFeaturesTest.column;
import static io.segmenta.feature.buyer.BuyerFeaturesTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.source.padi.PadiUmkmSource;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Buyer features of the hand-made PaDi UMKM export of io.segmenta.source.padi (read in place, through the real
 * source; see docs/sources/padi-umkm.md). Its 12 kept lines, by buyer:
 * <ul>
 * <li>B2: orders ...01 (GMV 30,779,149, revenue 138,506, prepaid, Konveksi &amp; Laundry, 2023-02-02 10:15),
 * ...02 (120,000,000 / 540,000, postpaid, Pertukangan, 2023-02-03) and ...05 (4,275,000 / 19,238, postpaid,
 * Konveksi &amp; Laundry, 2023-05-15); city Kota Jakarta Selatan;</li>
 * <li>B3: ...03 (76,000,000 / 0, cancelled, Jasa Perawatan Gedung, 2023-03-10 08:00) and ...0b (1,150,000 /
 * 5,175, Office &amp; Stationery and Elektronik, 2022-11-30 23:59:59), both prepaid; city missing;</li>
 * <li>B1: ...04 (383,900 / 1,728, voucher 50,000 with code RAFIPADI30, Makanan &amp; Minuman, 2023-04-01 09:30)
 * and ...0c (900,000 / 0, Kesehatan, 2023-08-08 12:00, the last order), both prepaid;</li>
 * <li>BX: ...06 (64,000,000 / 288,000, postpaid, Jasa Event Organizer, 2023-06-20 14:00), not in df_users.</li>
 * </ul>
 * The snapshot is 2023-08-09 12:00.
 */
class PadiBuyerFeaturesTest {
    /** The fixture folder, relative to this module's folder (surefire's working directory). */
    private static final Path FIXTURE = Path.of("..", "io.segmenta.source.padi", "src", "test", "resources", "padi");
    private static final String B1 = "66696b27cc8b6b09f45e1f01";
    private static final String B2 = "63205e0636adb3394d512ab0";
    private static final String B3 = "632030dd36adb3394d4fbf51";
    private static final String BX = "631e202adf5e0b1702af8b4c";

    @Test
    void computesTheBuyerFeaturesOfTheHandMadeExport() {
        assertTrue(Files.isDirectory(FIXTURE), "the PaDi fixture is not at " + FIXTURE.toAbsolutePath());
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = new BuyerFeatures().extract(
                new PadiUmkmSource().read(FIXTURE, new RecordingContext()).transactions(), context);

        assertEquals(List.of(B2, B3, B1, BX), m.ids());
        assertEquals(List.of("gmv", "revenue", "orders", "avg_order_value", "categories", "voucher_orders",
                "voucher_value", "recency"), m.numericNames());
        // the source spreads order totals over lines in proportion to subtotals: sums are exact only to rounding
        assertArrayEquals(new double[] {155_054_149, 77_150_000, 1_283_900, 64_000_000}, column(m, "gmv"), 1e-6);
        assertArrayEquals(new double[] {697_744, 5_175, 1_728, 288_000}, column(m, "revenue"), 1e-6);
        assertArrayEquals(new double[] {3, 2, 2, 1}, column(m, "orders"));
        assertArrayEquals(new double[] {155_054_149 / 3.0, 38_575_000, 641_950, 64_000_000},
                column(m, "avg_order_value"), 1e-6);
        assertArrayEquals(new double[] {2, 3, 2, 1}, column(m, "categories"));
        assertArrayEquals(new double[] {0, 0, 1, 0}, column(m, "voucher_orders"));
        assertArrayEquals(new double[] {0, 0, 50_000, 0}, column(m, "voucher_value"), 1e-6);
        // 86 d 12 h, 152 d 4 h, exactly 1 d, 49 d 22 h
        assertArrayEquals(new double[] {86, 152, 1, 49}, column(m, "recency"));
        assertEquals(Arrays.asList("Kota Jakarta Selatan", null, null, null), values(m, "city"));
        assertEquals(List.of("postpaid", "prepaid", "prepaid", "postpaid"), values(m, "payment_type"));
        assertEquals(List.of("buyer: the table has no region column; the customer's city is used instead"),
                context.infos);
    }
}
