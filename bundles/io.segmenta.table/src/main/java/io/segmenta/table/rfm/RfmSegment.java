package io.segmenta.table.rfm;

/**
 * The named RFM segments, in their canonical order (the order segments are numbered in), and the rule that
 * names a customer from its recency score R and frequency score F (1 to 5 each).
 * <p>
 * The rule is the widely used map of the classic RFM segmentation recipe, patterns over the two-digit string
 * "RF": {@code [1-2][1-2]} Hibernating, {@code [1-2][3-4]} At Risk, {@code [1-2]5} Can't Lose Them,
 * {@code 3[1-2]} About to Sleep, {@code 33} Need Attention, {@code [3-4][4-5]} Loyal Customers, {@code 41}
 * Promising, {@code 51} New Customers, {@code [4-5][2-3]} Potential Loyalists, {@code 5[4-5]} Champions. The
 * patterns cover each of the 25 cells exactly once. The issue also asks for "Lost": it is the worst cell,
 * R = 1 and F = 1, split off Hibernating (which keeps 12, 21 and 22). docs/rfm-segments.md has the grid.
 */
public enum RfmSegment {
    CHAMPIONS("Champions"),
    LOYAL_CUSTOMERS("Loyal Customers"),
    POTENTIAL_LOYALISTS("Potential Loyalists"),
    NEW_CUSTOMERS("New Customers"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About to Sleep"),
    AT_RISK("At Risk"),
    CANT_LOSE_THEM("Can't Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private static final RfmSegment[] VALUES = values();
    /** GRID[r - 1][f - 1], precomputed so that naming a customer is one array look-up. */
    private static final RfmSegment[][] GRID = new RfmSegment[RfmQuintiles.BINS][RfmQuintiles.BINS];

    static {
        for (int r = 1; r <= RfmQuintiles.BINS; r++) {
            for (int f = 1; f <= RfmQuintiles.BINS; f++) {
                GRID[r - 1][f - 1] = rule(r, f);
            }
        }
    }

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    /** The name shown to people, e.g. "Can't Lose Them". */
    public String label() {
        return label;
    }

    /** The number of named segments. */
    public static int count() {
        return VALUES.length;
    }

    /** The segment of that canonical number. */
    public static RfmSegment byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** The segment of scores R and F (1 to 5). */
    public static RfmSegment of(int r, int f) {
        return GRID[r - 1][f - 1];
    }

    /** The recipe's patterns, one branch per pattern in the recipe's order, plus Lost. */
    private static RfmSegment rule(int r, int f) {
        if (r == 1 && f == 1) {
            return LOST;
        }
        if (r <= 2 && f <= 2) {
            return HIBERNATING; // [1-2][1-2]
        }
        if (r <= 2 && f <= 4) {
            return AT_RISK; // [1-2][3-4]
        }
        if (r <= 2) {
            return CANT_LOSE_THEM; // [1-2]5
        }
        if (r == 3 && f <= 2) {
            return ABOUT_TO_SLEEP; // 3[1-2]
        }
        if (r == 3 && f == 3) {
            return NEED_ATTENTION; // 33
        }
        if (r <= 4 && f >= 4) {
            return LOYAL_CUSTOMERS; // [3-4][4-5]
        }
        if (r == 4 && f == 1) {
            return PROMISING; // 41
        }
        if (r == 5 && f == 1) {
            return NEW_CUSTOMERS; // 51
        }
        if (f <= 3) {
            return POTENTIAL_LOYALISTS; // [4-5][2-3]
        }
        return CHAMPIONS; // 5[4-5]
    }
}
