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
 * Writes a sample of the UCI Online Retail export ({@code online-retail.csv}, exactly the format the
 * {@code uk-retail} source reads: header {@value #HEADER}, dates {@code yyyy-MM-dd HH:mm:ss}, CustomerID as a
 * float such as {@code 17850.0}) and {@code planted-segments.csv} ({@code customer_id,planted_segment}, the id
 * as the source reports it, e.g. {@code 17850}).
 * <p>
 * <b>Planted segments</b> ({@link Segment}), chosen to be separable by recency, frequency and monetary value
 * (after log1p and z-scores, as the pipeline scales them): champions, loyal regulars, bargain hunters (many
 * cheap lines per order, small totals), one-timers and dormant customers who stopped buying months before
 * the end. Each customer's segment is drawn at random, so the id says nothing about it. Spend per order is
 * log-normal around the segment's median; order days follow the shop's season (busier in the autumn, most
 * of all in November; fewer orders on Sundays and Fridays, none on Saturdays nor over the Christmas break),
 * within 2010-12-01 .. 2011-12-09 as in the real export. A fixed catalogue of {@value #PRODUCTS} stock codes
 * with prices; most customers are in the United Kingdom.
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
 * <b>Size</b>: {@link GeneratorRequest#targetLines()} scales the activity: the number of orders of every
 * repeat buyer by the square root of the factor needed, the lines per order by the rest (one-timers keep
 * their single order), so the total comes near the target while the segments keep their shape.
 */
@Component(service = SampleGenerator.class)
@StageName(UkRetailGenerator.NAME)
@ServiceProvider(value = SampleGenerator.class, resolution = Resolution.OPTIONAL)
public class UkRetailGenerator implements SampleGenerator {
    static final String NAME = "uk-retail";
    static final String DATA_FILE = "online-retail.csv";
    static final String SEGMENTS_FILE = "planted-segments.csv";
    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    static final String LINES = "lines";
    static final String CUSTOMERS = "customers";
    static final String INVOICES = "invoices";
    static final String MISSING_CUSTOMER = "missing customer";
    static final String CANCELLATIONS = "cancellations";
    static final String ZERO_PRICE = "zero price";
    static final String DUPLICATES = "duplicates";

    static final int PROGRESS_EVERY = 100_000;
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

    /**
     * The planted behaviours. Recency is in days before the last day, 2011-12-09 (the RFM stage then measures
     * one more, from the day after the last transaction); orders and lines per order are uniform in their
     * ranges before scaling; spend per order is log-normal with the given median and log-sd.
     */
    enum Segment {
        CHAMPION("champion", 0.10, 18, 30, 0, 7, 350, 0.30, 8, 20, false),
        LOYAL("loyal", 0.22, 6, 10, 12, 45, 110, 0.30, 4, 10, false),
        BARGAIN_HUNTER("bargain-hunter", 0.13, 10, 16, 0, 25, 12, 0.30, 8, 16, true),
        ONE_TIMER("one-timer", 0.30, 1, 1, 60, 200, 25, 0.40, 1, 4, false),
        DORMANT("dormant", 0.25, 2, 5, 230, 360, 80, 0.30, 3, 8, false);

        final String label;
        final byte[] labelBytes;
        final double weight;
        final int ordersMin;
        final int ordersMax;
        final int recencyMin;
        final int recencyMax;
        final double spendMedian;
        final double spendSigma;
        final int linesMin;
        final int linesMax;
        final boolean cheap;

        Segment(String label, double weight, int ordersMin, int ordersMax, int recencyMin, int recencyMax,
                double spendMedian, double spendSigma, int linesMin, int linesMax, boolean cheap) {
            this.label = label;
            this.labelBytes = label.getBytes(StandardCharsets.US_ASCII);
            this.weight = weight;
            this.ordersMin = ordersMin;
            this.ordersMax = ordersMax;
            this.recencyMin = recencyMin;
            this.recencyMax = recencyMax;
            this.spendMedian = spendMedian;
            this.spendSigma = spendSigma;
            this.linesMin = linesMin;
            this.linesMax = linesMax;
            this.cheap = cheap;
        }

        boolean repeats() {
            return ordersMax > 1;
        }

        /** The mean of {@link #uniform} over the orders' range, scaled. */
        double meanOrders(double scale) {
            return repeats() ? (ordersMin + ordersMax + 1) / 2.0 * scale : 1;
        }

        /** The mean of {@link #uniform} over the lines' range. */
        double meanLines() {
            return (linesMin + linesMax + 1) / 2.0;
        }
    }

    private static final Segment[] SEGMENTS = Segment.values();

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
            try (AsciiOut data = files.open(DATA_FILE); AsciiOut segments = files.open(SEGMENTS_FILE)) {
                run.write(data, segments);
            } catch (IOException e) {
                throw new SegmentaException(outputDir + ": cannot write the sample: " + e.getMessage(), e);
            }
            List<Path> written = files.commit();
            context.progress(run.lines, run.lines, "lines");
            return new GeneratedSample(List.of(written.get(0)), written.get(1), run.counts());
        }
    }

    /** Scale factors for a request: orders of repeat buyers, and lines per order. */
    static double[] scales(GeneratorRequest request) {
        double base = 0;
        for (Segment s : SEGMENTS) {
            base += s.weight * s.meanOrders(1) * s.meanLines();
        }
        if (request.targetLines() == 0) {
            return new double[] {1, 1, request.customers() * base};
        }
        double factor = request.targetLines() / (request.customers() * base);
        double orders = factor > 1 ? Math.sqrt(factor) : 1;
        double perCustomer = 0;
        double ordersPerCustomer = 0;
        for (Segment s : SEGMENTS) {
            perCustomer += s.weight * s.meanOrders(orders) * s.meanLines();
            ordersPerCustomer += s.weight * s.meanOrders(orders);
        }
        double purchases = request.targetLines();
        if (request.dirt()) {
            // leave room for the dirt lines, so that the total still comes near the target: guest lines per
            // customer, cancelled and free lines per order, duplicates per line
            double perOrder = perCustomer / ordersPerCustomer;
            purchases = (purchases - request.customers() * GUEST_INVOICE_PER_CUSTOMER * GUEST_LINES_MEAN)
                    / (1 + DUPLICATE_PER_LINE + (CANCELLATION_PER_ORDER + FREE_LINE_PER_ORDER) / perOrder);
            purchases = Math.max(purchases, request.customers());
        }
        double lines = purchases / (request.customers() * perCustomer);
        return new double[] {orders, lines, request.targetLines()};
    }

    /** The state of one generation; the generator itself holds none, so it is thread-safe. */
    private static final class Run {
        private final GeneratorRequest request;
        private final StageContext context;
        private final double orderScale;
        private final double lineScale;
        private final long expectedLines;

        long lines;
        private long nextProgress = PROGRESS_EVERY;
        private long invoices;
        private long missingCustomer;
        private long cancellations;
        private long zeroPrice;
        private long duplicates;
        private long nextInvoice = FIRST_INVOICE;

        // per customer, reused: order times as day * MINUTES_PER_DAY + minute of the day, sorted
        private long[] orderTimes = new long[64];
        private final byte[] invoiceText = new byte[24];
        private int invoiceLength;

        Run(GeneratorRequest request, StageContext context) {
            this.request = request;
            this.context = context;
            double[] scales = scales(request);
            this.orderScale = scales[0];
            this.lineScale = scales[1];
            this.expectedLines = (long) scales[2];
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(LINES, lines);
            counts.put(CUSTOMERS, (long) request.customers());
            counts.put(INVOICES, invoices);
            counts.put(MISSING_CUSTOMER, missingCustomer);
            counts.put(CANCELLATIONS, cancellations);
            counts.put(ZERO_PRICE, zeroPrice);
            counts.put(DUPLICATES, duplicates);
            return counts;
        }

        void write(AsciiOut data, AsciiOut segments) throws IOException {
            data.write(HEADER + "\n");
            segments.write("customer_id,planted_segment\n");
            for (int c = 0; c < request.customers(); c++) {
                customer(c, data, segments);
            }
        }

        private void customer(int index, AsciiOut data, AsciiOut segments) throws IOException {
            SplittableRandom random = new SplittableRandom(mix(request.seed(), index));
            Segment segment = segment(random.nextDouble());
            long id = FIRST_CUSTOMER_ID + (long) index;
            segments.ensure(64);
            segments.putLong(id);
            segments.put(',');
            segments.put(segment.labelBytes);
            segments.put('\n');

            // ",17850.0,United Kingdom\n": the same tail on every line of this customer
            byte[] country = Catalogue.COUNTRIES[Catalogue.country(random)];
            byte[] tail = customerTail(id, country);

            int orders = segment.repeats()
                    ? Math.max(2, (int) Math.round(uniform(random, segment.ordersMin, segment.ordersMax) * orderScale))
                    : 1;
            int lastDay = Calendar.openOnOrBefore(Calendar.LAST_DAY - uniformInt(random, segment.recencyMin,
                    segment.recencyMax));
            // repeat buyers are active from some time in the first quarter (dormant ones from the start, so
            // that their orders are spread before they lapse); their last order is on lastDay
            int firstDay = segment == Segment.DORMANT ? 0 : random.nextInt(90);
            firstDay = Math.min(firstDay, lastDay);
            if (orderTimes.length < orders) {
                orderTimes = new long[Math.max(orders, orderTimes.length * 2)];
            }
            orderTimes[0] = (long) lastDay * Calendar.MINUTES_PER_DAY + Calendar.minuteOfDay(random);
            for (int o = 1; o < orders; o++) {
                orderTimes[o] = (long) Calendar.day(random, firstDay, lastDay) * Calendar.MINUTES_PER_DAY
                        + Calendar.minuteOfDay(random);
            }
            Arrays.sort(orderTimes, 0, orders);

            boolean dirt = request.dirt();
            // a guest checks out somewhere during this customer's turn in the file
            int guestBefore = dirt && random.nextDouble() < GUEST_INVOICE_PER_CUSTOMER ? random.nextInt(orders) : -1;
            for (int o = 0; o < orders; o++) {
                if (o == guestBefore) {
                    guestInvoice(random, data);
                }
                order(random, segment, orderTimes[o], tail, data);
            }
        }

        private void order(SplittableRandom random, Segment segment, long time, byte[] tail, AsciiOut data)
                throws IOException {
            newInvoice(false);
            byte[] date = Calendar.dateTime(time);
            double spend = segment.spendMedian * Math.exp(segment.spendSigma * random.nextGaussian());
            int count = Math.max(1, (int) Math.round(uniform(random, segment.linesMin, segment.linesMax) * lineScale));
            double perLine = spend / count;
            int firstProduct = -1;
            long firstQuantity = 0;
            boolean dirt = request.dirt();
            for (int l = 0; l < count; l++) {
                int product = segment.cheap ? Catalogue.cheapProduct(random) : Catalogue.product(random);
                long quantity = Math.max(1, Math.round(perLine / Catalogue.PRICE[product]));
                if (l == 0) {
                    firstProduct = product;
                    firstQuantity = quantity;
                }
                line(data, product, quantity, date, Catalogue.PRICE_TEXT[product], tail);
                if (dirt && random.nextDouble() < DUPLICATE_PER_LINE) {
                    line(data, product, quantity, date, Catalogue.PRICE_TEXT[product], tail);
                    duplicates++;
                }
            }
            if (dirt && random.nextDouble() < FREE_LINE_PER_ORDER) {
                line(data, Catalogue.product(random), 1 + random.nextInt(12), date, Catalogue.ZERO_PRICE, tail);
                zeroPrice++;
            }
            if (dirt && random.nextDouble() < CANCELLATION_PER_ORDER) {
                // the customer takes back the first line, in shop hours up to three days later (within the
                // export's period), or later the same day
                newInvoice(true);
                int day = (int) (time / Calendar.MINUTES_PER_DAY);
                int laterDay = Math.min(day + random.nextInt(4), Calendar.LAST_DAY);
                int minute = Calendar.minuteOfDay(random);
                if (laterDay == day) {
                    minute = (int) Math.min(Math.max(minute, time % Calendar.MINUTES_PER_DAY + 15),
                            Calendar.MINUTES_PER_DAY - 1);
                }
                long later = (long) laterDay * Calendar.MINUTES_PER_DAY + minute;
                line(data, firstProduct, -firstQuantity, Calendar.dateTime(later), Catalogue.PRICE_TEXT[firstProduct],
                        tail);
                cancellations++;
            }
        }

        private void guestInvoice(SplittableRandom random, AsciiOut data) throws IOException {
            newInvoice(false);
            int day = Calendar.day(random, 0, Calendar.LAST_DAY);
            byte[] date = Calendar.dateTime((long) day * Calendar.MINUTES_PER_DAY + Calendar.minuteOfDay(random));
            byte[] tail = Catalogue.GUEST_TAIL[Catalogue.guestCountry(random)];
            int count = 1 + random.nextInt(GUEST_LINES_MAX);
            for (int l = 0; l < count; l++) {
                int product = Catalogue.product(random);
                line(data, product, 1 + random.nextInt(6), date, Catalogue.PRICE_TEXT[product], tail);
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

        /** invoice,product prefix (StockCode,Description,),quantity,date,price + tail (",id.0,country\n"). */
        private void line(AsciiOut data, int product, long quantity, byte[] date, byte[] price, byte[] tail)
                throws IOException {
            data.ensure(MAX_LINE);
            for (int i = 0; i < invoiceLength; i++) {
                data.put((char) invoiceText[i]);
            }
            data.put(',');
            data.put(Catalogue.PREFIX[product]);
            data.putLong(quantity);
            data.put(',');
            data.put(date);
            data.put(',');
            data.put(price);
            data.put(tail);
            if (++lines == nextProgress) {
                nextProgress += PROGRESS_EVERY;
                context.progress(lines, Math.max(expectedLines, lines), "lines");
                if (context.isCancelled()) {
                    throw new SegmentaException("cancelled");
                }
            }
        }

        private static byte[] customerTail(long id, byte[] country) {
            byte[] idText = (Long.toString(id) + ".0").getBytes(StandardCharsets.US_ASCII);
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

    /** A uniform double in [min, max + 1): the continuous counterpart of a whole number in [min, max]. */
    private static double uniform(SplittableRandom random, int min, int max) {
        return min + random.nextDouble() * (max - min + 1);
    }

    private static int uniformInt(SplittableRandom random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /**
     * A well-mixed seed per customer (the SplitMix64 finaliser of seed and index), so that customers'
     * streams are independent of each other and of the order they are generated in.
     */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The export's days, with the shop's season, and their text. */
    static final class Calendar {
        static final LocalDate FIRST = LocalDate.of(2010, 12, 1);
        static final LocalDate LAST = LocalDate.of(2011, 12, 9);
        static final int LAST_DAY = (int) (LAST.toEpochDay() - FIRST.toEpochDay());
        static final int MINUTES_PER_DAY = 24 * 60;
        /** Christmas break of the real shop: no orders from 2010-12-23 to 2011-01-03. */
        private static final LocalDate CLOSED_FROM = LocalDate.of(2010, 12, 23);
        private static final LocalDate CLOSED_TO = LocalDate.of(2011, 1, 3);
        /** Relative order volume per month (January first): busiest in the autumn, most of all in November. */
        private static final double[] MONTH = {0.8, 0.75, 0.95, 0.85, 0.95, 0.9, 0.9, 0.95, 1.3, 1.45, 1.9, 1.5};

        /** cumulative[d] = the weights of days 0 .. d-1. */
        private static final double[] CUMULATIVE = new double[LAST_DAY + 2];
        private static final boolean[] OPEN = new boolean[LAST_DAY + 1];
        /** "yyyy-MM-dd " per day. */
        private static final byte[][] DATE = new byte[LAST_DAY + 1][];
        /** "HH:mm:00" per minute of the day. */
        private static final byte[][] TIME = new byte[MINUTES_PER_DAY][];

        static {
            for (int d = 0; d <= LAST_DAY; d++) {
                LocalDate date = FIRST.plusDays(d);
                double w = MONTH[date.getMonthValue() - 1];
                DayOfWeek dow = date.getDayOfWeek();
                if (dow == DayOfWeek.SATURDAY || (!date.isBefore(CLOSED_FROM) && !date.isAfter(CLOSED_TO))) {
                    w = 0;
                } else if (dow == DayOfWeek.SUNDAY) {
                    w *= 0.55;
                } else if (dow == DayOfWeek.FRIDAY) {
                    w *= 0.8;
                }
                OPEN[d] = w > 0;
                CUMULATIVE[d + 1] = CUMULATIVE[d] + w;
                DATE[d] = (date + " ").getBytes(StandardCharsets.US_ASCII);
            }
            for (int m = 0; m < MINUTES_PER_DAY; m++) {
                TIME[m] = String.format(java.util.Locale.ROOT, "%02d:%02d:00", m / 60, m % 60)
                        .getBytes(StandardCharsets.US_ASCII);
            }
        }

        private Calendar() {
        }

        /** The latest open day on or before {@code day} (the export's first day is open). */
        static int openOnOrBefore(int day) {
            int d = Math.max(0, Math.min(day, LAST_DAY));
            while (d > 0 && !OPEN[d]) {
                d--;
            }
            return d;
        }

        /** A day in [from, to] drawn by the season's weights; {@code to} must be open. */
        static int day(SplittableRandom random, int from, int to) {
            double lo = CUMULATIVE[from];
            double u = lo + random.nextDouble() * (CUMULATIVE[to + 1] - lo);
            // the last d with CUMULATIVE[d] <= u, within [from, to]
            int a = from;
            int b = to;
            while (a < b) {
                int mid = (a + b + 1) >>> 1;
                if (CUMULATIVE[mid] <= u) {
                    a = mid;
                } else {
                    b = mid - 1;
                }
            }
            // a closed day has zero width and is never the answer unless u lands exactly on a boundary
            return OPEN[a] ? a : openOnOrBefore(a) >= from ? openOnOrBefore(a) : to;
        }

        /** Shop hours, 07:00 to 19:59, busiest around midday (the sum of two uniforms). */
        static int minuteOfDay(SplittableRandom random) {
            double hours = 7 + 6.5 * (random.nextDouble() + random.nextDouble());
            return (int) (hours * 60);
        }

        /** "yyyy-MM-dd HH:mm:00" of a time in minutes since the first day. */
        static byte[] dateTime(long minutes) {
            int day = (int) (minutes / MINUTES_PER_DAY);
            byte[] date = DATE[day];
            byte[] time = TIME[(int) (minutes % MINUTES_PER_DAY)];
            byte[] text = new byte[date.length + time.length];
            System.arraycopy(date, 0, text, 0, date.length);
            System.arraycopy(time, 0, text, date.length, time.length);
            return text;
        }
    }
}
