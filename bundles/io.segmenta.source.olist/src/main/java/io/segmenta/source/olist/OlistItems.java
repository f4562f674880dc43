package io.segmenta.source.olist;

import io.segmenta.api.data.Rejection;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.ReadTicker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item side of the export, read into primitive arrays: the order item lines in file order (joined to their
 * order by {@link OlistOrders#orderIds}), and the optional products (with the category translation) and sellers
 * they name. Products and sellers with an index below {@link #knownProducts} / {@link #knownSellers} are in their
 * tables; the others appear only in items.
 */
final class OlistItems {
    private final OlistFiles files;
    private final ReadTicker ticker;

    // products and sellers, by id index
    final IdIndex productIds = new IdIndex();
    final IdIndex categoryNames = new IdIndex();
    int[] productCategory = new int[1024];
    boolean hasProducts;
    final IdIndex sellerIds = new IdIndex();
    /** The cities and states of sellers. */
    private final IdIndex places = new IdIndex();
    private int[] sellerCity = new int[1024];
    private int[] sellerState = new int[1024];
    boolean hasSellers;

    // items, in file order
    int itemCount;
    int[] itemOrder = new int[1024];
    int[] itemProduct = new int[1024];
    int[] itemSeller = new int[1024];
    double[] itemPrice = new double[1024];
    double[] itemFreight = new double[1024];
    long[] itemLine = new long[1024];
    String itemsFile;
    /** The malformed rows of the items file, which are lines of the account. */
    List<Rejection> malformedItems = List.of();
    long malformedItemCount;
    int knownProducts;
    int knownSellers;

    OlistItems(OlistFiles files) {
        this.files = files;
        this.ticker = files.ticker();
    }

    /** Portuguese category names to English ones. */
    Map<String, String> readTranslation(Path path) {
        Map<String, String> english = new HashMap<>();
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "product_category_name", "product_category_name_english");
            while (t.next()) {
                ticker.tick();
                String name = t.text(c[0]);
                String translated = t.text(c[1]);
                if (!name.isEmpty() && !translated.isEmpty()) {
                    english.put(name, translated);
                }
            }
            files.finish(t, "their categories keep the Portuguese name");
        }
        return english;
    }

    void readProducts(Path path, Map<String, String> english) {
        hasProducts = true;
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "product_id", "product_category_name");
            while (t.next()) {
                ticker.tick();
                String id = t.id(c[0], "a product_id");
                if (t.malformed()) {
                    continue;
                }
                int p = OlistFiles.addKey(t, c[0], id, productIds, null);
                productCategory = OlistFiles.fit(productCategory, p);
                String name = t.text(c[1]);
                productCategory[p] = name.isEmpty() ? -1 : categoryNames.intern(english.getOrDefault(name, name));
            }
            files.finish(t, "their lines have no category");
        }
    }

    void readSellers(Path path) {
        hasSellers = true;
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "seller_id", "seller_city", "seller_state");
            while (t.next()) {
                ticker.tick();
                String id = t.id(c[0], "a seller_id");
                if (t.malformed()) {
                    continue;
                }
                int s = OlistFiles.addKey(t, c[0], id, sellerIds, null);
                sellerCity = OlistFiles.fit(sellerCity, s);
                sellerState = OlistFiles.fit(sellerState, s);
                sellerCity[s] = place(t.text(c[1]));
                sellerState[s] = place(t.text(c[2]));
            }
            files.finish(t, "their lines have no seller city or region");
        }
    }

    private int place(String name) {
        return name.isEmpty() ? -1 : places.intern(name);
    }

    /** The city of a seller in the sellers table, or null. */
    String sellerCity(int s) {
        return s < knownSellers && sellerCity[s] >= 0 ? places.id(sellerCity[s]) : null;
    }

    /** The state of a seller in the sellers table, or null. */
    String sellerState(int s) {
        return s < knownSellers && sellerState[s] >= 0 ? places.id(sellerState[s]) : null;
    }

    /** The category of a product in the products table, or null. */
    String category(int p) {
        return p < knownProducts && productCategory[p] >= 0 ? categoryNames.id(productCategory[p]) : null;
    }

    void readItems(Path path, IdIndex orderIds) {
        itemsFile = path.toString();
        int products = productIds.size();
        int sellers = sellerIds.size();
        try (CsvTable t = files.open(path)) {
            int[] c = OlistFiles.require(t, "order_id", "product_id", "seller_id", "price", "freight_value");
            while (t.next()) {
                ticker.tick();
                String orderId = t.id(c[0], "an order_id");
                String productId = t.id(c[1], "a product_id");
                String sellerId = t.id(c[2], "a seller_id");
                double price = t.decimal(c[3], OlistFiles.DECIMAL);
                double freight = t.decimal(c[4], OlistFiles.DECIMAL);
                if (t.malformed()) {
                    continue;
                }
                add(orderIds.indexOf(orderId), productId, sellerId, price, freight, t.line());
            }
            t.finish();
            malformedItems = t.malformedRows().toRejections();
            malformedItemCount = t.malformedRows().count();
        }
        if (hasProducts && productIds.size() > products) {
            files.context().info(path + ": " + (productIds.size() - products) + " product_ids not in "
                    + OlistSource.PRODUCTS_FILE + ": their lines have no category");
        }
        if (hasSellers && sellerIds.size() > sellers) {
            files.context().info(path + ": " + (sellerIds.size() - sellers) + " seller_ids not in "
                    + OlistSource.SELLERS_FILE + ": their lines have no seller city or region");
        }
        this.knownProducts = products;
        this.knownSellers = sellers;
    }

    private void add(int order, String productId, String sellerId, double price, double freight, long line) {
        int i = itemCount;
        itemOrder = OlistFiles.fit(itemOrder, i);
        itemProduct = OlistFiles.fit(itemProduct, i);
        itemSeller = OlistFiles.fit(itemSeller, i);
        itemPrice = OlistFiles.fit(itemPrice, i);
        itemFreight = OlistFiles.fit(itemFreight, i);
        itemLine = OlistFiles.fit(itemLine, i);
        itemOrder[i] = order;
        // Ids of products and sellers not in their tables get indexes past the known ones.
        itemProduct[i] = productIds.intern(productId);
        itemSeller[i] = sellerIds.intern(sellerId);
        itemPrice[i] = price;
        itemFreight[i] = freight;
        itemLine[i] = line;
        itemCount++;
    }
}
