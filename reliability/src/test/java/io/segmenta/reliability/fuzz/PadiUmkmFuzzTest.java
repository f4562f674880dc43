package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.source.padi.PadiUmkmSource;

/**
 * The padi-umkm source's reader: the input is the export's files, separated by {@link FuzzInput#SEPARATOR} in the
 * order df_order, df_order_complete, df_users (required), then df_products (optional).
 */
class PadiUmkmFuzzTest {
    private static final PadiUmkmSource SOURCE = new PadiUmkmSource();
    private static final String[] FILES = {"df_order.csv", "df_order_complete.csv", "df_users.csv",
        "df_products.csv"};

    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"----", "order_id", "buyer_id", "seller_id", "order_date", "quantity",
        "price_per_item", "subtotal", "user_id", "city", "province", "product_id", "\""})
    void export(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        FuzzInput.readFolder("padi-umkm", FILES, input, SOURCE);
    }
}
