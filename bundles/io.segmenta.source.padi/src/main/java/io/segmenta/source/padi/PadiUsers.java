package io.segmenta.source.padi;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.HeaderColumn;
import io.segmenta.table.source.ReadTicker;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * df_users, read into staging columns indexed by user: city, district and province as dictionary codes, for the
 * buyer's and seller's places of each line. Users are not order lines, so what is skipped here (rows without an
 * id, repeated ids with other places, malformed rows) is said in info lines, not counted in the account.
 */
public final class PadiUsers {
    // df_users: one row per user, buyers and sellers alike.
    public static final HeaderColumn[] USER_COLS = {
        HeaderColumn.required("id", "user_id"), // "_id" is "id" once underscores go
        HeaderColumn.required("city"),
        HeaderColumn.required("district"),
        HeaderColumn.optional("province", "provinsi", "region"),
    };
    public static final int U_ID = 0;
    public static final int U_CITY = 1;
    public static final int U_DISTRICT = 2;
    public static final int U_PROVINCE = 3;

    private final IdIndex userIndex = new IdIndex();
    final DictionaryColumnBuilder city = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    final DictionaryColumnBuilder district = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    final DictionaryColumnBuilder province = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    boolean hasProvince;

    /** Reads the file; the first row of each id is used. */
    void read(Path path, StageContext context, ReadTicker ticker, double maxMalformed, Charset encoding) {
        long withoutId = 0;
        long firstWithoutId = 0;
        long conflicting = 0;
        long firstConflict = 0;
        try (CsvTable in = CsvTable.open(path, encoding, "a CSV header with " + HeaderColumn.requiredNames(USER_COLS),
                maxMalformed)) {
            ticker.reading(in);
            int[] col = in.columns(null, USER_COLS);
            hasProvince = col[U_PROVINCE] >= 0;
            while (in.next()) {
                ticker.tick();
                String id = Values.text(in.raw(col[U_ID]));
                if (id == null) {
                    withoutId++;
                    firstWithoutId = firstWithoutId == 0 ? in.line() : firstWithoutId;
                    continue;
                }
                int c = city.encode(Values.text(in.raw(col[U_CITY])));
                int d = district.encode(Values.text(in.raw(col[U_DISTRICT])));
                int p = hasProvince ? province.encode(Values.text(in.raw(col[U_PROVINCE]))) : CategoricalColumn.MISSING;
                int known = userIndex.indexOf(id);
                if (known == IdIndex.ABSENT) {
                    userIndex.add(id); // its index is city.size(): users are added in step
                    city.addCode(c);
                    district.addCode(d);
                    province.addCode(p);
                } else if (city.code(known) != c || district.code(known) != d || province.code(known) != p) {
                    conflicting++;
                    firstConflict = firstConflict == 0 ? in.line() : firstConflict;
                }
            }
            in.finish();
            String skipped = in.malformedRows().summary();
            if (skipped != null) {
                context.info(PadiUmkmSource.NAME + ": " + skipped + "; lines of their users have no city or district");
            }
        }
        if (withoutId > 0) {
            context.info(PadiUmkmSource.NAME + ": " + withoutId + " row(s) of " + path + " have no id and were ignored"
                    + " (first at line " + firstWithoutId + ")");
        }
        if (conflicting > 0) {
            context.info(PadiUmkmSource.NAME + ": " + conflicting + " row(s) of " + path + " repeat an id with another"
                    + " city, district or province; the first row of each id is used (first repeat at line "
                    + firstConflict + ")");
        }
    }

    /** The user index of an id, or {@link CategoricalColumn#MISSING} when it is null or not in df_users. */
    int user(String id) {
        if (id == null) {
            return CategoricalColumn.MISSING;
        }
        int u = userIndex.indexOf(id);
        return u == IdIndex.ABSENT ? CategoricalColumn.MISSING : u;
    }
}
