package org.delphipanel.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HomeViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;

    @Autowired
    UserService users;

    private String email(long userId) {
        return users.findById(new UserId(userId)).orElseThrow().email();
    }

    private String text() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void an_expert_sees_their_study_and_how_many_cells_are_left() {
        var fixture = data.anOpenRound(2, 3);
        login(email(fixture.expert(0)), "EXPERT");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(H2.class)).extracting(H2::getText).contains(fixture.study().name());
        assertThat(text()).contains("0 of 21 cells rated").contains("21 of your 21 cells are not rated yet");
    }

    @Test
    void a_facilitator_sees_how_many_experts_submitted() {
        var fixture = data.anOpenRound(4, 1);
        login(email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(text()).contains("0 of 4 experts submitted");
    }

    private static List<String> links() {
        return _find(Anchor.class).stream().map(a -> a.getHref() + " " + a.getText()).toList();
    }

    @Test
    void a_facilitators_card_links_to_the_setup_and_the_rules_of_the_study() {
        var fixture = data.aDraftStudy(1, 1);
        login(email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate(HomeView.class);
        long id = fixture.study().id().value();
        String name = fixture.study().name();
        assertThat(links()).contains("studies/" + id + "/setup Set up and run " + name,
                "studies/" + id + "/rules Rules of " + name);
        assertThat(links()).noneMatch(link -> link.startsWith("rate/"));
    }

    @Test
    void an_experts_card_links_to_the_ratings_and_the_rules_but_not_to_the_setup() {
        var fixture = data.anOpenRound(1, 1);
        login(email(fixture.expert(0)), "EXPERT");
        UI.getCurrent().navigate(HomeView.class);
        long id = fixture.study().id().value();
        String name = fixture.study().name();
        assertThat(links()).contains("rate/" + id + " Open your ratings for " + name,
                "studies/" + id + "/rules Rules of " + name);
        assertThat(links()).noneMatch(link -> link.contains("/setup"));
    }

    @Test
    void someone_on_no_panel_is_told_how_studies_appear() {
        String email = "loner-" + System.nanoTime() + "@example.org";
        users.createUser(email, "Loner", Role.EXPERT, "correct horse battery staple");
        login(email, "EXPERT");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(H2.class)).isEmpty();
        assertThat(text()).contains("not on the panel of any study").contains("Nothing needs your attention");
    }
}
