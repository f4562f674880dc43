package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WhitespaceRunsTest {
    private static String read(String text) throws IOException {
        try (Reader r = new WhitespaceRuns(new StringReader(text))) {
            StringBuilder s = new StringBuilder();
            char[] buffer = new char[3]; // small, so runs and held characters cross buffer ends
            int n;
            while ((n = r.read(buffer, 0, buffer.length)) != -1) {
                s.append(buffer, 0, n);
            }
            return s.toString();
        }
    }

    @Test
    void runsBecomeOneSpaceAndLineEndsAreTrimmed() throws IOException {
        assertEquals("00004 0001 19970101 2 29.33\n00021 0002 19970101 3 63.34\r\n\nx\n",
                read(" 00004 0001 19970101  2   29.33  \n 00021\t0002 19970101 \t 3   63.34\r\n   \n\tx"
                        + "\n"));
        assertEquals("", read(""));
        assertEquals("a b", read("a \t b   "));
    }
}
