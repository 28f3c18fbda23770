package org.delphipanel.cli;

import java.util.List;
import org.delphipanel.stats.Outcome;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a command prints, built as a tree. Every statistic that could not be computed is written as
 * {@code null} and recorded, with its key path ({@code icc}, {@code units.u7.rwg},
 * {@code transitions[0].per_unit.u1.V}) and the reason, in the {@code undefined} object appended last.
 * Doubles are written in full precision (the shortest decimal that reads back as the same double).
 */
final class Report {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ObjectNode undefined = MAPPER.createObjectNode();

    ObjectNode root() {
        return root;
    }

    /** Writes a statistic that may be undefined. */
    void number(ObjectNode node, String key, String path, Outcome<Double> value) {
        if (value instanceof Outcome.Defined<Double> defined) {
            node.put(key, defined.value());
        } else {
            undefined(node, key, path, reason(value));
        }
    }

    /** Writes {@code null} under {@code key} and records why. */
    void undefined(ObjectNode node, String key, String path, String reason) {
        node.putNull(key);
        undefined.put(path, reason);
    }

    /** The reason of an undefined outcome. */
    static String reason(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Undefined<?> u) {
            return u.reason();
        }
        throw new IllegalArgumentException("the outcome is defined");
    }

    static ArrayNode strings(ObjectNode node, String key, List<String> values) {
        ArrayNode array = node.putArray(key);
        values.forEach(array::add);
        return array;
    }

    /** The finished JSON text, {@code undefined} last, with a final newline. */
    String toJson() {
        root.set("undefined", undefined);
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /** A key path: {@code parent.key}, or {@code key} at the top. */
    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
