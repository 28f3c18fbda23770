package org.delphipanel.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.framework.FrameworkSummary;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyService;
import org.springframework.security.access.AccessDeniedException;

/** The studies a facilitator runs (all of them, for an administrator) and a form to start a new one. */
@Route("studies")
@PageTitle("Studies | Delphi Panel")
@Menu(title = "Studies", order = 10, icon = "vaadin:clipboard-text")
@RolesAllowed({"FACILITATOR", "ADMIN"})
class StudiesView extends VerticalLayout {

    private final transient StudyService studies;
    private final long userId;

    private final Select<FrameworkSummary> framework = new Select<>();
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextArea question = new TextArea("Question the experts answer");
    private final Paragraph formError = new Paragraph();

    StudiesView(StudyService studies, UserService users, FrameworkService frameworks) {
        this.studies = studies;
        AppUser user = users.requireCurrentUser("see studies");
        this.userId = user.id().value();
        addClassName("dp-view");
        setWidthFull();
        List<StudyOverview> overviews = user.is(Role.ADMIN) ? studies.allOverviews(userId) : studies.overviewsFor(userId);
        add(new H1("Studies"), createGrid(overviews), new H2("New study"), createForm(frameworks.list()));
    }

    private Component createGrid(List<StudyOverview> overviews) {
        var grid = new Grid<StudyOverview>();
        grid.setId("studies-grid");
        grid.setAriaLabel("Your studies");
        grid.addColumn(o -> o.study().name()).setHeader("Study").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(o -> Texts.state(o.study().state())).setHeader("State").setAutoWidth(true);
        grid.addColumn(o -> Texts.round(o.currentRound())).setHeader("Current round").setAutoWidth(true);
        grid.addColumn(o -> o.myRole() == null ? "Administrator" : o.myRole() == PanelRole.FACILITATOR
                ? "Facilitator" : "Expert").setHeader("Your part").setAutoWidth(true);
        grid.addColumn(o -> o.targetCount() + " targets, " + o.expertCount() + " experts").setHeader("Size")
                .setAutoWidth(true);
        grid.addComponentColumn(this::createOpenButton).setHeader("Action").setKey("action").setAutoWidth(true);
        grid.setItems(overviews);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No studies yet. Create one below.");
        return grid;
    }

    private Component createOpenButton(StudyOverview overview) {
        Study study = overview.study();
        boolean manages = overview.myRole() != PanelRole.EXPERT;
        var open = new Button(manages ? "Set up and run" : "Rules",
                event -> UI.getCurrent().navigate("studies/" + study.id() + (manages ? "/setup" : "/rules")));
        open.setAriaLabel((manages ? "Set up and run " : "Rules of ") + study.name());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    private Component createForm(List<FrameworkSummary> rubrics) {
        framework.setId("new-study-framework");
        framework.setLabel("Rubric version");
        framework.setItems(rubrics);
        framework.setItemLabelGenerator(f -> f.name() + " (" + f.label() + ", " + f.criterionCount() + " criteria)");
        if (!rubrics.isEmpty()) {
            framework.setValue(rubrics.get(0));
        }
        framework.setRequiredIndicatorVisible(true);
        name.setId("new-study-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(300);
        description.setId("new-study-description");
        question.setId("new-study-question");
        question.setHelperText("e.g. How mature is this developer's risk management on this criterion?");
        var create = new Button("Create study", event -> create());
        create.setId("new-study-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formError.setId("new-study-error");
        formError.getElement().setAttribute("role", "alert");
        formError.addClassName("dp-error");
        var form = new FormLayout(framework, name, description, question);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var layout = new VerticalLayout(form, formError, new HorizontalLayout(create));
        layout.setPadding(false);
        return layout;
    }

    private void create() {
        formError.setText("");
        name.setInvalid(false);
        if (framework.getValue() == null) {
            formError.setText("Choose a rubric version.");
            return;
        }
        try {
            Study study = studies.createStudy(userId, framework.getValue().id(),
                    new StudyDetails(name.getValue(), description.getValue(), question.getValue()));
            UI.getCurrent().navigate("studies/" + study.id() + "/setup");
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
            formError.setText(refused.getMessage());
        }
    }
}
