package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may import a rubric (facilitators and administrators, checked by the service whatever the page
 * shows), the audit row of every stored import, and the start-up path of the built-in rubric, which
 * runs without anyone signed in.
 */
@SpringBootTest
class FrameworkImportAuthorizationIT {

    @Autowired
    FrameworkService frameworks;
    @Autowired
    AuditLog auditLog;
    @Autowired
    UserService users;
    @Autowired
    StudyTestData data;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** The test rubric under a code no other test (or earlier run on PostgreSQL) uses. */
    private static byte[] rubric(String code) throws IOException {
        try (InputStream in = FrameworkImportAuthorizationIT.class.getResourceAsStream("three-level.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("code: test-three-level", "code: " + code)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String code(String what) {
        return "authz-" + what + "-" + StudyTestData.uniqueTag();
    }

    private AppUser signedIn(Role role) {
        AppUser user = data.aUser(role, role.name().toLowerCase(java.util.Locale.ROOT));
        ActingAs.user(user.email(), role.name());
        return user;
    }

    @Test
    void anonymous_callers_may_not_import_and_nothing_is_stored() throws IOException {
        String code = code("anonymous");

        assertThat(frameworks.mayImport()).isFalse();
        assertThatThrownBy(() -> frameworks.importRubric(rubric(code), "rubric.yaml"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Sign in to import a rubric");
        assertThat(frameworks.latest(code)).isEmpty();
    }

    @Test
    void experts_may_not_import_and_nothing_is_stored() throws IOException {
        signedIn(Role.EXPERT);
        String code = code("expert");

        assertThat(frameworks.mayImport()).isFalse();
        assertThatThrownBy(() -> frameworks.importRubric(rubric(code), "rubric.yaml"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only facilitators and administrators can import rubrics.");
        assertThat(frameworks.latest(code)).isEmpty();
    }

    @Test
    void a_disabled_facilitator_may_not_import() throws IOException {
        signedIn(Role.ADMIN);
        AppUser facilitator = data.aUser(Role.FACILITATOR, "disabled");
        users.setEnabled(facilitator.id(), false);
        ActingAs.user(facilitator.email(), "FACILITATOR");
        String code = code("disabled");

        assertThat(frameworks.mayImport()).isFalse();
        assertThatThrownBy(() -> frameworks.importRubric(rubric(code), "rubric.yaml"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(frameworks.latest(code)).isEmpty();
    }

    @Test
    void a_facilitator_imports_and_the_import_is_audit_logged_with_code_version_and_file_name() throws IOException {
        AppUser facilitator = signedIn(Role.FACILITATOR);
        String code = code("facilitator");

        assertThat(frameworks.mayImport()).isTrue();
        ImportResult result = frameworks.importRubric(rubric(code), "C:\\rubrics\\three-level.yaml");

        assertThat(result.created()).isTrue();
        assertThat(result.framework().code()).isEqualTo(code);
        AuditEntry entry = auditLog.forEntity("framework", String.valueOf(result.framework().id())).getLast();
        assertThat(entry.actor()).isEqualTo(facilitator.email());
        assertThat(entry.action()).isEqualTo("framework.imported");
        assertThat(entry.before()).isNull();
        assertThat(entry.after()).contains("\"code\":\"" + code + "\"", "\"version\":2",
                "\"fileName\":\"three-level.yaml\"");
    }

    @Test
    void an_administrator_imports_and_an_import_that_stores_nothing_writes_no_audit_row() throws IOException {
        AppUser admin = signedIn(Role.ADMIN);
        String code = code("admin");

        ImportResult first = frameworks.importRubric(rubric(code), "three-level.yaml");
        ImportResult again = frameworks.importRubric(rubric(code), "three-level.yaml");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(auditLog.forEntity("framework", String.valueOf(first.framework().id())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(admin.email());
                    assertThat(entry.action()).isEqualTo("framework.imported");
                });
    }

    @Test
    void a_refused_file_writes_no_audit_row_and_a_file_that_is_neither_json_nor_yaml_is_refused() throws IOException {
        signedIn(Role.FACILITATOR);
        String code = code("refused");
        int before = auditLog.recent(10_000).size();

        RubricException wrongType = catchThrowableOfType(RubricException.class,
                () -> frameworks.importRubric(rubric(code), "rubric.txt"));
        RubricException tooBig = catchThrowableOfType(RubricException.class,
                () -> frameworks.importRubric(new byte[FrameworkService.MAX_FILE_BYTES + 1], "big.json"));
        RubricException latin1 = catchThrowableOfType(RubricException.class, () -> frameworks.importRubric(
                "code: größe\n".getBytes(StandardCharsets.ISO_8859_1), "latin1.yaml"));

        assertThat(wrongType.problems()).singleElement().extracting(RubricProblem::message).asString()
                .contains("JSON (.json) or YAML (.yaml or .yml)");
        assertThat(tooBig.problems()).singleElement().extracting(RubricProblem::message).asString()
                .contains("at most 1000000 characters");
        assertThat(latin1.problems()).singleElement().extracting(RubricProblem::location).isEqualTo("line 1");
        assertThat(frameworks.latest(code)).isEmpty();
        assertThat(auditLog.recent(10_000)).hasSize(before);
    }

    @Test
    void the_built_in_rubric_is_imported_at_startup_without_a_user_and_logged_as_the_system() {
        Framework saferAi = frameworks.find(BuiltInFrameworks.SAFERAI_CODE, 1).orElseThrow();

        assertThat(auditLog.forEntity("framework", String.valueOf(saferAi.id())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(AuditLog.SYSTEM_ACTOR);
                    assertThat(entry.after()).contains("\"fileName\":\"saferai-2024.json\"");
                });
    }
}
