package org.delphipanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.delphipanel.db.Tables.FRAMEWORK;
import static org.delphipanel.db.Tables.FRAMEWORK_NODE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

/** The migrations build the same schema, with the same constraints, on H2 and on PostgreSQL. */
@SpringBootTest
@Transactional
class MigrationsIT {

    @Autowired
    DSLContext db;

    @Test
    void every_table_of_the_data_model_exists() {
        for (String table : new String[] {"app_user", "invitation", "framework", "framework_node", "scale_level",
                "framework_band", "target", "evidence_item", "study", "study_target", "panelist", "round", "rating",
                "rating_evidence", "round_submission", "audit_log"}) {
            assertThat(db.fetchCount(db.selectFrom(table))).as(table).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_leaf_criterion_without_a_scale_is_refused_by_the_database() {
        long frameworkId = db.insertInto(FRAMEWORK)
                .set(FRAMEWORK.CODE, "constraint-check")
                .set(FRAMEWORK.VERSION, 1)
                .set(FRAMEWORK.NAME, "Constraint check")
                .set(FRAMEWORK.SOURCE, "{}")
                .set(FRAMEWORK.IMPORTED_AT, OffsetDateTime.now())
                .returning(FRAMEWORK.ID).fetchOne().getId();
        assertThatThrownBy(() -> db.insertInto(FRAMEWORK_NODE)
                .set(FRAMEWORK_NODE.FRAMEWORK_ID, frameworkId)
                .set(FRAMEWORK_NODE.CODE, "leaf")
                .set(FRAMEWORK_NODE.NAME, "Leaf")
                .set(FRAMEWORK_NODE.WEIGHT, 1.0)
                .set(FRAMEWORK_NODE.POSITION, 0)
                .set(FRAMEWORK_NODE.LEAF, true)
                .set(FRAMEWORK_NODE.SCALE_MIN, new BigDecimal("5"))
                .set(FRAMEWORK_NODE.SCALE_MAX, new BigDecimal("0"))
                .set(FRAMEWORK_NODE.SCALE_STEP, new BigDecimal("0.1"))
                .execute())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("framework_node_scale_ck"));
    }
}
