package org.delphipanel.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds studies in a given state through the public services, with unique names per call. The
 * study's facilitator (created here) performs every step, as in the application.
 */
@Component
public class StudyTestData {

    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final StudyService studies;
    private final FrameworkService frameworks;

    StudyTestData(UserService users, StudyService studies, FrameworkService frameworks) {
        this.users = users;
        this.studies = studies;
        this.frameworks = frameworks;
    }

    /** A tag no other call (or earlier run on the shared PostgreSQL schema) has used. */
    public static String uniqueTag() {
        return System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new enabled account with the given global role. */
    public AppUser aUser(Role role, String who) {
        String tag = uniqueTag();
        return users.createUser(who + "-" + tag + "@example.org", who + " " + tag, role, PASSWORD);
    }

    /** The sign-in e-mail address of an account, e.g. to log in as a fixture's facilitator in a view test. */
    public String email(long userId) {
        return users.findById(new UserId(userId)).orElseThrow().email();
    }

    /** A study with its panel and targets, before round 1. */
    public Fixture aDraftStudy(int experts, int targets) {
        return aDraftStudy(experts, targets, StudyRules.defaults());
    }

    /** A study with its panel, targets and the given rules, before round 1. */
    public Fixture aDraftStudy(int experts, int targets, StudyRules rules) {
        String tag = uniqueTag();
        Framework saferAi = frameworks.latest("saferai-2024").orElseThrow();
        long facilitator = users.createUser("facilitator-" + tag + "@example.org", "Facilitator " + tag,
                Role.FACILITATOR, PASSWORD).id().value();
        Study study = studies.createStudy(facilitator, saferAi.id(), new StudyDetails("Study " + tag, null,
                "How mature?"), rules);
        List<Long> expertIds = new ArrayList<>();
        for (int e = 1; e <= experts; e++) {
            long id = users.createUser("expert" + e + "-" + tag + "@example.org", "Expert " + e + " " + tag, Role.EXPERT,
                    PASSWORD).id().value();
            studies.addPanelist(facilitator, study.id(), id, PanelRole.EXPERT);
            expertIds.add(id);
        }
        List<Target> targetList = new ArrayList<>();
        for (int t = 1; t <= targets; t++) {
            targetList.add(studies.addTarget(facilitator, study.id(),
                    new TargetDetails("Target " + t + " " + tag, null, null)));
        }
        return new Fixture(study, facilitator, List.copyOf(expertIds), List.copyOf(targetList), saferAi, null);
    }

    /** A study whose round 1 is open. */
    public Fixture anOpenRound(int experts, int targets) {
        Fixture draft = aDraftStudy(experts, targets);
        Round round = studies.openNextRound(draft.facilitatorId(), draft.study().id(), null);
        return draft.withRound(round);
    }

    /** The fixture's current round closed by its facilitator. */
    public Fixture closeRound(Fixture fixture) {
        return fixture.withRound(studies.closeRound(fixture.facilitatorId(), fixture.round().id()));
    }

    /** The fixture's next round opened by its facilitator, optionally with a deadline. */
    public Fixture openNextRound(Fixture fixture, @Nullable Instant deadline) {
        return fixture.withRound(studies.openNextRound(fixture.facilitatorId(), fixture.study().id(), deadline));
    }

    /** An evidence item added to a target of a draft study by its facilitator. */
    public EvidenceItem evidence(Fixture fixture, Target target, String title) {
        return studies.addEvidence(fixture.facilitatorId(), fixture.study().id(), target.id(),
                new EvidenceDetails(title, "https://example.org/" + title.replace(' ', '-'), "An excerpt.", null));
    }

    /** A study in draft, its panel and targets, and its current round (or null). */
    public record Fixture(Study study, long facilitatorId, List<Long> expertIds, List<Target> targets, Framework framework,
            @Nullable Round round) {

        public Fixture withRound(Round newRound) {
            return new Fixture(study, facilitatorId, expertIds, targets, framework, newRound);
        }

        public long expert(int index) {
            return expertIds.get(index);
        }
    }
}
