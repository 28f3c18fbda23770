package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class FeedbackServiceIT {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    @Autowired
    FeedbackService feedback;

    @Autowired
    RoundSnapshotService snapshots;

    @Autowired
    StudyService studies;

    private PanelistId panelistOf(Panel panel, int expert) {
        return studies.panelist(panel.study().id(), panel.expert(expert)).orElseThrow().id();
    }

    @Test
    void feedback_is_exactly_the_stored_snapshot_of_the_previous_round_with_the_experts_own_rating() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 3, 2);
        data.rate(panel, 0, 1, 2, "1.0", "Nothing published.");
        data.rate(panel, 1, 1, 2, "2.0", "A draft policy.");
        data.rate(panel, 2, 1, 2, "4.0", "Third-party audits.");
        Panel round2 = data.nextRound(panel);

        RoundSnapshot snapshot = snapshots.snapshot(round2.expert(0), panel.round().id()).orElseThrow();
        CellFeedback cell = feedback.feedback(round2.expert(0), round2.round().id(), panel.cell(1, 2)).orElseThrow();
        assertThat(cell.panel()).isEqualTo(snapshot.cell(panel.cell(1, 2)).orElseThrow());
        assertThat(cell.panel().rationales()).isEqualTo(snapshot.cell(panel.cell(1, 2)).orElseThrow().rationales());
        assertThat(cell.ownGrade()).isEqualByComparingTo("1.0");
        assertThat(cell.ownRationale()).isEqualTo("Nothing published.");
        assertThat(cell.settled()).isFalse();

        List<CellFeedback> all = feedback.feedback(round2.expert(0), round2.round().id());
        assertThat(all).hasSize(panel.cellCount());
        assertThat(all).allSatisfy(f -> assertThat(f.panel()).isEqualTo(snapshot.cell(f.cell()).orElseThrow()));
        assertThat(feedback.feedback(round2.facilitatorId(), round2.round().id(), panel.cell(1, 2)).orElseThrow().ownGrade())
                .as("a facilitator has no own rating").isNull();
    }

    @Test
    void round_one_has_no_feedback() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        assertThat(feedback.feedback(panel.expert(0), panel.round().id())).isEmpty();
        assertThat(feedback.feedback(panel.expert(0), panel.round().id(), panel.cell(0, 0))).isEmpty();
    }

    @Test
    void no_public_call_shows_an_expert_what_another_expert_entered_in_the_open_round() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 2, 1);
        data.rate(panel, 0, 0, 0, "2.0", "round one, expert one");
        data.rate(panel, 1, 0, 0, "3.0", "round one, expert two");
        Panel round2 = data.nextRound(panel);
        var roundId = round2.round().id();
        var secret = data.rate(round2, 1, 0, 0, "4.9", "SECRET round two rationale");
        data.rate(round2, 1, 0, 1, "0.1", "SECRET only expert two rated this cell");
        long me = round2.expert(0);
        PanelistId mine = panelistOf(round2, 0);
        var key = panel.cell(0, 0);

        Set<String> tried = new java.util.HashSet<>();
        Rating saved = ratings.save(me, new RatingChange(roundId, key.targetId(), key.criterionId(),
                new java.math.BigDecimal("2.2"), null, null, List.of(), null));
        tried.add("save");
        assertThat(saved.panelistId()).isEqualTo(mine);
        assertThat(saved.version()).isZero();
        tried.add("myRatings");
        assertThat(ratings.myRatings(me, roundId)).extracting(Rating::panelistId).containsOnly(mine);
        tried.add("roundRatings");
        assertThatThrownBy(() -> ratings.roundRatings(me, roundId)).isInstanceOf(AccessDeniedException.class);
        tried.add("submissions");
        assertThatThrownBy(() -> ratings.submissions(me, roundId)).isInstanceOf(AccessDeniedException.class);
        tried.add("ratedCount");
        assertThat(ratings.ratedCount(me, roundId)).isEqualTo(1);
        tried.add("progress");
        assertOnlyMine(ratings.progress(me, roundId).cells(), mine);
        tried.add("submit");
        assertOnlyMine(ratings.submit(me, roundId).cells(), mine);
        tried.add("cell");
        assertThat(ratings.cell(me, roundId, panel.cell(0, 1).targetId(), panel.cell(0, 1).criterionId()).status())
                .isEqualTo(CellStatus.NOT_RATED);
        tried.add("feedback");
        List<CellFeedback> all = feedback.feedback(me, roundId);
        Stream.concat(all.stream(), feedback.feedback(me, roundId, key).stream()).forEach(f -> {
            assertThat(f.panel().ratedInRound()).isEqualTo(1);
            assertThat(f.panel().rationales()).noneMatch(r -> r.contains("SECRET"));
            assertThat(f.ownRationale()).isNotEqualTo(secret.rationale());
        });
        assertThat(all.getFirst().panel().n()).isEqualTo(2);
        tried.add("closedRound");
        assertThatThrownBy(() -> ratings.closedRound(me, roundId)).isInstanceOf(RoundNotOpenException.class);
        tried.add("importRatings");
        assertThatThrownBy(() -> ratings.importRatings(me, roundId, List.of(new ImportedRating(2, panelistOf(round2, 1),
                key.targetId(), key.criterionId(), new java.math.BigDecimal("1.0"), null, null))))
                .isInstanceOf(AccessDeniedException.class);
        tried.add("snapshot");
        assertThat(snapshots.snapshot(me, roundId)).isEmpty();
        assertThat(snapshots.snapshot(me, panel.round().id()).orElseThrow().cells())
                .allSatisfy(c -> assertThat(c.rationales()).noneMatch(r -> r.contains("SECRET")));

        Set<String> publicMethods = Stream.of(RatingService.class, FeedbackService.class, RoundSnapshotService.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(tried).as("every public method of the rating services is tried here").isEqualTo(publicMethods);
    }

    private static void assertOnlyMine(List<CellState> cells, PanelistId mine) {
        assertThat(cells).filteredOn(c -> c.rating() != null)
                .extracting(c -> c.rating().panelistId()).containsOnly(mine);
    }

    @Test
    void a_grade_that_deviates_from_the_previous_round_needs_a_rationale_before_it_counts() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.WHEN_DEVIATING, true, false), 4, 1);
        // round 1 on the cell: 2.0, 3.0, 3.5, 3.0 -> median 3, Q1 2.75, Q3 3.125 (numpy, method='linear')
        String[] grades = {"2.0", "3.0", "3.5", "3.0"};
        for (int e = 0; e < 4; e++) {
            data.rate(panel, e, 0, 0, grades[e], null);
        }
        assertThat(ratings.ratedCount(panel.expert(0), panel.round().id()))
                .as("round 1 asks for no rationale under WHEN_DEVIATING").isEqualTo(1);
        Panel round2 = data.nextRound(panel);
        var roundId = round2.round().id();
        var key = panel.cell(0, 0);

        Rating deviating = data.rate(round2, 0, 0, 0, "4.5", null);
        assertThat(deviating.grade()).as("stored all the same").isEqualByComparingTo("4.5");
        CellState state = ratings.cell(round2.expert(0), roundId, key.targetId(), key.criterionId());
        assertThat(state.status()).isEqualTo(CellStatus.NEEDS_RATIONALE);
        assertThat(state.rationaleRequirement()).contains("interquartile range").contains("2.75").contains("3.13");
        assertThat(ratings.ratedCount(round2.expert(0), roundId)).isZero();
        RoundProgress submitted = ratings.submit(round2.expert(0), roundId);
        assertThat(submitted.needingRationale()).extracting(CellState::cell).containsExactly(key);
        assertThat(submitted.notRated()).hasSize(panel.cellCount() - 1);

        data.rate(round2, 0, 0, 0, "4.5", "The new model card shows third-party evaluations.");
        assertThat(ratings.cell(round2.expert(0), roundId, key.targetId(), key.criterionId()).status())
                .isEqualTo(CellStatus.RATED);
        data.rate(round2, 1, 0, 0, "3.1", null);
        assertThat(ratings.cell(round2.expert(1), roundId, key.targetId(), key.criterionId()).status())
                .as("inside the previous IQR").isEqualTo(CellStatus.RATED);
        assertThat(ratings.ratedCount(round2.expert(0), roundId)).isEqualTo(1);
    }

    @Test
    void under_always_every_rating_needs_a_rationale_and_under_never_none_does() {
        Panel always = data.anOpenRound(RatingTestData.rules(RationalePolicy.ALWAYS, true, false), 1, 1);
        data.rate(always, 0, 0, 0, "2.0", "  ");
        assertThat(ratings.progress(always.expert(0), always.round().id()).needingRationale()).hasSize(1);
        Panel never = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        data.rate(never, 0, 0, 0, "2.0", null);
        assertThat(ratings.progress(never.expert(0), never.round().id()).rated()).isEqualTo(1);
    }

    @Test
    void prefilling_copies_each_experts_own_ratings_and_nobody_elses() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, true), 3, 1);
        data.rate(panel, 0, 0, 0, "1.0", "mine");
        data.rate(panel, 1, 0, 0, "4.0", "theirs");
        data.rate(panel, 1, 0, 1, "2.5", null);
        Panel round2 = data.nextRound(panel);
        var roundId = round2.round().id();

        assertThat(ratings.myRatings(round2.expert(0), roundId))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.panelistId()).isEqualTo(panelistOf(round2, 0));
                    assertThat(r.grade()).isEqualByComparingTo("1.0");
                    assertThat(r.criterionId()).isEqualTo(panel.cell(0, 0).criterionId());
                    assertThat(r.rationale()).as("the rationale answered older feedback").isNull();
                });
        assertThat(ratings.myRatings(round2.expert(1), roundId))
                .extracting(r -> r.grade().toPlainString()).containsExactlyInAnyOrder("4.0000", "2.5000");
        assertThat(ratings.myRatings(round2.expert(2), roundId)).as("rated nothing, gets nothing").isEmpty();
        assertThat(data.rate(round2, 0, 0, 0, "1.5", "revised").version()).isEqualTo(1);
    }

    @Test
    void without_the_prefill_rule_a_new_round_starts_empty() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        data.rate(panel, 0, 0, 0, "1.0", null);
        Panel round2 = data.nextRound(panel);
        assertThat(ratings.myRatings(round2.expert(0), round2.round().id())).isEmpty();
    }
}
