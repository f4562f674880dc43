package io.segmenta.api.data;

import java.util.Locale;

/**
 * The canonical fields of a transactions table: one row per order line. The first five are required;
 * the others are present when the source has them. A source may add further columns under names of its
 * own (for example a mapped CSV's extra categorical columns); those must not clash with these names.
 */
public enum TransactionField {
    /** Who bought: the customer (or buyer) key. */
    CUSTOMER(ColumnType.CATEGORICAL, true),
    /** The order or invoice the line belongs to. */
    ORDER(ColumnType.CATEGORICAL, true),
    /** When the order was placed. */
    TIMESTAMP(ColumnType.TIMESTAMP, true),
    /** Units on the line. */
    QUANTITY(ColumnType.NUMERIC, true),
    /** Money for the line, in the source's currency (quantity times unit price where the source has both). */
    AMOUNT(ColumnType.NUMERIC, true),
    /** Price of one unit. */
    UNIT_PRICE(ColumnType.NUMERIC, false),
    /** Who sold (marketplaces with third-party sellers). */
    SELLER(ColumnType.CATEGORICAL, false),
    /** Product identifier (stock code, SKU). */
    PRODUCT(ColumnType.CATEGORICAL, false),
    /** Product category. */
    CATEGORY(ColumnType.CATEGORICAL, false),
    /** Customer's region: country, state or province. */
    REGION(ColumnType.CATEGORICAL, false),
    /** Order status as exported (delivered, Selesai, refunded...). */
    STATUS(ColumnType.CATEGORICAL, false),
    /** Voucher value applied to the line. */
    VOUCHER_VALUE(ColumnType.NUMERIC, false),
    /** Voucher code applied to the line. */
    VOUCHER_CODE(ColumnType.CATEGORICAL, false),
    /** Payment type (credit card, boleto, transfer...). */
    PAYMENT_TYPE(ColumnType.CATEGORICAL, false),
    /** Number of payment installments. */
    PAYMENT_INSTALLMENTS(ColumnType.NUMERIC, false),
    /** Payment method or channel within the payment type (bank, virtual account, QRIS...). */
    PAYMENT_METHOD(ColumnType.CATEGORICAL, false),
    /** Customer's city. */
    CITY(ColumnType.CATEGORICAL, false),
    /** Customer's district (kecamatan/kabupaten level, where exports have it). */
    DISTRICT(ColumnType.CATEGORICAL, false),
    /** Seller's size class (e.g. Mikro, Kecil, Menengah, Besar). */
    SELLER_CATEGORY(ColumnType.CATEGORICAL, false),
    /** Seller's city. */
    SELLER_CITY(ColumnType.CATEGORICAL, false),
    /** Seller's district. */
    SELLER_DISTRICT(ColumnType.CATEGORICAL, false),
    /** Seller's region: state or province. */
    SELLER_REGION(ColumnType.CATEGORICAL, false),
    /** Product subcategory. */
    SUBCATEGORY(ColumnType.CATEGORICAL, false),
    /** Kind of product (goods, services). */
    PRODUCT_TYPE(ColumnType.CATEGORICAL, false),
    /** Items in the order line or order (where a line stands for several items). */
    ITEMS(ColumnType.NUMERIC, false),
    /** Tax on the line (e.g. Indonesian PPN). */
    TAX(ColumnType.NUMERIC, false),
    /** Gross merchandise value of the line as the marketplace reports it. */
    GMV(ColumnType.NUMERIC, false),
    /** The platform's revenue (commission) on the line. */
    PLATFORM_REVENUE(ColumnType.NUMERIC, false),
    /** Review score the customer gave the order. */
    REVIEW_SCORE(ColumnType.NUMERIC, false),
    /** Days the order was delivered after (positive) or before (negative) its estimated date. */
    DELIVERY_DELAY_DAYS(ColumnType.NUMERIC, false);

    private final ColumnType type;
    private final boolean required;

    TransactionField(ColumnType type, boolean required) {
        this.type = type;
        this.required = required;
    }

    /** The column name used in a {@link TransactionTable}: the constant's name in lower case. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ColumnType type() {
        return type;
    }

    public boolean required() {
        return required;
    }
}
