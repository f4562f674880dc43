package io.segmenta.generator;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a sample of the PaDi UMKM marketplace export in the layout the {@code padi-umkm} source reads
 * (docs/sources/padi-umkm.md): {@value #ORDERS} (one row per order line, the order's fields repeated),
 * {@value #LINES_FILE} and {@value #USERS} (buyers and sellers), and {@code planted-segments.csv}
 * ({@code customer_id,planted_segment}, the id being the buyer id). Ids are 24-hex ObjectIds, amounts whole
 * Rupiah, dates {@code yyyy-MM-dd HH:mm:ss} over 2022-01-03 .. 2023-12-29.
 * <p>
 * <b>Planted buyer segments</b> ({@link #SEGMENTS}), separable by recency, frequency and monetary value: key
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
    private static final long SECONDS_PER_DAY = OrderCalendar.SECONDS_PER_DAY;

    /* The planted buyer behaviours; the value is an order's value in Rupiah. */
    static final PlantedSegment KEY_ACCOUNT =
            new PlantedSegment("key-account", 0.10, 25, 45, 0, 10, 30_000_000, 0.4, 2, 5);
    static final PlantedSegment REGULAR = new PlantedSegment("regular", 0.25, 8, 15, 12, 60, 5_000_000, 0.4, 1, 4);
    static final PlantedSegment OCCASIONAL =
            new PlantedSegment("occasional", 0.35, 1, 1, 40, 300, 1_500_000, 0.4, 1, 2);
    static final PlantedSegment DORMANT = new PlantedSegment("dormant", 0.30, 2, 5, 380, 650, 4_000_000, 0.4, 1, 3);
    static final PlantedSegments SEGMENTS = new PlantedSegments(KEY_ACCOUNT, REGULAR, OCCASIONAL, DORMANT);

    /** The government budget year: slow start, spending peak at the year's end; little at weekends. */
    private static final double[] MONTH = {0.55, 0.7, 0.9, 0.95, 0.95, 1.0, 1.0, 1.05, 1.1, 1.2, 1.45, 1.6};
    private static final OrderCalendar DAYS = new OrderCalendar(LocalDate.of(2022, 1, 3), LocalDate.of(2023, 12, 29),
            date -> {
                DayOfWeek dow = date.getDayOfWeek();
                double w = MONTH[date.getMonthValue() - 1];
                return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.15 * w : w;
            }, 0);

    private static final byte[] NAN = AsciiOut.bytes("NaN");
    private static final byte[] SELESAI = AsciiOut.bytes("Selesai");
    private static final byte[] DIBATALKAN = AsciiOut.bytes("Dibatalkan");
    private static final byte[] MENUNGGU = AsciiOut.bytes("Menunggu Pembayaran");
    private static final byte[] VOUCHER = AsciiOut.bytes("RAFIPADI30");
    private static final byte[] POSTPAID = AsciiOut.bytes("postpaid,");
    private static final byte[] PREPAID = AsciiOut.bytes("prepaid,");
    private static final byte[] SELLER_FLAG = AsciiOut.bytes("Seller\n");
    private static final byte[] BUYER_FLAG = AsciiOut.bytes("Buyer\n");
    private static final byte[] NO_REGION = AsciiOut.bytes(",NaN,NaN,NaN,");

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
        return SampleWriting.generate(NAME, List.of(ORDERS, LINES_FILE, USERS), outputDir, request, context, Run::new);
    }

    /** The state of one generation. */
    private static final class Run extends Generation {
        private final int sellers;
        private final OrderTimes times = new OrderTimes(DAYS, SECONDS_PER_DAY, PadiUmkmGenerator::second);
        private long orderCount;
        private long cancelled;
        private long withoutLines;
        private long missingBuyer;
        private long unknownOrder;
        private long orderNumber;

        // the current order's lines, filled before its rows are written (df_order repeats the order's gmv)
        private int[] product = new int[8];
        private long[] quantity = new long[8];
        private long[] unitPrice = new long[8];
        private final byte[] orderId = new byte[24];
        private final byte[] buyerId = new byte[24];
        private final byte[] sellerId = new byte[24];

        private AsciiOut orders;
        private AsciiOut lineOut;
        private AsciiOut users;

        Run(GeneratorRequest request, StageContext context) {
            super(NAME, request, context, SEGMENTS.scales(request, PlantedSegments.PurchaseLines.ALL));
            this.sellers = (int) Math.min(100_000, Math.max(50, 10L * request.customers()));
        }

        @Override
        void addCounts(Map<String, Long> counts) {
            counts.put(SELLERS, (long) sellers);
            counts.put(ORDER_COUNT, orderCount);
            counts.put(CANCELLED, cancelled);
            counts.put(WITHOUT_LINES, withoutLines);
            counts.put(MISSING_BUYER, missingBuyer);
            counts.put(UNKNOWN_ORDER, unknownOrder);
        }

        /** Writes the headers and the sellers (a pool ten times the buyers, at most 100,000). */
        @Override
        void start(List<AsciiOut> dataFiles) throws IOException {
            orders = dataFiles.get(0);
            lineOut = dataFiles.get(1);
            users = dataFiles.get(2);
            orders.write("order_id,status,seller_id,seller_category,buyer_id,payment_type,payment_method,voucher_val,"
                    + "voucher_code,product_type,order_date,gmv,revenue\n");
            lineOut.write("order_id,quantity,price_per_item,price_subtotal,ppn,Main Category,subcat 1,subcat 2,"
                    + "product name,unit\n");
            users.write("id,city,district,province,flag_user\n");
            for (int s = 0; s < sellers; s++) {
                long h = sellerHash(s);
                objectId(sellerId, 0x5E11E4L, s, h);
                users.ensure(MAX_LINE);
                users.put(sellerId);
                users.put(PadiUmkmCatalogue.regionTail(h >>> 8));
                users.put(SELLER_FLAG);
            }
        }

        private long sellerHash(int seller) {
            return Seeds.mix(request.seed() ^ 0x5E11E4L, seller);
        }

        /** A 24-hex ObjectId: 8 hex of a creation time in 2021, then 16 hex of a hash of the kind and number. */
        private void objectId(byte[] id, long kind, long number, long hash) {
            long seconds = 1_609_459_200L + Long.remainderUnsigned(hash, 31_536_000L);
            long rest = Seeds.mix(request.seed() ^ kind, number ^ 0x0B1EC7L);
            for (int i = 0; i < 8; i++) {
                id[i] = (byte) Character.forDigit((int) (seconds >>> (28 - 4 * i)) & 0xf, 16);
            }
            for (int i = 0; i < 16; i++) {
                id[8 + i] = (byte) Character.forDigit((int) (rest >>> (60 - 4 * i)) & 0xf, 16);
            }
        }

        /** Writes a buyer, its orders and its planted segment. */
        @Override
        void customer(int index, AsciiOut segments) throws IOException {
            SplittableRandom random = new SplittableRandom(Seeds.mix(request.seed() ^ 0xBA1EL, index));
            PlantedSegment segment = SEGMENTS.pick(random.nextDouble());
            objectId(buyerId, 0xB0B3L, index, random.nextLong());
            PlantedSegments.row(segments, buyerId, segment);
            users.ensure(MAX_LINE);
            users.put(buyerId);
            // buyers often have no region in the export
            if (random.nextInt(3) == 0) {
                users.put(PadiUmkmCatalogue.regionTail(random));
            } else {
                users.put(NO_REGION);
            }
            users.put(BUYER_FLAG);

            int n = segment.orders(random, scales.orders());
            int lastDay = times.lastDay(random, segment);
            long[] orderTimes = times.draw(random, n, 0, lastDay);
            for (int o = 0; o < n; o++) {
                double value = segment.value(random);
                int count = segment.lines(random, scales.lines());
                order(random, orderTimes[o], value, count, SELESAI, true, true);
            }
            if (request.dirt()) {
                if (random.nextDouble() < CANCELLED_PER_BUYER) {
                    order(random, times.anyTime(random), 2_000_000, 1 + random.nextInt(2), DIBATALKAN, true, true);
                    cancelled++;
                }
                if (random.nextDouble() < UNPAID_PER_BUYER) {
                    order(random, times.anyTime(random), 2_000_000, 0, MENUNGGU, true, true);
                    withoutLines++;
                }
                if (random.nextDouble() < NO_BUYER_PER_BUYER) {
                    missingBuyer += order(random, times.anyTime(random), 2_000_000, 1 + random.nextInt(3), SELESAI,
                            false, true);
                }
                if (random.nextDouble() < ORPHAN_PER_BUYER) {
                    unknownOrder += order(random, times.anyTime(random), 2_000_000, 1, SELESAI, true, false);
                }
            }
        }

        /**
         * Writes one order: its lines, and one df_order row per line (one row when it has none).
         *
         * @param withBuyer false: the buyer id is missing (NaN)
         * @param inOrders false: the order is not in df_order (its lines are orphans)
         * @return the lines written
         */
        private int order(SplittableRandom random, long time, double value, int count, byte[] status, boolean withBuyer,
                boolean inOrders) throws IOException {
            long number = orderNumber++;
            objectId(orderId, 0x0DE7L, number, Seeds.mix(request.seed() ^ 0x71AEL, number));
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
            int kind = PadiUmkmCatalogue.affordable(random, perLine);
            for (int l = 0; l < count; l++) {
                // an order mostly buys from one kind of product, sometimes another
                int p = random.nextInt(4) == 0 ? PadiUmkmCatalogue.affordable(random, perLine) : kind;
                long price = Math.max(1000,
                        Math.round(PadiUmkmCatalogue.PRODUCT_PRICE[p] * (0.8 + 0.4 * random.nextDouble()) / 100) * 100);
                product[l] = p;
                unitPrice[l] = price;
                quantity[l] = Math.max(1, Math.round(perLine / price));
                gmv += quantity[l] * price;
            }
            long revenue = Math.round(gmv * 0.0045);
            boolean voucher = random.nextInt(20) == 0;
            int method = random.nextInt(PadiUmkmCatalogue.METHOD.length);
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
                    orders.put(PadiUmkmCatalogue.size(sellerHash >>> 20));
                    orders.put(',');
                    orders.put(withBuyer ? buyerId : NAN);
                    orders.put(',');
                    orders.put(postpaid ? POSTPAID : PREPAID);
                    orders.put(PadiUmkmCatalogue.METHOD[method]);
                    orders.put(',');
                    orders.putLong(voucher ? 50_000 : 0);
                    orders.put(',');
                    orders.put(voucher ? VOUCHER : NAN);
                    orders.put(',');
                    orders.put(PadiUmkmCatalogue.PRODUCT_TYPE[count > 0 ? product[0] : kind]);
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
                lineOut.put(PadiUmkmCatalogue.PRODUCT_TAIL[product[l]]);
                progress.line();
            }
            return count;
        }
    }

    /** Office hours, 08:00 to 17:59. */
    private static long second(SplittableRandom random) {
        return 8 * 3600 + random.nextInt(10 * 3600);
    }
}
