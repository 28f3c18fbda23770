package org.delphipanel.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.IntStream;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StudiesViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;

    @Autowired
    StudyService studies;

    @Test
    void a_facilitator_sees_their_studies_with_state_and_current_round() {
        Fixture fixture = data.anOpenRound(1, 1);
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate("studies");
        NavigatorKt.expectView(StudiesView.class);

        @SuppressWarnings("unchecked")
        Grid<StudyOverview> grid = _get(Grid.class, spec -> spec.withId("studies-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).startsWith(fixture.study().name(), "Running", "Round 1, open",
                "Facilitator", "1 targets, 1 experts");
    }

    @Test
    void a_facilitator_creates_a_study_and_lands_on_its_setup() {
        AppUser facilitator = data.aUser(Role.FACILITATOR, "creator");
        login(facilitator.email(), "FACILITATOR");
        UI.getCurrent().navigate("studies");
        String name = "View-created " + StudyTestData.uniqueTag();
        _get(TextField.class, spec -> spec.withId("new-study-name")).setValue(name);
        _get(TextArea.class, spec -> spec.withId("new-study-question")).setValue("How mature?");
        _click(_get(Button.class, spec -> spec.withId("new-study-create")));

        NavigatorKt.expectView(StudySetupView.class);
        assertThat(studies.overviewsFor(facilitator.id().value())).singleElement()
                .satisfies(o -> assertThat(o.study().name()).isEqualTo(name))
                .satisfies(o -> assertThat(o.study().question()).isEqualTo("How mature?"));
    }

    @Test
    void a_study_without_a_name_is_not_created_and_the_field_says_why() {
        AppUser facilitator = data.aUser(Role.FACILITATOR, "nameless");
        login(facilitator.email(), "FACILITATOR");
        UI.getCurrent().navigate("studies");
        _click(_get(Button.class, spec -> spec.withId("new-study-create")));
        TextField name = _get(TextField.class, spec -> spec.withId("new-study-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("a study's name is required");
        assertThat(studies.overviewsFor(facilitator.id().value())).isEmpty();
    }

    @Test
    void an_expert_is_refused_the_studies_page() {
        AppUser expert = data.aUser(Role.EXPERT, "expert");
        login(expert.email(), "EXPERT");
        assertThatThrownBy(() -> UI.getCurrent().navigate("studies")).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_administrator_sees_every_study() {
        Fixture fixture = data.aDraftStudy(0, 0);
        AppUser admin = data.aUser(Role.ADMIN, "admin");
        login(admin.email(), "ADMIN");
        UI.getCurrent().navigate("studies");
        @SuppressWarnings("unchecked")
        Grid<StudyOverview> grid = _get(Grid.class, spec -> spec.withId("studies-grid"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row).study().id()))
                .contains(fixture.study().id());
    }
}
