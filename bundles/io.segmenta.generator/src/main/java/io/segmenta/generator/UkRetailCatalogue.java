package io.segmenta.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The UK retailer's made-up catalogue and customer countries. Built once from a fixed seed, so every sample
 * has the same products whatever the request's seed; the order of the tables is their index, nothing here
 * depends on hash order.
 */
final class UkRetailCatalogue {
    private static final long SEED = 20101201L;

    /** Price in pounds, per product. */
    static final double[] PRICE = new double[UkRetailGenerator.PRODUCTS];
    /** The UnitPrice text as the export writes it ("2.55", "2.1", "3.0"), per product. */
    static final byte[][] PRICE_TEXT = new byte[UkRetailGenerator.PRODUCTS][];
    /** "StockCode,Description," per product, the description quoted when it needs it. */
    static final byte[][] PREFIX = new byte[UkRetailGenerator.PRODUCTS][];
    static final byte[] ZERO_PRICE = "0.0".getBytes(StandardCharsets.US_ASCII);
    /** Indexes of the products under a pound: what bargain hunters buy. */
    private static final int[] CHEAP;

    static final byte[][] COUNTRIES;
    /** ",,Country\n": the tail of a guest's line, per country. */
    static final byte[][] GUEST_TAIL;
    private static final String[] COUNTRY_NAMES = {"United Kingdom", "Germany", "France", "EIRE", "Spain",
        "Netherlands", "Belgium", "Switzerland", "Portugal", "Australia", "Norway", "Channel Islands"};
    /** Cumulative shares of the countries above: nine customers in ten are in the UK, as in the real export. */
    private static final double[] COUNTRY_SHARE = {0.90, 0.922, 0.942, 0.955, 0.965, 0.973, 0.98, 0.986, 0.991,
        0.995, 0.998, 1.0};

    private static final String[] PATTERNS = {"RED RETROSPOT", "PINK POLKADOT", "VINTAGE PAISLEY", "REGENCY",
        "WHITE HANGING HEART", "BLUE SPOTTY", "UNION JACK", "SKULLS", "WOODLAND", "CHRISTMAS", "RABBIT",
        "DOLLY GIRL", "SPACEBOY", "HOME SWEET HOME", "JAM MAKING", "BAROQUE", "ALPHABET", "PARIS FASHION"};
    private static final String[] ITEMS = {"LUNCH BAG", "JUMBO BAG", "CAKE CASES", "T-LIGHT HOLDER",
        "TEA CUP AND SAUCER", "PAPER CHAIN KIT", "NAPKINS", "COAT HANGER", "HOT WATER BOTTLE", "CHILDRENS APRON",
        "MINI TAPE MEASURE", "NOTEBOOK", "PARTY BUNTING", "STORAGE TIN", "BIRTHDAY CARD", "DOORMAT",
        "ALARM CLOCK", "LANTERN", "CUSHION COVER", "GIFT WRAP", "PENCILS", "WATER BOTTLE", "CAKE STAND", "MUG"};
    private static final String[] SIZES = {"", "SMALL ", "LARGE ", "SET OF 3 ", "PACK OF 12 ", "SET/6 "};

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        boolean[] used = new boolean[10_000];
        int cheap = 0;
        boolean[] isCheap = new boolean[UkRetailGenerator.PRODUCTS];
        for (int p = 0; p < UkRetailGenerator.PRODUCTS; p++) {
            int code;
            do {
                code = random.nextInt(used.length);
            } while (used[code]);
            used[code] = true;
            String stockCode = (20000 + code) + (random.nextInt(5) == 0 ? String.valueOf((char) ('A' + random.nextInt(6))) : "");
            String description = SIZES[random.nextInt(SIZES.length)] + PATTERNS[random.nextInt(PATTERNS.length)] + " "
                    + ITEMS[random.nextInt(ITEMS.length)];
            // a few descriptions with a comma or a quote, as in the real export, so that quoting is exercised
            if (p % 97 == 13) {
                description = description + ", ASSORTED";
            } else if (p % 89 == 7) {
                description = "\"" + PATTERNS[random.nextInt(PATTERNS.length)] + "\" " + description;
            }
            int pence;
            if (random.nextInt(10) < 3) {
                pence = 19 + 5 * random.nextInt(17); // 0.19 .. 0.99
            } else {
                double pounds = Math.min(49.95, Math.max(0.39, 2.95 * Math.exp(0.7 * random.nextGaussian())));
                pence = (int) Math.round(pounds * 20) * 5;
            }
            PRICE[p] = pence / 100.0;
            PRICE_TEXT[p] = priceText(pence).getBytes(StandardCharsets.US_ASCII);
            PREFIX[p] = (stockCode + "," + AsciiOut.csvField(description) + ",").getBytes(StandardCharsets.US_ASCII);
            if (pence < 100) {
                isCheap[p] = true;
                cheap++;
            }
        }
        CHEAP = new int[cheap];
        for (int p = 0, n = 0; p < isCheap.length; p++) {
            if (isCheap[p]) {
                CHEAP[n++] = p;
            }
        }
        COUNTRIES = new byte[COUNTRY_NAMES.length][];
        GUEST_TAIL = new byte[COUNTRY_NAMES.length][];
        for (int c = 0; c < COUNTRY_NAMES.length; c++) {
            COUNTRIES[c] = COUNTRY_NAMES[c].getBytes(StandardCharsets.US_ASCII);
            GUEST_TAIL[c] = (",," + COUNTRY_NAMES[c] + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private UkRetailCatalogue() {
    }

    /** A product, popular ones far more often (the square of a uniform skews towards low indexes). */
    static int product(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (u * u * UkRetailGenerator.PRODUCTS);
    }

    /** A product under a pound. */
    static int cheapProduct(SplittableRandom random) {
        return CHEAP[random.nextInt(CHEAP.length)];
    }

    /** A customer's country. */
    static int country(SplittableRandom random) {
        double u = random.nextDouble();
        int c = 0;
        while (u >= COUNTRY_SHARE[c]) {
            c++;
        }
        return c;
    }

    /** A guest's country: nearly always the UK. */
    static int guestCountry(SplittableRandom random) {
        return random.nextInt(20) == 0 ? 1 + random.nextInt(COUNTRY_NAMES.length - 1) : 0;
    }

    /** Pence as the export writes prices: no trailing zeros but at least one decimal ("2.1", "3.0", "0.85"). */
    static String priceText(int pence) {
        int pounds = pence / 100;
        int cents = pence % 100;
        if (cents == 0) {
            return pounds + ".0";
        }
        if (cents % 10 == 0) {
            return pounds + "." + cents / 10;
        }
        return pounds + "." + (cents < 10 ? "0" : "") + cents;
    }
}
