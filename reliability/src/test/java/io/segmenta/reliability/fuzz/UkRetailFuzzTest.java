package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.source.ukretail.UkRetailSource;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Path;
import java.util.Map;


/** The uk-retail source's reader: the input is the export file (CSV, or gzip by its magic bytes). */
class UkRetailFuzzTest {
    private static final UkRetailSource SOURCE = new UkRetailSource();

    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country",
        "\"", "1e308", "12/1/2010 8:26", "2011-12-09 12:50:00"})
    void export(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path file = FuzzInput.write(FuzzInput.emptyFolder("uk-retail"), "export.csv", input);
        FuzzInput.userErrorsOnly(() -> FuzzInput.checkAccount(SOURCE.read(file,
                new RecordingContext(Map.of("max-malformed", "100%"), Integer.MAX_VALUE))));
    }
}
