package org.delphipanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.api.ApiClient.json;
import static org.delphipanel.api.ApiClient.text;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Which studies a token sees, across studies and restrictions (H2 and PostgreSQL). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiStudiesIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyTestData data;
    @Autowired
    StudyService studies;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    @Test
    void a_token_lists_only_its_owners_studies_and_a_restricted_token_only_its_own() {
        Fixture first = data.anOpenRound(1, 1);
        Fixture second = data.aDraftStudy(1, 1);
        Fixture foreign = data.aDraftStudy(1, 1);
        long expert = first.expert(0);
        studies.addPanelist(second.facilitatorId(), second.study().id(), expert, PanelRole.EXPERT);
        String all = tokens.create(expert, "all", null, List.of(), ApiScope.READ).secret();
        String one = tokens.create(expert, "one", null, List.of(second.study().id()), ApiScope.READ).secret();

        HttpResponse<byte[]> everything = api.get("/api/studies", all);
        assertThat(everything.statusCode()).isEqualTo(200);
        assertThat(ids(json(everything))).containsExactlyInAnyOrder(first.study().id().value(),
                second.study().id().value());
        JsonNode listed = json(everything).get(0);
        assertThat(listed.get("myRole").asString()).isEqualTo("EXPERT");
        assertThat(ids(json(api.get("/api/studies", one)))).containsExactly(second.study().id().value());

        HttpResponse<byte[]> outside = api.get("/api/studies/" + first.study().id().value(), one);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(json(outside).get("message").asString()).contains("restricted to studies");
        HttpResponse<byte[]> notMine = api.get("/api/studies/" + foreign.study().id().value(), all);
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(json(notMine).get("message").asString()).contains("not on the panel");
        for (String path : List.of("", "/rounds/current/my-ratings", "/exports/ratings")) {
            assertThat(api.get("/api/studies/" + foreign.study().id().value() + path, all).statusCode()).as(path)
                    .isEqualTo(403);
            assertThat(api.get("/api/studies/" + first.study().id().value() + path, one).statusCode()).as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void an_unknown_study_is_404_and_a_malformed_id_400() {
        AppUser admin = data.aUser(Role.ADMIN, "api-admin");
        String token = tokens.create(admin.id().value(), "admin", null, List.of(), ApiScope.READ).secret();
        HttpResponse<byte[]> unknown = api.get("/api/studies/987654321", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asString()).isEqualTo("There is no study 987654321.");
        HttpResponse<byte[]> malformed = api.get("/api/studies/abc", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("message").asString()).contains("studyId").contains("whole number");
        assertThat(text(malformed)).doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void a_study_comes_with_its_rules_rounds_targets_and_criteria() {
        Fixture fixture = data.anOpenRound(2, 2);
        String token = tokens.create(fixture.expert(0), "read", null, List.of(), ApiScope.READ).secret();
        HttpResponse<byte[]> response = api.get("/api/studies/" + fixture.study().id().value(), token);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        JsonNode study = json(response);
        assertThat(study.get("name").asString()).isEqualTo(fixture.study().name());
        assertThat(study.get("myRole").asString()).isEqualTo("EXPERT");
        assertThat(study.get("rules").get("consensusRule").asString()).isEqualTo(fixture.study().rules().consensusRule());
        assertThat(study.get("rules").get("stoppingRule").asString()).isEqualTo(fixture.study().rules().stoppingRule());
        assertThat(study.get("rules").get("rationalePolicy").asString()).isEqualTo("WHEN_DEVIATING");
        assertThat(study.get("rounds")).hasSize(1);
        assertThat(study.get("rounds").get(0).get("state").asString()).isEqualTo("OPEN");
        assertThat(study.get("rounds").get(0).get("openedAt").asString()).endsWith("Z");
        assertThat(study.get("targets")).hasSize(2);
        assertThat(study.get("criteria")).hasSize(fixture.framework().criteria().size());
        assertThat(study.get("criteria").get(0).get("max").decimalValue()).isPositive();
        assertThat(study.get("rubric").get("code").asString()).isEqualTo("saferai-2024");
    }
}
