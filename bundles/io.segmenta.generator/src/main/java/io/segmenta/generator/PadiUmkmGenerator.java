package io.segmenta.generator;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a sample of the PaDi UMKM marketplace export in the layout the {@code padi-umkm} source reads
 * (docs/sources/padi-umkm.md): {@value #ORDERS} (one row per order line, the order's fields repeated),
 * {@value #LINES_FILE} and {@value #USERS} (buyers and sellers), and {@code planted-segments.csv}
 * ({@code customer_id,planted_segment}, the id being the buyer id). Ids are 24-hex ObjectIds, amounts whole
 * Rupiah, dates {@code yyyy-MM-dd HH:mm:ss} over 2022-01-03 .. 2023-12-29.
 * <p>
 * <b>Planted buyer segments</b> ({@link Segment}), separable by recency, frequency and monetary value: key
 * accounts (state-owned enterprises ordering every week or two, large orders), regular buyers, occasional
 * one-order buyers and dormant buyers who stopped a year or more before the end. Order values are
 * log-normal; volume follows the government budget year (low in January and February, highest in November
 * and December) and is low at weekends. Sellers (MSMEs) are a pool ten times the buyers, each with a size
 * category and a region.
 * <p>
 * <b>Dirt</b> (when asked), as extra orders of planted buyers so that the planted behaviour is untouched:
 * cancelled orders (status Dibatalkan; the source keeps them, statuses being the feature extractor's
 * business), unpaid orders without lines (Menunggu Pembayaran; "order without lines"), orders whose buyer id
 * is missing (NaN; "missing buyer id") and order lines of an order df_order does not have ("line of unknown
 * order"); each counted in the sample's counts.
 * <p>
 * Streaming and deterministic like {@link UkRetailGenerator}.
 */
@Component(service = SampleGenerator.class)
@StageName(PadiUmkmGenerator.NAME)
@ServiceProvider(value = SampleGenerator.class, resolution = Resolution.OPTIONAL)
public class PadiUmkmGenerator implements SampleGenerator {
    static final String NAME = "padi-umkm";
    static final String ORDERS = "df_order.csv";
    static final String LINES_FILE = "df_order_complete.csv";
    static final String USERS = "df_users.csv";
    static final String SEGMENTS_FILE = "planted-segments.csv";

    static final String LINES = "lines";
    static final String CUSTOMERS = "customers";
    static final String SELLERS = "sellers";
    static final String ORDER_COUNT = "orders";
    static final String CANCELLED = "cancelled orders";
    static final String WITHOUT_LINES = "orders without lines";
    static final String MISSING_BUYER = "missing buyer lines";
    static final String UNKNOWN_ORDER = "lines of unknown orders";

    private static final double CANCELLED_PER_BUYER = 0.05;
    private static final double UNPAID_PER_BUYER = 0.03;
    private static final double NO_BUYER_PER_BUYER = 0.02;
    private static final double ORPHAN_PER_BUYER = 0.01;

    private static final int MAX_LINE = 512;
    private static final long SECONDS_PER_DAY = Days.SECONDS_PER_DAY;

    /** Orders and lines per order are uniform in their ranges before scaling; order value log-normal (Rp). */
    enum Segment {
        KEY_ACCOUNT("key-account", 0.10, 25, 45, 0, 10, 30_000_000, 0.4, 2, 5),
        REGULAR("regular", 0.25, 8, 15, 12, 60, 5_000_000, 0.4, 1, 4),
        OCCASIONAL("occasional", 0.35, 1, 1, 40, 300, 1_500_000, 0.4, 1, 2),
        DORMANT("dormant", 0.30, 2, 5, 380, 650, 4_000_000, 0.4, 1, 3);

        final byte[] label;
        final double weight;
        final int ordersMin;
        final int ordersMax;
        final int recencyMin;
        final int recencyMax;
        final double valueMedian;
        final double valueSigma;
        final int linesMin;
        final int linesMax;

        Segment(String label, double weight, int ordersMin, int ordersMax, int recencyMin, int recencyMax,
                double valueMedian, double valueSigma, int linesMin, int linesMax) {
            this.label = label.getBytes(StandardCharsets.US_ASCII);
            this.weight = weight;
            this.ordersMin = ordersMin;
            this.ordersMax = ordersMax;
            this.recencyMin = recencyMin;
            this.recencyMax = recencyMax;
            this.valueMedian = valueMedian;
            this.valueSigma = valueSigma;
            this.linesMin = linesMin;
            this.linesMax = linesMax;
        }

        boolean repeats() {
            return ordersMax > 1;
        }

        double meanOrders(double scale) {
            return repeats() ? (ordersMin + ordersMax + 1) / 2.0 * scale : 1;
        }

        double meanLines() {
            return (linesMin + linesMax + 1) / 2.0;
        }
    }

    private static final Segment[] SEGMENTS = Segment.values();

    /** The government budget year: slow start, spending peak at the year's end; little at weekends. */
    private static final double[] MONTH = {0.55, 0.7, 0.9, 0.95, 0.95, 1.0, 1.0, 1.05, 1.1, 1.2, 1.45, 1.6};
    private static final Days DAYS = new Days(LocalDate.of(2022, 1, 3), LocalDate.of(2023, 12, 29), date -> {
        DayOfWeek dow = date.getDayOfWeek();
        double w = MONTH[date.getMonthValue() - 1];
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.15 * w : w;
    }, 0);
    private static final int LAST_DAY = DAYS.last();

    /**
     * Products: Main Category, subcat 1, subcat 2 ("0" = none, as exported), product name, unit, product type,
     * typical unit price in Rupiah.
     */
    private static final String[][] PRODUCTS = {
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
    private static final long[] PRODUCT_PRICE = new long[PRODUCTS.length];
    private static final int CHEAPEST;
    /** ",Main Category,subcat 1,subcat 2,product name,unit\n" per product (the line's tail). */
    private static final byte[][] PRODUCT_TAIL = new byte[PRODUCTS.length][];
    private static final byte[][] PRODUCT_TYPE = new byte[PRODUCTS.length][];

    private static final String[][] REGIONS = {{"Jakarta Selatan", "Kebayoran Baru", "DKI Jakarta"},
        {"Jakarta Pusat", "Menteng", "DKI Jakarta"}, {"Bandung", "Coblong", "Jawa Barat"},
        {"Surabaya", "Gubeng", "Jawa Timur"}, {"Semarang", "Tembalang", "Jawa Tengah"},
        {"Medan", "Medan Baru", "Sumatera Utara"}, {"Makassar", "Panakkukang", "Sulawesi Selatan"},
        {"Komerling Ulu Selatan", "Muaradua", "Sumatera Selatan"}, {"Denpasar", "Denpasar Selatan", "Bali"},
        {"Balikpapan", "Balikpapan Kota", "Kalimantan Timur"}};
    private static final byte[][] REGION_TAIL = new byte[REGIONS.length][];
    private static final String[] SIZE = {"Mikro", "Kecil", "Menengah", "Besar"};
    private static final byte[][] SIZE_BYTES = new byte[SIZE.length][];
    private static final byte[][] METHOD = {bytes("BCA"), bytes("mandiri_va_billing_fixed"), bytes("xbriva"),
        bytes("xbniva"), bytes("mps-qris"), bytes("xcredit-card")};
    private static final byte[] NAN = bytes("NaN");
    private static final byte[] SELESAI = bytes("Selesai");
    private static final byte[] DIBATALKAN = bytes("Dibatalkan");
    private static final byte[] MENUNGGU = bytes("Menunggu Pembayaran");
    private static final byte[] VOUCHER = bytes("RAFIPADI30");
    private static final byte[] POSTPAID = bytes("postpaid,");
    private static final byte[] PREPAID = bytes("prepaid,");
    private static final byte[] SELLER_FLAG = bytes("Seller\n");
    private static final byte[] BUYER_FLAG = bytes("Buyer\n");
    private static final byte[] NO_REGION = bytes(",NaN,NaN,NaN,");

    static {
        for (int p = 0; p < PRODUCTS.length; p++) {
            String[] x = PRODUCTS[p];
            PRODUCT_PRICE[p] = Long.parseLong(x[6]);
            PRODUCT_TAIL[p] = bytes("," + Catalogue.csv(x[0]) + "," + Catalogue.csv(x[1]) + "," + Catalogue.csv(x[2])
                    + "," + Catalogue.csv(x[3]) + "," + x[4] + "\n");
            PRODUCT_TYPE[p] = bytes(Catalogue.csv(x[5]));
        }
        int cheapest = 0;
        for (int p = 1; p < PRODUCTS.length; p++) {
            if (PRODUCT_PRICE[p] < PRODUCT_PRICE[cheapest]) {
                cheapest = p;
            }
        }
        CHEAPEST = cheapest;
        for (int r = 0; r < REGIONS.length; r++) {
            REGION_TAIL[r] = bytes("," + REGIONS[r][0] + "," + REGIONS[r][1] + "," + REGIONS[r][2] + ",");
        }
        for (int s = 0; s < SIZE.length; s++) {
            SIZE_BYTES[s] = bytes(SIZE[s]);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PaDi UMKM export (df_order, df_order_complete, df_users CSVs) with planted key-account, regular, "
                + "occasional and dormant buyers";
    }

    @Override
    public GeneratedSample generate(Path outputDir, GeneratorRequest request, StageContext context) {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (request.customers() < 1) {
            throw new SegmentaException("customers: must be at least 1, got " + request.customers());
        }
        if (request.targetLines() < 0) {
            throw new SegmentaException("lines: must be 0 (as planted) or more, got " + request.targetLines());
        }
        try (OutputFiles files = new OutputFiles(outputDir)) {
            Run run = new Run(request, context);
            try (AsciiOut orders = files.open(ORDERS); AsciiOut lines = files.open(LINES_FILE);
                    AsciiOut users = files.open(USERS); AsciiOut segments = files.open(SEGMENTS_FILE)) {
                run.write(orders, lines, users, segments);
            } catch (IOException e) {
                throw new SegmentaException(outputDir + ": cannot write the sample: " + e.getMessage(), e);
            }
            List<Path> written = files.commit();
            context.progress(run.lines, run.lines, "lines");
            return new GeneratedSample(written.subList(0, 3), written.get(3), run.counts());
        }
    }

    /** The state of one generation. */
    private static final class Run {
        private final GeneratorRequest request;
        private final StageContext context;
        private final int sellers;
        private final double orderScale;
        private final double lineScale;
        private final long expectedLines;

        long lines;
        private long nextProgress = UkRetailGenerator.PROGRESS_EVERY;
        private long orderCount;
        private long cancelled;
        private long withoutLines;
        private long missingBuyer;
        private long unknownOrder;
        private long orderNumber;

        private long[] times = new long[16];
        // the current order's lines, filled before its rows are written (df_order repeats the order's gmv)
        private int[] product = new int[8];
        private long[] quantity = new long[8];
        private long[] unitPrice = new long[8];
        private final byte[] orderId = new byte[24];
        private final byte[] buyerId = new byte[24];
        private final byte[] sellerId = new byte[24];

        Run(GeneratorRequest request, StageContext context) {
            this.request = request;
            this.context = context;
            this.sellers = (int) Math.min(100_000, Math.max(50, 10L * request.customers()));
            double base = 0;
            for (Segment s : SEGMENTS) {
                base += s.weight * s.meanOrders(1) * s.meanLines();
            }
            if (request.targetLines() == 0) {
                orderScale = 1;
                lineScale = 1;
                expectedLines = (long) (request.customers() * base);
            } else {
                double factor = request.targetLines() / (request.customers() * base);
                orderScale = factor > 1 ? Math.sqrt(factor) : 1;
                double perCustomer = 0;
                for (Segment s : SEGMENTS) {
                    perCustomer += s.weight * s.meanOrders(orderScale) * s.meanLines();
                }
                lineScale = request.targetLines() / (request.customers() * perCustomer);
                expectedLines = request.targetLines();
            }
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(LINES, lines);
            counts.put(CUSTOMERS, (long) request.customers());
            counts.put(SELLERS, (long) sellers);
            counts.put(ORDER_COUNT, orderCount);
            counts.put(CANCELLED, cancelled);
            counts.put(WITHOUT_LINES, withoutLines);
            counts.put(MISSING_BUYER, missingBuyer);
            counts.put(UNKNOWN_ORDER, unknownOrder);
            return counts;
        }

        void write(AsciiOut orders, AsciiOut lineOut, AsciiOut users, AsciiOut segments) throws IOException {
            orders.write("order_id,status,seller_id,seller_category,buyer_id,payment_type,payment_method,voucher_val,"
                    + "voucher_code,product_type,order_date,gmv,revenue\n");
            lineOut.write("order_id,quantity,price_per_item,price_subtotal,ppn,Main Category,subcat 1,subcat 2,"
                    + "product name,unit\n");
            users.write("id,city,district,province,flag_user\n");
            segments.write("customer_id,planted_segment\n");
            for (int s = 0; s < sellers; s++) {
                long h = sellerHash(s);
                objectId(sellerId, 0x5E11E4L, s, h);
                users.ensure(MAX_LINE);
                users.put(sellerId);
                users.put(REGION_TAIL[(int) Long.remainderUnsigned(h >>> 8, REGIONS.length)]);
                users.put(SELLER_FLAG);
            }
            for (int c = 0; c < request.customers(); c++) {
                buyer(c, orders, lineOut, users, segments);
            }
        }

        private long sellerHash(int seller) {
            return UkRetailGenerator.mix(request.seed() ^ 0x5E11E4L, seller);
        }

        /** A 24-hex ObjectId: 8 hex of a creation time in 2021, then 16 hex of a hash of the kind and number. */
        private void objectId(byte[] id, long kind, long number, long hash) {
            long seconds = 1_609_459_200L + Long.remainderUnsigned(hash, 31_536_000L);
            long rest = UkRetailGenerator.mix(request.seed() ^ kind, number ^ 0x0B1EC7L);
            for (int i = 0; i < 8; i++) {
                id[i] = (byte) Character.forDigit((int) (seconds >>> (28 - 4 * i)) & 0xf, 16);
            }
            for (int i = 0; i < 16; i++) {
                id[8 + i] = (byte) Character.forDigit((int) (rest >>> (60 - 4 * i)) & 0xf, 16);
            }
        }

        private void buyer(int index, AsciiOut orders, AsciiOut lineOut, AsciiOut users, AsciiOut segments)
                throws IOException {
            SplittableRandom random = new SplittableRandom(UkRetailGenerator.mix(request.seed() ^ 0xBA1EL, index));
            Segment segment = segment(random.nextDouble());
            objectId(buyerId, 0xB0B3L, index, random.nextLong());
            segments.ensure(64);
            segments.put(buyerId);
            segments.put(',');
            segments.put(segment.label);
            segments.put('\n');
            users.ensure(MAX_LINE);
            users.put(buyerId);
            // buyers often have no region in the export
            if (random.nextInt(3) == 0) {
                users.put(REGION_TAIL[random.nextInt(REGIONS.length)]);
            } else {
                users.put(NO_REGION);
            }
            users.put(BUYER_FLAG);

            int n = segment.repeats()
                    ? Math.max(2, (int) Math.round((segment.ordersMin
                            + random.nextDouble() * (segment.ordersMax - segment.ordersMin + 1)) * orderScale))
                    : 1;
            if (times.length < n) {
                times = new long[Math.max(n, times.length * 2)];
            }
            int lastDay = LAST_DAY - (segment.recencyMin + random.nextInt(segment.recencyMax - segment.recencyMin + 1));
            times[0] = lastDay * SECONDS_PER_DAY + second(random);
            for (int o = 1; o < n; o++) {
                times[o] = DAYS.day(random, 0, lastDay) * SECONDS_PER_DAY + second(random);
            }
            Arrays.sort(times, 0, n);
            for (int o = 0; o < n; o++) {
                double value = segment.valueMedian * Math.exp(segment.valueSigma * random.nextGaussian());
                int count = Math.max(1, (int) Math.round((segment.linesMin
                        + random.nextDouble() * (segment.linesMax - segment.linesMin + 1)) * lineScale));
                order(random, times[o], value, count, SELESAI, true, true, orders, lineOut);
            }
            if (request.dirt()) {
                if (random.nextDouble() < CANCELLED_PER_BUYER) {
                    order(random, randomTime(random), 2_000_000, 1 + random.nextInt(2), DIBATALKAN, true, true,
                            orders, lineOut);
                    cancelled++;
                }
                if (random.nextDouble() < UNPAID_PER_BUYER) {
                    order(random, randomTime(random), 2_000_000, 0, MENUNGGU, true, true, orders, lineOut);
                    withoutLines++;
                }
                if (random.nextDouble() < NO_BUYER_PER_BUYER) {
                    missingBuyer += order(random, randomTime(random), 2_000_000, 1 + random.nextInt(3), SELESAI, false,
                            true, orders, lineOut);
                }
                if (random.nextDouble() < ORPHAN_PER_BUYER) {
                    unknownOrder += order(random, randomTime(random), 2_000_000, 1, SELESAI, true, false, orders,
                            lineOut);
                }
            }
        }

        private long randomTime(SplittableRandom random) {
            return DAYS.day(random, 0, LAST_DAY) * SECONDS_PER_DAY + second(random);
        }

        /**
         * Writes one order: its lines, and one df_order row per line (one row when it has none).
         *
         * @param withBuyer false: the buyer id is missing (NaN)
         * @param inOrders false: the order is not in df_order (its lines are orphans)
         * @return the lines written
         */
        private int order(SplittableRandom random, long time, double value, int count, byte[] status, boolean withBuyer,
                boolean inOrders, AsciiOut orders, AsciiOut lineOut) throws IOException {
            long number = orderNumber++;
            objectId(orderId, 0x0DE7L, number, UkRetailGenerator.mix(request.seed() ^ 0x71AEL, number));
            int seller = random.nextInt(sellers);
            long sellerHash = sellerHash(seller);
            objectId(sellerId, 0x5E11E4L, seller, sellerHash);
            if (product.length < count) {
                int size = Math.max(count, product.length * 2);
                product = new int[size];
                quantity = new long[size];
                unitPrice = new long[size];
            }
            long gmv = 0;
            double perLine = value / Math.max(1, count);
            int kind = affordable(random, perLine);
            for (int l = 0; l < count; l++) {
                // an order mostly buys from one kind of product, sometimes another
                int p = random.nextInt(4) == 0 ? affordable(random, perLine) : kind;
                long price = Math.max(1000, Math.round(PRODUCT_PRICE[p] * (0.8 + 0.4 * random.nextDouble()) / 100) * 100);
                product[l] = p;
                unitPrice[l] = price;
                quantity[l] = Math.max(1, Math.round(perLine / price));
                gmv += quantity[l] * price;
            }
            long revenue = Math.round(gmv * 0.0045);
            boolean voucher = random.nextInt(20) == 0;
            int method = random.nextInt(METHOD.length);
            boolean postpaid = random.nextInt(3) == 0;
            if (inOrders) {
                orderCount++;
                int rows = Math.max(1, count);
                for (int r = 0; r < rows; r++) {
                    orders.ensure(MAX_LINE);
                    orders.put(orderId);
                    orders.put(',');
                    orders.put(status);
                    orders.put(',');
                    orders.put(sellerId);
                    orders.put(',');
                    orders.put(SIZE_BYTES[(int) Long.remainderUnsigned(sellerHash >>> 20, SIZE.length)]);
                    orders.put(',');
                    orders.put(withBuyer ? buyerId : NAN);
                    orders.put(',');
                    orders.put(postpaid ? POSTPAID : PREPAID);
                    orders.put(METHOD[method]);
                    orders.put(',');
                    orders.putLong(voucher ? 50_000 : 0);
                    orders.put(',');
                    orders.put(voucher ? VOUCHER : NAN);
                    orders.put(',');
                    orders.put(PRODUCT_TYPE[count > 0 ? product[0] : kind]);
                    orders.put(',');
                    DAYS.dateTime(orders, time);
                    orders.put(',');
                    orders.putLong(gmv);
                    orders.put(',');
                    orders.putLong(revenue);
                    orders.put('\n');
                }
            }
            for (int l = 0; l < count; l++) {
                long subtotal = quantity[l] * unitPrice[l];
                lineOut.ensure(MAX_LINE);
                lineOut.put(orderId);
                lineOut.put(',');
                lineOut.putLong(quantity[l]);
                lineOut.put(',');
                lineOut.putLong(unitPrice[l]);
                lineOut.put(',');
                lineOut.putLong(subtotal);
                lineOut.put(',');
                lineOut.putLong(subtotal * 11 / 100);
                lineOut.put(PRODUCT_TAIL[product[l]]);
                if (++lines == nextProgress) {
                    nextProgress += UkRetailGenerator.PROGRESS_EVERY;
                    context.progress(lines, Math.max(expectedLines, lines), "lines");
                    if (context.isCancelled()) {
                        throw new SegmentaException("cancelled");
                    }
                }
            }
            return count;
        }

        /**
         * A product whose unit price fits the line's value (an event package is not bought for a snack
         * budget): a few random draws, else the cheapest product.
         */
        private static int affordable(SplittableRandom random, double perLine) {
            for (int tries = 0; tries < 8; tries++) {
                int p = random.nextInt(PRODUCTS.length);
                if (PRODUCT_PRICE[p] <= perLine) {
                    return p;
                }
            }
            return CHEAPEST;
        }

        private static Segment segment(double u) {
            double cumulative = 0;
            for (Segment s : SEGMENTS) {
                cumulative += s.weight;
                if (u < cumulative) {
                    return s;
                }
            }
            return SEGMENTS[SEGMENTS.length - 1];
        }
    }

    /** Office hours, 08:00 to 17:59. */
    private static long second(SplittableRandom random) {
        return 8 * 3600 + random.nextInt(10 * 3600);
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
