package io.segmenta.source.customers;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.ReadTicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * Source {@value #NAME}: a delimited table with one row per customer (or seller), such as a CRM export: an id
 * column and attribute columns, each numeric or categorical. It gives an entity table and no transactions; the
 * {@code attributes} extractor turns it into features. docs/sources/customer-table.md is its specification.
 */
@Component(service = DataSource.class)
@StageName(CustomerTableSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class CustomerTableSource implements DataSource {
    static final String NAME = "customer-table";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a table with one row per customer (CSV/TSV, plain or gzip): an id and attribute columns, numeric or"
                + " categorical";
    }

    @Override
    public List<StageOption> options() {
        return TableOptions.describe();
    }

    /** Every option's value (format, encoding, entity, kinds, missing rule, max-malformed), before reading. */
    @Override
    public void validate(Options options) {
        TableOptions.read(options);
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        TableOptions options = TableOptions.read(context.options());
        InputFiles.requireFile(input, "the " + NAME + " source reads one delimited text file (plain or .gz)");
        ReadTicker ticker = new ReadTicker(context, NAME, List.of(input));
        try (CsvTable table = CsvTable.open(input, options.format(), options.format().header()
                ? "a header and one row per " + options.entity().label() : "one row per " + options.entity().label(),
                "set option format.encoding to the file's encoding (e.g. UTF-8, ISO-8859-1, windows-1252)",
                options.maxMalformed())) {
            ticker.reading(table);
            SourceData data = new TableReading(table, options, context, ticker).run();
            ticker.log(data.quality());
            return data;
        }
    }
}
