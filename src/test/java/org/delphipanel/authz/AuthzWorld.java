package org.delphipanel.authz;

import org.delphipanel.rating.CellKey;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.EvidenceDetails;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetDetails;
import org.springframework.stereotype.Component;

/**
 * The studies the authorization matrix is checked against, built through the public services:
 * <ul>
 * <li>{@code study}: "this study", with facilitator {@code facilitator}, experts {@code expert} (a
 * caller) and {@code otherPanelist} (whose ratings nobody else on the panel may read while a round is
 * open); round 1 closed with results computed and published, round 2 open with a rating of
 * {@code otherPanelist} whose rationale is {@link #SECRET};</li>
 * <li>{@code draft}: a second study of the same panel, still in draft (for the setup steps);</li>
 * <li>{@code otherStudy}: another study, with its own facilitator and expert, round 1 open.</li>
 * </ul>
 */
@Component
public class AuthzWorld {

    /** The rationale of another expert's rating in this study's open round: no expert may ever read it. */
    public static final String SECRET = "SECRET-open-round-rationale-of-another-expert";

    private final RatingTestData ratingData;
    private final StudyTestData studyData;
    private final StudyService studies;
    private final ResultsService results;

    AuthzWorld(RatingTestData ratingData, StudyTestData studyData, StudyService studies, ResultsService results) {
        this.ratingData = ratingData;
        this.studyData = studyData;
        this.studies = studies;
        this.results = results;
    }

    public World build() {
        Panel round1 = ratingData.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 2, 1);
        ratingData.rate(round1, 0, 0, 0, "2.0", "round one, the expert");
        ratingData.rate(round1, 1, 0, 0, "3.0", "round one, the other panelist");
        ratingData.rate(round1, 0, 0, 1, "1.0", null);
        ratingData.rate(round1, 1, 0, 1, "4.0", null);
        Panel open = ratingData.nextRound(round1);
        ratingData.rate(open, 1, 0, 0, "4.5", SECRET);
        ratingData.rate(open, 0, 0, 1, "1.5", "the expert's own open-round rationale");
        ActingAs.user(round1.facilitatorEmail(), "FACILITATOR");
        try {
            results.compute(open.study().id());
            results.publish(open.study().id());
        } finally {
            ActingAs.nobody();
        }
        Round closed = studies.rounds(open.study().id()).getFirst();

        long facilitator = open.facilitatorId();
        Study draft = studies.createStudy(facilitator, open.framework().id(),
                new StudyDetails("Draft of " + open.study().name(), null, "How mature?"));
        studies.addPanelist(facilitator, draft.id(), open.expert(0), PanelRole.EXPERT);
        studies.addPanelist(facilitator, draft.id(), open.expert(1), PanelRole.EXPERT);
        Target draftTarget = studies.addTarget(facilitator, draft.id(),
                new TargetDetails("Draft target " + StudyTestData.uniqueTag(), null, null));
        EvidenceItem draftEvidence = studies.addEvidence(facilitator, draft.id(), draftTarget.id(),
                new EvidenceDetails("A model card", "https://example.org/card", "An excerpt.", null));

        Panel other = ratingData.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        AppUser admin = studyData.aUser(Role.ADMIN, "admin");
        AppUser newcomer = studyData.aUser(Role.EXPERT, "newcomer");
        AppUser newFacilitator = studyData.aUser(Role.FACILITATOR, "new-facilitator");

        return new World(open, closed, open.round(), draft, draftTarget, draftEvidence, other,
                new Callers(open.expert(0), other.expert(0), facilitator, other.facilitatorId(), admin.id().value()),
                open.expert(1), newcomer, newFacilitator);
    }

    /** The user ids of the five signed-in callers; the anonymous caller has none. */
    public record Callers(long expert, long otherExpert, long facilitator, long otherFacilitator, long admin) {
    }

    public record World(Panel panel, Round closedRound, Round openRound, Study draft, Target draftTarget,
            EvidenceItem draftEvidence, Panel other, Callers callers, long otherPanelist, AppUser newcomer,
            AppUser newFacilitator) {

        public Study study() {
            return panel.study();
        }

        public Target target() {
            return panel.targets().getFirst();
        }

        public CellKey cell(int criterion) {
            return panel.cell(0, criterion);
        }
    }
}
