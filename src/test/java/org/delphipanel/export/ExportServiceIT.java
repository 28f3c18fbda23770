package org.delphipanel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Who may export what, and what the exports hold, on the real database (H2 and PostgreSQL). */
@SpringBootTest
class ExportServiceIT {

    @Autowired
    ExportService exports;
    @Autowired
    ResultsService results;
    @Autowired
    RatingService ratings;
    @Autowired
    StudyService studies;
    @Autowired
    StudyTestData data;
    @Autowired
    AuditLog auditLog;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /**
     * Round 1 closed with three experts on the first criterion of the first target (grades 1, 2, 4) and
     * expert 1 alone on the second criterion; round 2 open with one rating, which no export may show.
     */
    private Fixture aStudyWithRoundOneClosed() {
        Fixture fixture = data.anOpenRound(3, 2);
        Criterion first = fixture.framework().criteria().get(0);
        Criterion second = fixture.framework().criteria().get(1);
        save(fixture, 0, first, "1", "low, but \"documented\" — naïve");
        save(fixture, 1, first, "2", "=cmd|' /C calc'!A0");
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

    private void as(long userId, String role) {
        ActingAs.user(data.email(userId), role);
    }

    @Test
    void a_facilitator_exports_closed_rounds_only_under_pseudonyms_and_says_which_rounds() {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.facilitatorId(), "FACILITATOR");
        Export raw = exports.rawRatings(fixture.study().id(), false);
        Table table = raw.table(ExportService.RATINGS);
        assertThat(table.columns())
                .containsExactly("study", "round", "target", "criterion", "rater", "value", "confidence", "rationale");
        assertThat(table.rows()).hasSize(4).allMatch(row -> row.get(1).equals(1));
        assertThat(table.rows()).extracting(row -> row.get(5)).containsExactlyInAnyOrder(1.0, 2.0, 4.0, 3.5);
        assertThat(table.rows()).extracting(row -> (String) row.get(4)).allMatch(r -> r.startsWith("Expert "))
                .noneMatch(r -> r.contains("@"));
        assertThat(raw.provenance().roundsIncluded()).containsExactly(1);
        assertThat(raw.provenance().studyId()).isEqualTo(fixture.study().id().value());
        assertThat(raw.provenance().frameworkCode()).isEqualTo("saferai-2024");
        assertThat(raw.provenance().quantileType()).isEqualTo(7);
        assertThat(raw.provenance().appVersion()).isNotBlank();
        assertThat(raw.provenance().named()).isFalse();
        assertThat(CsvWriter.write(table)).contains("'=cmd|").doesNotContain("changed my mind");
    }

    @Test
    void the_consensus_table_carries_the_closed_rounds_statistics_per_cell() {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.facilitatorId(), "FACILITATOR");
        Table consensus = exports.consensus(fixture.study().id()).table(ExportService.CONSENSUS);
        Map<String, List<Object>> byCriterion = new LinkedHashMap<>();
        String firstTarget = fixture.targets().get(0).name();
        consensus.rows().stream().filter(r -> r.get(0).equals(firstTarget))
                .forEach(r -> byCriterion.put((String) r.get(1), r));
        List<Object> cell = byCriterion.get(fixture.framework().criteria().get(0).code());
        // grades 1, 2, 4: numpy.percentile([1, 2, 4], [25, 50, 75]) (type 7) = 1.5, 2.0, 3.0
        assertThat(cell.subList(3, 8)).containsExactly(2.0, 1.5, 3.0, 1.5, 3);
        assertThat(cell.get(11)).isEqualTo(7);
        assertThat(consensus.rows()).hasSize(2 * fixture.framework().criteria().size());
        assertThat(exports.consensus(fixture.study().id()).table(ExportService.SCORES).rows()).isEmpty();
    }

    @Test
    void experts_are_refused_every_export_until_results_are_published_and_then_get_the_published_ones() {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.expert(0), "EXPERT");
        assertThat(exports.mayExport(fixture.study().id())).isFalse();
        assertThatThrownBy(() -> exports.consensus(fixture.study().id())).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not published");
        assertThatThrownBy(() -> exports.rawRatings(fixture.study().id(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.roundStatistics(fixture.study().id()))
                .isInstanceOf(AccessDeniedException.class);

        as(fixture.facilitatorId(), "FACILITATOR");
        results.compute(fixture.study().id());
        as(fixture.expert(0), "EXPERT");
        assertThatThrownBy(() -> exports.consensus(fixture.study().id())).isInstanceOf(AccessDeniedException.class);

        as(fixture.facilitatorId(), "FACILITATOR");
        results.publish(fixture.study().id());
        as(fixture.expert(0), "EXPERT");
        Export consensus = exports.consensus(fixture.study().id());
        assertThat(consensus.provenance().resultsPublished()).isTrue();
        assertThat(consensus.provenance().resultsRound()).isEqualTo(1);
        assertThat(consensus.table(ExportService.SCORES).rows()).isNotEmpty();
        assertThat(exports.rawRatings(fixture.study().id(), false).table(ExportService.RATINGS).rows()).hasSize(4);
        Export rounds = exports.roundStatistics(fixture.study().id());
        assertThat(rounds.provenance().roundsIncluded()).containsExactly(1);
        // the agreement table of an expert: the closed round 1 only, never the open round 2
        Table agreement = rounds.table(ExportService.ROUND_AGREEMENT);
        assertThat(agreement.rows()).isNotEmpty().allMatch(row -> row.get(0).equals(1));
        assertThat(agreement.rows()).filteredOn(row -> row.get(1).equals("all")).extracting(row -> row.get(6))
                .contains("Krippendorff's alpha (ordinal)", "ICC2k", "Kendall's W", "Fleiss' kappa", "Gwet's AC1",
                        "Gwet's AC2");
        // the ICC needs every expert on every cell: undefined here, with the reason in the table
        assertThat(agreement.rows()).filteredOn(row -> row.get(1).equals("all"))
                .filteredOn(row -> row.get(6).equals("ICC2k")).singleElement()
                .satisfies(row -> assertThat((String) row.get(13)).isNotBlank());
    }

    @Test
    void named_export_is_refused_to_experts_even_after_publication() {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.facilitatorId(), "FACILITATOR");
        results.compute(fixture.study().id());
        results.publish(fixture.study().id());
        as(fixture.expert(1), "EXPERT");
        assertThat(exports.mayExportNamed(fixture.study().id())).isFalse();
        assertThatThrownBy(() -> exports.rawRatings(fixture.study().id(), true))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("names");
        assertThatThrownBy(() -> exports.bundle(fixture.study().id(), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_named_export_adds_names_and_emails_and_is_audit_logged() {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.facilitatorId(), "FACILITATOR");
        String study = String.valueOf(fixture.study().id().value());
        assertThat(auditLog.forEntity("study", study)).noneMatch(e -> e.action().equals("export.named"));
        Table named = exports.rawRatings(fixture.study().id(), true).table(ExportService.RATINGS);
        assertThat(named.columns()).endsWith("name", "email");
        assertThat(named.rows()).extracting(r -> r.get(9)).contains(data.email(fixture.expert(0)));
        assertThat(auditLog.forEntity("study", study)).anyMatch(e -> e.action().equals("export.named")
                && e.actor().equals(data.email(fixture.facilitatorId())));
    }

    @Test
    void people_off_the_panel_are_refused_and_administrators_may_export() {
        Fixture fixture = aStudyWithRoundOneClosed();
        var outsider = data.aUser(Role.FACILITATOR, "outsider");
        ActingAs.user(outsider.email(), "FACILITATOR");
        assertThatThrownBy(() -> exports.rawRatings(fixture.study().id(), false))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not on the panel");
        var admin = data.aUser(Role.ADMIN, "admin");
        ActingAs.user(admin.email(), "ADMIN");
        assertThat(exports.rawRatings(fixture.study().id(), false).table(ExportService.RATINGS).rows()).hasSize(4);
        assertThat(exports.roundStatistics(fixture.study().id()).table(ExportService.ROUND_STATISTICS).rows())
                .hasSize(2 * fixture.framework().criteria().size());
    }

    @Test
    void the_rating_service_hands_out_closed_rounds_only_and_only_to_the_panel_and_administrators() {
        Fixture fixture = aStudyWithRoundOneClosed();
        assertThatThrownBy(() -> ratings.closedRound(fixture.facilitatorId(), fixture.round().id()))
                .isInstanceOf(org.delphipanel.rating.RoundNotOpenException.class).hasMessageContaining("not closed");
        var roundOne = studies.rounds(fixture.study().id()).getFirst();
        assertThat(ratings.closedRound(fixture.expert(2), roundOne.id()).ratings()).hasSize(4);
        assertThat(ratings.closedRound(fixture.expert(2), roundOne.id()).snapshot()).isNotNull();
        var outsider = data.aUser(Role.EXPERT, "outsider");
        assertThatThrownBy(() -> ratings.closedRound(outsider.id().value(), roundOne.id()))
                .isInstanceOf(AccessDeniedException.class);
        var admin = data.aUser(Role.ADMIN, "admin");
        assertThat(ratings.closedRound(admin.id().value(), roundOne.id()).ratings()).hasSize(4);
    }

    @Test
    void the_zip_bundle_holds_every_csv_the_provenance_and_a_readme() throws IOException {
        Fixture fixture = aStudyWithRoundOneClosed();
        as(fixture.facilitatorId(), "FACILITATOR");
        Map<String, String> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(exports.bundle(fixture.study().id(), false)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        long id = fixture.study().id().value();
        assertThat(entries).containsOnlyKeys("consensus.csv", "scores.csv", "ratings.csv", "round-statistics.csv",
                "round-agreement.csv", "study-" + id + "-report.html", "study-" + id + "-report.pdf", "provenance.json",
                "README.txt");
        assertThat(entries.get("ratings.csv")).startsWith("study,round,target,criterion,rater,value,confidence,rationale\r\n");
        assertThat(entries.get("provenance.json")).contains("\"study_name\"").contains("\"rounds_included\"");
        assertThat(entries.get("README.txt")).contains("rounds round1.csv");
        assertThat(ExportService.bundleName(fixture.study().id()))
                .isEqualTo("study-" + fixture.study().id().value() + "-export.zip");
    }
}
