package org.delphipanel.home;

import java.util.List;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.rating.RatingService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the home page's cards: each study of the signed-in person and what it asks of them now. */
@Service
@Transactional(readOnly = true)
public class HomeService {

    private final UserService users;
    private final StudyService studies;
    private final RatingService ratings;
    private final FrameworkService frameworks;

    HomeService(UserService users, StudyService studies, RatingService ratings, FrameworkService frameworks) {
        this.users = users;
        this.studies = studies;
        this.ratings = ratings;
        this.frameworks = frameworks;
    }

    public List<StudyCard> cardsForCurrentUser() {
        AppUser user = users.requireCurrentUser("see the home page");
        long userId = user.id().value();
        List<StudyOverview> overviews = user.role() == Role.ADMIN ? studies.allOverviews(userId) : studies.overviewsFor(userId);
        return overviews.stream().map(overview -> card(userId, overview)).toList();
    }

    private StudyCard card(long userId, StudyOverview overview) {
        var study = overview.study();
        Round round = overview.currentRound();
        String frameworkLabel = frameworks.find(study.frameworkId()).map(Framework::label).orElse("unknown rubric");
        String roleLabel = overview.myRole() == null ? "Administrator"
                : overview.myRole() == PanelRole.EXPERT ? "Expert" : "Facilitator";
        String roundLabel = round == null ? "No round opened yet"
                : "Round " + round.number() + " of at most " + study.rules().maxRounds() + ": "
                        + round.state().name().toLowerCase();
        String progress = "";
        String attention = "";
        if (round != null && round.isOpen()) {
            if (overview.myRole() == PanelRole.EXPERT) {
                var mine = ratings.progress(userId, round.id());
                int rated = mine.rated();
                int open = mine.total();
                progress = mine.summary();
                if (rated < open) {
                    attention = study.name() + ": round " + round.number() + " is open and " + (open - rated)
                            + " of your " + open + " cells are not rated yet.";
                }
            } else if (overview.myRole() == PanelRole.FACILITATOR) {
                int submitted = ratings.submissions(userId, round.id()).size();
                progress = submitted + " of " + overview.expertCount() + " experts submitted";
                if (submitted < overview.expertCount()) {
                    attention = study.name() + ": round " + round.number() + " is open; " + submitted + " of "
                            + overview.expertCount() + " experts have submitted.";
                }
            }
        }
        return new StudyCard(study.id().value(), study.name(), study.question(), roleLabel, frameworkLabel,
                overview.targetCount(), overview.expertCount(), roundLabel,
                round != null && round.isOpen() ? round.closesAt() : null, progress, attention,
                studies.mayManage(userId, study.id()));
    }
}
