package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format keys mapped-csv's mapping files and customer-table's options share. */
class TextFormatTest {
    private static TextFormat read(Map<String, String> values) {
        return TextFormat.read(values::get, IllegalStateException::new);
    }

    @Test
    void defaultsAreCommaUtf8DotNoGroupingAndAHeader() {
        assertEquals(new TextFormat(',', StandardCharsets.UTF_8, '.', Decimals.NO_SEPARATOR, true), read(Map.of()));
    }

    @Test
    void aTabIsWrittenAsTabOrBackslashT() {
        assertEquals('\t', read(Map.of(TextFormat.DELIMITER, "tab")).delimiter());
        assertEquals('\t', read(Map.of(TextFormat.DELIMITER, "\\t")).delimiter());
        assertEquals(';', read(Map.of(TextFormat.DELIMITER, ";")).delimiter());
    }

    @Test
    void numbersFollowTheSeparators() {
        TextFormat european = read(Map.of(TextFormat.DECIMAL, ",", TextFormat.THOUSANDS, ".",
                TextFormat.DELIMITER, ";", TextFormat.HEADER, "false", TextFormat.ENCODING, "ISO-8859-1"));
        assertEquals(1234.5, european.number("1.234,5"));
        assertEquals(Double.NaN, european.number("1.23,4"));
        assertFalse(european.header());
        assertEquals(StandardCharsets.ISO_8859_1, european.encoding());
    }

    @Test
    void badValuesAreMessagesNamingTheKey() {
        assertEquals("format.thousands and format.decimal are both ','; they must differ",
                assertThrows(IllegalStateException.class, () -> read(Map.of(TextFormat.DECIMAL, ",",
                        TextFormat.THOUSANDS, ","))).getMessage());
        assertEquals("format.delimiter ',' is also the decimal or thousands separator; quoted numbers would be needed"
                + " everywhere, so this is not supported", assertThrows(IllegalStateException.class,
                () -> read(Map.of(TextFormat.DECIMAL, ",")))
                .getMessage());
        assertEquals("format.header 'yes' is not true or false", assertThrows(IllegalStateException.class,
                () -> read(Map.of(TextFormat.HEADER, "yes"))).getMessage());
        assertEquals("format.encoding 'klingon' is not a character set this Java knows; expected e.g. UTF-8 (default),"
                + " ISO-8859-1 or windows-1252", assertThrows(IllegalStateException.class,
                () -> read(Map.of(TextFormat.ENCODING, "klingon"))).getMessage());
    }
}
