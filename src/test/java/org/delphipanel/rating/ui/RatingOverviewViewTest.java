package org.delphipanel.rating.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingTestData;
import org.delphipanel.rating.RatingTestData.Panel;
import org.delphipanel.study.RationalePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RatingOverviewViewTest extends KaribuTest {

    @Autowired
    RatingTestData data;

    @Autowired
    RatingService ratings;

    private void open(Panel panel) {
        UI.getCurrent().navigate(RatingOverviewView.class,
                new RouteParameters("studyId", Long.toString(panel.study().id().value())));
    }

    @Test
    void an_expert_sees_every_cell_with_its_status_in_words_and_the_progress() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.ALWAYS, true, false), 2, 2);
        data.rate(panel, 0, 0, 0, "2.5", "Published policy.");
        data.rate(panel, 0, 1, 3, "4.0", null);
        data.rate(panel, 1, 0, 1, "1.0", "Another expert's rating stays invisible.");
        login(panel.expertEmails().get(0), "EXPERT");
        open(panel);

        assertThat(_get(Paragraph.class, spec -> spec.withId("round-progress")).getText())
                .contains("Round 1").contains("no deadline").contains("1 of 14 cells rated");
        var labels = _find(RouterLink.class).stream()
                .map(link -> link.getElement().getAttribute("aria-label"))
                .filter(label -> label != null)
                .toList();
        assertThat(labels).hasSize(14);
        assertThat(labels).filteredOn(l -> l.endsWith(": Rated, 2.5")).hasSize(1);
        assertThat(labels).filteredOn(l -> l.endsWith(": Needs rationale, 4.0")).hasSize(1);
        assertThat(labels).filteredOn(l -> l.endsWith(": Not rated")).hasSize(12);
        String missing = _get(Div.class, spec -> spec.withId("missing-cells")).getElement().getTextRecursively();
        assertThat(missing).contains("Not rated yet (12)").contains("needing a rationale (1)");
    }

    @Test
    void submitting_with_cells_left_asks_first_and_then_confirms_in_text() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.expertEmails().get(0), "EXPERT");
        open(panel);
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Submit round")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).contains("7 cells not done");
        ButtonKt._click(_get(dialog, Button.class, spec -> spec.withText("Submit anyway")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("submit-status")).getText())
                .contains("submitted").contains("0 of 7 cells rated").contains("until the round closes");
        assertThat(ratings.submissions(panel.facilitatorId(), panel.round().id())).hasSize(1);
    }

    @Test
    void a_facilitator_cannot_open_the_rating_overview() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(panel.facilitatorEmail(), "FACILITATOR");
        assertThatThrownBy(() -> open(panel)).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_expert_of_another_study_finds_no_study_here_and_learns_nothing_of_it() {
        Panel panel = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        Panel other = data.anOpenRound(RatingTestData.rules(RationalePolicy.NEVER, true, false), 1, 1);
        login(other.expertEmails().get(0), "EXPERT");
        open(panel);
        assertThat(_find(RouterLink.class)).noneMatch(link -> link.getElement().getAttribute("aria-label") != null);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().contains("There is no study at this address"));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement()
                .getTextRecursively()).doesNotContain(panel.study().name());
    }
}
