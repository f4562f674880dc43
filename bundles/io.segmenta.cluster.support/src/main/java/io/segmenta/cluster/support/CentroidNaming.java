package io.segmenta.cluster.support;

import java.util.Objects;

/**
 * How an algorithm names itself and its centres, in messages and in its saved model.
 *
 * @param algorithm the stage name, e.g. {@code kmeans}; the first word of every message
 * @param title the algorithm's name in prose, e.g. {@code K-Means}
 * @param centresKey the {@code ModelState} entry holding the centres, e.g. {@code centroids} (docs/model-file.md)
 * @param centreNoun what one centre is called in messages, e.g. {@code centre} or {@code medoid}
 */
public record CentroidNaming(String algorithm, String title, String centresKey, String centreNoun) {

    public CentroidNaming {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(centresKey, "centresKey");
        Objects.requireNonNull(centreNoun, "centreNoun");
    }

    /** Centres saved as {@code centroids}, each called a {@code centre} (K-Means' naming). */
    public static CentroidNaming of(String algorithm, String title) {
        return new CentroidNaming(algorithm, title, CentroidModel.CENTROIDS, "centre");
    }
}
