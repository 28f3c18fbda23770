package org.delphipanel.stats;

/** The SaferAI scoring tree and small panels on it, shared by the score tests. */
final class ScoresTestData {

    static final String OVERALL = "overall";
    static final String IDENTIFICATION = "risk-identification";
    static final String TOLERANCE = "risk-tolerance-analysis";
    static final String GLOBAL = "global-risk-tolerance";
    static final String OPERATIONAL = "operational-risk-tolerance";
    static final String EVALUATION = "evaluation-protocols";
    static final String MITIGATION = "risk-mitigation";
    static final String DEPLOYMENT = "deployment-measures";
    static final String CONTAINMENT = "containment-measures";
    static final String ASSURANCE = "assurance-properties";

    /** The seven criteria in the tree's pre-order. */
    static final String[] CRITERIA = {IDENTIFICATION, GLOBAL, OPERATIONAL, EVALUATION, DEPLOYMENT, CONTAINMENT,
        ASSURANCE};

    private ScoresTestData() {
    }

    /**
     * Campos et al. (2024), SaferAI, section 3 and Annex A: overall = mean of the three dimensions; risk
     * tolerance and analysis = 25% global + 50% operational + 25% evaluation protocols; risk mitigation =
     * thirds; every criterion 0 to 5 in steps of 0.1; the six SaferAI bands.
     */
    static ScoringTree saferAiTree() {
        Scale scale = Scale.saferAi();
        return ScoringTree.builder()
                .root(OVERALL)
                .criterion(IDENTIFICATION, OVERALL, 1.0 / 3, scale)
                .node(TOLERANCE, OVERALL, 1.0 / 3)
                .criterion(GLOBAL, TOLERANCE, 0.25, scale)
                .criterion(OPERATIONAL, TOLERANCE, 0.50, scale)
                .criterion(EVALUATION, TOLERANCE, 0.25, scale)
                .node(MITIGATION, OVERALL, 1.0 / 3)
                .criterion(DEPLOYMENT, MITIGATION, 1.0 / 3, scale)
                .criterion(CONTAINMENT, MITIGATION, 1.0 / 3, scale)
                .criterion(ASSURANCE, MITIGATION, 1.0 / 3, scale)
                .bands(ScoringTree.saferAiBands())
                .build();
    }

    /** A tree with one criterion, for small bootstrap cases. */
    static ScoringTree singleCriterionTree(Scale scale) {
        return ScoringTree.builder().root("root").criterion("only", "root", 1, scale).build();
    }
}
