package io.segmenta.reliability.fuzz;

/** The fuzzing settings every target shares. */
final class Fuzzing {
    /**
     * How long one target fuzzes with JAZZER_FUZZ=1 (Jazzer's maxDuration; without JAZZER_FUZZ the targets only
     * replay their seeds and findings, in well under a second each). Longer runs: docs/reliability.md.
     */
    static final String DURATION = "10m";

    private Fuzzing() {
    }
}
