package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.source.olist.OlistSource;

/**
 * The olist source's reader: the input is the export's files, separated by {@link FuzzInput#SEPARATOR} in the order
 * customers, orders, items, payments (required), then products, sellers, reviews (optional: a part that is not
 * there is a file that is not there).
 */
class OlistFuzzTest {
    private static final OlistSource SOURCE = new OlistSource();
    private static final String[] FILES = {"olist_customers_dataset.csv", "olist_orders_dataset.csv",
        "olist_order_items_dataset.csv", "olist_order_payments_dataset.csv", "olist_products_dataset.csv",
        "olist_sellers_dataset.csv", "olist_order_reviews_dataset.csv"};

    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"----", "customer_id", "customer_unique_id", "customer_city", "customer_state",
        "order_id", "order_status", "order_purchase_timestamp", "delivered", "order_item_id", "product_id",
        "seller_id", "price", "freight_value", "payment_value", "payment_sequential", "review_score",
        "product_category_name", "seller_city", "seller_state", "2017-10-02 10:56:33", "\""})
    void export(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        FuzzInput.readFolder("olist", FILES, input, SOURCE);
    }
}
