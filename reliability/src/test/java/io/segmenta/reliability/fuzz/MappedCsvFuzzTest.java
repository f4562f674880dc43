package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.source.mapped.MappedCsvSource;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * The mapped-csv source's reader with its mapping: the input is the mapping file, {@link FuzzInput#SEPARATOR},
 * then the export it maps.
 */
class MappedCsvFuzzTest {
    private static final MappedCsvSource SOURCE = new MappedCsvSource();

    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"----", "field.customer=", "field.order=", "field.timestamp=", "field.amount=",
        "field.quantity=", "field.unit_price=", "format.timestamp=", "format.delimiter=", "format.encoding=",
        "format.decimal=", "format.thousands=", "format.header=false", "clean.drop-order-prefix=", "yyyy-MM-dd",
        "dd/MM/yyyy HH:mm", "\""})
    void mappingAndExport(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path folder = FuzzInput.emptyFolder("mapped-csv");
        List<byte[]> parts = FuzzInput.sections(input, 2);
        Path mapping = FuzzInput.write(folder, "mapping.properties", parts.get(0));
        Path export = FuzzInput.write(folder, "export.csv", parts.size() > 1 ? parts.get(1) : new byte[0]);
        FuzzInput.userErrorsOnly(() -> FuzzInput.checkAccount(SOURCE.read(export, new RecordingContext(
                Map.of("mapping", mapping.toString(), "max-malformed", "100%"), Integer.MAX_VALUE))));
    }
}
