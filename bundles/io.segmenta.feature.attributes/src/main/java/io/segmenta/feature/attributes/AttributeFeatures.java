package io.segmenta.feature.attributes;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Extractor {@value #NAME}: the columns of an entity table (a customer table) as features, numeric and
 * categorical, under their names as written in the file, so that every report shows "Umur" and "Jenis Kelamin".
 * A row is what the table's rows are (customers by default). Option {@value #VALUE} names a numeric column that
 * measures money (yearly spend), which the reports then use for shares of value as they use revenue.
 */
@Component(service = FeatureExtractor.class)
@StageName(AttributeFeatures.NAME)
@ServiceProvider(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL)
public class AttributeFeatures implements FeatureExtractor {
    static final String NAME = "attributes";
    static final String VALUE = "value-column";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the columns of a customer table as features (numeric and categorical), named as in the file";
    }

    /** None: it reads an entity table's columns, not transactions. */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    /**
     * Each column under its name as written; the money column (option {@value #VALUE}) is the one known to be
     * better higher, the others are neither.
     */
    @Override
    public List<FeatureInfo> featureInfo(FeatureMatrix features) {
        List<FeatureInfo> info = new ArrayList<>();
        for (String name : features.numericNames()) {
            info.add(name.equals(features.valueColumn())
                    ? FeatureInfo.higherIsBetter(name, name, "the money column of the table")
                    : FeatureInfo.neutral(name, name, ""));
        }
        features.categorical().forEach(c -> info.add(FeatureInfo.neutral(c.name(), c.name(), "")));
        return info;
    }

    @Override
    public List<StageOption> options() {
        return List.of(new StageOption(VALUE, "a numeric column that measures money (e.g. yearly spend), used for"
                + " each segment's share of value", "none"));
    }

    @Override
    public EntityKind entity() {
        return EntityKind.CUSTOMER;
    }

    @Override
    public FeatureMatrix extract(TransactionTable transactions, StageContext context) {
        throw new SegmentaException("the extractor '" + NAME + "' takes the columns of a customer table (source"
                + " 'customer-table'); this source read transactions: use rfm, buyer or seller for them");
    }

    @Override
    public FeatureMatrix extract(SourceData data, StageContext context) {
        EntityTable table = data.entityTable().orElse(null);
        if (table == null) {
            throw new SegmentaException("the extractor '" + NAME + "' takes the columns of a customer table (source"
                    + " 'customer-table'); the source '" + data.quality().source() + "' read transactions: use rfm,"
                    + " buyer or seller for them");
        }
        context.checkCancelled(NAME);
        String value = context.options().get(VALUE).orElse(null);
        if (value != null && table.numeric().stream().noneMatch(c -> c.name().equals(value))) {
            throw new SegmentaException("option " + VALUE + ": '" + value + "' is not a numeric column of "
                    + String.join(", ", data.quality().inputs()) + "; its numeric columns are " + table.numeric().stream().map(NumericColumn::name).toList()
                    + (table.column(value).isPresent() ? " ('" + value + "' is categorical)" : ""));
        }
        if (value != null) {
            double[] values = table.numeric().stream().filter(c -> c.name().equals(value)).findFirst().orElseThrow()
                    .values();
            for (double v : values) {
                if (v < 0) {
                    throw new SegmentaException("option " + VALUE + ": column '" + value + "' has a negative value ("
                            + v + "); shares of value need amounts of 0 or more");
                }
            }
        }
        context.info(table.rowCount() + " " + table.entity().label() + "s, " + table.numeric().size() + " numeric and "
                + table.categorical().size() + " categorical features");
        return new FeatureMatrix(table.entity(), table.ids(), table.numeric(), table.categorical(), value);
    }
}
