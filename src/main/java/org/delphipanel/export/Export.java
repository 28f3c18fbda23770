package org.delphipanel.export;

import java.util.List;

/** One export: its provenance and its tables, ready for any writer. */
public record Export(String name, Provenance provenance, List<Table> tables) {

    public Export {
        tables = List.copyOf(tables);
    }

    public Table table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + tableName + " in export " + name));
    }
}
