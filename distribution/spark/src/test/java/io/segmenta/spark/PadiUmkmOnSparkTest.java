package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.PadiUmkmGenerator;
import io.segmenta.source.padi.PadiUmkmSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The padi-umkm source on Spark (local[2]) against the single-machine source on a generated PaDi export (10 buyers,
 * seed 5, about 480 lines) with planted rows for every rule (an order with two rows and no line among them) and six
 * malformed rows in df_order_complete and df_order (the same "wrong number of fields" reason in both files, counted
 * apart as on one machine), a line whose subtotal is quantity x price_per_item, an order whose amounts are spread
 * over two lines, and a repeated line: the same account (rows read and kept, rejections by reason in the account's
 * order with their first lines and files, entity counts, dates, duplicates), rfm to 1e-9, the business figures and
 * the seller features (same sellers in the same order, values to 1e-9, levels).
 */
class PadiUmkmOnSparkTest {
    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void generate() throws IOException {
        input = dir.resolve("padi");
        new PadiUmkmGenerator().generate(input, new GeneratorRequest(10, 0, 5, true), new RecordingContext());
        Path orders = input.resolve("df_order.csv");
        Path lines = input.resolve("df_order_complete.csv");
        String firstOrder = Files.readAllLines(orders).get(1);
        String[] o = firstOrder.split(",", -1);
        String order = o[0];
        String seller = o[2];
        String buyer = o[4];
        String firstLine = Files.readAllLines(lines).get(1);
        // order_id,status,seller_id,seller_category,buyer_id,payment_type,payment_method,voucher_val,voucher_code,
        // product_type,order_date,gmv,revenue
        append(orders,
                ",Selesai," + seller + ",Kecil," + buyer + ",prepaid,BCA,0,NaN,barang,2023-03-01,1000,5",
                "ffffffffffffffffffff0001,Selesai," + seller + ",Kecil," + buyer
                        + ",prepaid,BCA,0,NaN,barang,01/03/2023,1000,5",
                "ffffffffffffffffffff0002,Selesai," + seller + ",Kecil," + buyer
                        + ",prepaid,BCA,0,NaN,barang,2023-03-01,12.5,5",
                "ffffffffffffffffffff0003,Selesai",
                "ffffffffffffffffffff0004,Selesai," + seller + ",Kecil," + buyer + ",prepaid,BCA,0,NaN,barang,,1000,5",
                "ffffffffffffffffffff0005,Selesai,NaN,Kecil," + buyer + ",prepaid,BCA,0,NaN,barang,2023-03-02,1000,5",
                "ffffffffffffffffffff0006,Selesai," + seller + ",Kecil," + buyer
                        + ",postpaid,BCA,500,NaN,jasa,2023-03-03 10:00:00,3000,15",
                "ffffffffffffffffffff0007,Selesai," + seller + ",Kecil,NaN,prepaid,BCA,0,NaN,barang,2023-03-04,1000,5",
                "ffffffffffffffffffff0008,Menunggu Pembayaran," + seller + ",Kecil," + buyer
                        + ",prepaid,BCA,0,NaN,barang,2023-03-05,1000,5",
                "ffffffffffffffffffff0008,Menunggu Pembayaran," + seller + ",Kecil," + buyer
                        + ",prepaid,BCA,0,NaN,barang,2023-03-05,1000,5");
        // order_id,quantity,price_per_item,price_subtotal,ppn,Main Category,subcat 1,subcat 2,product name,unit
        append(lines,
                order + ",abc,100,100,0,Makanan,Snack,0,Roti,pcs",
                order + ",2,100",
                order + ",2,100,1.234.567,0,Makanan,Snack,0,Roti,pcs",
                ",2,100,200,0,Makanan,Snack,0,Roti,pcs",
                "ffffffffffffffffffff0004,1,1000,1000,0,Makanan,Snack,0,Roti,pcs",
                "ffffffffffffffffffff0005,1,1000,1000,0,Makanan,Snack,0,Roti,pcs",
                "ffffffffffffffffffff0006,3,400,,0,Makanan,NaN,0,Kue,box",
                "ffffffffffffffffffff0006,2,900,1800,0,Makanan,Snack,Kering,Kue,box",
                "ffffffffffffffffffff0007,1,1000,1000,0,Makanan,Snack,0,Roti,pcs",
                "ffffffffffffffffffff9999,1,1000,1000,0,Makanan,Snack,0,Roti,pcs",
                firstLine);
    }

    private static void append(Path file, String... rows) throws IOException {
        Files.writeString(file, String.join("\n", rows) + "\n", StandardOpenOption.APPEND);
    }

    static PipelineSpec spec(String features) {
        return new PipelineSpec(PadiUmkmSource.NAME, input, features, "kmeans", new ClusterRequest(3, 42, 3, 300),
                List.of(), dir.resolve(features), Options.empty());
    }

    @Test
    void accountRfmAndSellerFeaturesAreTheSingleMachineOnes() {
        PipelineResult rfm = SparkPipeline.engine().run(spec("rfm"), null);
        PipelineResult seller = SparkPipeline.engine().run(spec("seller"), null);
        ExtractedFeatures rfmOnSpark;
        ExtractedFeatures sellerOnSpark;
        try (SparkBackEnd backEnd = new SparkBackEnd(LocalSpark.session(), input.toString())) {
            rfmOnSpark = backEnd.extract(PadiUmkmSource.NAME, new FeatureMember("rfm", "rfm"), Options.empty(),
                    Optional.empty());
            sellerOnSpark = backEnd.extract(PadiUmkmSource.NAME, new FeatureMember("seller", "seller"),
                    Options.empty(), Optional.empty());
        }
        DataQuality expected = rfm.source().quality();
        // every rule and kind of malformed row was planted, so the comparison covers them all
        List<String> reasons = expected.rejections().stream().filter(r -> r.count() > 0).map(Rejection::reason)
                .toList();
        assertEquals(13, reasons.size(), reasons.toString());
        assertTrue(expected.duplicateRows() > 0);
        SameAnswers.sameAccount(expected, rfmOnSpark.quality());
        SameAnswers.sameFirstLines(expected, rfmOnSpark.quality());
        assertEquals(expected.rejections().stream().map(r -> Path.of(r.file()).getFileName().toString()).toList(),
                rfmOnSpark.quality().rejections().stream().map(r -> Path.of(r.file()).getFileName().toString())
                        .toList(), "the file of each reason's lines");
        SameAnswers.sameRfm(rfm.features(), rfmOnSpark.features(), false);
        SameAnswers.sameBusiness(rfm.business(), rfmOnSpark.business());
        SameAnswers.sameAccount(seller.source().quality(), sellerOnSpark.quality());
        FeaturesOnSparkTest.sameFeatures(seller.features(), sellerOnSpark.features());
        assertEquals(EntityKind.SELLER, sellerOnSpark.features().entity());
    }
}
