package io.segmenta.benchmarks;

import java.util.Locale;

/** The JSON the benchmarks print as their last line, written by hand (no JSON library on their class path). */
final class Json {
    private Json() {
    }

    /** A JSON number with four decimals; NaN and infinities (which JSON lacks) become null. */
    static String num(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** {@code "name":"value"}. */
    static StringBuilder field(StringBuilder j, String name, String value) {
        j.append('"').append(name).append("\":");
        return string(j, value);
    }

    /** A JSON string literal, escaped per RFC 8259. */
    static StringBuilder string(StringBuilder j, String s) {
        j.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> j.append("\\\"");
                case '\\' -> j.append("\\\\");
                case '\n' -> j.append("\\n");
                case '\r' -> j.append("\\r");
                case '\t' -> j.append("\\t");
                default -> {
                    if (c < 0x20) {
                        j.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        j.append(c);
                    }
                }
            }
        }
        return j.append('"');
    }
}
