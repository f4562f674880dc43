package io.segmenta.report.html;

import java.util.Locale;

/**
 * The run's one palette: segment i has colour i in every heading, table and chart. The first twelve are Tableau 10
 * with two more of Tableau 20's darker tones (a well-known categorical palette whose colours stay apart for the
 * colour-blind); beyond twelve, hues by the golden angle at a lightness the first twelve do not use, so no two
 * segments share a colour. Grey is kept for "other" (levels beyond the top ones).
 */
final class Palette {
    static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#1f3b73", "#8cd17d", "#bab0ac"};
    /** The colour of the "other" band (levels beyond the ten shown, which never get Tableau's grey, the 12th). */
    static final String OTHER = "#e6e6e6";

    private Palette() {
    }

    /** The colour of segment (or level) {@code i}. */
    static String colour(int i) {
        if (i < COLOURS.length) {
            return COLOURS[i];
        }
        int hue = (int) Math.round((i - COLOURS.length) * 137.508 % 360);
        return String.format(Locale.ROOT, "hsl(%d,55%%,%d%%)", hue, i % 2 == 0 ? 32 : 68);
    }
}
