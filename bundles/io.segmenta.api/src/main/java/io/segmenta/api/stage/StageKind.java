package io.segmenta.api.stage;

/** The four kinds of stage a pipeline is made of, in the order they run. */
public enum StageKind {
    SOURCE("source", DataSource.class),
    FEATURES("feature extractor", FeatureExtractor.class),
    ALGORITHM("algorithm", Clusterer.class),
    REPORTER("reporter", Reporter.class);

    private final String label;
    private final Class<? extends Stage> contract;

    StageKind(String label, Class<? extends Stage> contract) {
        this.label = label;
        this.contract = contract;
    }

    /** A lower-case name for messages, e.g. "feature extractor". */
    public String label() {
        return label;
    }

    /** The service interface that stages of this kind implement. */
    public Class<? extends Stage> contract() {
        return contract;
    }
}
