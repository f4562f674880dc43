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
 * Writes a sample of the UCI Online Retail export ({@code online-retail.csv}, exactly the format the
 * {@code uk-retail} source reads: header {@value #HEADER}, dates {@code yyyy-MM-dd HH:mm:ss}, CustomerID as a
 * float such as {@code 17850.0}) and {@code planted-segments.csv} ({@code customer_id,planted_segment}, the id
 * as the source reports it, e.g. {@code 17850}).
 * <p>
 * <b>Planted segments</b> ({@link #SEGMENTS}), chosen to be separable by recency, frequency and monetary value
 * (after log1p and z-scores, as the pipeline scales them): champions, loyal regulars, bargain hunters (many
 * cheap lines per order, small totals), one-timers and dormant customers who stopped buying months before
 * the end. Each customer's segment is drawn at random, so the id says nothing about it. Spend per order is
 * log-normal around the segment's median; order days follow the shop's season ({@link #CALENDAR}: busier in
 * the autumn, most of all in November; fewer orders on Sundays and Fridays, none on Saturdays nor over the
 * Christmas break), within 2010-12-01 .. 2011-12-09 as in the real export. A fixed catalogue of
 * {@value #PRODUCTS} stock codes with prices; most customers are in the United Kingdom.
 * <p>
 * <b>Dirt</b> (when asked): guest invoices without CustomerID, cancellations ({@code C}-invoices with the
 * negative quantity of a line of an earlier order of the same customer), free lines (UnitPrice 0.0) and
 * exact duplicate lines. Each is counted in {@link GeneratedSample#counts()}; the source rejects the first
 * three kinds under its reasons and keeps duplicates (the real export has them too).
 * <p>
 * <b>Streaming and determinism</b>: the file is written customer by customer (all of a customer's invoices,
 * in date order, then the next customer), so memory holds one customer's orders, never the file: its size
 * does not grow with the number of lines. Lines are therefore not in global date order, which the source
 * does not need; invoice numbers increase in file order. Every customer has its own random generator,
 * derived from the seed and the customer's number, so the output is the same byte for byte for the same
 * request, on any machine.
 * <p>
 * <b>Size</b>: {@link GeneratorRequest#targetLines()} scales the activity ({@link PlantedSegments#scales}),
 * leaving room for the dirt lines.
 */
@Component(service = SampleGenerator.class)
@StageName(UkRetailGenerator.NAME)
@ServiceProvider(value = SampleGenerator.class, resolution = Resolution.OPTIONAL)
public class UkRetailGenerator implements SampleGenerator {
    static final String NAME = "uk-retail";
    static final String DATA_FILE = "online-retail.csv";
    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    static final String INVOICES = "invoices";
    static final String MISSING_CUSTOMER = "missing customer";
    static final String CANCELLATIONS = "cancellations";
    static final String ZERO_PRICE = "zero price";
    static final String DUPLICATES = "duplicates";

    static final int FIRST_CUSTOMER_ID = 12346;
    static final int FIRST_INVOICE = 536365;
    static final int PRODUCTS = 400;

    // dirt rates
    private static final double GUEST_INVOICE_PER_CUSTOMER = 0.25;
    private static final double CANCELLATION_PER_ORDER = 0.03;
    private static final double FREE_LINE_PER_ORDER = 0.01;
    private static final double DUPLICATE_PER_LINE = 0.003;
    private static final int GUEST_LINES_MAX = 10;
    private static final double GUEST_LINES_MEAN = (1 + GUEST_LINES_MAX) / 2.0;

    /** The longest line: fields are bounded (descriptions under 80 bytes, numbers under 20 digits). */
    private static final int MAX_LINE = 256;

    /*
     * The planted behaviours. Recency is in days before the last day, 2011-12-09 (the RFM stage then measures
     * one more, from the day after the last transaction); the value is the spend per order in pounds.
     */
    static final PlantedSegment CHAMPION = new PlantedSegment("champion", 0.10, 18, 30, 0, 7, 350, 0.30, 8, 20);
    static final PlantedSegment LOYAL = new PlantedSegment("loyal", 0.22, 6, 10, 12, 45, 110, 0.30, 4, 10);
    /** Many cheap lines per order (products under a pound), small totals. */
    static final PlantedSegment BARGAIN_HUNTER =
            new PlantedSegment("bargain-hunter", 0.13, 10, 16, 0, 25, 12, 0.30, 8, 16);
    static final PlantedSegment ONE_TIMER = new PlantedSegment("one-timer", 0.30, 1, 1, 60, 200, 25, 0.40, 1, 4);
    /** Active from the export's start, then lapsed. */
    static final PlantedSegment DORMANT = new PlantedSegment("dormant", 0.25, 2, 5, 230, 360, 80, 0.30, 3, 8);
    static final PlantedSegments SEGMENTS = new PlantedSegments(CHAMPION, LOYAL, BARGAIN_HUNTER, ONE_TIMER, DORMANT);

    /** Christmas break of the real shop: no orders from 2010-12-23 to 2011-01-03. */
    private static final LocalDate CLOSED_FROM = LocalDate.of(2010, 12, 23);
    private static final LocalDate CLOSED_TO = LocalDate.of(2011, 1, 3);
    /** Relative order volume per month (January first): busiest in the autumn, most of all in November. */
    private static final double[] MONTH = {0.8, 0.75, 0.95, 0.85, 0.95, 0.9, 0.9, 0.95, 1.3, 1.45, 1.9, 1.5};
    /**
     * 2010-12-01 .. 2011-12-09 as in the real export, with the shop's season; fewer orders on Sundays and
     * Fridays, none on Saturdays nor over the Christmas break.
     */
    static final OrderCalendar CALENDAR = new OrderCalendar(LocalDate.of(2010, 12, 1), LocalDate.of(2011, 12, 9),
            date -> {
                DayOfWeek dow = date.getDayOfWeek();
                double w = MONTH[date.getMonthValue() - 1];
                if (dow == DayOfWeek.SATURDAY || (!date.isBefore(CLOSED_FROM) && !date.isAfter(CLOSED_TO))) {
                    return 0;
                }
                return dow == DayOfWeek.SUNDAY ? w * 0.55 : dow == DayOfWeek.FRIDAY ? w * 0.8 : w;
            }, 0);
    private static final int LAST_DAY = CALENDAR.last();
    /** Times are in minutes: the export has no seconds. */
    private static final int MINUTES_PER_DAY = 24 * 60;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "UCI Online Retail export (online-retail.csv) with planted champions, loyal regulars, bargain "
                + "hunters, one-timers and dormant customers";
    }

    @Override
    public GeneratedSample generate(Path outputDir, GeneratorRequest request, StageContext context) {
        return SampleWriting.generate(NAME, List.of(DATA_FILE), outputDir, request, context, Run::new);
    }

    /** Scales for a request, leaving room for the dirt lines so that the total still comes near the target. */
    static PlantedSegments.Scales scales(GeneratorRequest request) {
        return SEGMENTS.scales(request, (r, perCustomer, ordersPerCustomer) -> {
            double purchases = r.targetLines();
            if (r.dirt()) {
                // guest lines per customer, cancelled and free lines per order, duplicates per line
                double perOrder = perCustomer / ordersPerCustomer;
                purchases = (purchases - r.customers() * GUEST_INVOICE_PER_CUSTOMER * GUEST_LINES_MEAN)
                        / (1 + DUPLICATE_PER_LINE + (CANCELLATION_PER_ORDER + FREE_LINE_PER_ORDER) / perOrder);
                purchases = Math.max(purchases, r.customers());
            }
            return purchases;
        });
    }

    /** A time of day in shop hours, 07:00 to 19:59, busiest around midday (the sum of two uniforms). */
    static int minuteOfDay(SplittableRandom random) {
        double hours = 7 + 6.5 * (random.nextDouble() + random.nextDouble());
        return (int) (hours * 60);
    }

    /** The state of one generation. */
    private static final class Run extends Generation {
        private final OrderTimes times = new OrderTimes(CALENDAR, MINUTES_PER_DAY, UkRetailGenerator::minuteOfDay);

        private long invoices;
        private long missingCustomer;
        private long cancellations;
        private long zeroPrice;
        private long duplicates;
        private long nextInvoice = FIRST_INVOICE;

        private final byte[] invoiceText = new byte[24];
        private int invoiceLength;

        private AsciiOut data;

        Run(GeneratorRequest request, StageContext context) {
            super(NAME, request, context, scales(request));
        }

        @Override
        void addCounts(Map<String, Long> counts) {
            counts.put(INVOICES, invoices);
            counts.put(MISSING_CUSTOMER, missingCustomer);
            counts.put(CANCELLATIONS, cancellations);
            counts.put(ZERO_PRICE, zeroPrice);
            counts.put(DUPLICATES, duplicates);
        }

        @Override
        void start(List<AsciiOut> dataFiles) throws IOException {
            data = dataFiles.get(0);
            data.write(HEADER + "\n");
        }

        @Override
        void customer(int index, AsciiOut segments) throws IOException {
            SplittableRandom random = new SplittableRandom(Seeds.mix(request.seed(), index));
            PlantedSegment segment = SEGMENTS.pick(random.nextDouble());
            long id = FIRST_CUSTOMER_ID + (long) index;
            PlantedSegments.row(segments, AsciiOut.bytes(Long.toString(id)), segment);

            // ",17850.0,United Kingdom\n": the same tail on every line of this customer
            byte[] country = UkRetailCatalogue.COUNTRIES[UkRetailCatalogue.country(random)];
            byte[] tail = customerTail(id, country);

            int orders = segment.orders(random, scales.orders());
            int lastDay = times.lastDay(random, segment);
            // repeat buyers are active from some time in the first quarter (dormant ones from the start, so
            // that their orders are spread before they lapse); their last order is on lastDay
            int firstDay = segment == DORMANT ? 0 : random.nextInt(90);
            firstDay = Math.min(firstDay, lastDay);
            long[] orderTimes = times.draw(random, orders, firstDay, lastDay);

            boolean dirt = request.dirt();
            // a guest checks out somewhere during this customer's turn in the file
            int guestBefore = dirt && random.nextDouble() < GUEST_INVOICE_PER_CUSTOMER ? random.nextInt(orders) : -1;
            for (int o = 0; o < orders; o++) {
                if (o == guestBefore) {
                    guestInvoice(random);
                }
                order(random, segment, orderTimes[o], tail);
            }
        }

        private void order(SplittableRandom random, PlantedSegment segment, long time, byte[] tail)
                throws IOException {
            newInvoice(false);
            double spend = segment.value(random);
            int count = segment.lines(random, scales.lines());
            double perLine = spend / count;
            int firstProduct = -1;
            long firstQuantity = 0;
            boolean dirt = request.dirt();
            for (int l = 0; l < count; l++) {
                int product = segment == BARGAIN_HUNTER ? UkRetailCatalogue.cheapProduct(random)
                        : UkRetailCatalogue.product(random);
                long quantity = Math.max(1, Math.round(perLine / UkRetailCatalogue.PRICE[product]));
                if (l == 0) {
                    firstProduct = product;
                    firstQuantity = quantity;
                }
                line(product, quantity, time, UkRetailCatalogue.PRICE_TEXT[product], tail);
                if (dirt && random.nextDouble() < DUPLICATE_PER_LINE) {
                    line(product, quantity, time, UkRetailCatalogue.PRICE_TEXT[product], tail);
                    duplicates++;
                }
            }
            if (dirt && random.nextDouble() < FREE_LINE_PER_ORDER) {
                line(UkRetailCatalogue.product(random), 1 + random.nextInt(12), time,
                        UkRetailCatalogue.ZERO_PRICE, tail);
                zeroPrice++;
            }
            if (dirt && random.nextDouble() < CANCELLATION_PER_ORDER) {
                // the customer takes back the first line, in shop hours up to three days later (within the
                // export's period), or later the same day
                newInvoice(true);
                int day = (int) (time / MINUTES_PER_DAY);
                int laterDay = Math.min(day + random.nextInt(4), LAST_DAY);
                int minute = minuteOfDay(random);
                if (laterDay == day) {
                    minute = (int) Math.min(Math.max(minute, time % MINUTES_PER_DAY + 15), MINUTES_PER_DAY - 1);
                }
                long later = (long) laterDay * MINUTES_PER_DAY + minute;
                line(firstProduct, -firstQuantity, later, UkRetailCatalogue.PRICE_TEXT[firstProduct], tail);
                cancellations++;
            }
        }

        private void guestInvoice(SplittableRandom random) throws IOException {
            newInvoice(false);
            long time = times.anyTime(random);
            byte[] tail = UkRetailCatalogue.GUEST_TAIL[UkRetailCatalogue.guestCountry(random)];
            int count = 1 + random.nextInt(GUEST_LINES_MAX);
            for (int l = 0; l < count; l++) {
                int product = UkRetailCatalogue.product(random);
                line(product, 1 + random.nextInt(6), time, UkRetailCatalogue.PRICE_TEXT[product], tail);
                missingCustomer++;
            }
        }

        private void newInvoice(boolean cancellation) {
            invoices++;
            long number = nextInvoice++;
            int n = 0;
            if (cancellation) {
                invoiceText[n++] = 'C';
            }
            int start = n;
            do {
                invoiceText[n++] = (byte) ('0' + (int) (number % 10));
                number /= 10;
            } while (number != 0);
            for (int i = start, j = n - 1; i < j; i++, j--) {
                byte t = invoiceText[i];
                invoiceText[i] = invoiceText[j];
                invoiceText[j] = t;
            }
            invoiceLength = n;
        }

        /**
         * invoice,product prefix (StockCode,Description,),quantity,date (minutes since the first day),price +
         * tail (",id.0,country\n").
         */
        private void line(int product, long quantity, long minutes, byte[] price, byte[] tail) throws IOException {
            data.ensure(MAX_LINE);
            for (int i = 0; i < invoiceLength; i++) {
                data.put((char) invoiceText[i]);
            }
            data.put(',');
            data.put(UkRetailCatalogue.PREFIX[product]);
            data.putLong(quantity);
            data.put(',');
            CALENDAR.dateTime(data, minutes * 60);
            data.put(',');
            data.put(price);
            data.put(tail);
            progress.line();
        }

        private static byte[] customerTail(long id, byte[] country) {
            byte[] idText = AsciiOut.bytes(id + ".0");
            byte[] tail = new byte[2 + idText.length + country.length + 1];
            int n = 0;
            tail[n++] = ',';
            System.arraycopy(idText, 0, tail, n, idText.length);
            n += idText.length;
            tail[n++] = ',';
            System.arraycopy(country, 0, tail, n, country.length);
            n += country.length;
            tail[n] = '\n';
            return tail;
        }
    }
}
