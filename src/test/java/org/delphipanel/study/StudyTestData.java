package org.delphipanel.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.springframework.stereotype.Component;

/** Builds studies in a given state through the public services, with unique names per call. */
@Component
public class StudyTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final StudyService studies;
    private final FrameworkService frameworks;

    StudyTestData(UserService users, StudyService studies, FrameworkService frameworks) {
        this.users = users;
        this.studies = studies;
        this.frameworks = frameworks;
    }

    /** A study with its panel and targets, before round 1. */
    public Fixture aDraftStudy(int experts, int targets) {
        int n = SEQUENCE.incrementAndGet();
        String tag = System.nanoTime() + "-" + n;
        Framework saferAi = frameworks.latest("saferai-2024").orElseThrow();
        Study study = studies.createStudy("Study " + tag, null, "How mature?", saferAi.id(), StudyRules.defaults());
        long facilitator = users.createUser("facilitator-" + tag + "@example.org", "Facilitator " + tag,
                Role.FACILITATOR, "correct horse battery staple").id().value();
        studies.addPanelist(study.id(), facilitator, PanelRole.FACILITATOR);
        List<Long> expertIds = new ArrayList<>();
        for (int e = 1; e <= experts; e++) {
            long id = users.createUser("expert" + e + "-" + tag + "@example.org", "Expert " + e + " " + tag, Role.EXPERT,
                    "correct horse battery staple").id().value();
            studies.addPanelist(study.id(), id, PanelRole.EXPERT);
            expertIds.add(id);
        }
        List<Target> targetList = new ArrayList<>();
        for (int t = 1; t <= targets; t++) {
            targetList.add(studies.addTarget(study.id(), "Target " + t + " " + tag, null, null));
        }
        return new Fixture(study, facilitator, List.copyOf(expertIds), List.copyOf(targetList), saferAi, null);
    }

    /** A study whose round 1 is open. */
    public Fixture anOpenRound(int experts, int targets) {
        Fixture draft = aDraftStudy(experts, targets);
        Round round = studies.openNextRound(draft.study().id(), null);
        return draft.withRound(round);
    }

    /** A study in draft, its panel and targets, and its current round (or null). */
    public record Fixture(Study study, long facilitatorId, List<Long> expertIds, List<Target> targets, Framework framework,
            Round round) {

        Fixture withRound(Round newRound) {
            return new Fixture(study, facilitatorId, expertIds, targets, framework, newRound);
        }

        public long expert(int index) {
            return expertIds.get(index);
        }
    }
}
