package org.delphipanel.reliability;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.delphipanel.study.StudyId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves through the REST API of a running application, as an expert's script would:
 * {@code PUT /api/studies/{id}/rounds/current/ratings} with the expert's bearer token. Only an HTTP 200
 * with the saved rating counts as an acknowledgement; anything else is an error.
 */
public final class ApiClient implements RatingLoad.Client {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI ratings;
    private final Map<Long, String> tokens;

    public ApiClient(String baseUrl, StudyId studyId, Map<Long, String> tokens) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.ratings = URI.create(baseUrl + "/api/studies/" + studyId.value() + "/rounds/current/ratings");
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public RatingLoad.Ack save(LoadPanel.Expert expert, LoadPanel.Cell cell, RatingLoad.Attempt attempt)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetId", cell.targetId().value());
        body.put("criterionId", cell.criterionId());
        body.put("grade", attempt.grade());
        body.put("confidence", attempt.confidence().name().toLowerCase(Locale.ROOT));
        body.put("rationale", attempt.rationale());
        body.put("expectedVersion", attempt.expectedVersion());
        HttpRequest request = HttpRequest.newBuilder(ratings)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(expert.userId()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        JsonNode saved = JSON.readTree(response.body());
        return new RatingLoad.Ack(saved.get("grade").decimalValue(), saved.get("version").asInt());
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
