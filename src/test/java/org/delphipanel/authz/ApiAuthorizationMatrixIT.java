package org.delphipanel.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import org.delphipanel.api.ApiScope;
import org.delphipanel.api.ApiTokenService;
import org.delphipanel.authz.AuthzWorld.World;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the REST API (as Spring's request mappings list them), called over HTTP with no
 * token and with a read-write personal token of each kind of caller, against the studies of
 * {@link AuthzWorld}. The table is the contract and is copied verbatim into docs/authorization.md: ✔ a
 * 2xx answer giving what was asked for; ✘ 401 (no token), 403 (not allowed) or 404 (nothing there for
 * this caller), or a 2xx list without this study. Any other status fails the test, as does an endpoint
 * without a row. No answer to anyone but the study's facilitator or an administrator may contain the
 * other expert's open-round rationale. What a read-only or study-restricted token may not do on top of
 * this is tested in {@code api.ApiAuthenticationIT}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "delphi.scheduling.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationMatrixIT {

    static final String MATRIX = """
            | endpoint | on | anonymous | expert | other expert | facilitator | other facilitator | admin |
            |---|---|---|---|---|---|---|---|
            | ANY /api/** | an unknown path | ✘ | ✘ | ✘ | ✘ | ✘ | ✘ |
            | GET /api/openapi.json | the description | ✔ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | GET /api/openapi.json.yaml | the description in YAML | ✘ | ✔ | ✔ | ✔ | ✔ | ✔ |
            | GET /api/studies | lists this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId} | this study | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | consensus | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | scores | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | ratings | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | ratings, named | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | round-statistics | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | bundle | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | bundle, named | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | report | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/exports/{kind} | report, pdf | ✘ | ✔ | ✘ | ✔ | ✘ | ✔ |
            | GET /api/studies/{studyId}/rounds/current/my-ratings | open round | ✘ | ✔ | ✘ | ✔ | ✘ | ✘ |
            | POST /api/studies/{studyId}/ratings-import | open round | ✘ | ✘ | ✘ | ✔ | ✘ | ✔ |
            | PUT /api/studies/{studyId}/rounds/current/ratings | open round | ✘ | ✔ | ✘ | ✘ | ✘ | ✘ |
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    AuthzWorld worlds;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    StudyService studies;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private World world;
    private final Map<Caller, String> tokenOf = new EnumMap<>(Caller.class);

    @BeforeAll
    void buildWorld() {
        world = worlds.build();
        for (Caller caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS) {
                tokenOf.put(caller, tokens.create(caller.id(world), "authorization matrix", null, List.of(),
                        ApiScope.WRITE).secret());
            }
        }
    }

    /** A request of a row: method, path and body. */
    record Request(String method, String path, @Nullable String contentType, @Nullable String body) {
        static Request get(String path) {
            return new Request("GET", path, null, null);
        }
    }

    private Map<String, Request> requests() {
        World w = world;
        String study = "/api/studies/" + w.study().id().value();
        String pseudonym = studies.panelist(w.study().id(), w.callers().expert()).orElseThrow().pseudonym();
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("ANY /api/** | an unknown path", Request.get("/api/no-such-thing"));
        requests.put("GET /api/openapi.json | the description", Request.get("/api/openapi.json"));
        requests.put("GET /api/openapi.json.yaml | the description in YAML", Request.get("/api/openapi.json.yaml"));
        requests.put("GET /api/studies | lists this study", Request.get("/api/studies"));
        requests.put("GET /api/studies/{studyId} | this study", Request.get(study));
        for (String kind : List.of("consensus", "scores", "ratings", "round-statistics", "bundle")) {
            requests.put("GET /api/studies/{studyId}/exports/{kind} | " + kind, Request.get(study + "/exports/" + kind));
        }
        requests.put("GET /api/studies/{studyId}/exports/{kind} | ratings, named",
                Request.get(study + "/exports/ratings?named=true"));
        requests.put("GET /api/studies/{studyId}/exports/{kind} | bundle, named",
                Request.get(study + "/exports/bundle?named=true"));
        requests.put("GET /api/studies/{studyId}/exports/{kind} | report", Request.get(study + "/exports/report"));
        requests.put("GET /api/studies/{studyId}/exports/{kind} | report, pdf",
                Request.get(study + "/exports/report?format=pdf"));
        requests.put("GET /api/studies/{studyId}/rounds/current/my-ratings | open round",
                Request.get(study + "/rounds/current/my-ratings"));
        requests.put("POST /api/studies/{studyId}/ratings-import | open round", new Request("POST",
                study + "/ratings-import", "text/csv", "target,criterion,expert,value\n" + w.target().name() + ","
                        + w.panel().criterion(5).code() + "," + pseudonym + ",2.0\n"));
        requests.put("PUT /api/studies/{studyId}/rounds/current/ratings | open round", new Request("PUT",
                study + "/rounds/current/ratings", "application/json", "{\"targetId\":" + w.target().id().value()
                        + ",\"criterionId\":" + w.cell(4).criterionId() + ",\"grade\":2.5}"));
        return requests;
    }

    @Test
    void every_api_endpoint_has_a_row_and_every_row_a_request() {
        Set<String> discovered = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api")) {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        discovered.add("ANY " + pattern);
                    }
                    methods.forEach(method -> discovered.add(method.name() + " " + pattern));
                }
            }
        }
        assertThat(new TreeSet<>(rows().stream().map(ServiceAuthorizationMatrixIT.Row::method).toList()))
                .isEqualTo(discovered);
        assertThat(new TreeSet<>(requests().keySet()))
                .isEqualTo(new TreeSet<>(rows().stream().map(ServiceAuthorizationMatrixIT.Row::key).toList()));
    }

    @Test
    void each_token_gets_exactly_what_the_table_allows_and_no_expert_reads_the_open_round() throws IOException {
        Map<String, Request> requests = requests();
        List<String> mismatches = new ArrayList<>();
        for (var row : rows()) {
            Request request = requests.get(row.key());
            for (Caller caller : Caller.values()) {
                HttpResponse<byte[]> response = send(request, tokenOf.get(caller));
                String body = text(response);
                int status = response.statusCode();
                boolean granted;
                if (status / 100 == 2) {
                    granted = !row.on().equals("lists this study") || body.contains(world.study().name());
                } else if (status == 401 || status == 403 || status == 404) {
                    granted = false;
                } else {
                    mismatches.add(row.key() + " as " + caller.column + ": unexpected " + status + " " + body);
                    continue;
                }
                boolean expected = row.allowed().contains(caller);
                if (granted != expected) {
                    mismatches.add(row.key() + " as " + caller.column + ": expected " + (expected ? "✔" : "✘")
                            + ", got " + status + " " + body.substring(0, Math.min(200, body.length())));
                }
                if (caller != Caller.FACILITATOR && caller != Caller.ADMIN && body.contains(AuthzWorld.SECRET)) {
                    mismatches.add(row.key() + " as " + caller.column + " shows another expert's open-round rating");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void docs_authorization_md_shows_this_table() throws IOException {
        assertThat(Files.readString(Path.of("docs/authorization.md"))).contains(MATRIX.strip());
    }

    private static List<ServiceAuthorizationMatrixIT.Row> rows() {
        return ServiceAuthorizationMatrixIT.rows(MATRIX);
    }

    private HttpResponse<byte[]> send(Request request, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", request.contentType())
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as text; a ZIP's entries unpacked, so that the search for what must not be there sees them. */
    private static String text(HttpResponse<byte[]> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/zip")) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (var entries = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            while (entries.getNextEntry() != null) {
                text.append(new String(entries.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
