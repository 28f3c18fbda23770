package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One round's ratings for a {@link ScoringTree}: experts x targets x criteria, each entry a grade on the
 * criterion's scale or missing, with an optional stated confidence. Immutable and thread-safe once
 * built. Targets and experts keep the order in which they were first named; criteria follow the tree.
 *
 * <p>Stored densely, cell-major ({@code ((target * criteria) + criterion) * experts + expert}), missing
 * as NaN internally, so the bootstrap walks one cell's ratings contiguously; NaN never leaves the class.
 */
public final class PanelRatings {

    /**
     * An expert's stated confidence in a rating, as stored with the rating (LOW, MEDIUM, HIGH). The
     * weights 1, 2, 3 of the confidence-weighted mean are an equally spaced ordinal coding chosen so
     * that HIGH counts three times LOW; a rating without stated confidence counts as MEDIUM.
     */
    public enum Confidence {
        LOW(1), MEDIUM(2), HIGH(3);

        private final double weight;

        Confidence(double weight) {
            this.weight = weight;
        }

        /** The weight in {@link ScoreAggregation#confidenceWeighted()}. */
        public double weight() {
            return weight;
        }
    }

    private static final byte NO_CONFIDENCE = -1;

    private final ScoringTree tree;
    private final List<String> targets;
    private final List<String> experts;
    private final Map<String, Integer> targetIndex;
    private final Map<String, Integer> expertIndex;
    private final double[] values;
    private final byte[] confidences;
    private final int ratingCount;

    private PanelRatings(ScoringTree tree, List<String> targets, List<String> experts, double[] values,
            byte[] confidences) {
        this.tree = tree;
        this.targets = List.copyOf(targets);
        this.experts = List.copyOf(experts);
        this.targetIndex = indexOf(this.targets);
        this.expertIndex = indexOf(this.experts);
        this.values = values;
        this.confidences = confidences;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        this.ratingCount = count;
    }

    public static Builder builder(ScoringTree tree) {
        return new Builder(tree);
    }

    public ScoringTree tree() {
        return tree;
    }

    public List<String> targets() {
        return targets;
    }

    public List<String> experts() {
        return experts;
    }

    public int targetCount() {
        return targets.size();
    }

    public int expertCount() {
        return experts.size();
    }

    public int criterionCount() {
        return tree.criterionCount();
    }

    public int ratingCount() {
        return ratingCount;
    }

    public int targetIndex(String target) {
        Integer i = targetIndex.get(target);
        if (i == null) {
            throw new IllegalArgumentException("no target " + target + " in the panel");
        }
        return i;
    }

    public int expertIndex(String expert) {
        Integer i = expertIndex.get(expert);
        if (i == null) {
            throw new IllegalArgumentException("no expert " + expert + " in the panel");
        }
        return i;
    }

    /** The grade given by {@code expert} to {@code target} on {@code criterion}, if any. */
    public OptionalDouble rating(String target, String criterion, String expert) {
        double v = values[offset(targetIndex(target), tree.criterionIndex(criterion)) + expertIndex(expert)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The confidence stated with that rating, if the rating exists and one was stated. */
    public Optional<Confidence> confidence(String target, String criterion, String expert) {
        byte c = confidences[offset(targetIndex(target), tree.criterionIndex(criterion)) + expertIndex(expert)];
        return c == NO_CONFIDENCE ? Optional.empty() : Optional.of(Confidence.values()[c]);
    }

    /** Start of the ratings of cell (target, criterion) in the dense arrays. */
    int offset(int target, int criterion) {
        return (target * tree.criterionCount() + criterion) * experts.size();
    }

    /** The raw grade, NaN when missing; for the score engine. */
    double valueAt(int target, int criterion, int expert) {
        return values[offset(target, criterion) + expert];
    }

    /** The confidence weight (MEDIUM's when unstated); for the score engine. */
    double weightAt(int target, int criterion, int expert) {
        byte c = confidences[offset(target, criterion) + expert];
        return c == NO_CONFIDENCE ? Confidence.MEDIUM.weight() : Confidence.values()[c].weight();
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return Map.copyOf(index);
    }

    /**
     * Collects (target, criterion, expert, grade[, confidence]) rows. Refuses an unknown criterion, a
     * grade off the criterion's scale and a second grade for the same (target, criterion, expert), each
     * with a message naming all three. Not thread-safe.
     */
    public static final class Builder {
        private final ScoringTree tree;
        private final Map<String, Integer> targets = new LinkedHashMap<>();
        private final Map<String, Integer> experts = new LinkedHashMap<>();
        private final Map<List<Integer>, double[]> rows = new LinkedHashMap<>();

        private Builder(ScoringTree tree) {
            this.tree = tree;
        }

        /** A rating without stated confidence. */
        public Builder add(String target, String criterion, String expert, double grade) {
            return put(target, criterion, expert, grade, NO_CONFIDENCE);
        }

        public Builder add(String target, String criterion, String expert, double grade, Confidence confidence) {
            return put(target, criterion, expert, grade, (byte) confidence.ordinal());
        }

        /** Declares a target even if nobody rated it (its scores are then undefined). */
        public Builder target(String target) {
            targets.computeIfAbsent(target, key -> targets.size());
            return this;
        }

        /** Declares an expert even if they rated nothing (they are still a member of the resampled panel). */
        public Builder expert(String expert) {
            experts.computeIfAbsent(expert, key -> experts.size());
            return this;
        }

        private Builder put(String target, String criterion, String expert, double grade, byte confidence) {
            String where = "target " + target + ", criterion " + criterion + ", expert " + expert;
            if (!tree.hasNode(criterion)) {
                throw new IllegalArgumentException("unknown criterion in rating of " + where);
            }
            if (!tree.node(criterion).isCriterion()) {
                throw new IllegalArgumentException(
                        "node " + criterion + " has children and cannot be rated (" + where + ")");
            }
            int c = tree.criterionIndex(criterion);
            Scale scale = tree.scaleOfCriterion(c);
            if (!scale.contains(grade)) {
                throw new IllegalArgumentException("grade " + grade + " of " + where + " is off the scale "
                        + scale.min() + ".." + scale.max() + " step " + scale.step());
            }
            int t = targets.computeIfAbsent(target, key -> targets.size());
            int e = experts.computeIfAbsent(expert, key -> experts.size());
            List<Integer> key = List.of(t, c, e);
            if (rows.containsKey(key)) {
                throw new IllegalArgumentException("a second rating for " + where);
            }
            rows.put(key, new double[] {grade, confidence});
            return this;
        }

        public PanelRatings build() {
            int criteria = tree.criterionCount();
            int expertCount = experts.size();
            int size = targets.size() * criteria * expertCount;
            double[] values = new double[size];
            byte[] confidences = new byte[size];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(confidences, NO_CONFIDENCE);
            for (Map.Entry<List<Integer>, double[]> row : rows.entrySet()) {
                List<Integer> key = row.getKey();
                int at = (key.get(0) * criteria + key.get(1)) * expertCount + key.get(2);
                values[at] = row.getValue()[0];
                confidences[at] = (byte) row.getValue()[1];
            }
            return new PanelRatings(tree, new ArrayList<>(targets.keySet()), new ArrayList<>(experts.keySet()),
                    values, confidences);
        }
    }
}
