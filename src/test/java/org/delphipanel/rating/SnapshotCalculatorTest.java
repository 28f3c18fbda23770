package org.delphipanel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.ScaleDefinition;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.TargetId;
import org.junit.jupiter.api.Test;

class SnapshotCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final TargetId TARGET = new TargetId(7);
    private static final Criterion CRITERION = new Criterion(11, "1.1", "Risk identification", null,
            ScaleDefinition.of("0", "5", "0.1", "none", "weak", "partial", "moderate", "strong", "full"), 1.0);
    private static final Criterion OTHER = new Criterion(12, "1.2", "Risk analysis", null,
            ScaleDefinition.of("0", "5", "0.1", "none", "weak", "partial", "moderate", "strong", "full"), 1.0);

    private static StudyRules rules(int quantileType, boolean carryConsensus) {
        return new StudyRules("iqr<=1 and within(1)>=0.7", StudyRules.DEFAULT_STOPPING_RULE, 3, carryConsensus,
                quantileType, RationalePolicy.WHEN_DEVIATING, false);
    }

    private static List<Rating> ratings(long criterionId, String... grades) {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            ratings.add(new Rating(100 + i, new RoundId(1), TARGET, criterionId, new PanelistId(50 + i),
                    new BigDecimal(grades[i]), Confidence.MEDIUM, "reason " + (char) ('a' + i), List.of(), NOW, NOW, 0));
        }
        return ratings;
    }

    private static RoundSnapshot snapshot(StudyRules rules, List<Rating> ratings, long seed) {
        return SnapshotCalculator.compute(1, 1, NOW, rules, List.of(TARGET), List.of(CRITERION, OTHER), ratings,
                Optional.empty(), seed);
    }

    @Test
    void median_quartiles_and_iqr_follow_the_study_quantile_type() {
        // numpy 2.x: np.percentile([1.0, 2.4, 2.5, 3.1, 4.0], [25, 50, 75], method='linear') -> [2.4, 2.5, 3.1]
        // (Hyndman-Fan type 7) and method='weibull' -> [1.7, 2.5, 3.55] (type 6)
        List<Rating> ratings = ratings(CRITERION.id(), "1.0", "2.4", "2.5", "3.1", "4.0");
        CellSnapshot type7 = snapshot(rules(7, false), ratings, 1).cells().get(0);
        assertThat(type7.quantileType()).isEqualTo(7);
        assertThat(type7.n()).isEqualTo(5);
        assertThat(type7.median()).isCloseTo(2.5, within(1e-12));
        assertThat(type7.q1()).isCloseTo(2.4, within(1e-12));
        assertThat(type7.q3()).isCloseTo(3.1, within(1e-12));
        assertThat(type7.iqr()).isCloseTo(0.7, within(1e-12));
        CellSnapshot type6 = snapshot(rules(6, false), ratings, 1).cells().get(0);
        assertThat(type6.quantileType()).isEqualTo(6);
        assertThat(type6.q1()).isCloseTo(1.7, within(1e-12));
        assertThat(type6.q3()).isCloseTo(3.55, within(1e-12));
        assertThat(type6.iqr()).isCloseTo(1.85, within(1e-12));
    }

    @Test
    void the_histogram_counts_each_grade_of_the_scale_and_consensus_explains_its_clauses() {
        CellSnapshot cell = snapshot(rules(7, false), ratings(CRITERION.id(), "2.0", "3.0", "3.5", "3.0"), 1)
                .cells().get(0);
        assertThat(cell.histogram()).hasSize(51);
        assertThat(cell.histogram().get(20)).isEqualTo(1);
        assertThat(cell.histogram().get(30)).isEqualTo(2);
        assertThat(cell.histogram().get(35)).isEqualTo(1);
        assertThat(cell.gradeAt(35)).isCloseTo(3.5, within(1e-12));
        // numpy: IQR by type 7 of [2, 3, 3.5, 3] is 0.375; all four lie within 1 of the median 3
        assertThat(cell.consensus()).isTrue();
        assertThat(cell.clauses()).extracting(ClauseSnapshot::clause).containsExactly("iqr<=1", "within(1)>=0.7");
        assertThat(cell.clauses().get(0).observed()).isCloseTo(0.375, within(1e-12));
        assertThat(cell.clauses().get(1).observed()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_cell_without_ratings_has_no_statistics_and_no_consensus_and_says_why() {
        RoundSnapshot snapshot = snapshot(rules(7, false), ratings(CRITERION.id(), "2.0"), 1);
        CellSnapshot empty = snapshot.cells().get(1);
        assertThat(empty.criterionId()).isEqualTo(OTHER.id());
        assertThat(empty.n()).isZero();
        assertThat(empty.median()).isNull();
        assertThat(empty.iqr()).isNull();
        assertThat(empty.consensus()).isFalse();
        assertThat(empty.clauses()).allSatisfy(c -> assertThat(c.undefinedReason()).contains("no ratings"));
    }

    @Test
    void rationales_are_bare_texts_in_an_order_that_only_the_seed_decides() {
        List<Rating> ratings = ratings(CRITERION.id(), "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7");
        List<String> first = snapshot(rules(7, false), ratings, 42).cells().get(0).rationales();
        assertThat(first).containsExactlyInAnyOrder("reason a", "reason b", "reason c", "reason d", "reason e",
                "reason f", "reason g", "reason h");
        List<Rating> reversed = new ArrayList<>(ratings);
        java.util.Collections.reverse(reversed);
        assertThat(snapshot(rules(7, false), reversed, 42).cells().get(0).rationales())
                .as("the database order (who rated first) must not show through")
                .isEqualTo(first);
        List<List<String>> orders = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            orders.add(snapshot(rules(7, false), ratings, seed).cells().get(0).rationales());
        }
        assertThat(orders).as("different seeds give different orders").doesNotHaveDuplicates();
    }

    @Test
    void a_cell_settled_earlier_is_carried_with_its_round_when_consensus_is_not_carried_forward() {
        RoundSnapshot round1 = snapshot(rules(7, false), ratings(CRITERION.id(), "3.0", "3.0", "3.2"), 1);
        assertThat(round1.cells().get(0).consensus()).isTrue();
        RoundSnapshot round2 = SnapshotCalculator.compute(2, 2, NOW, rules(7, false), List.of(TARGET),
                List.of(CRITERION, OTHER), ratings(OTHER.id(), "1.0", "4.0"), Optional.of(round1), 9);
        assertThat(round2.cells().get(0)).isEqualTo(round1.cells().get(0));
        assertThat(round2.cells().get(0).ratedInRound()).isEqualTo(1);
        assertThat(round2.cells().get(1).ratedInRound()).isEqualTo(2);

        RoundSnapshot carried = SnapshotCalculator.compute(2, 2, NOW, rules(7, true), List.of(TARGET),
                List.of(CRITERION, OTHER), List.of(), Optional.of(round1), 9);
        assertThat(carried.cells().get(0).n()).as("carried forward, the cell is rated (here: not yet) again").isZero();
    }
}
