package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.source.customers.CustomerTableSource;
import io.segmenta.testing.RecordingContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;


/**
 * The customer-table source's reader with its options: the input is the options (as key=value lines),
 * {@link FuzzInput#SEPARATOR}, then the table.
 */
class CustomerTableFuzzTest {
    private static final CustomerTableSource SOURCE = new CustomerTableSource();

    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"----", "id-column=", "entity=seller", "columns.exclude=", "columns.keep=",
        "columns.kind=", ":numeric", ":categorical", "missing=impute", "format.delimiter=\\t", "format.header=false",
        "format.decimal=,", "format.encoding=", "\""})
    void optionsAndTable(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path folder = FuzzInput.emptyFolder("customer-table");
        List<byte[]> parts = FuzzInput.sections(input, 2);
        Map<String, String> options = new HashMap<>();
        Properties p = new Properties();
        try {
            p.load(new InputStreamReader(new ByteArrayInputStream(parts.get(0)), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return; // not options a user could give: the option parser is not what is fuzzed here
        }
        p.stringPropertyNames().forEach(k -> options.put(k, p.getProperty(k)));
        options.putIfAbsent("max-malformed", "100%");
        Path table = FuzzInput.write(folder, "customers.csv", parts.size() > 1 ? parts.get(1) : new byte[0]);
        FuzzInput.userErrorsOnly(() -> FuzzInput.checkAccount(SOURCE.read(table,
                new RecordingContext(options, Integer.MAX_VALUE))));
    }
}
