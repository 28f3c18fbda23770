package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in SaferAI rubric (src/main/resources/frameworks/saferai-2024.json) against the paper:
 * Campos et al., "A Framework to Rate AI Developers' Risk Management Maturity" (SaferAI, 2024),
 * section 3 and Annex A, in /work/shared/seeds/000_cb5a1f603b897ba5.txt.
 */
class SaferAiRubricTest {

    private final FrameworkDefinition rubric =
            RubricParser.parse(BuiltInFrameworks.saferAiSource(), "saferai-2024.json");

    @Test
    void the_rubric_has_the_fixed_code_and_version() {
        assertThat(rubric.code()).isEqualTo("saferai-2024");
        assertThat(rubric.version()).isEqualTo(1);
    }

    @Test
    void the_tree_has_the_fixed_node_codes_in_the_papers_order() {
        assertThat(rubric.nodes()).extracting(FrameworkNode::code).containsExactly(
                "overall",
                "risk-identification",
                "risk-tolerance-analysis", "global-risk-tolerance", "operational-risk-tolerance", "evaluation-protocols",
                "risk-mitigation", "deployment-measures", "containment-measures", "assurance-properties");
        assertThat(rubric.leaves()).extracting(FrameworkNode::code).containsExactly(
                "risk-identification", "global-risk-tolerance", "operational-risk-tolerance", "evaluation-protocols",
                "deployment-measures", "containment-measures", "assurance-properties");
        assertThat(rubric.root().children()).extracting(FrameworkNode::code)
                .containsExactly("risk-identification", "risk-tolerance-analysis", "risk-mitigation");
    }

    @Test
    void weights_follow_annex_a() {
        // Annex A: the three dimensions are averaged; 25 % / 50 % / 25 % within risk tolerance and
        // analysis; three equally weighted sub-dimensions of risk mitigation
        for (String dimension : List.of("risk-identification", "risk-tolerance-analysis", "risk-mitigation")) {
            assertThat(rubric.node(dimension).orElseThrow().weight()).isEqualTo(1.0 / 3);
        }
        assertThat(rubric.node("global-risk-tolerance").orElseThrow().weight()).isEqualTo(0.25);
        assertThat(rubric.node("operational-risk-tolerance").orElseThrow().weight()).isEqualTo(0.5);
        assertThat(rubric.node("evaluation-protocols").orElseThrow().weight()).isEqualTo(0.25);
        for (String measure : List.of("deployment-measures", "containment-measures", "assurance-properties")) {
            assertThat(rubric.node(measure).orElseThrow().weight()).isEqualTo(1.0 / 3);
        }
    }

    @Test
    void effective_weights_are_the_products_down_the_path() {
        // by hand: 1/3 * 1/4 = 1/12, 1/3 * 1/2 = 1/6, 1/3 * 1/3 = 1/9
        var weights = rubric.effectiveWeights();
        assertThat(weights.get("overall")).isEqualTo(1.0);
        assertThat(weights.get("risk-identification")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(weights.get("global-risk-tolerance")).isCloseTo(1.0 / 12, within(1e-15));
        assertThat(weights.get("operational-risk-tolerance")).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(weights.get("evaluation-protocols")).isCloseTo(1.0 / 12, within(1e-15));
        assertThat(weights.get("deployment-measures")).isCloseTo(1.0 / 9, within(1e-15));
        assertThat(weights.get("containment-measures")).isCloseTo(1.0 / 9, within(1e-15));
        assertThat(weights.get("assurance-properties")).isCloseTo(1.0 / 9, within(1e-15));
        assertThat(rubric.leaves().stream().mapToDouble(leaf -> weights.get(leaf.code())).sum())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void every_criterion_is_graded_0_to_5_in_steps_of_0_1_with_six_descriptors() {
        for (FrameworkNode leaf : rubric.leaves()) {
            ScaleDefinition scale = leaf.requireScale();
            assertThat(scale.min()).as(leaf.code()).isEqualByComparingTo("0");
            assertThat(scale.max()).as(leaf.code()).isEqualByComparingTo("5");
            assertThat(scale.step()).as(leaf.code()).isEqualByComparingTo("0.1");
            assertThat(scale.levels().keySet()).as(leaf.code()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(scale.descriptor(0)).as(leaf.code()).contains("No information available.");
            assertThat(scale.toScale().optionCount()).isEqualTo(51);
            assertThat(leaf.description()).as(leaf.code()).isNotBlank();
        }
    }

    @Test
    void descriptors_are_the_papers_words() {
        // Annex A, "Risk Identification", grade 3, and "Global risk tolerance", grade 1 with its example
        assertThat(rubric.node("risk-identification").orElseThrow().requireScale().descriptor(3)).contains(
                "Most of the important and commonly discussed risks are in scope of the risk management process."
                        + " Consequential red teaming is precisely reported, along with significant threat modeling"
                        + " and structured risk identification techniques usage.");
        assertThat(rubric.node("global-risk-tolerance").orElseThrow().requireScale().descriptor(1)).contains(
                "Global risk tolerance is qualitatively defined.\n"
                        + "E.g., \"Our system should not increase the likelihood of extinction risks\".");
        // "Assurance properties", grade 5
        assertThat(rubric.node("assurance-properties").orElseThrow().requireScale().descriptor(5)).contains(
                "Broad consensus that one assurance property is likely to work, is being strongly pursued, and there"
                        + " is a strong case for it to be sufficient. All the assumptions the assurance properties are"
                        + " operating under are clearly stated and justified.");
        // the OCR's "Al developers" is written "AI developers"
        assertThat(rubric.node("evaluation-protocols").orElseThrow().requireScale().descriptor(3).orElseThrow())
                .contains("AI developers implement and justify measures").doesNotContain("Al developers");
    }

    @Test
    void deployment_and_containment_measures_share_one_scale() {
        ScaleDefinition deployment = rubric.node("deployment-measures").orElseThrow().requireScale();
        ScaleDefinition containment = rubric.node("containment-measures").orElseThrow().requireScale();
        assertThat(deployment).isEqualTo(containment);
        assertThat(deployment.descriptor(4)).contains("Third-parties have certified the effectiveness of a fixed set"
                + " of countermeasures against current and near-future threats, and check that current efforts are on"
                + " track to sufficiently mitigate the risk from future systems.");
        assertThat(rubric.node("assurance-properties").orElseThrow().requireScale()).isNotEqualTo(deployment);
    }

    @Test
    void bands_run_from_non_existent_to_strong_over_0_to_5() {
        assertThat(rubric.bands()).containsExactly(
                new Band("Non-existent", BigDecimal.ZERO, BigDecimal.ZERO, true),
                new Band("Very weak", new BigDecimal("0"), new BigDecimal("1"), false),
                new Band("Weak", new BigDecimal("1"), new BigDecimal("2"), false),
                new Band("Moderate", new BigDecimal("2"), new BigDecimal("3"), false),
                new Band("Substantial", new BigDecimal("3"), new BigDecimal("4"), false),
                new Band("Strong", new BigDecimal("4"), new BigDecimal("5"), false));
        assertThat(rubric.scoreMin()).isEqualTo(0.0);
        assertThat(rubric.scoreMax()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void a_score_on_a_boundary_belongs_to_the_lower_band() {
        assertThat(rubric.band(0)).map(Band::label).contains("Non-existent");
        assertThat(rubric.band(0.1)).map(Band::label).contains("Very weak");
        assertThat(rubric.band(1)).map(Band::label).contains("Very weak");
        assertThat(rubric.band(1.05)).map(Band::label).contains("Weak");
        assertThat(rubric.band(3)).map(Band::label).contains("Moderate");
        assertThat(rubric.band(5)).map(Band::label).contains("Strong");
        assertThat(rubric.band(5.2)).isEmpty();
        assertThat(rubric.band(-0.1)).isEmpty();
    }

    @Test
    void a_weighted_mean_that_misses_a_boundary_by_rounding_stays_in_the_lower_band() {
        // seven criteria all graded 3: the weighted sum in double arithmetic need not be exactly 3
        var weights = rubric.effectiveWeights();
        double score = rubric.leaves().stream().mapToDouble(leaf -> weights.get(leaf.code()) * 3).sum();
        assertThat(score).isCloseTo(3.0, within(1e-12));
        assertThat(rubric.band(score)).map(Band::label).contains("Moderate");
        assertThat(rubric.band(3 + 1e-12)).map(Band::label).contains("Moderate");
    }
}
