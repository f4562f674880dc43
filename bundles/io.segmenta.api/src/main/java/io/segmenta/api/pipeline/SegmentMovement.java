package io.segmenta.api.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the entities of an earlier run ({@link EngineOptions#COMPARE_WITH}) moved between segments in this run:
 * a from (earlier segment) x to (this run's segment) matrix of entities and of this run's revenue, and the
 * entities that are new or gone. Segment numbers change meaning between runs, so each earlier segment is
 * matched to this run's segment of the same name first, then, where no name matches, to the unmatched segment
 * of the same number; {@link #notes()} says which were matched by number and which not at all.
 *
 * @param previousFolder the earlier run's folder, as given
 * @param previousRunId the earlier run's id from its manifest, or "" when the folder has no manifest
 * @param previousFinished when the earlier run finished, by its manifest (ISO-8601), or ""
 * @param fromSegments the earlier run's segment names, by its segment number
 * @param toSegments this run's segment names, by segment number
 * @param entities [from][to]: the entities in earlier segment {@code from} and in segment {@code to} now
 * @param revenue [from][to]: this run's revenue of those entities
 * @param newEntities per segment of this run: its entities the earlier run did not have
 * @param newRevenue per segment of this run: the revenue of those new entities
 * @param lostEntities per earlier segment: its entities this run does not have
 * @param matchedTo per earlier segment: the segment of this run it is matched to, or -1
 * @param notes how segments were matched where not by name, one sentence each
 */
public record SegmentMovement(String previousFolder, String previousRunId, String previousFinished,
        List<String> fromSegments, List<String> toSegments, long[][] entities, double[][] revenue,
        long[] newEntities, double[] newRevenue, long[] lostEntities, int[] matchedTo, List<String> notes) {

    public SegmentMovement {
        Objects.requireNonNull(previousFolder, "previousFolder");
        Objects.requireNonNull(previousRunId, "previousRunId");
        Objects.requireNonNull(previousFinished, "previousFinished");
        fromSegments = List.copyOf(fromSegments);
        toSegments = List.copyOf(toSegments);
        int from = fromSegments.size();
        int to = toSegments.size();
        if (entities.length != from || revenue.length != from || lostEntities.length != from
                || matchedTo.length != from || newEntities.length != to || newRevenue.length != to) {
            throw new IllegalArgumentException("sizes differ from " + from + " earlier and " + to + " segments");
        }
        entities = deep(entities, to);
        revenue = deep(revenue, to);
        newEntities = newEntities.clone();
        newRevenue = newRevenue.clone();
        lostEntities = lostEntities.clone();
        matchedTo = matchedTo.clone();
        notes = List.copyOf(notes);
    }

    private static long[][] deep(long[][] m, int width) {
        long[][] copy = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + m[i].length + " cells, expected " + width);
            }
            copy[i] = m[i].clone();
        }
        return copy;
    }

    private static double[][] deep(double[][] m, int width) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + m[i].length + " cells, expected " + width);
            }
            copy[i] = m[i].clone();
        }
        return copy;
    }

    @Override
    public long[][] entities() {
        return deep(entities, toSegments.size());
    }

    @Override
    public double[][] revenue() {
        return deep(revenue, toSegments.size());
    }

    @Override
    public long[] newEntities() {
        return newEntities.clone();
    }

    @Override
    public double[] newRevenue() {
        return newRevenue.clone();
    }

    @Override
    public long[] lostEntities() {
        return lostEntities.clone();
    }

    @Override
    public int[] matchedTo() {
        return matchedTo.clone();
    }

    /** The entities in both runs. */
    public long common() {
        long sum = 0;
        for (long[] row : entities) {
            for (long v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** The entities in both runs whose segment now is the one their earlier segment is matched to. */
    public long stayed() {
        long sum = 0;
        for (int f = 0; f < entities.length; f++) {
            if (matchedTo[f] >= 0) {
                sum += entities[f][matchedTo[f]];
            }
        }
        return sum;
    }

    /** True when the entities of earlier segment {@code from} now in segment {@code to} stayed where they were. */
    public boolean stays(int from, int to) {
        return matchedTo[from] == to;
    }

    /** Equal when every component is, the arrays compared value by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentMovement m && m.previousFolder.equals(previousFolder)
                && m.previousRunId.equals(previousRunId) && m.previousFinished.equals(previousFinished)
                && m.fromSegments.equals(fromSegments) && m.toSegments.equals(toSegments)
                && Arrays.deepEquals(m.entities, entities) && Arrays.deepEquals(m.revenue, revenue)
                && Arrays.equals(m.newEntities, newEntities) && Arrays.equals(m.newRevenue, newRevenue)
                && Arrays.equals(m.lostEntities, lostEntities) && Arrays.equals(m.matchedTo, matchedTo)
                && m.notes.equals(notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(previousFolder, previousRunId, fromSegments, toSegments, Arrays.deepHashCode(entities),
                Arrays.hashCode(newEntities), Arrays.hashCode(lostEntities), Arrays.hashCode(matchedTo), notes);
    }

    @Override
    public String toString() {
        return "SegmentMovement[from " + previousFolder + " " + fromSegments + " to " + toSegments + ", entities "
                + Arrays.deepToString(entities) + ", new " + Arrays.toString(newEntities) + ", lost "
                + Arrays.toString(lostEntities) + "]";
    }
}
