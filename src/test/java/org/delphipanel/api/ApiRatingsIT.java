package org.delphipanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.api.ApiClient.json;
import static org.delphipanel.api.ApiClient.text;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.TargetId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An expert's ratings through the API: the same service, rules and blindness as the rating view. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiRatingsIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    RatingTestData data;
    @Autowired
    RatingService ratings;
    @Autowired
    StudyService studies;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private Panel panel() {
        return data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, false, false), 2, 2);
    }

    private String token(long userId, ApiScope scope) {
        return tokens.create(userId, "test", null, List.of(), scope).secret();
    }

    private static String path(Panel panel, String rest) {
        return "/api/studies/" + panel.study().id().value() + rest;
    }

    private static String body(Panel panel, int target, int criterion, String grade, Integer expectedVersion) {
        return "{\"targetId\":" + panel.targets().get(target).id().value() + ",\"criterionId\":"
                + panel.criterion(criterion).id() + ",\"grade\":" + grade + ",\"confidence\":\"high\","
                + "\"rationale\":\"from the API\",\"expectedVersion\":" + expectedVersion + "}";
    }

    @Test
    void an_expert_saves_a_rating_then_changes_it_with_the_version_and_a_stale_version_is_a_conflict() {
        Panel panel = panel();
        String token = token(panel.expert(0), ApiScope.WRITE);
        String put = path(panel, "/rounds/current/ratings");

        HttpResponse<byte[]> first = api.putJson(put, token, body(panel, 0, 0, "2", null));
        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        JsonNode saved = json(first);
        int version = saved.get("version").asInt();
        assertThat(saved.get("grade").decimalValue()).isEqualByComparingTo("2");
        assertThat(saved.get("confidence").asString()).isEqualTo("high");
        assertThat(saved.get("round").asInt()).isEqualTo(1);

        HttpResponse<byte[]> second = api.putJson(put, token, body(panel, 0, 0, "3", version));
        assertThat(second.statusCode()).as(text(second)).isEqualTo(200);
        assertThat(json(second).get("version").asInt()).isEqualTo(version + 1);

        HttpResponse<byte[]> stale = api.putJson(put, token, body(panel, 0, 0, "4", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("message").asString()).contains("changed in another tab");

        Rating stored = ratings.myRatings(panel.expert(0), panel.round().id()).getFirst();
        assertThat(stored.grade()).isEqualByComparingTo("3");
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(stored.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void my_ratings_lists_only_the_experts_own_ratings_of_the_open_round() {
        Panel panel = panel();
        data.rate(panel, 0, 0, 0, "1", null);
        data.rate(panel, 1, 0, 0, "5", null);
        data.rate(panel, 1, 1, 1, "4", null);
        HttpResponse<byte[]> response = api.get(path(panel, "/rounds/current/my-ratings"),
                token(panel.expert(0), ApiScope.READ));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("round").get("state").asString()).isEqualTo("OPEN");
        assertThat(body.get("ratings")).hasSize(1);
        assertThat(body.get("ratings").get(0).get("grade").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void an_expert_token_never_reads_other_experts_ratings_of_an_open_round() {
        Panel panel = panel();
        data.rate(panel, 1, 0, 0, "5", "secret reasoning of expert 2");
        String token = token(panel.expert(0), ApiScope.WRITE);
        for (String kind : List.of("ratings", "round-statistics", "consensus", "scores", "bundle")) {
            HttpResponse<byte[]> export = api.get(path(panel, "/exports/" + kind), token);
            assertThat(export.statusCode()).as(kind).isEqualTo(403);
            assertThat(text(export)).doesNotContain("secret reasoning");
        }
        HttpResponse<byte[]> named = api.get(path(panel, "/exports/ratings?named=true"), token);
        assertThat(named.statusCode()).isEqualTo(403);
        for (String path : List.of("", "/rounds/current/my-ratings")) {
            HttpResponse<byte[]> response = api.get(path(panel, path), token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(text(response)).doesNotContain("secret reasoning");
        }
    }

    @Test
    void a_read_only_token_can_neither_rate_nor_import() {
        Panel panel = panel();
        HttpResponse<byte[]> put = api.putJson(path(panel, "/rounds/current/ratings"),
                token(panel.expert(0), ApiScope.READ), body(panel, 0, 0, "2", null));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(json(put).get("message").asString()).contains("read-only");
        HttpResponse<byte[]> post = api.post(path(panel, "/ratings-import"), token(panel.facilitatorId(), ApiScope.READ),
                "text/csv", "target,criterion,expert,value\n".getBytes(StandardCharsets.UTF_8));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(ratings.roundRatings(panel.facilitatorId(), panel.round().id())).isEmpty();
    }

    @Test
    void a_facilitator_cannot_rate_and_a_closed_round_takes_no_ratings() {
        Panel panel = panel();
        HttpResponse<byte[]> facilitator = api.putJson(path(panel, "/rounds/current/ratings"),
                token(panel.facilitatorId(), ApiScope.WRITE), body(panel, 0, 0, "2", null));
        assertThat(facilitator.statusCode()).isEqualTo(403);
        String expert = token(panel.expert(0), ApiScope.WRITE);
        studies.closeRound(panel.facilitatorId(), panel.round().id());
        HttpResponse<byte[]> closed = api.putJson(path(panel, "/rounds/current/ratings"), expert,
                body(panel, 0, 0, "2", null));
        assertThat(closed.statusCode()).isEqualTo(423);
        assertThat(json(closed).get("message").asString()).contains("Round 1").contains("closed");
    }

    @Test
    void bad_bodies_are_400_naming_the_field_and_a_wrong_content_type_is_415() {
        Panel panel = panel();
        String token = token(panel.expert(0), ApiScope.WRITE);
        String put = path(panel, "/rounds/current/ratings");
        assertBadRequest(api.putJson(put, token, "{\"targetId\": 1,"), "not a valid JSON");
        assertBadRequest(api.putJson(put, token, "{\"targetId\":\"abc\",\"criterionId\":1,\"grade\":2}"),
                "\"targetId\"");
        assertBadRequest(api.putJson(put, token, "{\"targetId\":1,\"criterionId\":1,\"grade\":\"high\"}"),
                "\"grade\"");
        assertBadRequest(api.putJson(put, token, "{\"criterionId\":1}"), "targetId, grade");
        assertBadRequest(api.putJson(put, token, "{\"targetId\":1,\"criterionId\":1,\"grade\":2,\"expected_version\":0}"),
                "Unknown field \"expected_version\"");
        assertBadRequest(api.putJson(put, token, "{\"targetId\":1,\"criterionId\":1,\"grade\":2,\"confidence\":\"sure\"}"),
                "\"confidence\"");
        assertBadRequest(api.putJson(put, token, ""), "body");
        HttpResponse<byte[]> text = api.put(put, token, "text/plain", body(panel, 0, 0, "2", null));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).get("message").asString()).contains("application/json");
        HttpResponse<byte[]> offScale = api.putJson(put, token, body(panel, 0, 0, "9", null));
        assertThat(offScale.statusCode()).isEqualTo(422);
        assertThat(json(offScale).get("message").asString()).contains("between");
        assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).isEmpty();
    }

    private static void assertBadRequest(HttpResponse<byte[]> response, String messagePart) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("message").asString()).contains(messagePart);
    }

    @Test
    void a_change_without_evidence_keeps_the_evidence_linked_in_the_view() {
        Panel panel = panel();
        TargetId target = panel.targets().get(0).id();
        var evidence = studies.evidence(target).getFirst().id();
        Rating inView = ratings.save(panel.expert(0), new RatingChange(panel.round().id(), target,
                panel.criterion(0).id(), new BigDecimal("2"), null, null, List.of(evidence), null));
        HttpResponse<byte[]> response = api.putJson(path(panel, "/rounds/current/ratings"),
                token(panel.expert(0), ApiScope.WRITE), body(panel, 0, 0, "3", inView.version()));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(json(response).get("evidenceIds").get(0).asLong()).isEqualTo(evidence.value());
    }
}
