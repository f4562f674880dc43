package io.segmenta.spark;

/** Paths as Spark takes them. */
final class SparkPaths {
    private SparkPaths() {
    }

    /**
     * A URI that went through {@code java.nio.file.Path} ({@code s3a:/bucket/key}, the double slash folded) as
     * Spark wants it ({@code s3a://bucket/key}); a plain path is returned as it is.
     */
    static String uri(String path) {
        return path.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/[^/].*") ? path.replaceFirst(":/", "://") : path;
    }
}
