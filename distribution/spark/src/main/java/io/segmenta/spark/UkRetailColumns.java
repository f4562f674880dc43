package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.source.ukretail.UkRetailSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns the uk-retail source reads, found in a file's header as the single-machine source finds them:
 * names compared ignoring case, spaces and underscores ({@code Customer ID}, {@code customer_id}); a missing column
 * or two columns for one name stop the read with one message.
 */
final class UkRetailColumns {
    static final String EXPECTED_HEADER = UkRetailSource.EXPECTED_HEADER;
    private static final String[] REQUIRED = UkRetailSource.required().toArray(String[]::new);

    private UkRetailColumns() {
    }

    /**
     * The position of each of {@link UkRetailSource#required()} in {@code header}.
     *
     * @param input the file or folder, for the message
     * @throws SegmentaException naming every missing column, or a name two columns match
     */
    static int[] find(String input, String[] header) {
        int[] at = new int[REQUIRED.length];
        List<String> missing = new ArrayList<>();
        for (int r = 0; r < REQUIRED.length; r++) {
            at[r] = -1;
            for (int c = 0; c < header.length; c++) {
                if (key(header[c]).equals(key(REQUIRED[r]))) {
                    if (at[r] >= 0) {
                        throw new SegmentaException(input + ": the header has two columns for " + REQUIRED[r] + ": '"
                                + header[at[r]] + "' and '" + header[c] + "'");
                    }
                    at[r] = c;
                }
            }
            if (at[r] < 0) {
                missing.add(REQUIRED[r]);
            }
        }
        if (!missing.isEmpty()) {
            throw new SegmentaException(input + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; found the header " + String.join(",", header)
                    + "; expected " + EXPECTED_HEADER);
        }
        return at;
    }

    private static String key(String name) {
        return name.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
