package io.segmenta.feature.seller;

import static io.segmenta.feature.seller.SellerFeaturesTest.column;
import static io.segmenta.feature.seller.SellerFeaturesTest.values;
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
 * Seller features of the hand-made PaDi UMKM export of io.segmenta.source.padi (read in place, through the
 * real source; see docs/sources/padi-umkm.md). Its kept orders, by seller (GMV / revenue, status, buyer, date):
 * <ul>
 * <li>S1: ...01 (30,779,149 / 138,506, Selesai, B2, 2023-02-02 10:15); Kecil, Komerling Ulu Selatan;</li>
 * <li>S2: ...02 (120,000,000 / 540,000, Selesai, B2, 2023-02-03) and ...0c (900,000 / 0, Dibatalkan Otomatis,
 * B1, 2023-08-08 12:00, the last order); Kecil, Komerling Ulu Selatan;</li>
 * <li>S3: ...04 (383,900 / 1,728, Refund, B1, 2023-04-01 09:30) and ...05 (4,275,000 / 19,238, Selesai, B2,
 * 2023-05-15); Mikro, Kota Jakarta Timur;</li>
 * <li>S4: ...03 (76,000,000 / 0, Dibatalkan, B3, 2023-03-10 08:00) and ...0b (1,150,000 / 5,175, Selesai, B3,
 * 2022-11-30 23:59:59); Menengah, Kota Bandung;</li>
 * <li>SX: ...06 (64,000,000 / 288,000, Selesai, BX, 2023-06-20 14:00); Besar, not in df_users.</li>
 * </ul>
 * The order awaiting payment (...0a) has no lines, so the source rejects it. The snapshot is 2023-08-09 12:00.
 */
class PadiSellerFeaturesTest {
    /** The fixture folder, relative to this module's folder (surefire's working directory). */
    private static final Path FIXTURE = Path.of("..", "io.segmenta.source.padi", "src", "test", "resources", "padi");
    private static final String S1 = "631a506f7255a77e0e6e28e7";
    private static final String S2 = "631a508a7255a77e0e6e44a3";
    private static final String S3 = "64e70b3c836684545cbce979";
    private static final String S4 = "631a53b15b9755003d261925";
    private static final String SX = "64ed95c05100591f84ec5d64";

    @Test
    void computesTheSellerFeaturesOfTheHandMadeExport() {
        assertTrue(Files.isDirectory(FIXTURE), "the PaDi fixture is not at " + FIXTURE.toAbsolutePath());
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = new SellerFeatures().extract(
                new PadiUmkmSource().read(FIXTURE, new RecordingContext()).transactions(), context);

        assertEquals(List.of(S1, S2, S3, S4, SX), m.ids());
        assertEquals(List.of("gmv", "revenue", "orders_fulfilled", "buyers", "return_rate", "recency"),
                m.numericNames());
        // the source spreads order totals over lines in proportion to subtotals: sums are exact only to rounding
        assertArrayEquals(new double[] {30_779_149, 120_900_000, 4_658_900, 77_150_000, 64_000_000},
                column(m, "gmv"), 1e-6);
        assertArrayEquals(new double[] {138_506, 540_000, 20_966, 5_175, 288_000}, column(m, "revenue"), 1e-6);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {1, 2, 2, 1, 1}, column(m, "buyers"));
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.5, 0}, column(m, "return_rate"));
        // 188 d 1 h 45 min, exactly 1 d, 86 d 12 h, 152 d 4 h, 49 d 22 h
        assertArrayEquals(new double[] {188, 1, 86, 152, 49}, column(m, "recency"));
        assertEquals(List.of("Kecil", "Kecil", "Mikro", "Menengah", "Besar"), values(m, "seller_category"));
        assertEquals(Arrays.asList("Komerling Ulu Selatan", "Komerling Ulu Selatan", "Kota Jakarta Timur",
                "Kota Bandung", null), values(m, "seller_city"));
        assertEquals(List.of("seller: the table has no seller_region column; the seller's city is used instead"),
                context.infos);
    }
}
