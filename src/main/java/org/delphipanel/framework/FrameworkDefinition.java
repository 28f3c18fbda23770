package org.delphipanel.framework;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.delphipanel.stats.ScoringTree;
import org.jspecify.annotations.Nullable;

/**
 * A rubric as a file describes it: identity (code and version), the tree of weighted criteria and the
 * score bands. Immutable; the same value whether parsed from a file or loaded from the database.
 *
 * <p>The overall score of a target is {@code sum over leaves of effectiveWeight(leaf) * grade(leaf)},
 * where the effective weight of a node is the product of the weights on the path from the root, each
 * divided by the sum of its siblings' weights (which is 1, or within 1e-6 of it).
 */
public record FrameworkDefinition(
        String code, int version, String name, @Nullable String description, FrameworkNode root, List<Band> bands) {

    /** Codes of rubrics and nodes: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public FrameworkDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("rubric code '" + code + "' is not a valid code");
        }
        if (version < 1) {
            throw new IllegalArgumentException("rubric version must be 1 or more, was " + version);
        }
        if (root.weight() != 1) {
            throw new IllegalArgumentException("the root of rubric '" + code + "' must have weight 1");
        }
        if (root.isLeaf()) {
            throw new IllegalArgumentException("the tree of rubric '" + code + "' is empty: its root has no children");
        }
        var codes = new HashSet<String>();
        root.stream().forEach(node -> {
            if (!codes.add(node.code())) {
                throw new IllegalArgumentException("node code '" + node.code() + "' is used twice");
            }
        });
        bands = List.copyOf(bands);
        List<String> bandProblems = Band.coverageProblems(bands, scoreMin(root), scoreMax(root));
        if (!bandProblems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bandProblems));
        }
    }

    /** Every node, parents before children, in file order. */
    public List<FrameworkNode> nodes() {
        return root.stream().toList();
    }

    /** The criteria that experts grade, in file order. */
    public List<FrameworkNode> leaves() {
        return root.leaves();
    }

    public Optional<FrameworkNode> node(String nodeCode) {
        return root.find(nodeCode);
    }

    public Optional<FrameworkNode> parentOf(String nodeCode) {
        List<FrameworkNode> path = root.pathTo(nodeCode);
        return path.size() < 2 ? Optional.empty() : Optional.of(path.get(path.size() - 2));
    }

    /** The product of the (normalised) weights from the root down to the node: its share of the overall score. */
    public double effectiveWeight(String nodeCode) {
        List<FrameworkNode> path = root.pathTo(nodeCode);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("rubric '" + code + "' has no node '" + nodeCode + "'");
        }
        return effectiveWeight(path);
    }

    /** The effective weight of every node, keyed by code, parents before children. */
    public Map<String, Double> effectiveWeights() {
        var weights = new LinkedHashMap<String, Double>();
        collect(root, root.weight(), weights);
        return weights;
    }

    private static void collect(FrameworkNode node, double weight, Map<String, Double> into) {
        into.put(node.code(), weight);
        double sum = childWeightSum(node);
        node.children().forEach(child -> collect(child, weight * child.weight() / sum, into));
    }

    private static double effectiveWeight(List<FrameworkNode> path) {
        double weight = 1;
        for (int i = 1; i < path.size(); i++) {
            weight *= path.get(i).weight() / childWeightSum(path.get(i - 1));
        }
        return weight;
    }

    /**
     * The sum of a node's children's weights: 1 within {@link FrameworkNode#WEIGHT_TOLERANCE}. Weights are
     * divided by it, so weights written as 0.333333 three times still make an overall score on the
     * leaves' own range, and a score of all 3s is not pushed across a band boundary by the rounding.
     */
    private static double childWeightSum(FrameworkNode node) {
        return node.children().stream().mapToDouble(FrameworkNode::weight).sum();
    }

    /**
     * This rubric as the statistics core's scoring tree: the same codes, each criterion's scale, the
     * bands, and each node's weight divided by the sum of its siblings' weights (as
     * {@link #effectiveWeights()} does), so a score rolled up by the tree equals
     * {@code sum over leaves of effectiveWeight(leaf) * grade(leaf)}.
     */
    public ScoringTree toScoringTree() {
        ScoringTree.Builder builder = ScoringTree.builder().root(root.code());
        addChildren(builder, root);
        for (Band band : bands) {
            builder.band(band.label(), band.lowerValue(), band.upperValue(), band.lowerInclusive());
        }
        return builder.build();
    }

    private static void addChildren(ScoringTree.Builder builder, FrameworkNode node) {
        double sum = childWeightSum(node);
        for (FrameworkNode child : node.children()) {
            // min(1, ...) only guards the last bit of a division; a sole child of weight 1 stays 1
            double weight = Math.min(1, child.weight() / sum);
            if (child.isLeaf()) {
                builder.criterion(child.code(), node.code(), weight, child.requireScale().toScale());
            } else {
                builder.node(child.code(), node.code(), weight);
                addChildren(builder, child);
            }
        }
    }

    /** The lowest overall score: every criterion at its scale's minimum. */
    public double scoreMin() {
        return scoreMin(root);
    }

    /** The highest overall score: every criterion at its scale's maximum. */
    public double scoreMax() {
        return scoreMax(root);
    }

    static double scoreMin(FrameworkNode node) {
        return node.isLeaf()
                ? node.requireScale().minValue()
                : node.children().stream().mapToDouble(child -> child.weight() * scoreMin(child)).sum()
                        / childWeightSum(node);
    }

    static double scoreMax(FrameworkNode node) {
        return node.isLeaf()
                ? node.requireScale().maxValue()
                : node.children().stream().mapToDouble(child -> child.weight() * scoreMax(child)).sum()
                        / childWeightSum(node);
    }

    /**
     * The band of an overall score. A score within {@link Band#BOUNDARY_TOLERANCE} of a band boundary
     * is taken as exactly on it, so rounding in a weighted mean cannot move it to the next band.
     */
    public Optional<Band> band(double score) {
        double snapped = score;
        for (Band band : bands) {
            for (double bound : new double[] {band.lowerValue(), band.upperValue()}) {
                if (Math.abs(score - bound) <= Band.BOUNDARY_TOLERANCE) {
                    snapped = bound;
                }
            }
        }
        double value = snapped;
        return bands.stream().filter(band -> band.contains(value)).findFirst();
    }
}
