package org.delphipanel.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.delphipanel.rating.CellStatus;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.study.RationalePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateCellViewTest extends KaribuTest {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    private RateCellView open(Panel panel, int target, int criterion) {
        UI.getCurrent().navigate(RateCellView.class, new RouteParameters(Map.of(
                "studyId", Long.toString(panel.study().id().value()),
                "targetId", Long.toString(panel.targets().get(target).id().value()),
                "criterionCode", panel.criterion(criterion).code())));
        return _get(RateCellView.class);
    }

    private static String text(RateCellView view) {
        return view.getElement().getTextRecursively();
    }

    @Test
    void the_cell_shows_the_level_descriptors_and_the_targets_evidence() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView view = open(panel, 0, 0);
        String descriptor5 = panel.criterion(0).scale().descriptor(5).orElseThrow();
        assertThat(text(view)).contains("Levels of this criterion").contains(descriptor5)
                .contains("Safety policy of target 1").contains("Round 1");
        assertThat(_find(Div.class, spec -> spec.withId("feedback"))).as("no feedback in round 1").isEmpty();
    }

    @Test
    void every_change_is_saved_at_once_and_the_slider_follows_the_number_field() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView view = open(panel, 0, 0);
        assertThat(view.saveStatus.getText()).contains("Not rated yet");

        view.gradeField.setValue(3.7);
        assertThat(view.gradeSlider.getValue()).isEqualTo(3.7);
        assertThat(view.saveStatus.getText()).startsWith("Saved at");
        view.confidence.setValue(Confidence.HIGH);
        view.rationale.setValue("Thresholds are published.");
        view.gradeSlider.setValue(4.1);
        assertThat(view.gradeField.getValue()).isEqualTo(4.1);

        var stored = ratings.myRatings(panel.expert(0), panel.round().id());
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.grade()).isEqualByComparingTo("4.1");
            assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(r.rationale()).isEqualTo("Thresholds are published.");
            assertThat(r.version()).isEqualTo(3);
        });
        assertThat(view.cellStatus.getElement().getTextRecursively()).contains("Rated");
    }

    @Test
    void a_grade_between_steps_is_not_saved_and_the_message_says_why() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView view = open(panel, 0, 0);
        view.gradeField.setValue(2.35);
        assertThat(view.saveStatus.getText()).startsWith("Not saved").contains("multiple of 0.1");
        assertThat(ratings.myRatings(panel.expert(0), panel.round().id())).isEmpty();
    }

    @Test
    void from_round_two_the_panels_feedback_is_shown_and_a_deviating_grade_asks_for_a_rationale() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.WHEN_DEVIATING, true, false), 3, 1);
        data.rate(panel, 0, 0, 0, "2.0", "Only a blog post.");
        data.rate(panel, 1, 0, 0, "3.0", "A policy with thresholds.");
        data.rate(panel, 2, 0, 0, "3.5", "External audit announced.");
        Panel round2 = data.nextRound(panel);
        login(panel.expertEmails().get(0), "EXPERT");
        RateCellView view = open(round2, 0, 0);

        // numpy: np.percentile([2.0, 3.0, 3.5], [25, 50, 75], method='linear') -> [2.5, 3.0, 3.25]
        String feedback = _get(Div.class, spec -> spec.withId("feedback")).getElement().getTextRecursively();
        assertThat(feedback).contains("Panel feedback from round 1")
                .contains("Your rating in round 1: 2.0").contains("Your rationale: Only a blog post.")
                .contains("median 3").contains("interquartile range 0.75 (from 2.5 to 3.25")
                .contains("Only a blog post.").contains("A policy with thresholds.").contains("External audit announced.")
                .contains("Consensus reached").contains("Distribution of the panel's 3 ratings in round 1");

        view.gradeField.setValue(5.0);
        assertThat(view.saveStatus.getText()).startsWith("Saved at");
        assertThat(view.cellStatus.getElement().getTextRecursively())
                .contains(CellStatus.NEEDS_RATIONALE.label()).contains("interquartile range");
        view.rationale.setValue("A new third-party audit report.");
        assertThat(view.cellStatus.getElement().getTextRecursively()).contains("Status: Rated");
    }

    @Test
    void a_facilitator_cannot_open_a_cell() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.facilitatorEmail(), "FACILITATOR");
        assertThatThrownBy(() -> open(panel, 0, 0)).isInstanceOf(MockAccessDeniedException.class);
    }
}
