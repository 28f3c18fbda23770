package org.delphipanel.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A round's ratings read straight from the database over JDBC (so it works on a database another
 * process wrote), with the checks that nothing is half-written: each rating has exactly one audit
 * entry per version (its creation and each change are written in the same transaction as the rating).
 */
public final class StoredRatings {

    private record Key(long userId, long targetId, long criterionId) {
    }

    private record Row(long id, BigDecimal grade, int version, long auditEntries) {
    }

    private final Map<Key, Row> rows;
    private final long orphanAuditEntries;

    private StoredRatings(Map<Key, Row> rows, long orphanAuditEntries) {
        this.rows = rows;
        this.orphanAuditEntries = orphanAuditEntries;
    }

    public static StoredRatings read(Connection connection, long roundId) throws SQLException {
        Map<Key, Row> rows = new HashMap<>();
        String sql = """
                select p.user_id, r.target_id, r.criterion_id, r.id, r.grade, r.version,
                       (select count(*) from audit_log a
                         where a.entity_type = 'rating' and a.entity_id = cast(r.id as varchar(100))
                           and a.action in ('rating.created', 'rating.changed')) as audit_entries
                  from rating r join panelist p on p.id = r.panelist_id
                 where r.round_id = ?""";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, roundId);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(new Key(result.getLong(1), result.getLong(2), result.getLong(3)),
                            new Row(result.getLong(4), result.getBigDecimal(5), result.getInt(6), result.getLong(7)));
                }
            }
        }
        String orphans = """
                select count(*) from audit_log a
                 where a.entity_type = 'rating' and a.action in ('rating.created', 'rating.changed')
                   and not exists (select 1 from rating r where cast(r.id as varchar(100)) = a.entity_id)""";
        long orphanCount;
        try (var statement = connection.createStatement(); var result = statement.executeQuery(orphans)) {
            result.next();
            orphanCount = result.getLong(1);
        }
        return new StoredRatings(rows, orphanCount);
    }

    /**
     * Audit entries of a rating's creation or change whose rating is not in the database (in any round):
     * a change logged but not stored. Meaningful on a database of its own (ratings are never deleted but
     * with their study or round).
     */
    public long orphanAuditEntries() {
        return orphanAuditEntries;
    }

    public int count() {
        return rows.size();
    }

    public LoadReport.@Nullable Stored find(LoadPanel.Expert expert, LoadPanel.Cell cell) {
        Row row = rows.get(new Key(expert.userId(), cell.targetId().value(), cell.criterionId()));
        return row == null ? null : new LoadReport.Stored(row.grade(), row.version());
    }

    /** Ratings whose audit trail does not have one entry per version. */
    public List<String> auditProblems() {
        List<String> problems = new ArrayList<>();
        rows.values().forEach(row -> {
            if (row.auditEntries() != row.version() + 1) {
                problems.add("rating " + row.id() + " is at version " + row.version() + " but has " + row.auditEntries()
                        + " audit entries");
            }
        });
        return problems;
    }
}
