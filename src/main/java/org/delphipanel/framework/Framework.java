package org.delphipanel.framework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored rubric version: its database id, when it was imported, its tree and the database id of
 * every node (ratings refer to criteria by these ids).
 *
 * @param nodeIds the id of each node, keyed by node code (codes are unique within a rubric)
 */
public record Framework(long id, Instant importedAt, FrameworkDefinition definition, Map<String, Long> nodeIds) {

    public Framework {
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(definition, "definition");
        nodeIds = Map.copyOf(nodeIds);
        for (FrameworkNode node : definition.nodes()) {
            if (!nodeIds.containsKey(node.code())) {
                throw new IllegalArgumentException("node '" + node.code() + "' has no id");
            }
        }
    }

    public String code() {
        return definition.code();
    }

    public int version() {
        return definition.version();
    }

    public String name() {
        return definition.name();
    }

    public @Nullable String description() {
        return definition.description();
    }

    public FrameworkNode root() {
        return definition.root();
    }

    public List<Band> bands() {
        return definition.bands();
    }

    /** The database id of a node. */
    public long nodeId(String nodeCode) {
        Long nodeId = nodeIds.get(nodeCode);
        if (nodeId == null) {
            throw new IllegalArgumentException("rubric " + code() + " v" + version() + " has no node '" + nodeCode + "'");
        }
        return nodeId;
    }

    /** The criteria that experts grade, in file order, with their ids and effective weights. */
    public List<Criterion> criteria() {
        Map<String, Double> weights = definition.effectiveWeights();
        return definition.leaves().stream()
                .map(leaf -> new Criterion(nodeId(leaf.code()), leaf.code(), leaf.name(), leaf.description(),
                        leaf.requireScale(), weights.get(leaf.code())))
                .toList();
    }

    /** {@code saferai-2024 v1}. */
    public String label() {
        return code() + " v" + version();
    }
}
