package org.delphipanel.export;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link Export} as one JSON object: {@code provenance} and one array per table (named as the
 * table), each row an object keyed by column; numbers as JSON numbers, undefined values as null. The
 * bootstrap seed is a string, because a 64-bit seed does not survive a JSON reader's doubles. Thread-safe.
 */
public final class JsonWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonWriter() {
    }

    public static byte[] write(Export export) {
        ObjectNode root = JSON.createObjectNode();
        root.set("provenance", provenance(export.provenance()));
        for (Table table : export.tables()) {
            ArrayNode rows = root.putArray(table.name());
            for (List<@Nullable Object> values : table.rows()) {
                ObjectNode row = rows.addObject();
                for (int c = 0; c < values.size(); c++) {
                    put(row, table.columns().get(c), values.get(c));
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    public static byte[] provenanceOnly(Provenance provenance) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(provenance(provenance));
    }

    static ObjectNode provenance(Provenance provenance) {
        ObjectNode node = JSON.createObjectNode();
        for (List<@Nullable Object> row : provenance.asTable().rows()) {
            String key = (String) row.get(0);
            if (key.equals("rounds_included")) {
                ArrayNode rounds = node.putArray(key);
                provenance.roundsIncluded().forEach(rounds::add);
            } else {
                put(node, key, row.get(1));
            }
        }
        return node;
    }

    private static void put(ObjectNode node, String key, @Nullable Object value) {
        switch (value) {
            case null -> node.putNull(key);
            case Integer i -> node.put(key, i);
            case Long l -> node.put(key, l);
            case Number n -> node.put(key, n.doubleValue());
            case Boolean b -> node.put(key, b);
            default -> node.put(key, (String) value);
        }
    }
}
