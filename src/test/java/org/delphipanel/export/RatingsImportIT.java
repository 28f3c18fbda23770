package org.delphipanel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingsRejectedException;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** The ratings import is all or nothing, on the real database (H2 and PostgreSQL). */
@SpringBootTest
class RatingsImportIT {

    @Autowired
    RatingsImportService imports;
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

    private int count(Fixture fixture) {
        return ratings.roundRatings(fixture.facilitatorId(), fixture.round().id()).size();
    }

    private String pseudonym(Fixture fixture, int expert) {
        return studies.experts(fixture.study().id()).stream().filter(p -> p.userId() == fixture.expert(expert))
                .map(Panelist::pseudonym).findFirst().orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_good_file_is_stored_whole_by_pseudonym_or_email_and_audit_logged() {
        Fixture fixture = data.anOpenRound(2, 2);
        List<Criterion> criteria = fixture.framework().criteria();
        String target1 = fixture.targets().get(0).name();
        String target2 = fixture.targets().get(1).name();
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        String csv = "\uFEFFtarget,criterion,expert,value,confidence,rationale\r\n"
                + target1 + "," + criteria.get(0).code() + "," + pseudonym(fixture, 0) + ",2.5,high,\"Clear, \"\"public\"\" policy — ü\"\r\n"
                + target2 + "," + criteria.get(1).code() + "," + data.email(fixture.expert(1)).toUpperCase() + ",4,,\r\n"
                + target1 + "," + criteria.get(1).code() + "," + pseudonym(fixture, 1) + ",0,LOW,\r\n";
        RatingsImport done = imports.importRatings(fixture.study().id(), utf8(csv));
        assertThat(done.ratings()).isEqualTo(3);
        assertThat(done.roundNumber()).isEqualTo(1);
        assertThat(count(fixture)).isEqualTo(3);
        Rating first = ratings.myRatings(fixture.expert(0), fixture.round().id()).getFirst();
        assertThat(first.grade()).isEqualByComparingTo("2.5");
        assertThat(first.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(first.rationale()).isEqualTo("Clear, \"public\" policy — ü");
        assertThat(auditLog.forEntity("round", fixture.round().id().toString()))
                .anyMatch(e -> e.action().equals("ratings.imported"));
    }

    @Test
    void a_file_with_bad_rows_is_rejected_whole_with_every_problem_by_line_and_column_and_nothing_changes() {
        Fixture fixture = data.anOpenRound(2, 1);
        List<Criterion> criteria = fixture.framework().criteria();
        String target = fixture.targets().get(0).name();
        String c0 = criteria.get(0).code();
        String c1 = criteria.get(1).code();
        String e0 = pseudonym(fixture, 0);
        ratings.save(fixture.expert(0), new RatingChange(fixture.round().id(), fixture.targets().get(0).id(),
                criteria.get(0).id(), new BigDecimal("1"), null, null, List.of(), null));
        int before = count(fixture);
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        String csv = "target,criterion,expert,value,confidence\n"
                + target + "," + c0 + "," + e0 + ",3,medium\n"          // 2: fine on its own
                + "Nobody Inc," + c0 + "," + e0 + ",3,\n"               // 3: unknown target
                + target + ",9.9.9," + e0 + ",3,\n"                     // 4: unknown criterion
                + target + "," + c1 + ",Expert 99,3,\n"                 // 5: unknown expert
                + target + "," + c1 + "," + e0 + ",7,\n"                // 6: off the scale
                + target + "," + c1 + "," + pseudonym(fixture, 1) + ",2.35,\n" // 7: not on a step
                + target + "," + c0 + "," + e0 + ",2,\n"                // 8: duplicate of line 2
                + target + "," + criteria.get(2).code() + "," + e0 + ",2,sure\n" // 9: bad confidence
                + target + "," + criteria.get(3).code() + "," + e0 + ",two,\n"   // 10: not a number
                + target + ",x\"y," + e0 + ",2,\n"                       // 11: malformed CSV
                + target + "," + c0 + "\n";                              // 12: too few fields
        assertThatThrownBy(() -> imports.importRatings(fixture.study().id(), utf8(csv)))
                .isInstanceOfSatisfying(RatingsRejectedException.class, rejected -> {
                    List<String> problems = RatingsImportService.describe(rejected);
                    assertThat(problems).hasSize(10);
                    assertThat(problems.get(0)).startsWith("line 3, column target: unknown target \"Nobody Inc\"");
                    assertThat(problems.get(1)).startsWith("line 4, column criterion: unknown criterion \"9.9.9\"");
                    assertThat(problems.get(2)).startsWith("line 5, column expert: unknown expert \"Expert 99\"");
                    assertThat(problems.get(3)).startsWith("line 6, column value: 7 is off the scale");
                    assertThat(problems.get(4)).startsWith("line 7, column value: 2.35 is not on a step");
                    assertThat(problems.get(5)).startsWith("line 8: duplicate").contains("on line 2");
                    assertThat(problems.get(6)).startsWith("line 9, column confidence: \"sure\" is not a confidence");
                    assertThat(problems.get(7)).startsWith("line 10, column value: \"two\" is not a number");
                    assertThat(problems.get(8)).startsWith("line 11: malformed CSV");
                    assertThat(problems.get(9)).isEqualTo("line 12: has 2 fields, the header has 5");
                });
        assertThat(count(fixture)).isEqualTo(before);
        assertThat(ratings.myRatings(fixture.expert(0), fixture.round().id()).getFirst().grade())
                .isEqualByComparingTo("1");
    }

    @Test
    void an_experts_existing_rating_of_a_cell_is_replaced_by_the_imported_one() {
        Fixture fixture = data.anOpenRound(1, 1);
        Criterion criterion = fixture.framework().criteria().getFirst();
        ratings.save(fixture.expert(0), new RatingChange(fixture.round().id(), fixture.targets().get(0).id(),
                criterion.id(), new BigDecimal("1"), null, "on screen", List.of(), null));
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        imports.importRatings(fixture.study().id(), utf8("expert,target,criterion,value,rationale\n" + pseudonym(fixture, 0)
                + "," + fixture.targets().get(0).name() + "," + criterion.code() + ",4.5,from the workshop\n"));
        List<Rating> mine = ratings.myRatings(fixture.expert(0), fixture.round().id());
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.grade()).isEqualByComparingTo("4.5");
            assertThat(r.rationale()).isEqualTo("from the workshop");
            assertThat(r.version()).isEqualTo(1);
        });
    }

    @Test
    void missing_or_unknown_columns_and_a_wrong_encoding_reject_the_file() {
        Fixture fixture = data.anOpenRound(1, 1);
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
        assertThatThrownBy(() -> imports.importRatings(fixture.study().id(), utf8("target,criterion,grade\nA,1,2\n")))
                .isInstanceOfSatisfying(RatingsRejectedException.class, rejected -> assertThat(
                        RatingsImportService.describe(rejected)).containsExactly(
                                "line 1, column grade: unknown column \"grade\" (the columns are target,criterion,"
                                        + "expert,value,confidence,rationale)",
                                "line 1, column expert: missing column", "line 1, column value: missing column"));
        String target = fixture.targets().get(0).name();
        byte[] latin1 = ("target,criterion,expert,value,rationale\n" + target + ",x,y,1,ok\n" + target
                + ",x,y,1,café\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> imports.importRatings(fixture.study().id(), latin1))
                .isInstanceOfSatisfying(RatingsRejectedException.class, rejected -> assertThat(
                        RatingsImportService.describe(rejected)).singleElement().asString()
                        .startsWith("line 3: the file is not UTF-8 text"));
        assertThat(count(fixture)).isZero();
    }

    @Test
    void only_facilitators_import_and_only_into_an_open_round() {
        Fixture fixture = data.anOpenRound(1, 1);
        String csv = "target,criterion,expert,value\n" + fixture.targets().get(0).name() + ","
                + fixture.framework().criteria().get(0).code() + "," + pseudonym(fixture, 0) + ",3\n";
        ActingAs.user(data.email(fixture.expert(0)), "EXPERT");
        assertThatThrownBy(() -> imports.importRatings(fixture.study().id(), utf8(csv)))
                .isInstanceOf(AccessDeniedException.class);
        var direct = List.of(new org.delphipanel.rating.ImportedRating(2,
                studies.experts(fixture.study().id()).getFirst().id(), fixture.targets().get(0).id(),
                fixture.framework().criteria().get(0).id(), new BigDecimal("3"), null, null));
        assertThatThrownBy(() -> ratings.importRatings(fixture.expert(0), fixture.round().id(), direct))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count(fixture)).isZero();
        Fixture closed = data.closeRound(fixture);
        assertThatThrownBy(() -> ratings.importRatings(closed.facilitatorId(), closed.round().id(), direct))
                .isInstanceOf(org.delphipanel.rating.RoundNotOpenException.class);
        ActingAs.user(data.email(closed.facilitatorId()), "FACILITATOR");
        assertThatThrownBy(() -> imports.importRatings(closed.study().id(), utf8(csv)))
                .isInstanceOfSatisfying(RatingsRejectedException.class, rejected -> assertThat(
                        RatingsImportService.describe(rejected)).singleElement().asString().contains("no open round"));
    }
}
