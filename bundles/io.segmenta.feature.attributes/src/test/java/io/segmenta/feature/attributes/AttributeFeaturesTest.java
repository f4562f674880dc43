package io.segmenta.feature.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.testing.RecordingContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeFeaturesTest {
    private final AttributeFeatures extractor = new AttributeFeatures();

    private static SourceData table(EntityKind kind) {
        EntityTable t = new EntityTable(kind, "Customer_ID", List.of("C1", "C2", "C3"),
                List.of(new NumericColumn("Umur", new double[] {20, 35, 50}),
                        new NumericColumn("NilaiBelanjaSetahun", new double[] {1e6, 5e6, 9e6})),
                List.of(new CategoricalColumn("Jenis Kelamin", new int[] {0, 1, 0}, List.of("Pria", "Wanita"))));
        return SourceData.ofEntities(t, new DataQuality("customer-table", List.of("c.csv"), 3, 3, List.of(),
                TimestampColumn.MISSING, TimestampColumn.MISSING, Map.of()));
    }

    @Test
    void theTablesColumnsUnderTheirNamesAsWritten() {
        SourceData data = table(EntityKind.CUSTOMER);
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extractor.extract(data, context);
        assertEquals(EntityKind.CUSTOMER, m.entity());
        assertEquals(List.of("C1", "C2", "C3"), m.ids());
        assertEquals(List.of("Umur", "NilaiBelanjaSetahun"), m.numericNames());
        assertEquals("Jenis Kelamin", m.categorical().get(0).name());
        assertSame(data.entities().numeric().get(0).values(), m.numeric().get(0).values(), "not copied");
        assertEquals(null, m.valueColumn());
        assertEquals(List.of("3 customers, 2 numeric and 1 categorical features"), context.infos);
    }

    @Test
    void theEntityKindFollowsTheTable() {
        assertEquals(EntityKind.SELLER, extractor.extract(table(EntityKind.SELLER), new RecordingContext()).entity());
    }

    @Test
    void aMoneyColumnDeclaredAsTheValueFeature() {
        FeatureMatrix m = extractor.extract(table(EntityKind.CUSTOMER),
                new RecordingContext(Map.of("value-column", "NilaiBelanjaSetahun"), Integer.MAX_VALUE));
        assertEquals("NilaiBelanjaSetahun", m.valueColumn());
        SegmentaException e = assertThrows(SegmentaException.class, () -> extractor.extract(table(EntityKind.CUSTOMER),
                new RecordingContext(Map.of("value-column", "Jenis Kelamin"), Integer.MAX_VALUE)));
        assertEquals("option value-column: 'Jenis Kelamin' is not a numeric column of c.csv; its numeric columns"
                + " are [Umur, NilaiBelanjaSetahun] ('Jenis Kelamin' is categorical)", e.getMessage());
    }

    @Test
    void transactionsAreRefusedInOneLine() {
        SourceData transactions = new SourceData(SourceData.emptyTransactions(), new DataQuality("uk-retail",
                List.of("x.csv"), 1, 1, List.of(), 0, 0, Map.of()));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> extractor.extract(transactions, new RecordingContext()));
        assertTrue(e.getMessage().contains("the source 'uk-retail' read transactions: use rfm, buyer or seller"),
                e.getMessage());
    }
}
