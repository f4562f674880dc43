package io.segmenta.api.data;

/** What a row of a feature matrix stands for. */
public enum EntityKind {
    CUSTOMER, SELLER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
