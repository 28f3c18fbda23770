package org.delphipanel.scoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundId;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see which statistics of a study, and loads what they need.
 * Authorisation lives here, in the services' layer, not in the views: a view's role annotation is a
 * convenience, this is the rule.
 */
@Component
class ScoringAccess {

    private final UserService users;
    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;

    ScoringAccess(UserService users, StudyService studies, FrameworkService frameworks, RatingService ratings) {
        this.users = users;
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
    }

    /** The signed-in person and their part in the study; refused to anyone not on its panel but administrators. */
    Viewer viewer(StudyId studyId, String attempted) {
        AppUser user = users.requireCurrentUser(attempted);
        studies.study(studyId);
        Viewer viewer = new Viewer(user, studies.panelist(studyId, user.id().value()).orElse(null));
        if (viewer.panelist() == null && !viewer.facilitates()) {
            throw new AccessDeniedException("You are not on the panel of this study, so you cannot " + attempted + ".");
        }
        return viewer;
    }

    /** As {@link #viewer}, but only for the study's facilitators and administrators. */
    Viewer facilitator(StudyId studyId, String attempted) {
        Viewer viewer = viewer(studyId, attempted);
        if (!viewer.facilitates()) {
            throw new AccessDeniedException("Only the study's facilitators and administrators can " + attempted + ".");
        }
        return viewer;
    }

    StudyData load(StudyId studyId) {
        Study study = studies.study(studyId);
        Framework framework = frameworks.find(study.frameworkId())
                .orElseThrow(() -> new IllegalStateException("the rubric of study " + study.name() + " is missing"));
        return new StudyData(study, framework, framework.definition().toScoringTree(), framework.criteria(),
                studies.targets(studyId), studies.experts(studyId), studies.rounds(studyId));
    }

    /** A round's ratings; the rating service enforces blindness (experts never read an open round). */
    List<Rating> ratings(Viewer viewer, RoundId roundId) {
        return ratings.roundRatings(viewer.userId(), roundId);
    }

    Map<PanelistId, Instant> submissions(Viewer viewer, RoundId roundId) {
        return ratings.submissions(viewer.userId(), roundId);
    }

    /** Each expert's work done and asked for, settled cells excluded, as the experts themselves see it. */
    Map<PanelistId, Integer> cellsAsked(Viewer viewer, RoundId roundId,
            Map<PanelistId, Integer> done) {
        Map<PanelistId, Integer> asked = new HashMap<>();
        for (var progress : studies.progress(viewer.userId(), roundId)) {
            done.put(progress.expert().panelist().id(), progress.rated());
            asked.put(progress.expert().panelist().id(), progress.cells());
        }
        return asked;
    }

    Round round(RoundId roundId) {
        return studies.round(roundId);
    }

    /** "Demo Expert 3 (Expert 3)" for facilitators; experts see only the pseudonym. */
    String expertLabel(Viewer viewer, Panelist expert) {
        if (!viewer.facilitates()) {
            return expert.pseudonym();
        }
        return users.findById(new UserId(expert.userId()))
                .map(u -> u.displayName() + " (" + expert.pseudonym() + ")")
                .orElse(expert.pseudonym());
    }

    String expertEmail(Panelist expert) {
        return users.findById(new UserId(expert.userId())).map(AppUser::email).orElse("");
    }
}
