package org.delphipanel.study.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;

/**
 * Setting up and running one study: details, rules, targets and evidence, panel, rounds. Open to
 * facilitators and administrators by role; the service then allows only this study's facilitators
 * (and administrators), and the view says so to anyone else.
 */
@Route("studies/:studyId/setup")
@PageTitle("Study setup | Delphi Panel")
@RolesAllowed({"FACILITATOR", "ADMIN"})
class StudySetupView extends VerticalLayout implements BeforeEnterObserver {

    static final String DETAILS = "Details";
    static final String RULES = "Rules";
    static final String TARGETS = "Targets & evidence";
    static final String PANEL = "Panel";
    static final String ROUNDS = "Rounds";

    private final transient StudyService studies;
    private final transient UserService users;
    private final transient FrameworkService frameworks;
    private @Nullable SetupContext context;
    private @Nullable TabSheet tabs;

    StudySetupView(StudyService studies, UserService users, FrameworkService frameworks) {
        this.studies = studies;
        this.users = users;
        this.frameworks = frameworks;
        addClassName("dp-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<StudyId> id = StudyRoutes.studyId(event);
        if (id.isEmpty() || studies.findStudy(id.get()).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        long userId = users.requireCurrentUser("set up a study").id().value();
        removeAll();
        if (!studies.mayManage(userId, id.get())) {
            add(new H1("Study setup"));
            var refused = new Paragraph("Only a facilitator of this study or an administrator can set it up.");
            refused.setId("setup-refused");
            refused.getElement().setAttribute("role", "alert");
            add(refused);
            return;
        }
        context = new SetupContext(studies, frameworks, userId, id.get(), this::render);
        render();
    }

    /** Builds the page again from the stored study, staying on the tab the facilitator was on. */
    private void render() {
        SetupContext setup = context;
        if (setup == null) {
            return;
        }
        int selected = tabs == null ? 0 : tabs.getSelectedIndex();
        Study study = setup.study();
        removeAll();
        var heading = new H1(study.name());
        var state = new Paragraph(Texts.state(study.state()) + " · "
                + Texts.round(studies.currentRound(study.id()).orElse(null)));
        state.setId("setup-state");
        state.getElement().setAttribute("role", "status");
        tabs = new TabSheet();
        tabs.setId("setup-tabs");
        tabs.setWidthFull();
        tabs.add(DETAILS, new DetailsSection(setup));
        tabs.add(RULES, new RulesSection(setup));
        tabs.add(TARGETS, new TargetsSection(setup));
        tabs.add(PANEL, new PanelSection(setup));
        tabs.add(ROUNDS, new RoundsSection(setup));
        tabs.setSelectedIndex(selected);
        add(heading, state, tabs);
    }
}
