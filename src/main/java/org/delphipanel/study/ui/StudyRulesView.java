package org.delphipanel.study.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.springframework.security.access.AccessDeniedException;

/** A study's question and rules, for everyone on its panel (experts included); the service checks membership. */
@Route("studies/:studyId/rules")
@PageTitle("Study rules | Delphi Panel")
@PermitAll
class StudyRulesView extends VerticalLayout implements BeforeEnterObserver {

    private final transient StudyService studies;
    private final transient UserService users;

    StudyRulesView(StudyService studies, UserService users) {
        this.studies = studies;
        this.users = users;
        addClassName("dp-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<StudyId> id = StudyRoutes.studyId(event);
        if (id.isEmpty() || studies.findStudy(id.get()).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        try {
            Study study = studies.studyForMember(users.requireCurrentUser("see a study's rules").id().value(), id.get());
            show(study);
        } catch (AccessDeniedException refused) {
            add(new H1("Study rules"));
            var message = new Paragraph(refused.getMessage());
            message.setId("rules-refused");
            message.getElement().setAttribute("role", "alert");
            add(message);
        }
    }

    private void show(Study study) {
        add(new H1(study.name()));
        if (study.question() != null) {
            var question = new Paragraph("Question: " + study.question());
            question.setId("rules-question");
            add(question);
        }
        if (study.description() != null) {
            add(new Paragraph(study.description()));
        }
        var state = new Paragraph(Texts.state(study.state()) + " · "
                + Texts.round(studies.currentRound(study.id()).orElse(null)));
        state.setId("rules-state");
        add(state, new H2("Rules"), new RulesList(study.rules()),
                new Paragraph("The rules are fixed before round 1 opens and stay the same for the whole study."));
    }
}
