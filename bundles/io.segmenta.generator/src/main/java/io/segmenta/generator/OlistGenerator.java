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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a sample of the Olist Brazilian e-commerce export: the four tables the {@code olist} source needs,
 * as plain CSV with the export's names and columns ({@value #ORDERS}, {@value #ITEMS}, {@value #PAYMENTS},
 * {@value #CUSTOMERS}), and {@code planted-segments.csv} ({@code customer_id,planted_segment}, the id being the
 * {@code customer_unique_id} the source keys customers by). The optional products, sellers and reviews tables
 * are not written; the source reads without them.
 * <p>
 * <b>Planted segments</b> ({@link #SEGMENTS}), separable by recency, frequency and monetary value: repeat buyers
 * (several recent orders), big-ticket one-time buyers, recent one-time buyers and lapsed one-time buyers (most
 * Olist customers buy once, so three of the four segments do). Order values are log-normal; as in the real
 * export every order gets a new {@code customer_id}, shared by its customer through {@code customer_unique_id};
 * order days grow in number over 2016-10-03 .. 2018-08-29 as the marketplace did, with a November peak.
 * <p>
 * <b>Dirt</b> (when asked), as extra orders of planted customers so that the planted behaviour is untouched:
 * canceled orders (status {@code canceled}, with items and payments: the source drops their item lines),
 * unavailable orders without items, and delivered orders without payments; counted in the sample's counts.
 * <p>
 * Streaming and deterministic like {@link UkRetailGenerator}: customer by customer into the four files at
 * once, one random generator per customer derived from the seed; ids are 32 hex digits drawn from it.
 * {@link GeneratorRequest#targetLines()} (item lines) scales the orders of repeat buyers and the items per
 * order ({@link PlantedSegments#scales}).
 */
@Component(service = SampleGenerator.class)
@StageName(OlistGenerator.NAME)
@ServiceProvider(value = SampleGenerator.class, resolution = Resolution.OPTIONAL)
public class OlistGenerator implements SampleGenerator {
    static final String NAME = "olist";
    static final String ORDERS = "olist_orders_dataset.csv";
    static final String ITEMS = "olist_order_items_dataset.csv";
    static final String PAYMENTS = "olist_order_payments_dataset.csv";
    static final String CUSTOMERS = "olist_customers_dataset.csv";

    static final String ORDER_COUNT = "orders";
    static final String PAYMENT_COUNT = "payments";
    static final String CANCELED_LINES = "canceled order lines";
    static final String ORDERS_WITHOUT_ITEMS = "orders without items";
    static final String UNPAID_LINES = "unpaid order lines";

    private static final double CANCELED_PER_CUSTOMER = 0.03;
    private static final double UNAVAILABLE_PER_CUSTOMER = 0.01;
    private static final double UNPAID_PER_CUSTOMER = 0.005;

    private static final int PRODUCT_COUNT = 2_000;
    private static final int SELLER_COUNT = 300;
    private static final int MAX_LINE = 512;
    private static final long SECONDS_PER_DAY = OrderCalendar.SECONDS_PER_DAY;

    /* The planted behaviours; the value is an order's value in R$, the lines are its items. */
    static final PlantedSegment REPEAT = new PlantedSegment("repeat", 0.12, 3, 6, 0, 90, 140, 0.3, 1, 2);
    static final PlantedSegment BIG_TICKET = new PlantedSegment("big-ticket", 0.18, 1, 1, 30, 400, 900, 0.3, 1, 3);
    static final PlantedSegment RECENT = new PlantedSegment("recent", 0.35, 1, 1, 0, 90, 70, 0.3, 1, 1);
    static final PlantedSegment LAPSED = new PlantedSegment("lapsed", 0.35, 1, 1, 330, 650, 70, 0.3, 1, 1);
    static final PlantedSegments SEGMENTS = new PlantedSegments(REPEAT, BIG_TICKET, RECENT, LAPSED);

    /**
     * 2016-10-03 .. 2018-08-29: the marketplace grew about fourfold over the period; November (Black
     * Friday) is the busiest month. Dates are written up to 90 days past the end (deliveries, estimates).
     */
    private static final OrderCalendar DAYS = new OrderCalendar(LocalDate.of(2016, 10, 3), LocalDate.of(2018, 8, 29),
            date -> (0.4 + 1.6 * (date.toEpochDay() - LocalDate.of(2016, 10, 3).toEpochDay()) / 695.0)
                    * (date.getMonthValue() == 11 ? 1.5 : 1), 90);

    private static final byte[][] PRODUCT = new byte[PRODUCT_COUNT][];
    private static final byte[][] SELLER = new byte[SELLER_COUNT][];
    private static final String[][] PLACES = {{"sao paulo", "SP", "01"}, {"rio de janeiro", "RJ", "20"},
        {"belo horizonte", "MG", "30"}, {"brasilia", "DF", "70"}, {"curitiba", "PR", "80"}, {"campinas", "SP", "13"},
        {"porto alegre", "RS", "90"}, {"salvador", "BA", "40"}, {"guarulhos", "SP", "07"}, {"niteroi", "RJ", "24"},
        {"recife", "PE", "50"}, {"goiania", "GO", "74"}};
    private static final double[] PLACE_SHARE = {0.16, 0.23, 0.28, 0.32, 0.36, 0.40, 0.44, 0.48, 0.52, 0.55, 0.58,
        0.61};
    /** ",city,state\n" per place, and the zip prefix's first two digits. */
    private static final byte[][] PLACE_TAIL = new byte[PLACES.length][];
    private static final byte[][] ZIP_HEAD = new byte[PLACES.length][];
    private static final byte[] DELIVERED = AsciiOut.bytes("delivered");
    private static final byte[] CANCELED = AsciiOut.bytes("canceled");
    private static final byte[] UNAVAILABLE = AsciiOut.bytes("unavailable");
    private static final byte[][] PAYMENT_TYPE = {AsciiOut.bytes("credit_card"), AsciiOut.bytes("boleto"),
        AsciiOut.bytes("debit_card"), AsciiOut.bytes("voucher")};

    static {
        SplittableRandom catalogue = new SplittableRandom(20161003L);
        for (int p = 0; p < PRODUCT_COUNT; p++) {
            PRODUCT[p] = hex(catalogue.nextLong(), catalogue.nextLong());
        }
        for (int s = 0; s < SELLER_COUNT; s++) {
            SELLER[s] = hex(catalogue.nextLong(), catalogue.nextLong());
        }
        for (int i = 0; i < PLACES.length; i++) {
            PLACE_TAIL[i] = AsciiOut.bytes("," + PLACES[i][0] + "," + PLACES[i][1] + "\n");
            ZIP_HEAD[i] = AsciiOut.bytes(PLACES[i][2]);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Olist e-commerce export (orders, items, payments, customers CSVs) with planted repeat, big-ticket, "
                + "recent and lapsed buyers";
    }

    @Override
    public GeneratedSample generate(Path outputDir, GeneratorRequest request, StageContext context) {
        return SampleWriting.generate(NAME, List.of(CUSTOMERS, ORDERS, ITEMS, PAYMENTS), outputDir, request, context,
                Run::new);
    }

    /** The state of one generation. */
    private static final class Run extends Generation {
        private final OrderTimes times = new OrderTimes(DAYS, SECONDS_PER_DAY, OlistGenerator::second);

        private long orderCount;
        private long paymentCount;
        private long canceledLines;
        private long ordersWithoutItems;
        private long unpaidLines;
        /** Numbers the orders (and their customer_ids) of the whole file, for their ids. */
        private long orderNumber;

        private final byte[] orderId = new byte[32];
        private final byte[] customerId = new byte[32];
        private byte[] uniqueId;
        private int place;
        private int zip;

        private AsciiOut customers;
        private AsciiOut orders;
        private AsciiOut items;
        private AsciiOut payments;

        Run(GeneratorRequest request, StageContext context) {
            super(NAME, request, context, SEGMENTS.scales(request, PlantedSegments.PurchaseLines.ALL));
        }

        @Override
        void addCounts(Map<String, Long> counts) {
            counts.put(ORDER_COUNT, orderCount);
            counts.put(PAYMENT_COUNT, paymentCount);
            counts.put(CANCELED_LINES, canceledLines);
            counts.put(ORDERS_WITHOUT_ITEMS, ordersWithoutItems);
            counts.put(UNPAID_LINES, unpaidLines);
        }

        @Override
        void start(List<AsciiOut> dataFiles) throws IOException {
            customers = dataFiles.get(0);
            orders = dataFiles.get(1);
            items = dataFiles.get(2);
            payments = dataFiles.get(3);
            customers.write("customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state\n");
            orders.write("order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,"
                    + "order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date\n");
            items.write("order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value\n");
            payments.write("order_id,payment_sequential,payment_type,payment_installments,payment_value\n");
        }

        @Override
        void customer(int index, AsciiOut segments) throws IOException {
            SplittableRandom random = new SplittableRandom(Seeds.mix(request.seed() ^ 0x01157L, index));
            PlantedSegment segment = SEGMENTS.pick(random.nextDouble());
            uniqueId = hex(random.nextLong(), random.nextLong());
            PlantedSegments.row(segments, uniqueId, segment);
            place = place(random.nextDouble());
            zip = random.nextInt(1000);

            int n = segment.orders(random, scales.orders());
            int lastDay = times.lastDay(random, segment);
            long[] orderTimes = times.draw(random, n, 0, lastDay);
            for (int o = 0; o < n; o++) {
                double value = segment.value(random);
                int count = segment.lines(random, scales.lines());
                order(random, orderTimes[o], value, count, DELIVERED, true);
            }
            if (request.dirt()) {
                if (random.nextDouble() < CANCELED_PER_CUSTOMER) {
                    canceledLines += order(random, times.anyTime(random), 80, 1 + random.nextInt(2), CANCELED, true);
                }
                if (random.nextDouble() < UNAVAILABLE_PER_CUSTOMER) {
                    order(random, times.anyTime(random), 80, 0, UNAVAILABLE, true);
                    ordersWithoutItems++;
                }
                if (random.nextDouble() < UNPAID_PER_CUSTOMER) {
                    unpaidLines += order(random, times.anyTime(random), 80, 1, DELIVERED, false);
                }
            }
        }

        /** Writes one order with its customer_id row, items and payments; returns its item lines. */
        private int order(SplittableRandom random, long time, double value, int count, byte[] status, boolean paid)
                throws IOException {
            orderCount++;
            long number = orderNumber++;
            long seed = request.seed();
            hexInto(orderId, Seeds.mix(seed ^ 0x0DE5L, 2 * number), Seeds.mix(seed ^ 0x0DE5L, 2 * number + 1));
            hexInto(customerId, Seeds.mix(seed ^ 0xC057L, 2 * number), Seeds.mix(seed ^ 0xC057L, 2 * number + 1));

            customers.ensure(MAX_LINE);
            customers.put(customerId);
            customers.put(',');
            customers.put(uniqueId);
            customers.put(',');
            customers.put(ZIP_HEAD[place]);
            customers.putLong(100 + zip % 900);
            customers.put(PLACE_TAIL[place]);

            long approved = time + 600 + random.nextInt(3 * 3600);
            long carrier = approved + SECONDS_PER_DAY + random.nextInt(3 * (int) SECONDS_PER_DAY);
            long delivered = carrier + 3 * SECONDS_PER_DAY + random.nextInt(12 * (int) SECONDS_PER_DAY);
            long estimated = (time / SECONDS_PER_DAY + 15 + random.nextInt(20)) * SECONDS_PER_DAY;
            orders.ensure(MAX_LINE);
            orders.put(orderId);
            orders.put(',');
            orders.put(customerId);
            orders.put(',');
            orders.put(status);
            orders.put(',');
            dateTime(orders, time);
            orders.put(',');
            dateTime(orders, approved);
            orders.put(',');
            if (status == DELIVERED) {
                dateTime(orders, carrier);
                orders.put(',');
                dateTime(orders, delivered);
            } else {
                orders.put(',');
            }
            orders.put(',');
            dateTime(orders, estimated);
            orders.put('\n');

            long total = 0;
            long perItem = Math.round(value * 100 / Math.max(1, count));
            for (int i = 1; i <= count; i++) {
                long price = Math.max(490, Math.round(perItem * (0.8 + 0.4 * random.nextDouble())));
                long freight = 700 + random.nextInt(3300);
                total += price + freight;
                items.ensure(MAX_LINE);
                items.put(orderId);
                items.put(',');
                items.putLong(i);
                items.put(',');
                items.put(PRODUCT[(int) (PRODUCT_COUNT * Math.pow(random.nextDouble(), 2))]);
                items.put(',');
                items.put(SELLER[random.nextInt(SELLER_COUNT)]);
                items.put(',');
                dateTime(items, time + 6 * SECONDS_PER_DAY);
                items.put(',');
                items.putCents(price);
                items.put(',');
                items.putCents(freight);
                items.put('\n');
                progress.line();
            }
            if (paid) {
                if (total == 0) {
                    total = Math.round(value * 100);
                }
                double u = random.nextDouble();
                if (u < 0.05 && total > 2000) {
                    // part paid with a voucher, the rest by card
                    long voucher = 1000 + random.nextInt((int) Math.min(total - 1000, 10_000));
                    payment(1, 3, 1, voucher);
                    payment(2, 0, 1 + random.nextInt(6), total - voucher);
                } else {
                    int type = u < 0.75 ? 0 : u < 0.95 ? 1 : 2;
                    payment(1, type, type == 0 ? 1 + random.nextInt(10) : 1, total);
                }
            }
            return count;
        }

        private void payment(int sequential, int type, int installments, long cents) throws IOException {
            paymentCount++;
            payments.ensure(MAX_LINE);
            payments.put(orderId);
            payments.put(',');
            payments.putLong(sequential);
            payments.put(',');
            payments.put(PAYMENT_TYPE[type]);
            payments.put(',');
            payments.putLong(installments);
            payments.put(',');
            payments.putCents(cents);
            payments.put('\n');
        }

        private static void dateTime(AsciiOut out, long seconds) {
            DAYS.dateTime(out, seconds);
        }

        /** A place by its share; the rest of the country is spread over the same places evenly. */
        private static int place(double u) {
            for (int i = 0; i < PLACE_SHARE.length; i++) {
                if (u < PLACE_SHARE[i]) {
                    return i;
                }
            }
            return (int) ((u - PLACE_SHARE[PLACE_SHARE.length - 1]) / (1 - PLACE_SHARE[PLACE_SHARE.length - 1])
                    * PLACES.length);
        }
    }

    /** A second of the day, busiest in the afternoon and evening (Brazilian online shopping hours). */
    private static long second(SplittableRandom random) {
        double hours = 8 + 7.99 * (random.nextDouble() + random.nextDouble());
        return (long) (hours * 3600);
    }

    private static byte[] hex(long high, long low) {
        byte[] id = new byte[32];
        hexInto(id, high, low);
        return id;
    }

    private static void hexInto(byte[] id, long high, long low) {
        for (int i = 0; i < 16; i++) {
            id[i] = (byte) Character.forDigit((int) (high >>> (60 - 4 * i)) & 0xf, 16);
            id[16 + i] = (byte) Character.forDigit((int) (low >>> (60 - 4 * i)) & 0xf, 16);
        }
    }
}
