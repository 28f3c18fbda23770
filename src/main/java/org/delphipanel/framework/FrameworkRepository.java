package org.delphipanel.framework;

import static org.delphipanel.db.Tables.FRAMEWORK;
import static org.delphipanel.db.Tables.FRAMEWORK_BAND;
import static org.delphipanel.db.Tables.FRAMEWORK_NODE;
import static org.delphipanel.db.Tables.SCALE_LEVEL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.delphipanel.db.tables.records.FrameworkNodeRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Stores rubric versions in framework, framework_node, scale_level and framework_band. */
@Repository
class FrameworkRepository {

    private final DSLContext db;

    FrameworkRepository(DSLContext db) {
        this.db = db;
    }

    /** Writes a new rubric version with its whole tree and bands; returns the framework id. */
    long insert(FrameworkDefinition definition, String source, OffsetDateTime importedAt) {
        long frameworkId = db.insertInto(FRAMEWORK)
                .set(FRAMEWORK.CODE, definition.code())
                .set(FRAMEWORK.VERSION, definition.version())
                .set(FRAMEWORK.NAME, definition.name())
                .set(FRAMEWORK.DESCRIPTION, definition.description())
                .set(FRAMEWORK.SOURCE, source)
                .set(FRAMEWORK.IMPORTED_AT, importedAt)
                .returning(FRAMEWORK.ID)
                .fetchSingle()
                .getId();
        insertNode(frameworkId, null, definition.root(), 0);
        insertBands(frameworkId, definition.bands());
        return frameworkId;
    }

    void insertBands(long frameworkId, List<Band> bands) {
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            db.insertInto(FRAMEWORK_BAND)
                    .set(FRAMEWORK_BAND.FRAMEWORK_ID, frameworkId)
                    .set(FRAMEWORK_BAND.LABEL, band.label())
                    .set(FRAMEWORK_BAND.LOWER_BOUND, band.lower())
                    .set(FRAMEWORK_BAND.UPPER_BOUND, band.upper())
                    .set(FRAMEWORK_BAND.LOWER_INCLUSIVE, band.lowerInclusive())
                    .set(FRAMEWORK_BAND.POSITION, i)
                    .execute();
        }
    }

    private void insertNode(long frameworkId, @Nullable Long parentId, FrameworkNode node, int position) {
        ScaleDefinition scale = node.scale();
        long nodeId = db.insertInto(FRAMEWORK_NODE)
                .set(FRAMEWORK_NODE.FRAMEWORK_ID, frameworkId)
                .set(FRAMEWORK_NODE.PARENT_ID, parentId)
                .set(FRAMEWORK_NODE.CODE, node.code())
                .set(FRAMEWORK_NODE.NAME, node.name())
                .set(FRAMEWORK_NODE.DESCRIPTION, node.description())
                .set(FRAMEWORK_NODE.WEIGHT, node.weight())
                .set(FRAMEWORK_NODE.POSITION, position)
                .set(FRAMEWORK_NODE.LEAF, node.isLeaf())
                .set(FRAMEWORK_NODE.SCALE_MIN, scale == null ? null : scale.min())
                .set(FRAMEWORK_NODE.SCALE_MAX, scale == null ? null : scale.max())
                .set(FRAMEWORK_NODE.SCALE_STEP, scale == null ? null : scale.step())
                .returning(FRAMEWORK_NODE.ID)
                .fetchSingle()
                .getId();
        if (scale != null) {
            var insert = db.insertInto(SCALE_LEVEL, SCALE_LEVEL.NODE_ID, SCALE_LEVEL.GRADE, SCALE_LEVEL.DESCRIPTOR);
            scale.levels().forEach((grade, descriptor) -> insert.values(nodeId, grade, descriptor));
            insert.execute();
        }
        List<FrameworkNode> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            insertNode(frameworkId, nodeId, children.get(i), i);
        }
    }

    Optional<Long> findId(String code, int version) {
        return db.select(FRAMEWORK.ID)
                .from(FRAMEWORK)
                .where(FRAMEWORK.CODE.eq(code).and(FRAMEWORK.VERSION.eq(version)))
                .fetchOptional(FRAMEWORK.ID);
    }

    Optional<Long> findLatestId(String code) {
        return db.select(FRAMEWORK.ID)
                .from(FRAMEWORK)
                .where(FRAMEWORK.CODE.eq(code))
                .orderBy(FRAMEWORK.VERSION.desc())
                .limit(1)
                .fetchOptional(FRAMEWORK.ID);
    }

    Optional<String> findSource(long frameworkId) {
        return db.select(FRAMEWORK.SOURCE).from(FRAMEWORK).where(FRAMEWORK.ID.eq(frameworkId)).fetchOptional(FRAMEWORK.SOURCE);
    }

    /** Every stored version, by code, newest version first. */
    List<FrameworkSummary> findAll() {
        var criteria = DSL.field(DSL.selectCount()
                        .from(FRAMEWORK_NODE)
                        .where(FRAMEWORK_NODE.FRAMEWORK_ID.eq(FRAMEWORK.ID).and(FRAMEWORK_NODE.LEAF.isTrue())))
                .as("criteria");
        return db.select(FRAMEWORK.ID, FRAMEWORK.CODE, FRAMEWORK.VERSION, FRAMEWORK.NAME, FRAMEWORK.DESCRIPTION,
                        FRAMEWORK.IMPORTED_AT, criteria)
                .from(FRAMEWORK)
                .orderBy(FRAMEWORK.CODE, FRAMEWORK.VERSION.desc())
                .fetch(row -> new FrameworkSummary(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6().toInstant(), row.value7()));
    }

    Optional<Framework> findById(long frameworkId) {
        var framework = db.selectFrom(FRAMEWORK).where(FRAMEWORK.ID.eq(frameworkId)).fetchOptional();
        if (framework.isEmpty()) {
            return Optional.empty();
        }
        var row = framework.get();
        List<FrameworkNodeRecord> nodes = db.selectFrom(FRAMEWORK_NODE)
                .where(FRAMEWORK_NODE.FRAMEWORK_ID.eq(frameworkId))
                .fetch();
        Map<Long, TreeMap<Integer, String>> levels = new HashMap<>();
        db.select(SCALE_LEVEL.NODE_ID, SCALE_LEVEL.GRADE, SCALE_LEVEL.DESCRIPTOR)
                .from(SCALE_LEVEL)
                .join(FRAMEWORK_NODE).on(FRAMEWORK_NODE.ID.eq(SCALE_LEVEL.NODE_ID))
                .where(FRAMEWORK_NODE.FRAMEWORK_ID.eq(frameworkId))
                .forEach(level -> levels.computeIfAbsent(level.value1(), id -> new TreeMap<>())
                        .put(level.value2(), level.value3()));
        List<Band> bands = db.selectFrom(FRAMEWORK_BAND)
                .where(FRAMEWORK_BAND.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(FRAMEWORK_BAND.POSITION)
                .fetch(band -> new Band(band.getLabel(), band.getLowerBound(), band.getUpperBound(),
                        band.getLowerInclusive()));

        Map<Long, List<FrameworkNodeRecord>> childrenByParent = new HashMap<>();
        FrameworkNodeRecord rootRecord = null;
        for (FrameworkNodeRecord node : nodes) {
            if (node.getParentId() == null) {
                rootRecord = node;
            } else {
                childrenByParent.computeIfAbsent(node.getParentId(), id -> new ArrayList<>()).add(node);
            }
        }
        if (rootRecord == null) {
            throw new IllegalStateException("framework " + frameworkId + " has no root node");
        }
        childrenByParent.values().forEach(list -> list.sort(Comparator.comparing(FrameworkNodeRecord::getPosition)));
        Map<String, Long> nodeIds = new HashMap<>();
        FrameworkNode root = toNode(rootRecord, childrenByParent, levels, nodeIds);
        var definition = new FrameworkDefinition(row.getCode(), row.getVersion(), row.getName(), row.getDescription(),
                root, bands);
        return Optional.of(new Framework(frameworkId, row.getImportedAt().toInstant(), definition, nodeIds));
    }

    private static FrameworkNode toNode(FrameworkNodeRecord node, Map<Long, List<FrameworkNodeRecord>> childrenByParent,
            Map<Long, TreeMap<Integer, String>> levels, Map<String, Long> nodeIds) {
        nodeIds.put(node.getCode(), node.getId());
        List<FrameworkNode> children = childrenByParent.getOrDefault(node.getId(), List.of()).stream()
                .map(child -> toNode(child, childrenByParent, levels, nodeIds))
                .toList();
        ScaleDefinition scale = node.getLeaf()
                ? new ScaleDefinition(node.getScaleMin(), node.getScaleMax(), node.getScaleStep(),
                        levels.getOrDefault(node.getId(), new TreeMap<>()))
                : null;
        return new FrameworkNode(node.getCode(), node.getName(), node.getDescription(), node.getWeight(), scale, children);
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
