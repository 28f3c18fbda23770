package org.delphipanel.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.Role;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StudyRulesViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;

    private static List<String> texts(Class<? extends Component> type) {
        return _find(type).stream().map(c -> c.getElement().getText()).toList();
    }

    @Test
    void an_expert_on_the_panel_sees_the_question_and_every_rule() {
        var rules = new StudyRules("iqr<=1", StudyRules.DEFAULT_STOPPING_RULE, 4, true, 6, RationalePolicy.ALWAYS, true);
        Fixture fixture = data.aDraftStudy(1, 1, rules);
        login(data.email(fixture.expert(0)), "EXPERT");
        UI.getCurrent().navigate("studies/" + fixture.study().id() + "/rules");
        NavigatorKt.expectView(StudyRulesView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-question")).getText())
                .isEqualTo("Question: How mature?");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-state")).getText())
                .isEqualTo("In setup · No round yet");
        assertThat(texts(DescriptionList.Term.class)).containsExactly("Consensus rule", "Stopping rule",
                "Maximum number of rounds", "Cells that reached consensus", "Quartiles and IQR", "Rationale",
                "A new round starts");
        assertThat(texts(DescriptionList.Description.class)).containsExactly("iqr<=1", StudyRules.DEFAULT_STOPPING_RULE,
                "4", "Rated again in the next round", "Hyndman–Fan type 6 (SPSS, Minitab)", "Required for every rating",
                "With each expert's own previous ratings filled in");
    }

    @Test
    void someone_outside_the_panel_is_told_and_sees_no_rules() {
        Fixture fixture = data.aDraftStudy(1, 1);
        login(data.aUser(Role.EXPERT, "outsider").email(), "EXPERT");
        UI.getCurrent().navigate("studies/" + fixture.study().id() + "/rules");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-refused")).getText())
                .isEqualTo("You are not on the panel of study " + fixture.study().name() + ".");
        assertThat(_find(DescriptionList.class)).isEmpty();
    }
}
