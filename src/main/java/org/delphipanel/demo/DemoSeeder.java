package org.delphipanel.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.BuiltInFrameworks;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.stats.Quantiles;
import org.delphipanel.study.EvidenceDetails;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo study through the same public services a facilitator and the experts use, so the
 * demo obeys every rule the product enforces. Runs only on an empty database (no users) and only
 * when {@code delphi.demo.enabled} is true; all or nothing, in one transaction.
 */
@Component
public class DemoSeeder {

    public static final String PASSWORD = "delphi-demo-2026";
    public static final String STUDY_NAME = "SaferAI maturity 2026 — demo panel";
    static final long SEED = 20_261_204L;

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final UserService users;
    private final BuiltInFrameworks builtInFrameworks;
    private final StudyService studies;
    private final RatingService ratings;
    private final Clock clock;

    DemoSeeder(UserService users, BuiltInFrameworks builtInFrameworks, StudyService studies, RatingService ratings,
            Clock clock) {
        this.users = users;
        this.builtInFrameworks = builtInFrameworks;
        this.studies = studies;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** Seeds the demo when the database has no users yet; returns whether it did. */
    @Transactional
    public boolean seedIfEmpty() {
        if (!users.list().isEmpty()) {
            log.info("Demo data not seeded: the database already has users");
            return false;
        }
        Framework saferAi = builtInFrameworks.saferAi();
        users.createUser("admin@example.org", "Demo Administrator", Role.ADMIN, PASSWORD);
        AppUser facilitator = users.createUser("facilitator@example.org", "Demo Facilitator", Role.FACILITATOR, PASSWORD);
        List<AppUser> experts = new ArrayList<>();
        for (int e = 1; e <= DemoPanel.EXPERTS; e++) {
            experts.add(users.createUser("expert" + e + "@example.org", "Demo Expert " + e, Role.EXPERT, PASSWORD));
        }

        // the demo facilitator sets the study up, as a person would in the setup view
        long facilitatorId = facilitator.id().value();
        Study study = studies.createStudy(facilitatorId, saferAi.id(), new StudyDetails(STUDY_NAME,
                "A demonstration study with fictional organisations and generated ratings.",
                "How mature is this AI developer's risk management on each criterion of the SaferAI rubric,"
                        + " judged from its public documents?"),
                // consensus cells are carried forward (rated again), so every demo round rates every cell
                new StudyRules(StudyRules.DEFAULT_CONSENSUS_RULE, StudyRules.DEFAULT_STOPPING_RULE, 4, true, 7,
                        RationalePolicy.WHEN_DEVIATING, false));
        for (AppUser expert : experts) {
            studies.addPanelist(facilitatorId, study.id(), expert.id().value(), PanelRole.EXPERT);
        }
        List<Target> targets = new ArrayList<>();
        for (String name : DemoPanel.TARGETS) {
            String website = "https://example.org/" + name.toLowerCase().replace(' ', '-');
            Target target = studies.addTarget(facilitatorId, study.id(),
                    new TargetDetails(name, "A fictional frontier AI developer (demo data).", website));
            studies.addEvidence(facilitatorId, study.id(), target.id(), new EvidenceDetails(
                    name + " — Frontier safety policy", website + "/safety-policy",
                    "Describes capability thresholds, evaluation cadence and the mitigations the developer commits to.",
                    LocalDate.of(2026, 3, 14)));
            studies.addEvidence(facilitatorId, study.id(), target.id(), new EvidenceDetails(name + " — Model card",
                    website + "/model-card",
                    "Reports pre-deployment evaluations, red-teaming scope and third-party access.",
                    LocalDate.of(2026, 9, 2)));
            targets.add(target);
        }

        List<Criterion> criteria = saferAi.criteria();
        var panel = new DemoPanel(criteria.size(), SEED);
        BigDecimal[][][] previous = new BigDecimal[targets.size()][criteria.size()][experts.size()];
        for (int roundNumber = 1; roundNumber <= 3; roundNumber++) {
            boolean last = roundNumber == 3;
            Round round = studies.openNextRound(facilitatorId, study.id(),
                    last ? clock.instant().plus(Duration.ofDays(14)) : null);
            for (int t = 0; t < targets.size(); t++) {
                for (int c = 0; c < criteria.size(); c++) {
                    double median = roundNumber == 1 ? 0 : median(previous[t][c]);
                    for (int e = 0; e < experts.size(); e++) {
                        if (last && !panel.ratedYet(e)) {
                            continue;
                        }
                        BigDecimal grade = roundNumber == 1
                                ? panel.firstRound(t, c, e)
                                : panel.revision(t, c, previous[t][c][e], median, e);
                        String rationale = rationale(grade, roundNumber, median);
                        ratings.save(experts.get(e).id().value(), new RatingChange(round.id(), targets.get(t).id(),
                                criteria.get(c).id(), grade, Confidence.values()[panel.confidenceIndex()], rationale,
                                List.of(), null));
                        previous[t][c][e] = grade;
                    }
                }
            }
            if (!last) {
                for (AppUser expert : experts) {
                    ratings.submit(expert.id().value(), round.id());
                }
                studies.closeRound(facilitatorId, round.id());
            }
        }
        log.info("Seeded the demo study '{}' with {} targets, {} experts and 3 rounds (sign in as"
                + " facilitator@example.org / {})", STUDY_NAME, targets.size(), experts.size(), PASSWORD);
        return true;
    }

    private static double median(BigDecimal[] grades) {
        return Quantiles.median(Arrays.stream(grades).mapToDouble(BigDecimal::doubleValue).toArray());
    }

    private static String rationale(BigDecimal grade, int round, double previousMedian) {
        double g = grade.doubleValue();
        if (round > 1 && Math.abs(g - previousMedian) > 1) {
            return "I keep a rating away from the panel's median: the published policy does not support more"
                    + " (or less) than this level.";
        }
        if (g < 1) {
            return "Little public information on this point.";
        }
        if (g < 3) {
            return "Some elements are described, but thresholds and evidence of effectiveness are thin.";
        }
        return "Precisely described, with third-party involvement reported.";
    }
}
