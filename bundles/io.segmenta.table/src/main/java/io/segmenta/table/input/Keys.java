package io.segmenta.table.input;

/** Normalisation of key values (customer ids and the like). */
public final class Keys {
    private Keys() {
    }

    /**
     * A key without a fraction of zeros: exports that went through a float column (pandas, Spark) write
     * 17850 as "17850.0", which must be the same customer as "17850". Only digits followed by a fraction of
     * zeros are shortened; anything else ("A.0", "17850.5", ".0") is kept as it is: it is a key, not a
     * number.
     */
    public static String stripDecimalZero(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0) {
            return id;
        }
        for (int i = 0; i < dot; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return id;
            }
        }
        for (int i = dot + 1; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return id;
            }
        }
        return id.substring(0, dot);
    }
}
