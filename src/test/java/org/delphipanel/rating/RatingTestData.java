package org.delphipanel.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.EvidenceDetails;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.TargetDetails;
import org.delphipanel.study.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Studies with chosen rules and an open round 1, built through the public services, for rating tests. */
@Component
public class RatingTestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;

    RatingTestData(UserService users, StudyService studies, FrameworkService frameworks, RatingService ratings) {
        this.users = users;
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
    }

    public static StudyRules rules(RationalePolicy policy, boolean carryConsensus, boolean prefillPrevious) {
        return new StudyRules(StudyRules.DEFAULT_CONSENSUS_RULE, StudyRules.DEFAULT_STOPPING_RULE, 4, carryConsensus,
                7, policy, prefillPrevious);
    }

    /** A study with these rules, its panel and targets, and round 1 open. */
    public Panel anOpenRound(StudyRules rules, int experts, int targets) {
        String tag = System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        Framework saferAi = frameworks.latest("saferai-2024").orElseThrow();
        long facilitator = users.createUser("rfacilitator-" + tag + "@example.org", "Facilitator " + tag,
                Role.FACILITATOR, PASSWORD).id().value();
        Study study = studies.createStudy(facilitator, saferAi.id(),
                new StudyDetails("Rating study " + tag, null, "How mature?"), rules);
        List<Long> expertIds = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int e = 1; e <= experts; e++) {
            String email = "rexpert" + e + "-" + tag + "@example.org";
            expertIds.add(users.createUser(email, "Expert " + e + " " + tag, Role.EXPERT, PASSWORD).id().value());
            emails.add(email);
            studies.addPanelist(facilitator, study.id(), expertIds.getLast(), PanelRole.EXPERT);
        }
        List<Target> targetList = new ArrayList<>();
        for (int t = 1; t <= targets; t++) {
            Target target = studies.addTarget(facilitator, study.id(),
                    new TargetDetails("Rated target " + t + " " + tag, null, null));
            studies.addEvidence(facilitator, study.id(), target.id(), new EvidenceDetails(
                    "Safety policy of target " + t, "https://example.org/" + t, "An excerpt.", null));
            targetList.add(target);
        }
        Round round = studies.openNextRound(facilitator, study.id(), null);
        return new Panel(studies.study(study.id()), facilitator, "rfacilitator-" + tag + "@example.org",
                List.copyOf(expertIds), List.copyOf(emails), List.copyOf(targetList), saferAi, round);
    }

    /** Saves a grade for expert {@code expert} on target {@code target} x criterion {@code criterion}. */
    public Rating rate(Panel panel, int expert, int target, int criterion, String grade, @Nullable String rationale) {
        var key = panel.cell(target, criterion);
        Integer version = ratings.myRatings(panel.expert(expert), panel.round().id()).stream()
                .filter(r -> r.targetId().equals(key.targetId()) && r.criterionId() == key.criterionId())
                .map(Rating::version).findFirst().orElse(null);
        return ratings.save(panel.expert(expert), new RatingChange(panel.round().id(), key.targetId(), key.criterionId(),
                new BigDecimal(grade), Confidence.MEDIUM, rationale, List.of(), version));
    }

    /** Closes the current round and opens the next one. */
    public Panel nextRound(Panel panel) {
        studies.closeRound(panel.facilitatorId(), panel.round().id());
        return panel.withRound(studies.openNextRound(panel.facilitatorId(), panel.study().id(), null));
    }

    /** A study, its facilitator, experts (user ids and e-mails), targets, rubric and current round. */
    public record Panel(Study study, long facilitatorId, String facilitatorEmail, List<Long> expertIds,
            List<String> expertEmails, List<Target> targets, Framework framework, Round round) {

        public long expert(int index) {
            return expertIds.get(index);
        }

        public Criterion criterion(int index) {
            return framework.criteria().get(index);
        }

        public CellKey cell(int target, int criterion) {
            return new CellKey(targets.get(target).id(), criterion(criterion).id());
        }

        public int cellCount() {
            return targets.size() * framework.criteria().size();
        }

        Panel withRound(Round next) {
            return new Panel(study, facilitatorId, facilitatorEmail, expertIds, expertEmails, targets, framework, next);
        }
    }
}
