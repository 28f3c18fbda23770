package org.delphipanel.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.RationalePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Malformed values in the rating form (grades off the scale or between steps, non-numbers, a too-long
 * rationale): a specific "Not saved" message and the stored rating unchanged. The rubric's scale is 0
 * to 5 in steps of 0.1.
 */
class RateCellBadInputTest extends KaribuTest {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    private Panel panel;

    private RateCellView open() {
        panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        UI.getCurrent().navigate(RateCellView.class, new RouteParameters(Map.of(
                "studyId", Long.toString(panel.study().id().value()),
                "targetId", Long.toString(panel.targets().get(0).id().value()),
                "criterionCode", panel.criterion(0).code())));
        return _get(RateCellView.class);
    }

    private java.util.List<Rating> stored() {
        return ratings.myRatings(panel.expert(0), panel.round().id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5.1       | must lie between 0 and 5
            7         | must lie between 0 and 5
            -0.1      | must lie between 0 and 5
            -1000000  | must lie between 0 and 5
            1e308     | must lie between 0 and 5
            2.35      | multiple of 0.1
            3.00001   | multiple of 0.1
            NaN       | not a number
            Infinity  | not a number
            -Infinity | not a number
            """)
    void a_bad_grade_is_not_saved_and_the_message_says_why(double grade, String reason) {
        RateCellView view = open();
        view.gradeField.setValue(3.0);
        Rating before = stored().getFirst();

        view.gradeField.setValue(grade);

        assertThat(view.saveStatus.getText()).startsWith("Not saved").containsIgnoringCase(reason);
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void a_rationale_over_10000_characters_is_not_saved_and_the_message_says_why() {
        RateCellView view = open();
        view.gradeField.setValue(3.0);
        Rating before = stored().getFirst();
        view.rationale.setValue("y".repeat(10_001));
        assertThat(view.saveStatus.getText()).startsWith("Not saved").contains("at most 10,000 characters");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void a_whitespace_only_rationale_is_stored_as_no_rationale() {
        RateCellView view = open();
        view.gradeField.setValue(3.0);
        view.rationale.setValue(" \t\n ");
        assertThat(view.saveStatus.getText()).startsWith("Saved at");
        assertThat(stored()).singleElement().satisfies(rating -> assertThat(rating.rationale()).isNull());
    }

    @Test
    void clearing_the_grade_asks_for_one_and_keeps_the_stored_rating() {
        RateCellView view = open();
        view.gradeField.setValue(3.0);
        Rating before = stored().getFirst();
        view.gradeField.clear();
        view.rationale.setValue("A reason without a grade.");
        assertThat(view.saveStatus.getText()).startsWith("Not saved yet: enter a grade first");
        assertThat(stored()).containsExactly(before);
    }
}
