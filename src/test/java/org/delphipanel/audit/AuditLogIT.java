package org.delphipanel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.delphipanel.security.MutableClock;
import org.delphipanel.security.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(TestClockConfiguration.class)
class AuditLogIT {

    @Autowired
    AuditLog auditLog;

    @Autowired
    MutableClock clock;

    String entityId;

    @BeforeEach
    void setUp() {
        clock.reset();
        entityId = UUID.randomUUID().toString();
    }

    @Test
    void an_entry_is_stamped_with_the_application_clock() {
        clock.advance(Duration.ofMinutes(90));
        AuditEntry entry = auditLog.record("ada@example.org", "round.closed", "round", entityId, "{\"state\":\"OPEN\"}",
                "{\"state\":\"CLOSED\"}");
        assertThat(entry.occurredAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(90)));
        assertThat(auditLog.forEntity("round", entityId)).containsExactly(entry);
    }

    @Test
    void recording_again_appends_and_leaves_earlier_entries_as_they_were() {
        AuditEntry first = auditLog.record("ada@example.org", "study.created", "study", entityId, null, "v1");
        List<AuditEntry> before = auditLog.forEntity("study", entityId);
        clock.advance(Duration.ofDays(1));
        AuditEntry second = auditLog.record("grace@example.org", "study.renamed", "study", entityId, "v1", "v2");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(auditLog.forEntity("study", entityId)).containsExactly(first, second);
        assertThat(auditLog.forEntity("study", entityId)).startsWith(before.toArray(AuditEntry[]::new));
    }

    @Test
    void recent_lists_the_latest_entries_newest_first() {
        AuditEntry a = auditLog.record("system", "a", "test", entityId, null, null);
        AuditEntry b = auditLog.record("system", "b", "test", entityId, null, null);
        AuditEntry c = auditLog.record("system", "c", "test", null, null, null);
        assertThat(auditLog.recent(3)).containsExactly(c, b, a);
        assertThat(auditLog.recent(1)).containsExactly(c);
        assertThatThrownBy(() -> auditLog.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returned_lists_cannot_be_changed() {
        auditLog.record("system", "a", "test", entityId, null, null);
        List<AuditEntry> history = auditLog.forEntity("test", entityId);
        assertThatThrownBy(history::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> auditLog.recent(5).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_entry_needs_an_actor_an_action_and_an_entity_type() {
        assertThatThrownBy(() -> auditLog.record(" ", "a", "test", null, null, null))
                .hasMessage("An audit entry needs a non-blank actor");
        assertThatThrownBy(() -> auditLog.record("system", "", "test", null, null, null))
                .hasMessage("An audit entry needs a non-blank action");
        assertThatThrownBy(() -> auditLog.record("system", "a", "x".repeat(101), null, null, null))
                .hasMessageContaining("at most 100 characters");
    }

    @Test
    void neither_the_service_nor_the_repository_can_change_or_remove_entries() {
        for (Class<?> type : List.of(AuditLog.class, AuditLogRepository.class)) {
            assertThat(Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> !Modifier.isPrivate(method.getModifiers()))
                    .map(Method::getName))
                    .as(type.getSimpleName())
                    .isNotEmpty()
                    .allMatch(name -> name.equals("record") || name.equals("append") || name.startsWith("find")
                            || name.equals("recent") || name.equals("forEntity"));
        }
    }
}
