package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From the uk-retail source's ValuesTest, the mapped-csv source's NumbersTest and the olist HelpersTest. */
class KeysAndHeadersTest {

    @Test
    void customerIdsLoseOnlyAZeroFraction() {
        assertEquals("17850", Keys.stripDecimalZero("17850.0"));
        assertEquals("17850", Keys.stripDecimalZero("17850.000"));
        assertEquals("17850", Keys.stripDecimalZero("17850"));
        assertEquals("17850.5", Keys.stripDecimalZero("17850.5"));
        assertEquals("17850", Keys.stripDecimalZero("17850."));
        assertEquals(".0", Keys.stripDecimalZero(".0"));
        assertEquals("A.0B", Keys.stripDecimalZero("A.0B"));
        assertEquals("A.0", Keys.stripDecimalZero("A.0")); // only a number written as a float is one
        assertEquals("CUST-001", Keys.stripDecimalZero("CUST-001"));
    }

    @Test
    void headerKeysIgnoreCaseSpacesUnderscoresAndBom() {
        assertEquals("customerid", Headers.key("Customer ID"));
        assertEquals("customerid", Headers.key("customer_id"));
        assertEquals("invoiceno", Headers.key("\uFEFFInvoiceNo"));
        assertEquals("unitprice", Headers.key(" UNIT_PRICE "));
        assertEquals("productcategoryname", Headers.key("\uFEFFproduct_category_name"));
        assertEquals("orderid", Headers.key(" Order ID"));
    }

    @Test
    void findsColumnsLooselyAndRefusesToGuessBetweenTwo() {
        String[] header = {"Invoice No", "customer_id", "Price", "price "};
        String[] keys = Headers.keys(header);
        assertEquals(0, Headers.find(header, keys, "InvoiceNo", "f.csv", 1));
        assertEquals(1, Headers.find(header, keys, "CustomerID", "f.csv", 1));
        assertEquals(-1, Headers.find(header, keys, "Country", "f.csv", 1));
        InputDataException e = assertThrows(InputDataException.class,
                () -> Headers.find(header, keys, "price", "f.csv", 1));
        assertEquals("f.csv, line 1: the header has two columns named price ('Price' and 'price ')", e.getMessage());
    }

    @Test
    void aBinaryHeaderIsShownWithoutItsControlBytesAndCut() {
        // a PNG's first bytes as decoded: before, they were echoed raw to the terminal
        String png = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\uFFFD\uFFFD" + "x".repeat(300);
        InputDataException e = Headers.missing("f.png", 1, List.of("a"), new String[] {png}, null);
        String header = e.getMessage().substring(e.getMessage().indexOf("found is: ") + 10);
        assertTrue(header.startsWith("?PNG????????IHDR??xxx"), header);
        assertTrue(header.endsWith("... (318 characters) (it holds bytes that are not text: is this a CSV file?)"),
                header);
        assertTrue(header.chars().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD), header);
    }

    @Test
    void namesEveryMissingColumnAndHintsAtTheDelimiter() {
        InputDataException one = Headers.missing("f.csv", 1, List.of("b"), new String[] {"a", "c"}, "a,b,c");
        assertEquals("f.csv, line 1: missing required column b; the header found is: a,c; expected a,b,c",
                one.getMessage());
        InputDataException two = Headers.missing("f.csv", 1, List.of("a", "b"), new String[] {"a;b;c"}, "a,b,c");
        assertEquals("f.csv, line 1: missing required columns a, b; the header found is: a;b;c (a single column: is"
                + " the delimiter ','? this source reads comma-separated files); expected a,b,c", two.getMessage());
        assertEquals(1, two.line());
        assertTrue(two.column() == null && two.value() == null);
    }

    @Test
    void idIndexGivesConsecutiveIndexesAndFindsThemAfterGrowing() {
        IdIndex index = new IdIndex();
        int n = 50_000; // several rehashes past the initial 1,024 slots
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.add(String.format("%032x", i * 7919L)));
        }
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) {
            String id = String.format("%032x", i * 7919L);
            assertEquals(i, index.indexOf(id));
            assertEquals(id, index.id(i));
        }
        assertEquals(IdIndex.ABSENT, index.indexOf("not there"));
        assertEquals(n, index.intern("new"));
        assertEquals(n, index.intern("new"));
        assertEquals(n + 1, index.size());
    }
}
