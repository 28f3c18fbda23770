package org.delphipanel.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A weighted scoring tree: the shape of a maturity rubric as the statistics see it. Every node has a
 * code (unique in the tree) and a weight within its parent; inner nodes have children whose weights sum
 * to 1; leaves are the criteria that experts rate, each on its own {@link Scale}. Bands label score
 * ranges ("Weak", "Strong"...) and apply to every node of the tree.
 *
 * <p>Roll-up: the score of an inner node is the weighted sum of its children's scores,
 * {@code s(node) = sum_i w_i s(child_i)}, so the root (the overall score) is a weighted mean of the
 * criteria with weights equal to the products of the weights along each path. This is the aggregation
 * of Campos, Papadatos, Roger, Touzet and Murray (2024), "A Framework to Rate AI Developers' Risk
 * Management Maturity", SaferAI (no DOI; safer-ai.org/research-posts): overall = mean of the three
 * dimensions, risk tolerance and analysis = 25% / 50% / 25% of its three sub-dimensions.
 *
 * <p>Validation happens in {@link Builder#build()} and names the offending node: one root, unique
 * codes, every parent declared, every node reachable from the root, inner nodes with at least one
 * child, weights in [0, 1] whose sum over the children of each inner node is 1 within 1e-6. A child of
 * weight 0 is allowed (the database allows it) and is left out of the roll-up, so a missing rating
 * under it does not make its ancestors undefined.
 *
 * <p>Nodes are kept in pre-order (parent before children, children in the order they were added);
 * criteria in the order they appear in that traversal. Immutable and thread-safe.
 */
public final class ScoringTree {

    /** Tolerance on the sum of the weights of a node's children. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /**
     * Scores closer than this to a band boundary count as lying on it, so that a weighted sum such as
     * 3 x (1/3) x 1.0 = 0.9999999999999999 still gets the band of 1.0. Far below the 0.1 step of any
     * practical scale and below 1e-7, so 1.0000001 is already above a boundary at 1.
     */
    public static final double BOUNDARY_TOLERANCE = 1e-9;

    private final List<Node> nodes;
    private final Map<String, Integer> nodeIndex;
    private final List<Band> bands;
    // primitive views for the score engine
    private final int[] parent;
    private final double[] weight;
    private final int[] criterionOfNode;
    private final int[] nodeOfCriterion;
    private final int[][] childrenOf;
    private final Scale[] scales;

    private ScoringTree(List<Node> nodes, List<Band> bands) {
        this.nodes = List.copyOf(nodes);
        this.bands = List.copyOf(bands);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).code(), i);
        }
        this.nodeIndex = Map.copyOf(index);
        int n = nodes.size();
        parent = new int[n];
        weight = new double[n];
        criterionOfNode = new int[n];
        childrenOf = new int[n][];
        List<Integer> criteria = new ArrayList<>();
        List<Scale> criterionScales = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            String parentCode = node.parent();
            parent[i] = parentCode == null ? -1 : index.get(parentCode);
            weight[i] = node.weight();
            childrenOf[i] = node.children().stream().mapToInt(index::get).toArray();
            Scale scale = node.scale();
            if (scale != null) {
                criterionOfNode[i] = criteria.size();
                criteria.add(i);
                criterionScales.add(scale);
            } else {
                criterionOfNode[i] = -1;
            }
        }
        nodeOfCriterion = criteria.stream().mapToInt(Integer::intValue).toArray();
        scales = criterionScales.toArray(Scale[]::new);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The six SaferAI bands on the 0 to 5 scale: 0 Non-existent ([0, 0]), (0, 1] Very weak,
     * (1, 2] Weak, (2, 3] Moderate, (3, 4] Substantial, (4, 5] Strong.
     */
    public static List<Band> saferAiBands() {
        return List.of(
                new Band("Non-existent", 0, 0, true),
                new Band("Very weak", 0, 1, false),
                new Band("Weak", 1, 2, false),
                new Band("Moderate", 2, 3, false),
                new Band("Substantial", 3, 4, false),
                new Band("Strong", 4, 5, false));
    }

    /** Every node in pre-order; the first is the root. */
    public List<Node> nodes() {
        return nodes;
    }

    public Node root() {
        return nodes.get(0);
    }

    public Node node(String code) {
        return nodes.get(nodeIndex(code));
    }

    public boolean hasNode(String code) {
        return nodeIndex.containsKey(code);
    }

    /** The criteria (leaves) in pre-order. */
    public List<Node> criteria() {
        List<Node> out = new ArrayList<>(nodeOfCriterion.length);
        for (int i : nodeOfCriterion) {
            out.add(nodes.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int criterionCount() {
        return nodeOfCriterion.length;
    }

    public List<Band> bands() {
        return bands;
    }

    /**
     * The band containing {@code score}: the band with {@code lower < score <= upper}, or
     * {@code score = lower} for a lower-inclusive band, each comparison within
     * {@link #BOUNDARY_TOLERANCE}. Undefined when no band contains the score (or the tree has none).
     */
    public Outcome<Band> bandOf(double score) {
        if (!Double.isFinite(score)) {
            return Outcome.undefined("score " + score + " is not a finite number");
        }
        for (Band band : bands) {
            if (band.contains(score)) {
                return Outcome.defined(band);
            }
        }
        if (bands.isEmpty()) {
            return Outcome.undefined("the scoring tree has no bands");
        }
        return Outcome.undefined("score " + score + " lies in no band");
    }

    int nodeIndex(String code) {
        Integer i = nodeIndex.get(code);
        if (i == null) {
            throw new IllegalArgumentException("no node " + code + " in the scoring tree");
        }
        return i;
    }

    int criterionIndex(String code) {
        int c = criterionOfNode[nodeIndex(code)];
        if (c < 0) {
            throw new IllegalArgumentException("node " + code + " is not a criterion (it has children)");
        }
        return c;
    }

    int parentIndex(int node) {
        return parent[node];
    }

    double weightAt(int node) {
        return weight[node];
    }

    /** The criterion index of a node, or -1 for an inner node. */
    int criterionOfNode(int node) {
        return criterionOfNode[node];
    }

    int nodeOfCriterion(int criterion) {
        return nodeOfCriterion[criterion];
    }

    int[] childrenAt(int node) {
        return childrenOf[node];
    }

    Scale scaleOfCriterion(int criterion) {
        return scales[criterion];
    }

    /**
     * Rolls criterion scores up the tree. {@code criterionScores[c]} is NaN for an undefined criterion;
     * {@code nodeScores} receives one score per node (pre-order), NaN where undefined. Children of weight
     * 0 are skipped. Allocation-free, for the bootstrap's inner loop.
     */
    void rollUp(double[] criterionScores, int criterionOffset, double[] nodeScores, int nodeOffset) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            int c = criterionOfNode[i];
            if (c >= 0) {
                nodeScores[nodeOffset + i] = criterionScores[criterionOffset + c];
            } else {
                double sum = 0;
                for (int child : childrenOf[i]) {
                    if (weight[child] != 0) {
                        // NaN propagates: an undefined child makes its parent undefined
                        sum += weight[child] * nodeScores[nodeOffset + child];
                    }
                }
                nodeScores[nodeOffset + i] = sum;
            }
        }
    }

    /** The criteria under {@code node} (or the node itself) whose weight path to it has no zero weight. */
    List<Integer> contributingCriteria(int node) {
        List<Integer> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private void collect(int node, List<Integer> out) {
        if (criterionOfNode[node] >= 0) {
            out.add(criterionOfNode[node]);
            return;
        }
        for (int child : childrenOf[node]) {
            if (weight[child] != 0) {
                collect(child, out);
            }
        }
    }

    /**
     * A node of the tree.
     *
     * @param code unique in the tree
     * @param parent the parent's code, null for the root
     * @param weight the weight within the parent, in [0, 1] (the root's weight is 1 and unused)
     * @param scale the rating scale for a criterion (leaf), null for an inner node
     * @param children the children's codes in order, empty for a criterion
     */
    public record Node(String code, @Nullable String parent, double weight, @Nullable Scale scale, List<String> children) {
        public Node {
            children = List.copyOf(children);
        }

        public boolean isCriterion() {
            return scale != null;
        }

        public boolean isRoot() {
            return parent == null;
        }
    }

    /**
     * A labelled score range: {@code lower < score <= upper}, or also {@code score = lower} when
     * {@code lowerInclusive}. A single point such as SaferAI's "Non-existent" = [0, 0] is a band with
     * lower = upper and lowerInclusive.
     */
    public record Band(String label, double lower, double upper, boolean lowerInclusive) {
        public Band {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a band needs a label");
            }
            if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("band " + label + " needs finite bounds");
            }
            if (lower > upper) {
                throw new IllegalArgumentException("band " + label + " has lower " + lower + " above upper " + upper);
            }
            if (lower == upper && !lowerInclusive) {
                throw new IllegalArgumentException("band " + label + " is empty: (" + lower + ", " + upper + "]");
            }
        }

        /** Whether the band contains the score, comparisons within {@link ScoringTree#BOUNDARY_TOLERANCE}. */
        public boolean contains(double score) {
            boolean aboveLower = lowerInclusive
                    ? score >= lower - BOUNDARY_TOLERANCE
                    : score > lower + BOUNDARY_TOLERANCE;
            return aboveLower && score <= upper + BOUNDARY_TOLERANCE;
        }

        boolean overlaps(Band other) {
            double lo = Math.max(lower, other.lower);
            double hi = Math.min(upper, other.upper);
            if (lo < hi) {
                return true;
            }
            if (lo > hi) {
                return false;
            }
            // they touch at one point: do both contain it?
            return contains(lo) && other.contains(lo);
        }
    }

    /**
     * Collects nodes by parent code (any order: a child may be added before its parent) and bands;
     * {@link #build()} validates. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Draft> drafts = new LinkedHashMap<>();
        private final List<String> roots = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();

        private record Draft(String code, @Nullable String parent, double weight, @Nullable Scale scale) {
        }

        private Builder() {
        }

        /** The root node (the overall score). */
        public Builder root(String code) {
            roots.add(code);
            return put(new Draft(code, null, 1, null));
        }

        /** An inner node under {@code parent}. */
        public Builder node(String code, String parent, double weight) {
            return put(new Draft(code, parent, weight, null));
        }

        /** A criterion (leaf) under {@code parent}, rated on {@code scale}. */
        public Builder criterion(String code, String parent, double weight, Scale scale) {
            if (scale == null) {
                throw new IllegalArgumentException("criterion " + code + " needs a scale");
            }
            return put(new Draft(code, parent, weight, scale));
        }

        public Builder band(String label, double lower, double upper, boolean lowerInclusive) {
            bands.add(new Band(label, lower, upper, lowerInclusive));
            return this;
        }

        public Builder bands(List<Band> list) {
            bands.addAll(list);
            return this;
        }

        private Builder put(Draft draft) {
            if (draft.code() == null || draft.code().isBlank()) {
                throw new IllegalArgumentException("a node needs a non-blank code");
            }
            if (drafts.containsKey(draft.code())) {
                throw new IllegalArgumentException("node code " + draft.code() + " is used twice");
            }
            if (!Double.isFinite(draft.weight()) || draft.weight() < 0 || draft.weight() > 1) {
                throw new IllegalArgumentException(
                        "node " + draft.code() + " has weight " + draft.weight() + ", outside [0, 1]");
            }
            drafts.put(draft.code(), draft);
            return this;
        }

        public ScoringTree build() {
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("the scoring tree has no root");
            }
            if (roots.size() > 1) {
                throw new IllegalArgumentException("the scoring tree has more than one root: " + roots);
            }
            Map<String, List<String>> children = new LinkedHashMap<>();
            for (Draft d : drafts.values()) {
                children.put(d.code(), new ArrayList<>());
            }
            for (Draft d : drafts.values()) {
                String p = d.parent();
                if (p == null) {
                    continue;
                }
                Draft parentDraft = drafts.get(p);
                if (parentDraft == null) {
                    throw new IllegalArgumentException("node " + d.code() + " has an unknown parent " + p);
                }
                if (parentDraft.scale() != null) {
                    throw new IllegalArgumentException(
                            "node " + d.code() + " has criterion " + p + " as parent; criteria are leaves");
                }
                children.get(p).add(d.code());
            }
            for (Draft d : drafts.values()) {
                List<String> kids = children.get(d.code());
                if (d.scale() == null && kids.isEmpty()) {
                    throw new IllegalArgumentException("node " + d.code() + " has no children and no scale");
                }
                if (!kids.isEmpty()) {
                    double sum = 0;
                    for (String kid : kids) {
                        sum += drafts.get(kid).weight();
                    }
                    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
                        throw new IllegalArgumentException("the weights of the children of node " + d.code()
                                + " sum to " + sum + ", not 1 (children " + kids + ")");
                    }
                }
            }
            List<Node> ordered = new ArrayList<>();
            // iterative pre-order; a node unreachable from the root (a cycle) is reported below
            ArrayList<String> stack = new ArrayList<>();
            stack.add(roots.get(0));
            while (!stack.isEmpty()) {
                String code = stack.remove(stack.size() - 1);
                Draft d = drafts.get(code);
                List<String> kids = children.get(code);
                ordered.add(new Node(code, d.parent(), d.weight(), d.scale(), kids));
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.add(kids.get(i));
                }
            }
            if (ordered.size() != drafts.size()) {
                List<String> unreachable = new ArrayList<>(drafts.keySet());
                ordered.forEach(node -> unreachable.remove(node.code()));
                throw new IllegalArgumentException("nodes " + unreachable + " are not connected to root " + roots.get(0));
            }
            for (int i = 0; i < bands.size(); i++) {
                for (int j = i + 1; j < bands.size(); j++) {
                    if (bands.get(i).label().equals(bands.get(j).label())) {
                        throw new IllegalArgumentException("band label " + bands.get(i).label() + " is used twice");
                    }
                    if (bands.get(i).overlaps(bands.get(j))) {
                        throw new IllegalArgumentException(
                                "bands " + bands.get(i).label() + " and " + bands.get(j).label() + " overlap");
                    }
                }
            }
            return new ScoringTree(ordered, bands);
        }
    }
}
