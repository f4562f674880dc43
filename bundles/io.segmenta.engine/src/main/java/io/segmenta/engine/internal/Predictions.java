package io.segmenta.engine.internal;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.table.output.DecimalText;
import io.segmenta.table.output.OutputFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code predictions.csv}: one row per entity of the new data: its id, its raw features, its segment and
 * the segment's name; the columns of {@code assignments.csv}, so that both files read alike. RFC 4180, UTF-8,
 * {@code .} as the decimal separator, numbers rounded to {@value #DECIMALS} decimals as in {@code assignments.csv}.
 */
final class Predictions {
    /** As the CSV reporter: exact for money, ample for the rest. */
    static final int DECIMALS = 6;

    private Predictions() {
    }

    static void write(Path file, FeatureMatrix raw, int[] segments, List<String> names) {
        OutputFiles.write(file, "predictions file", out -> write(out, raw, segments, names));
    }

    private static void write(Writer out, FeatureMatrix raw, int[] segments, List<String> names) throws IOException {
        StringBuilder line = new StringBuilder(256);
        line.append(field(raw.entity().label() + "_id"));
        for (NumericColumn c : raw.numeric()) {
            line.append(',').append(field(c.name()));
        }
        for (CategoricalColumn c : raw.categorical()) {
            line.append(',').append(field(c.name()));
        }
        line.append(",segment_name,segment\r\n");
        out.write(line.toString());
        List<NumericColumn> numeric = raw.numeric();
        List<CategoricalColumn> categorical = raw.categorical();
        for (int i = 0; i < raw.rowCount(); i++) {
            line.setLength(0);
            line.append(field(raw.ids().get(i)));
            for (NumericColumn c : numeric) {
                line.append(',');
                DecimalText.append(line, c.values()[i], DECIMALS);
            }
            for (CategoricalColumn c : categorical) {
                String v = c.value(i);
                line.append(',').append(v == null ? "" : field(v));
            }
            line.append(',').append(field(names.get(segments[i]))).append(',').append(segments[i]).append("\r\n");
            out.write(line.toString());
        }
    }

    /** RFC 4180 quoting where needed. */
    private static String field(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
