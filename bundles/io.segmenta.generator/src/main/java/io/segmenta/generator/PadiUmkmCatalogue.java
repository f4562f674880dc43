package io.segmenta.generator;

import java.util.SplittableRandom;

/**
 * The PaDi UMKM marketplace's made-up catalogue: products with their categories and typical prices, the
 * regions of users, sellers' size categories and payment methods, each encoded once as the export writes it.
 */
final class PadiUmkmCatalogue {
    /**
     * Products: Main Category, subcat 1, subcat 2 ("0" = none, as exported), product name, unit, product type,
     * typical unit price in Rupiah.
     */
    static final String[][] PRODUCTS = {
        {"Makanan & Minuman", "Katering", "Nasi Box", "Nasi Box Paket A7", "pcs", "barang", "35000"},
        {"Makanan & Minuman", "Katering", "Snack Box", "Snack Box Rapat", "pcs", "barang", "18000"},
        {"Makanan & Minuman", "Minuman", "0", "Air Mineral 600ml", "KOLI", "barang", "52000"},
        {"Office & Stationery", "Kertas", "0", "Kertas HVS A4 70gsm", "rim", "barang", "48000"},
        {"Office & Stationery", "Alat Tulis", "0", "Pulpen Gel Hitam", "box", "barang", "36000"},
        {"Office & Stationery", "Map & Arsip", "0", "Map Plastik, Kancing", "pack", "barang", "25000"},
        {"Konveksi & Laundry", "Jasa Konveksi & Laundry", "Bordir", "Seragam Kerja Bordir Logo", "pcs", "barang & jasa",
            "185000"},
        {"Konveksi & Laundry", "Jasa Konveksi & Laundry", "0", "Laundry Linen Kantor", "pack", "jasa", "95000"},
        {"Pertukangan", "Bahan Bangunan", "0", "Semen 50 kg", "pcs", "barang", "72000"},
        {"Pertukangan", "Alat Listrik", "Kabel", "Kabel NYM 3x2.5", "meter", "barang", "21000"},
        {"Jasa Perawatan Gedung", "Kebersihan", "0", "Jasa Cleaning Service Bulanan", "set", "jasa", "6500000"},
        {"Jasa Perawatan Gedung", "Perawatan AC", "0", "Servis AC Split", "pcs", "jasa", "250000"},
        {"Jasa Event Organizer", "Acara Kantor", "0", "Paket Event \"Gathering\" 100 Orang", "set", "jasa",
            "45000000"},
        {"Elektronik", "Komputer", "Aksesoris", "Mouse Wireless", "pcs", "barang", "150000"},
        {"Elektronik", "Komputer", "0", "Printer Laser Monokrom", "pcs", "barang", "3200000"},
        {"Kesehatan", "Alat Kesehatan", "0", "Masker Medis 3 Ply", "box", "barang", "40000"},
        {"Kesehatan", "Obat & Vitamin", "0", "Hand Sanitizer 500ml", "pcs", "barang", "45000"},
        {"Souvenir & Percetakan", "Percetakan", "0", "Cetak Spanduk Flexi", "M", "barang & jasa", "30000"},
    };
    static final long[] PRODUCT_PRICE = new long[PRODUCTS.length];
    static final int CHEAPEST;
    /** ",Main Category,subcat 1,subcat 2,product name,unit\n" per product (the line's tail). */
    static final byte[][] PRODUCT_TAIL = new byte[PRODUCTS.length][];
    static final byte[][] PRODUCT_TYPE = new byte[PRODUCTS.length][];

    static final String[][] REGIONS = {{"Jakarta Selatan", "Kebayoran Baru", "DKI Jakarta"},
        {"Jakarta Pusat", "Menteng", "DKI Jakarta"}, {"Bandung", "Coblong", "Jawa Barat"},
        {"Surabaya", "Gubeng", "Jawa Timur"}, {"Semarang", "Tembalang", "Jawa Tengah"},
        {"Medan", "Medan Baru", "Sumatera Utara"}, {"Makassar", "Panakkukang", "Sulawesi Selatan"},
        {"Komerling Ulu Selatan", "Muaradua", "Sumatera Selatan"}, {"Denpasar", "Denpasar Selatan", "Bali"},
        {"Balikpapan", "Balikpapan Kota", "Kalimantan Timur"}};
    private static final byte[][] REGION_TAIL = new byte[REGIONS.length][];
    static final String[] SIZE = {"Mikro", "Kecil", "Menengah", "Besar"};
    private static final byte[][] SIZE_BYTES = new byte[SIZE.length][];
    static final byte[][] METHOD = {AsciiOut.bytes("BCA"), AsciiOut.bytes("mandiri_va_billing_fixed"),
        AsciiOut.bytes("xbriva"), AsciiOut.bytes("xbniva"), AsciiOut.bytes("mps-qris"), AsciiOut.bytes("xcredit-card")};

    static {
        for (int p = 0; p < PRODUCTS.length; p++) {
            String[] x = PRODUCTS[p];
            PRODUCT_PRICE[p] = Long.parseLong(x[6]);
            PRODUCT_TAIL[p] = AsciiOut.bytes("," + AsciiOut.csvField(x[0]) + "," + AsciiOut.csvField(x[1]) + ","
                    + AsciiOut.csvField(x[2]) + "," + AsciiOut.csvField(x[3]) + "," + x[4] + "\n");
            PRODUCT_TYPE[p] = AsciiOut.bytes(AsciiOut.csvField(x[5]));
        }
        int cheapest = 0;
        for (int p = 1; p < PRODUCTS.length; p++) {
            if (PRODUCT_PRICE[p] < PRODUCT_PRICE[cheapest]) {
                cheapest = p;
            }
        }
        CHEAPEST = cheapest;
        for (int r = 0; r < REGIONS.length; r++) {
            REGION_TAIL[r] = AsciiOut.bytes("," + REGIONS[r][0] + "," + REGIONS[r][1] + "," + REGIONS[r][2] + ",");
        }
        for (int s = 0; s < SIZE.length; s++) {
            SIZE_BYTES[s] = AsciiOut.bytes(SIZE[s]);
        }
    }

    private PadiUmkmCatalogue() {
    }

    /**
     * A product whose unit price fits the line's value (an event package is not bought for a snack
     * budget): a few random draws, else the cheapest product.
     */
    static int affordable(SplittableRandom random, double perLine) {
        for (int tries = 0; tries < 8; tries++) {
            int p = random.nextInt(PRODUCTS.length);
            if (PRODUCT_PRICE[p] <= perLine) {
                return p;
            }
        }
        return CHEAPEST;
    }

    /** ",city,district,province," of a region picked by a hash. */
    static byte[] regionTail(long hash) {
        return REGION_TAIL[(int) Long.remainderUnsigned(hash, REGIONS.length)];
    }

    /** ",city,district,province," of a region drawn uniformly. */
    static byte[] regionTail(SplittableRandom random) {
        return REGION_TAIL[random.nextInt(REGIONS.length)];
    }

    /** A seller's size category picked by a hash. */
    static byte[] size(long hash) {
        return SIZE_BYTES[(int) Long.remainderUnsigned(hash, SIZE.length)];
    }
}
