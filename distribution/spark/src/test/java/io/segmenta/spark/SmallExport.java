package io.segmenta.spark;

/** A small UK export of six customers in three groups, for the command-line tests and the cluster test. */
final class SmallExport {
    static final int ROWS = 18;

    private SmallExport() {
    }

    static String text() {
        StringBuilder b = new StringBuilder(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        int invoice = 536000;
        String[][] customers = {
            {"12346", "1", "2011-12-01", "200"}, {"12347", "1", "2011-12-02", "220"},
            {"12348", "2", "2011-06-01", "20"}, {"12349", "2", "2011-06-03", "25"},
            {"12350", "3", "2011-01-05", "2"}, {"12351", "3", "2011-01-09", "3"}};
        for (String[] c : customers) {
            for (int line = 0; line < 3; line++) {
                b.append(invoice++).append(",A").append(line).append(",thing,").append(line + 1).append(',')
                        .append(c[2]).append(" 10:0").append(line).append(":00,").append(c[3]).append(',')
                        .append(c[0]).append(".0,United Kingdom\n");
            }
        }
        return b.toString();
    }
}
