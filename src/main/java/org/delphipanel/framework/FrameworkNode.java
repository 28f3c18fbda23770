package org.delphipanel.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A node of a rubric tree. A leaf is a criterion that experts grade and carries a scale; an inner
 * node is the weighted sum of its children and carries none. Children keep the order of the file.
 *
 * @param weight the share of this node in its parent's score, 0 to 1; the children's weights sum to 1
 *     (within {@link #WEIGHT_TOLERANCE}); the root's weight is 1
 */
public record FrameworkNode(
        String code,
        String name,
        @Nullable String description,
        double weight,
        @Nullable ScaleDefinition scale,
        List<FrameworkNode> children) {

    /** How far the children's weights may sum from 1, so that 0.333333 three times is accepted. */
    public static final double WEIGHT_TOLERANCE = 1e-6;

    public FrameworkNode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a node needs a code and a name");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("node '" + code + "': weight " + weight + " is not between 0 and 1");
        }
        children = List.copyOf(children);
        if (children.isEmpty() && scale == null) {
            throw new IllegalArgumentException("node '" + code + "': a leaf needs a scale");
        }
        if (!children.isEmpty() && scale != null) {
            throw new IllegalArgumentException("node '" + code + "': an inner node has no scale");
        }
        double sum = children.stream().mapToDouble(FrameworkNode::weight).sum();
        if (!children.isEmpty() && Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("node '" + code + "': the weights of its children sum to " + sum + ", not 1");
        }
    }

    public static FrameworkNode leaf(String code, String name, @Nullable String description, double weight,
            ScaleDefinition scale) {
        return new FrameworkNode(code, name, description, weight, scale, List.of());
    }

    public static FrameworkNode inner(String code, String name, @Nullable String description, double weight,
            List<FrameworkNode> children) {
        return new FrameworkNode(code, name, description, weight, null, children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** The scale of a leaf; fails on an inner node. */
    public ScaleDefinition requireScale() {
        if (scale == null) {
            throw new IllegalStateException("node '" + code + "' is not a leaf and has no scale");
        }
        return scale;
    }

    /** This node and all below it, depth first, parents before children, children in file order. */
    public Stream<FrameworkNode> stream() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(FrameworkNode::stream));
    }

    /** The leaves (criteria) below this node, in file order; a leaf's own list is itself. */
    public List<FrameworkNode> leaves() {
        return stream().filter(FrameworkNode::isLeaf).toList();
    }

    public Optional<FrameworkNode> find(String nodeCode) {
        return stream().filter(node -> node.code().equals(nodeCode)).findFirst();
    }

    /** The nodes from this one down to the node with the given code, both included; empty when absent. */
    public List<FrameworkNode> pathTo(String nodeCode) {
        if (code.equals(nodeCode)) {
            return List.of(this);
        }
        for (FrameworkNode child : children) {
            List<FrameworkNode> below = child.pathTo(nodeCode);
            if (!below.isEmpty()) {
                var path = new ArrayList<FrameworkNode>(below.size() + 1);
                path.add(this);
                path.addAll(below);
                return List.copyOf(path);
            }
        }
        return List.of();
    }
}
