package org.delphipanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.delphipanel.api.ApiClient.json;
import static org.delphipanel.api.ApiClient.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.delphipanel.export.CsvWriter;
import org.delphipanel.export.ExportService;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Exports and the ratings import through the API, against the services' own output (H2 and PostgreSQL). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiExportsIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyTestData data;
    @Autowired
    RatingService ratings;
    @Autowired
    StudyService studies;
    @Autowired
    ExportService exports;
    @Autowired
    ResultsService results;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** Round 1 closed with three experts' ratings of the first target; round 2 open with one rating. */
    private Fixture aStudyWithRoundOneClosed() {
        Fixture fixture = data.anOpenRound(3, 2);
        Criterion first = fixture.framework().criteria().get(0);
        Criterion second = fixture.framework().criteria().get(1);
        save(fixture, 0, first, "1", "low, \"documented\"");
        save(fixture, 1, first, "2", null);
        save(fixture, 2, first, "4", null);
        save(fixture, 0, second, "3.5", null);
        fixture = data.closeRound(fixture);
        fixture = data.openNextRound(fixture, null);
        save(fixture, 0, first, "5", "changed my mind in the open round");
        return fixture;
    }

    private void save(Fixture fixture, int expert, Criterion criterion, String grade, String rationale) {
        ratings.save(fixture.expert(expert), new RatingChange(fixture.round().id(), fixture.targets().get(0).id(),
                criterion.id(), new BigDecimal(grade), Confidence.HIGH, rationale, List.of(), null));
    }

    private static String path(Fixture fixture, String rest) {
        return "/api/studies/" + fixture.study().id().value() + rest;
    }

    @Test
    void a_facilitator_gets_the_same_ratings_csv_as_the_export_service_and_every_format() throws IOException {
        Fixture fixture = aStudyWithRoundOneClosed();
        String token = tokens.create(fixture.facilitatorId(), "exports", null, List.of(), ApiScope.READ).secret();

        HttpResponse<byte[]> csv = api.get(path(fixture, "/exports/ratings?format=csv"), token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment")
                .contains("study-" + fixture.study().id().value() + "-ratings.csv");
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        byte[] expected = CsvWriter.bytes(exports.rawRatings(fixture.study().id(), false).table(ExportService.RATINGS));
        assertThat(csv.body()).isEqualTo(expected);
        assertThat(text(csv)).contains("Expert ").doesNotContain("@").doesNotContain("changed my mind");

        HttpResponse<byte[]> json = api.get(path(fixture, "/exports/ratings?format=json"), token);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json(json).get("provenance").get("study_id").asLong()).isEqualTo(fixture.study().id().value());

        HttpResponse<byte[]> xlsx = api.get(path(fixture, "/exports/consensus?format=xlsx"), token);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet consensus = workbook.getSheet(ExportService.CONSENSUS);
            assertThat(consensus).isNotNull();
            assertThat(consensus.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        }

        for (String kind : List.of("scores", "round-statistics", "consensus")) {
            HttpResponse<byte[]> response = api.get(path(fixture, "/exports/" + kind), token);
            assertThat(response.statusCode()).as(kind).isEqualTo(200);
            assertThat(text(response).lines().findFirst().orElse("")).as(kind).contains(kind.equals("scores")
                    ? "node" : "criterion");
        }

        HttpResponse<byte[]> bundle = api.get(path(fixture, "/exports/bundle"), token);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).get().asString().isEqualTo("application/zip");
        List<String> entries = new ArrayList<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bundle.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("ratings.csv", "consensus.csv", "provenance.json");
    }

    @Test
    void named_exports_are_for_facilitators_and_bad_parameters_are_400() {
        Fixture fixture = aStudyWithRoundOneClosed();
        String facilitator = tokens.create(fixture.facilitatorId(), "f", null, List.of(), ApiScope.READ).secret();
        HttpResponse<byte[]> named = api.get(path(fixture, "/exports/ratings?named=true"), facilitator);
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(text(named).lines().findFirst().orElse("")).endsWith("name,email");
        assertThat(text(named)).contains("@example.org");

        HttpResponse<byte[]> format = api.get(path(fixture, "/exports/ratings?format=pdf"), facilitator);
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(json(format).get("message").asString()).contains("\"format\"").contains("csv, xlsx, json");
        assertThat(api.get(path(fixture, "/exports/bundle?format=csv"), facilitator).statusCode()).isEqualTo(400);
        assertThat(api.get(path(fixture, "/exports/consensus?named=true"), facilitator).statusCode()).isEqualTo(400);
        assertThat(api.get(path(fixture, "/exports/ratings?named=maybe"), facilitator).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> kind = api.get(path(fixture, "/exports/everything"), facilitator);
        assertThat(kind.statusCode()).isEqualTo(404);
        assertThat(json(kind).get("message").asString()).contains("consensus, scores, ratings, round-statistics, bundle");
    }

    @Test
    void experts_export_only_after_publication_and_never_names_nor_the_open_round() {
        Fixture fixture = aStudyWithRoundOneClosed();
        String expert = tokens.create(fixture.expert(1), "e", null, List.of(), ApiScope.READ).secret();
        HttpResponse<byte[]> before = api.get(path(fixture, "/exports/ratings"), expert);
        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(json(before).get("message").asString()).contains("not published");

        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        results.compute(fixture.study().id());
        results.publish(fixture.study().id());
        ActingAs.nobody();

        HttpResponse<byte[]> after = api.get(path(fixture, "/exports/ratings"), expert);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(text(after)).doesNotContain("changed my mind").doesNotContain("@");
        assertThat(api.get(path(fixture, "/exports/ratings?named=true"), expert).statusCode()).isEqualTo(403);
    }

    @Test
    void the_study_report_comes_as_html_or_pdf_with_the_export_permissions() {
        Fixture fixture = aStudyWithRoundOneClosed();
        String facilitator = tokens.create(fixture.facilitatorId(), "report", null, List.of(), ApiScope.READ).secret();

        HttpResponse<byte[]> html = api.get(path(fixture, "/exports/report"), facilitator);
        assertThat(html.statusCode()).as(text(html)).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(text(html)).contains(fixture.study().name()).contains("Methods");

        HttpResponse<byte[]> pdf = api.get(path(fixture, "/exports/report?format=pdf"), facilitator);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).get().asString().isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().endsWith(".pdf\"");

        HttpResponse<byte[]> csv = api.get(path(fixture, "/exports/report?format=csv"), facilitator);
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(json(csv).get("message").asString()).contains("html or pdf");

        String expert = tokens.create(fixture.expert(1), "e", null, List.of(), ApiScope.READ).secret();
        assertThat(api.get(path(fixture, "/exports/report"), expert).statusCode()).isEqualTo(403);
    }

    private String pseudonym(Fixture fixture, int expert) {
        return studies.experts(fixture.study().id()).stream().filter(p -> p.userId() == fixture.expert(expert))
                .map(Panelist::pseudonym).findFirst().orElseThrow();
    }

    private int count(Fixture fixture) {
        return ratings.roundRatings(fixture.facilitatorId(), fixture.round().id()).size();
    }

    @Test
    void a_good_ratings_file_is_imported_whole() {
        Fixture fixture = data.anOpenRound(2, 1);
        String token = tokens.create(fixture.facilitatorId(), "import", null, List.of(), ApiScope.WRITE).secret();
        String target = fixture.targets().get(0).name();
        String csv = "target,criterion,expert,value,confidence\n"
                + target + "," + fixture.framework().criteria().get(0).code() + "," + pseudonym(fixture, 0) + ",3,high\n"
                + target + "," + fixture.framework().criteria().get(1).code() + "," + pseudonym(fixture, 1) + ",2.5,\n";
        HttpResponse<byte[]> response = api.post(path(fixture, "/ratings-import"), token, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(json(response).get("imported").asInt()).isEqualTo(2);
        assertThat(json(response).get("round").asInt()).isEqualTo(1);
        assertThat(count(fixture)).isEqualTo(2);
    }

    @Test
    void a_bad_ratings_file_is_rejected_whole_with_422_and_every_problem_by_line_and_nothing_changes() {
        Fixture fixture = data.anOpenRound(2, 1);
        Criterion c0 = fixture.framework().criteria().get(0);
        ratings.save(fixture.expert(0), new RatingChange(fixture.round().id(), fixture.targets().get(0).id(), c0.id(),
                new BigDecimal("1"), null, null, List.of(), null));
        String token = tokens.create(fixture.facilitatorId(), "import", null, List.of(), ApiScope.WRITE).secret();
        String target = fixture.targets().get(0).name();
        String csv = "target,criterion,expert,value\n"
                + target + "," + c0.code() + "," + pseudonym(fixture, 0) + ",4\n"     // 2: fine alone
                + "Nobody Inc," + c0.code() + "," + pseudonym(fixture, 1) + ",3\n"     // 3: unknown target
                + target + "," + fixture.framework().criteria().get(1).code() + "," + pseudonym(fixture, 1) + ",7\n"; // 4
        HttpResponse<byte[]> response = api.post(path(fixture, "/ratings-import"), token, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("error").asString()).isEqualTo("Unprocessable Content");
        assertThat(body.get("message").asString()).contains("nothing was imported").contains("2 problem(s)");
        assertThat(body.get("details")).hasSize(2);
        assertThat(body.get("details").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("details").get(0).get("column").asString()).isEqualTo("target");
        assertThat(body.get("details").get(1).get("line").asInt()).isEqualTo(4);
        assertThat(body.get("details").get(1).get("column").asString()).isEqualTo("value");
        assertThat(body.get("details").get(1).get("message").asString()).contains("off the scale");
        assertThat(count(fixture)).isEqualTo(1);
        Rating unchanged = ratings.myRatings(fixture.expert(0), fixture.round().id()).getFirst();
        assertThat(unchanged.grade()).isEqualByComparingTo("1");
    }

    @Test
    void imports_are_for_facilitators_in_csv_of_limited_size() {
        Fixture fixture = data.anOpenRound(1, 1);
        String expert = tokens.create(fixture.expert(0), "e", null, List.of(), ApiScope.WRITE).secret();
        String facilitator = tokens.create(fixture.facilitatorId(), "f", null, List.of(), ApiScope.WRITE).secret();
        byte[] header = "target,criterion,expert,value\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.post(path(fixture, "/ratings-import"), expert, "text/csv", header).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> json = api.post(path(fixture, "/ratings-import"), facilitator, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json(json).get("message").asString()).contains("text/csv");
        byte[] huge = new byte[RatingsController.MAX_IMPORT_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        HttpResponse<byte[]> tooLarge = api.post(path(fixture, "/ratings-import"), facilitator, "text/csv", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("message").asString()).contains("too large");
        assertThat(count(fixture)).isZero();
    }
}
