package org.delphipanel.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two tabs of one expert on the same cell: each view keeps the version it loaded, so the tab that
 * saves second from a stale version is told so on the page and overwrites nothing.
 */
class RateCellConflictTest extends KaribuTest {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    @Autowired
    StudyService studies;

    private RateCellView open(Panel panel) {
        UI.getCurrent().navigate(RateCellView.class, new RouteParameters(Map.of(
                "studyId", Long.toString(panel.study().id().value()),
                "targetId", Long.toString(panel.targets().get(0).id().value()),
                "criterionCode", panel.criterion(0).code())));
        return _get(RateCellView.class);
    }

    @Test
    void the_tab_that_saves_second_from_a_stale_version_shows_the_conflict_and_changes_nothing() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView firstTab = open(panel);
        UI.getCurrent().navigate("");
        RateCellView secondTab = open(panel);
        assertThat(secondTab).as("two separate views of the same cell").isNotSameAs(firstTab);

        secondTab.gradeField.setValue(2.5);
        assertThat(secondTab.saveStatus.getText()).startsWith("Saved at");

        firstTab.gradeField.setValue(4.0);
        assertThat(firstTab.saveStatus.getText())
                .isEqualTo("Not saved: this cell was changed in another tab or window (now 2.5); reload it to see"
                        + " the latest rating.");
        assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).singleElement()
                .satisfies(stored -> assertThat(stored.grade()).isEqualByComparingTo("2.5"));

        // the second tab goes on from the version it saved; the first, still stale, is refused again
        secondTab.gradeField.setValue(3.0);
        assertThat(secondTab.saveStatus.getText()).startsWith("Saved at");
        firstTab.gradeField.setValue(1.0);
        assertThat(firstTab.saveStatus.getText()).startsWith("Not saved: ").contains("another tab or window");
        assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).singleElement()
                .satisfies(stored -> assertThat(stored.grade()).isEqualByComparingTo("3.0"));
    }

    @Test
    void a_save_after_the_round_closed_says_so_on_the_page() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView tab = open(panel);
        studies.closeRound(panel.facilitatorId(), panel.round().id());

        tab.gradeField.setValue(2.0);
        assertThat(tab.saveStatus.getText()).isEqualTo("Not saved: round 1 is closed: ratings can no longer change.");
        assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).isEmpty();
    }
}
